/**
 * Benchmarks: how long rendering, planning and synthesis take, and how close the payloads come
 * to the platforms' limits. Prints figures and ratios; asserts nothing.
 */
import { performance } from "perf_hooks";
import { gzipSync } from "zlib";
import { Testing } from "cdktf";
import { renderNodePayload } from "../cloud-init";
import { planCluster } from "../constructs";
import { GUESTINFO_VALUE_LIMIT, vsphereMetadata } from "../constructs";
import { PLATFORMS, PRESET_STACKS } from "../stacks";
import { synthesizedNodes } from "../lab/common/synthesized";

function timeIt(runs: number, work: () => void): { mean: number; p95: number } {
  work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { mean: samples.reduce((a, b) => a + b, 0) / runs, p95: samples[Math.floor(runs * 0.95)] };
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

console.log("## Synthesis per stack (in-process, Testing.synth)\n");
console.log("| stack | VMs | mean | p95 |\n|---|---:|---:|---:|");
const synthesized = new Map<string, string>();
for (const [name, Stack] of Object.entries(PRESET_STACKS)) {
  for (const kind of PLATFORMS) {
    const id = `${name}-${kind}`;
    const stats = timeIt(10, () => synthesized.set(id, Testing.synth(new Stack(Testing.app(), id, { platform: { kind } }))));
    const vms = synthesizedNodes(JSON.parse(synthesized.get(id)!)).length;
    console.log(`| ${id} | ${vms} | ${ms(stats.mean)} | ${ms(stats.p95)} |`);
  }
}

console.log("\n## Planning and rendering the ha-lb topology (5 nodes, no cdktf)\n");
const haLb = JSON.parse(synthesized.get("ha-lb-libvirt")!);
const decl = {
  networks: { public: { cidr: "192.168.56.0/24", gateway: "192.168.56.1" }, private: { cidr: "192.168.200.0/24" } },
  admin: { sshAuthorizedKeys: ["${var.ssh_public_key}"] },
  nodes: [
    { name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.251" },
    { name: "lb2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.252" },
    ...[1, 2, 3].map((n) => ({ name: `web${n}`, privateAddress: `192.168.200.1${n}`, web: true })),
  ],
  heartbeat: { nodes: ["lb1", "lb2"], vips: [{ address: "192.168.56.10" }], resources: [], secret: "${random_password.x.result}" },
  loadBalancer: {
    directors: ["lb1", "lb2"],
    vip: "192.168.56.10",
    gatewayVip: "192.168.200.254",
    services: [{ port: 80, realServers: [1, 2, 3].map((n) => ({ node: `web${n}` })) }],
  },
};
const mac = (node: string, role: string) => `52:54:00:00:${role === "public" ? "01" : "02"}:0${node.length}`;
const plan = timeIt(200, () => planCluster(decl, "bench", mac));
const nodes = planCluster(decl, "bench", mac);
const render = timeIt(200, () => nodes.forEach((n) => renderNodePayload(n.spec)));
console.log(`| step | mean | p95 |\n|---|---:|---:|`);
console.log(`| plan + validate | ${ms(plan.mean)} | ${ms(plan.p95)} |`);
console.log(`| render 5 payloads | ${ms(render.mean)} | ${ms(render.p95)} |`);
const synthMean = timeIt(5, () => Testing.synth(new PRESET_STACKS["ha-lb"](Testing.app(), "x", { platform: { kind: "libvirt" } }))).mean;
console.log(`\nplan+render is ${(((plan.mean + render.mean) / synthMean) * 100).toFixed(1)}% of a full synth of the same topology (${ms(synthMean)}).`);

console.log("\n## Payload sizes against vSphere's guestinfo limit (64 KiB per value, after gzip+base64)\n");
console.log("| node (ha-lb) | user-data bytes | encoded | share of limit | metadata encoded |\n|---|---:|---:|---:|---:|");
for (const node of synthesizedNodes(haLb)) {
  const encoded = gzipSync(node.userData).toString("base64").length;
  const meta = gzipSync(vsphereMetadata(node)).toString("base64").length;
  console.log(`| ${node.hostname} | ${node.userData.length} | ${encoded} | ${((encoded / GUESTINFO_VALUE_LIMIT) * 100).toFixed(1)}% | ${meta} |`);
}
