/**
 * Self-test of the VM lab's primitives (boot, curl, exec, crash, restart) on payloads the product
 * generates at the start of the run (no hand-written fixtures, so they cannot drift):
 *
 *   single  ipvs-nat-libvirt's web1 alone: apache2 page naming the host on the `private` NIC
 *           matched by MAC; the client curls the page and ssh's in to read `hostname`.
 *   ha      heartbeat-apache-libvirt (IPaddr2 VIP + apache2 as resources): the VIP serves srv1's
 *           page; crash srv1 -> srv2 serves it; srv1 back -> auto_failback.
 *   nat     ipvs-nat-libvirt: an IPVS NAT director (VIP on public, rr) + two web servers on the
 *           private segment (default route via the director); 100 requests split 50/50; web2
 *           crashed and booted again from its disk.
 *
 * Usage (root): [HAL_VM_TIER=qemu] ts-node lab/vm/selftest.ts [single|nat|ha|all]   (default: single, on UML)
 * Prints wall times per phase and host memory per VM; exits non-zero on failure.
 */
import * as assert from "assert";
import * as fs from "fs";
import { LabNode } from "../common/payload";
import { sleep } from "../common/proc";
import { labNodesOf, synthesizeLabStacks } from "../common/stacks";
import { ensureBaseImage } from "./image";
import { defaultLog } from "./host";
import { labSshKey, VmLab, withVmLab } from "./vm";

