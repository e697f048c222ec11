/**
 * Self-test of the VM lab with hand-written fixture payloads (lab/vm/fixtures):
 *
 *   single  one VM, apache2 page naming the host on a `public` NIC matched by MAC;
 *           the client curls the page and ssh's in to read `hostname`.
 *   ha      a Heartbeat pair (IPaddr2 VIP + apache2 as resources, ucast on the private segment):
 *           the VIP serves srv1's page; crash srv1 -> srv2 serves it; srv1 back -> auto_failback.
 *   nat     an IPVS NAT director (VIP on public, rr) + two web servers on the private
 *           segment (default route via the director); 100 requests split 50/50.
 *
 * Usage (root): [HAL_VM_TIER=qemu] ts-node lab/vm/selftest.ts [single|nat|ha|all]   (default: single, on UML)
 * Prints wall times per phase and host memory per VM; exits non-zero on failure.
 */
import * as assert from "assert";
import * as path from "path";
import { LabNode } from "../common/payload";
import { ensureBaseImage } from "./image";
import { sleep } from "../common/proc";
import { defaultLog } from "./host";
import { loadNodesDir, VmLab, withVmLab } from "./vm";

const FIXTURES = path.join(__dirname, "fixtures");

/** Loads fixtures/<scenario>/<host>/{user-data,meta-data,network-config}, with the lab key filled in. */
export function loadFixture(scenario: string): LabNode[] {
  return loadNodesDir(path.join(FIXTURES, scenario));
}

interface Report {
  scenario: string;
  timings: Record<string, number>;
  rssMiB: Record<string, number>;
}

async function single(): Promise<Report> {
  const t0 = Date.now();
  return withVmLab({ nodes: loadFixture("single") }, async (lab) => {
    const page = await lab.curl("http://192.168.56.21/");
    assert.strictEqual(page.status, 200, `curl: ${page.code} ${page.stderr}`);
    assert.match(page.body, /served by web1/);
    const host = await lab.execOk("web1", "hostname", { asRoot: false });
    assert.strictEqual(host.trim(), "web1");
    const ip = await lab.execOk("web1", "ip -br addr show public");
    // UML's vector NICs report no carrier state: operstate UNKNOWN while up (virtio-net: UP)
    assert.match(ip, /^public\s+(UP|UNKNOWN)\s+192\.168\.56\.21\/24/m);
    return {
      scenario: "single",
      timings: { ...lab.timings, scenario: round1((Date.now() - t0) / 1000 - sum(lab.timings)) },
      rssMiB: lab.memory(),
    };
  });
}

async function nat(): Promise<Report> {
  const t0 = Date.now();
  return withVmLab({ nodes: loadFixture("nat") }, async (lab) => {
    const timings: Record<string, number> = {};
    const ts = Date.now();
    const counts: Record<string, number> = {};
    for (let i = 0; i < 100; i++) {
      const r = await lab.curl("http://192.168.56.10/");
      assert.strictEqual(r.status, 200, `request ${i}: ${r.code} ${r.stderr}`);
      const who = (r.body.match(/served by (\S+?)</) ?? [])[1] ?? "?";
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
    for (let i = 0; i < 4; i++) again.push(((await lab.curl("http://192.168.56.10/")).body.match(/served by (\S+?)</) ?? [])[1] ?? "?");
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
    last = r.status ? ((r.body.match(/served by (\S+?)</) ?? [])[1] ?? r.body.slice(0, 80)) : r.stderr.trim();
    if (last === want) return round1((Date.now() - t) / 1000);
    await sleep(500);
  }
  throw new Error(`${url} not served by ${want} within ${boundSec} s (last: ${last})`);
}

async function ha(): Promise<Report> {
  const t0 = Date.now();
  return withVmLab({ nodes: loadFixture("ha") }, async (lab) => {
    const timings: Record<string, number> = {};
    const vip = "http://192.168.56.10/";
    timings.vipUp = await waitServedBy(lab, vip, "srv1", 180);
    assert.match(await lab.execOk("srv1", "ip -br addr show public"), /192\.168\.56\.10\/24/);
    assert.doesNotMatch(await lab.execOk("srv2", "ip -br addr show public"), /192\.168\.56\.10\//);
    assert.match(await lab.execOk("srv2", "systemctl is-active apache2 || true"), /inactive/);
    lab.stop("srv1"); // crash the active node
    timings.failover = await waitServedBy(lab, vip, "srv2", 120);
    const tb = Date.now();
    await lab.start("srv1");
    timings.srv1Reboot = round1((Date.now() - tb) / 1000);
    timings.failback = await waitServedBy(lab, vip, "srv1", 180); // auto_failback on
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
  const reports: Report[] = [];
  if (which === "single" || which === "all") reports.push(await single());
  if (which === "nat" || which === "all") reports.push(await nat());
  if (which === "ha" || which === "all") reports.push(await ha());
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
