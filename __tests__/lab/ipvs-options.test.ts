import * as fs from "node:fs";
import { App } from "cdktf";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addIpvsOptionsStack, IPVS_OPTIONS, IPVS_OPTIONS_STACK } from "../../lab/common/ipvs-options-stack";
import { parseCloudConfig, parseNics } from "../../lab/common/payload";
import { labNodesOf } from "../../lab/common/stacks";
import { VM_SCENARIOS } from "../../lab/vm/scenarios";

// Only the options stack: the VM lab boots exactly these documents.
const outdir = mkdtempSync(join(tmpdir(), "hal-ipvs-options-"));
const app = new App({ outdir });
addIpvsOptionsStack(app);
app.synth();
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
const nodes = labNodesOf(outdir, IPVS_OPTIONS_STACK, { sshPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 lab", authkeySecret: "s" });
const byName = (name: string) => nodes.find((n) => n.hostname === name)!;

describe("VM lab scenario ids", () => {
  it("are unique and well formed", () => {
    expect(new Set(VM_SCENARIOS).size).toBe(VM_SCENARIOS.length);
    for (const id of VM_SCENARIOS) expect(id).toMatch(/^vm\.[a-z0-9-]+\.[a-z0-9-]+$/);
  });

  it("are each run by the VM lab (acceptance.ts or a topology file it calls)", () => {
    const dir = join(__dirname, "../../lab/vm");
    const sources = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && f !== "scenarios.ts")
      .map((f) => fs.readFileSync(join(dir, f), "utf8"))
      .join("\n");
    expect(VM_SCENARIOS.filter((id) => !sources.includes(`"${id}"`))).toEqual([]);
  });

  it("include one scenario per IPVS option the ipvs-options topology proves", () => {
    expect(VM_SCENARIOS.filter((id) => id.startsWith("vm.ipvs-options."))).toEqual([
      "vm.ipvs-options.schedulers",
      "vm.ipvs-options.wrr-weights",
      "vm.ipvs-options.persistence",
      "vm.ipvs-options.udp",
      "vm.ipvs-options.guest-settings",
    ]);
  });
});

describe("the ipvs-options lab stack", () => {
  it("is one director and three web servers", () => {
    expect(nodes.map((n) => n.hostname)).toEqual(["lb1", "web1", "web2", "web3"]);
  });

  it("gives the director wrr 3/2/1, a persistent service and a udp service on one VIP, all NAT", () => {
    const rules = parseCloudConfig(byName("lb1").userData).files.find((f) => f.path === "/etc/ipvsadm.rules")?.content;
    expect(rules).toBe(
      [
        "-A -t 192.168.56.10:80 -s wrr",
        "-a -t 192.168.56.10:80 -r 192.168.200.11:80 -m -w 3",
        "-a -t 192.168.56.10:80 -r 192.168.200.12:80 -m -w 2",
        "-a -t 192.168.56.10:80 -r 192.168.200.13:80 -m -w 1",
        "-A -t 192.168.56.10:8080 -s rr -p 300",
        "-a -t 192.168.56.10:8080 -r 192.168.200.11:80 -m -w 1",
        "-a -t 192.168.56.10:8080 -r 192.168.200.12:80 -m -w 1",
        "-a -t 192.168.56.10:8080 -r 192.168.200.13:80 -m -w 1",
        "-A -u 192.168.56.10:5300 -s rr",
        "-a -u 192.168.56.10:5300 -r 192.168.200.11:5300 -m -w 1",
        "-a -u 192.168.56.10:5300 -r 192.168.200.12:5300 -m -w 1",
        "-a -u 192.168.56.10:5300 -r 192.168.200.13:5300 -m -w 1",
        "",
      ].join("\n"),
    );
  });

  it("renames the NICs and routes through the declared gateways", () => {
    expect(parseNics(byName("lb1").networkConfig)).toEqual([
      expect.objectContaining({ name: "front", addresses: ["192.168.56.11/24", "192.168.56.10/24"], gateway: IPVS_OPTIONS.publicGateway }),
      expect.objectContaining({ name: "back", addresses: ["192.168.200.254/24"] }),
    ]);
    expect(parseNics(byName("web2").networkConfig)).toEqual([
      expect.objectContaining({ name: "back", addresses: ["192.168.200.12/24"], gateway: "192.168.200.254" }),
    ]);
  });
});
