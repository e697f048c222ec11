import { renderDirectorSysctl, renderNftablesConf, renderNodePayload, validateFirewallRole } from "../../cloud-init";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
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

describe("nftables filter", () => {
  const director = {
    masquerade,
    filter: {
      sshFrom: ["192.168.56.0/24"],
      services: [
        { protocol: "tcp" as const, port: 80, to: ["192.168.56.10"] },
        { protocol: "udp" as const, port: 53, to: ["192.168.56.10"] },
      ],
      peers: [
        { protocol: "udp" as const, port: 694, interface: "private", from: ["192.168.200.252"] },
        { protocol: "udp" as const, port: 694, interface: "public", from: ["192.168.56.12"] },
      ],
      engine: "heartbeat",
      forward: {
        network: "192.168.200.0/24",
        privateInterface: "private",
        publicInterface: "public",
        replies: [
          { address: "192.168.200.11", port: 80 },
          { address: "192.168.200.12", port: 80 },
          { protocol: "udp" as const, address: "192.168.200.11", port: 53 },
        ],
      },
    },
  };

  it("renders a director's ruleset the kernel accepts: drop by default, each allowance named", () => {
    const conf = renderNftablesConf(director);
    expect(nftCheck(conf)).toBe("");
    const rules = conf.split("\n").map((l) => l.trim());
    expect(rules).toContain("type filter hook input priority filter; policy drop;");
    expect(rules).toContain("type filter hook forward priority filter; policy drop;");
    expect(rules).toContain("ip saddr 192.168.56.0/24 tcp dport 22 accept");
    expect(rules).toContain("ip daddr 192.168.56.10 tcp dport 80 accept");
    expect(rules).toContain("ip daddr 192.168.56.10 udp dport 53 accept");
    expect(rules).toContain('iifname "private" ip saddr 192.168.200.252 udp dport 694 accept');
    expect(rules).toContain('udp dport 694 counter drop comment "heartbeat: not from the peer"');
    expect(rules).toContain('iifname "private" oifname "public" ip saddr { 192.168.200.11, 192.168.200.12 } tcp sport 80 accept');
    expect(rules).toContain('iifname "private" oifname "public" ip saddr 192.168.200.11 udp sport 53 accept');
    expect(rules).toContain('iifname "private" oifname "public" ip saddr 192.168.200.0/24 ct state new accept');
    // heartbeat's drop comes after the peers' accepts, and nothing is accepted after the final drop
    expect(rules.indexOf('udp dport 694 counter drop comment "heartbeat: not from the peer"')).toBeGreaterThan(
      rules.indexOf('iifname "public" ip saddr 192.168.56.12 udp dport 694 accept'),
    );
    const input = rules.slice(rules.indexOf("chain input {"), rules.indexOf("chain forward {"));
    expect(input.at(-2)).toBe('counter drop comment "input: not allowed"');
  });

  it("takes VRRP from the peer for keepalived", () => {
    const conf = renderNftablesConf({
      filter: {
        sshFrom: ["10.0.0.0/8"],
        services: [{ port: 80 }],
        peers: [{ protocol: "vrrp", interface: "private", from: ["192.168.200.252"] }],
        engine: "keepalived",
      },
    });
    expect(nftCheck(conf)).toBe("");
    expect(conf).toContain('iifname "private" ip saddr 192.168.200.252 ip protocol vrrp accept');
    expect(conf).toContain('ip protocol vrrp counter drop comment "keepalived: not from the peer"');
    expect(conf).not.toContain("table ip nat");
    expect(conf).toContain("\t\ttcp dport 80 accept\n");
  });

  it("is byte-identical for the same role", () => {
    expect(renderNftablesConf(director)).toBe(renderNftablesConf(JSON.parse(JSON.stringify(director))));
  });

  it("lists every bad field of a filter", () => {
    const issues = validateFirewallRole({
      filter: {
        sshFrom: ["admins"],
        services: [{ port: 0, to: ["vip"] }],
        peers: [{ protocol: "udp", interface: "Eth 0", from: [] }],
      },
    });
    expect(issues.map((i) => i.field)).toEqual([
      "filter.sshFrom[0]",
      "filter.services[0].port",
      "filter.services[0].to[0]",
      "filter.peers[0].port",
      "filter.peers[0].interface",
      "filter.peers[0].from",
    ]);
  });
});

describe("director sysctl", () => {
  it("hardens rp_filter and redirects on all, default and each NIC, only when asked", () => {
    expect(renderDirectorSysctl()).not.toContain("rp_filter");
    const text = renderDirectorSysctl(["public", "private"]);
    for (const scope of ["all", "default", "public", "private"]) {
      expect(text).toContain(`net.ipv4.conf.${scope}.rp_filter = 1\n`);
      expect(text).toContain(`net.ipv4.conf.${scope}.send_redirects = 0\n`);
      expect(text).toContain(`net.ipv4.conf.${scope}.accept_redirects = 0\n`);
    }
  });
});

describe("the default stacks' rulesets", () => {
  // The goldens are the synthesized files byte for byte (golden.test.ts): check those the kernel would load.
  const golden = join(__dirname, "../golden");
  const files = readdirSync(golden).flatMap((stack) =>
    readdirSync(join(golden, stack))
      .map((node) => join(golden, stack, node, "etc/nftables.conf"))
      .filter((file) => existsSync(file)),
  );

  it("exist for every node of the load balancer stacks", () => {
    expect(files.map((f) => f.slice(golden.length + 1))).toHaveLength(16);
  });

  it.each(files.map((f) => [f.slice(golden.length + 1), f]))("%s passes nft -c", (_, file) => {
    expect(nftCheck(readFileSync(file, "utf8"))).toBe("");
  });
});