/** The selftest's payloads: the product's stacks, synthesized now, with the lab's key. */
function productNodes(): { nat: LabNode[]; ha: LabNode[] } {
  const outdir = synthesizeLabStacks();
  try {
    const key = { sshPublicKey: labSshKey().publicKey };
    return { nat: labNodesOf(outdir, "ipvs-nat-libvirt", key), ha: labNodesOf(outdir, "heartbeat-apache-libvirt", key) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const servedBy = (body: string) => /<h1>(.*?)<\/h1>/.exec(body)?.[1];

interface Report {
  scenario: string;
  timings: Record<string, number>;
  rssMiB: Record<string, number>;
}

async function single(nodes: LabNode[]): Promise<Report> {
  const t0 = Date.now();
  return withVmLab({ nodes: nodes.filter((n) => n.hostname === "web1") }, async (lab) => {
    const page = await lab.curl("http://192.168.200.11/");
    assert.strictEqual(page.status, 200, `curl: ${page.code} ${page.stderr}`);
    assert.strictEqual(servedBy(page.body), "web1");
    const host = await lab.execOk("web1", "hostname", { asRoot: false });
    assert.strictEqual(host.trim(), "web1");
    const ip = await lab.execOk("web1", "ip -br addr show private");
    // UML's vector NICs report no carrier state: operstate UNKNOWN while up (virtio-net: UP)
    assert.match(ip, /^private\s+(UP|UNKNOWN)\s+192\.168\.200\.11\/24/m);
    return {
      scenario: "single",
      timings: { ...lab.timings, scenario: round1((Date.now() - t0) / 1000 - sum(lab.timings)) },
      rssMiB: lab.memory(),
    };
  });
}

async function nat(nodes: LabNode[]): Promise<Report> {
  const t0 = Date.now();
  return withVmLab({ nodes }, async (lab) => {
    const timings: Record<string, number> = {};
    const ts = Date.now();
    const counts: Record<string, number> = {};
    for (let i = 0; i < 100; i++) {
      const r = await lab.curl("http://192.168.56.10/");
      assert.strictEqual(r.status, 200, `request ${i}: ${r.code} ${r.stderr}`);
      const who = servedBy(r.body) ?? "?";
      counts[who] = (counts[who] ?? 0) + 1;
    }
    defaultLog(`100 requests: ${JSON.stringify(counts)} in ${((Date.now() - ts) / 1000).toFixed(1)} s`);
    assert.deepStrictEqual(counts, { web1: 50, web2: 50 });
    const table = await lab.execOk("lb1", "ipvsadm -Ln");
    defaultLog(`ipvsadm -Ln on lb1:\n${table}`);
    assert.match(table, /TCP\s+192\.168\.56\.10:80 rr/);
    assert.match(table, /->\s+192\.168\.200\.11:80\s+Masq\s+1/);
    assert.match(table, /->\s+192\.168\.200\.12:80\s+Masq\s+1/);
    const stats = await lab.execOk("lb1", "ipvsadm -Ln --stats");
    assert.match(stats, /192\.168\.56\.10:80\s+100\s/);
    // crash/restart primitive: kill web2's qemu, boot it again from its disk (no cloud-init rerun)
    lab.stop("web2");
    assert.strictEqual(lab.running("web2"), false);
    const down = await lab.exec("web2", "true", { timeoutMs: 8000 });
    assert.notStrictEqual(down.code, 0);
    const tr = Date.now();
    const state = await lab.start("web2");
    defaultLog(`web2 booted again: ${state}`);
    assert.match(state, /^(running|degraded)$/);
    timings.restart = Math.round((Date.now() - tr) / 100) / 10;
    assert.strictEqual((await lab.execOk("web2", "hostname", { asRoot: false })).trim(), "web2");
    // after a reboot apache2 must be up again (enabled in the image) and ipvs sends every 2nd request there
    const again: string[] = [];
    for (let i = 0; i < 4; i++) again.push(servedBy((await lab.curl("http://192.168.56.10/")).body) ?? "?");
    assert.deepStrictEqual(again.slice().sort(), ["web1", "web1", "web2", "web2"]);
    return {
      scenario: "nat",
      timings: { ...lab.timings, scenario: round1((Date.now() - t0) / 1000 - sum(lab.timings)), ...timings },
      rssMiB: (() => {
        const m = lab.memory();
        for (const [h, v] of Object.entries(lab.vms)) m[h] = v.rssMiB;
        return m;
      })(),
    };
  });
}

/** Polls the VIP until the page names `want` (or the bound passes); returns seconds taken. */
async function waitServedBy(lab: VmLab, url: string, want: string, boundSec: number): Promise<number> {
  const t = Date.now();
  let last = "";
  while (Date.now() - t < boundSec * 1000) {
    const r = await lab.curl(url, { timeoutMs: 3000 });
    last = r.status ? (servedBy(r.body) ?? r.body.slice(0, 80)) : r.stderr.trim();
    if (last === want) return round1((Date.now() - t) / 1000);
    await sleep(500);
  }
  throw new Error(`${url} not served by ${want} within ${boundSec} s (last: ${last})`);
}

async function ha(nodes: LabNode[]): Promise<Report> {
  const t0 = Date.now();
  return withVmLab({ nodes }, async (lab) => {
    const timings: Record<string, number> = {};
    const vip = "http://192.168.56.10/";
    // bounds as the acceptance runs (the products timers, two takeovers while the pair settles)
    timings.vipUp = await waitServedBy(lab, vip, "srv1", 480);
    assert.match(await lab.execOk("srv1", "ip -br addr show public"), /192\.168\.56\.10\/24/);
    assert.doesNotMatch(await lab.execOk("srv2", "ip -br addr show public"), /192\.168\.56\.10\//);
    assert.match(await lab.execOk("srv2", "systemctl is-active apache2 || true"), /inactive/);
    lab.stop("srv1"); // crash the active node
    timings.failover = await waitServedBy(lab, vip, "srv2", 240);
    const tb = Date.now();
    await lab.start("srv1");
    timings.srv1Reboot = round1((Date.now() - tb) / 1000);
    timings.failback = await waitServedBy(lab, vip, "srv1", 480); // auto_failback on
    defaultLog(`ha: ${JSON.stringify(timings)}`);
    return {
      scenario: "ha",
      timings: { ...lab.timings, scenario: round1((Date.now() - t0) / 1000 - sum(lab.timings)), ...timings },
      rssMiB: Object.fromEntries(Object.entries(lab.vms).map(([h, v]) => [h, v.rssMiB])),
    };
  });
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function sum(t: Record<string, number>): number {
  return Object.values(t).reduce((a, b) => a + b, 0);
}

export async function main(which: string): Promise<void> {
  if (!["single", "nat", "ha", "all"].includes(which)) throw new Error(`unknown selftest ${which} (single|nat|ha|all)`);
  const t = Date.now();
  const img = ensureBaseImage();
  defaultLog(`image: ${img.buildSeconds ? `built in ${img.buildSeconds} s` : "cached"} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  const nodes = productNodes();
  const reports: Report[] = [];
  if (which === "single" || which === "all") reports.push(await single(nodes.nat));
  if (which === "nat" || which === "all") reports.push(await nat(nodes.nat));
  if (which === "ha" || which === "all") reports.push(await ha(nodes.ha));
  for (const r of reports) {
    process.stdout.write(`selftest ${r.scenario}: PASS timings(s)=${JSON.stringify(r.timings)} rssMiB=${JSON.stringify(r.rssMiB)}\n`);
  }
  process.stdout.write(`${reports.length} passed, 0 failed\n`);
}

if (require.main === module) {
  main(process.argv[2] ?? "single").catch((e) => {
    process.stderr.write(`selftest FAILED: ${(e as Error).stack ?? e}\n`);
    process.stdout.write("0 passed, 1 failed\n");
    process.exit(1);
  });
}
