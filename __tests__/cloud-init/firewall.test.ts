import { renderNftablesConf, renderNodePayload, validateFirewallRole } from "../../cloud-init";
import { parse } from "yaml";
import { nftCheck } from "../support/nft-check";

const masquerade = { network: "192.168.200.0/24", outInterface: "public" };

describe("nftables.conf", () => {
  it("masquerades the private network's outbound traffic leaving the public NIC, and nothing else", () => {
    const conf = renderNftablesConf({ masquerade });
    expect(conf).toContain('oifname "public" ip saddr 192.168.200.0/24 counter masquerade comment "snat: private network out"');
    expect(conf.match(/masquerade/g)).toHaveLength(1);
    expect(conf.startsWith("#!/usr/sbin/nft -f\n")).toBe(true);
    expect(nftCheck(conf)).toBe("");
  });

  it("fails nft -c on a broken ruleset, so the check above can fail", () => {
    expect(nftCheck("table ip nat { chain postrouting { masquerade to nowhere } }\n")).toMatch(/exit 1/);
  });

  it("lists every bad field", () => {
    const issues = validateFirewallRole({ masquerade: { network: "192.168.200.0", outInterface: "Public NIC" } });
    expect(issues.map((i) => i.field)).toEqual(["masquerade.network", "masquerade.outInterface"]);
  });

  it("installs nftables, writes the file after the package and loads it before forwarding starts", () => {
    const payload = renderNodePayload({
      hostname: "lb1",
      nics: [
        { name: "public", mac: "52:54:00:00:00:01", address: "192.168.56.11/24" },
        { name: "private", mac: "52:54:00:00:00:02", address: "192.168.200.254/24" },
      ],
      hosts: [],
      admin: { sshAuthorizedKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKey lab"] },
      director: { services: [{ address: "192.168.56.10", port: 80, realServers: [{ address: "192.168.200.11" }] }] },
      firewall: { masquerade },
    });
    const cc = parse(payload.userData);
    expect(cc.packages).toContain("nftables");
    expect(cc.write_files.find((f: { path: string }) => f.path === "/etc/nftables.conf")).toMatchObject({ defer: true });
    const runcmd: string[] = cc.runcmd.map((argv: string[]) => argv.join(" "));
    expect(runcmd.slice(0, 3)).toEqual([
      "nft -f /etc/nftables.conf",
      "systemctl enable nftables.service",
      "sysctl -p /etc/sysctl.d/60-ipvs-director.conf",
    ]);
  });
});
