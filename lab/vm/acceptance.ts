/**
 * VM lab (npm run lab:vm): boots the synthesized libvirt stacks as real Debian 12 guests, each with
 * the exact user-data, meta-data and network-config a libvirt deploy hands it, and runs the labs'
 * acceptance checks: round robin through the VIP, the rules on the director, director failover
 * (Heartbeat's ha-lb and keepalived's ka-lb, whose real-server health checks run too), and
 * Heartbeat + Apache failover. Prints a results table and the wall time of each phase (also
 * written to .lab-cache/vm-lab-phases.json); exits non-zero when a check fails.
 *
 *   npm run lab:vm                                   all topologies on user-mode Linux (default tier)
 *   npm run lab:vm -- --tier qemu heartbeat-apache   one topology as full VMs under qemu TCG
 *   npm run lab:vm -- ha-lb-sync --sync-crashes 5    the download through a crash of lb1, 5 times (default 1)
 */
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { parseArgs } from "util";
import { labNodesOf, synthesizeLabStacks } from "../common/stacks";
import type { LabNode } from "../common/payload";
import { runMain } from "../common/proc";
import { formatTable, runScenario, tally, type Outcome } from "../common/report";
import { ensureBaseImage } from "./image";
import { CACHE_DIR, defaultLog, ensureHostTools, requireRoot } from "./host";
import { TierName, TIERS } from "./tier";
import { HEARTBEAT_TAKEOVER } from "./takeover";
import { labSshKey, VmLab, withVmLab } from "./vm";
import { ipvsOptionsScenarios } from "./ipvs-options";
import { IPVS_OPTIONS_STACK } from "../common/ipvs-options-stack";
import { IPVS_DR_STACK } from "../common/stack-names";
import { ipvsDrScenarios } from "./ipvs-dr";
import { LD_LB_QUIESCE_STACK, LD_LB_STACK } from "../common/ld-lb-stack";
import { ldLbScenarios } from "./ld-lb";
import type { VmScenarioId } from "./scenarios";
import { checkFirewall } from "./firewall-checks";
import { check, now } from "./check";
import {
  balanced,
  clockOffset,
  directorFailover,
  directorRoundRobin,
  rulesMatch,
  SETTLE_LIMIT_S,
  spread,
  spreadOneClient,
  takeoverFigures,
  takeoverTimeline,
  TAKEOVER_LIMIT_S,
  timeline,
  VIP,
  VIP_URL,
  waitServedBy,
  waitSoleHolder,
  type DirectorPair,
} from "./directors";
import { kaLbScenarios } from "./ka-lb";
import { KA_LB_STACK } from "../common/stack-names";
import {
  connectionSyncScenarios,
  downloadAcrossCrash,
  judgeBroken,
  SYNC_CRASHES_MAX,
  SYNC_CRASHES_MIN,
  type CrashedDownload,
} from "./connection-sync";
import { HA_LB_SYNC_STACK, SERVICE_FAILOVER_STACK } from "../common/stack-names";
import { serviceFailoverScenarios } from "./service-failover";

const PUBLIC_SUBNET = "192.168.56.0/24";

interface Row extends Outcome {
  /** The stable id (lab/vm/scenarios.ts) the option coverage map names. */
  readonly id: VmScenarioId;
  readonly figures?: string;
}

/**
 * How often the preferred node's reclaimer asked for the group again this boot: non-zero only
 * when heartbeat's one start-up request was lost (the race lab/vm/README.md describes).
 */
async function reclaims(lab: VmLab, host: string): Promise<string> {
  const r = await lab.exec(host, "journalctl -b --no-pager -t reclaim-resources 2>/dev/null | grep -c 'hb_takeover local' || true");
  const n = Number(r.stdout.trim()) || 0;
  return n === 0 ? "start-up request not lost" : `start-up request lost, repaired by ${n} reclaimer request(s)`;
}

/** What each running VM says about the VIPs, the rules and Heartbeat: printed when a check fails, so CI logs explain it. */
async function diagnose(lab: VmLab): Promise<void> {
  const probe = [
    'echo "load: $(cat /proc/loadavg)"',
    "ip -o -4 addr show | awk '{print \"addr:\", $2, $4}'",
    "ipvsadm -Ln 2>/dev/null | sed 's/^/ipvs: /'",
    "journalctl -b --no-pager -o short-monotonic 2>/dev/null | grep -E 'heartbeat|ResourceManager|IPaddr2|ipvsadm|mach_down|garp|reclaim|Keepalived|ldirectord' | grep -v ' sudo\\[' | tail -n 40",
  ].join("; ");
  for (const host of Object.keys(lab.vms).filter((h) => lab.running(h))) {
    const r = await lab.exec(host, probe, { timeoutMs: 60_000 });
    defaultLog(`--- ${host} (exit ${r.code})\n${(r.stdout + r.stderr).trimEnd()}`);
  }
}

async function scenario(
  rows: Row[],
  id: VmScenarioId,
  name: string,
  body: () => Promise<{ figures: string; detail: string }>,
  lab: VmLab,
): Promise<void> {
  rows.push({ id, ...(await runScenario(name, body, { log: defaultLog, onFailure: () => diagnose(lab) })) });
}

const TOPOLOGIES = [
  "ipvs-nat",
  "ha-lb",
  "heartbeat-apache",
  "heartbeat-sf",
  "ipvs-options",
  "ka-lb",
  "ipvs-dr",
  "ld-lb",
  "ha-lb-sync",
] as const;
type Topology = (typeof TOPOLOGIES)[number];

/**
 * Wall seconds of each topology on UML (boot + scenarios), as a fresh-clone CI measured them in two
 * lanes on this 2-core host (ld-lb and heartbeat-sf with the scenarios added since, estimated), to
 * share them out over the lanes; only their order matters.
 */
const EXPECTED_S: Record<Topology, number> = {
  "ha-lb": 364,
  "ld-lb": 330,
  "ipvs-nat": 280,
  "ha-lb-sync": 265,
  "heartbeat-sf": 245,
  "ka-lb": 205,
  "heartbeat-apache": 159,
  "ipvs-options": 118,
  "ipvs-dr": 117,
};

/** Default lanes: two topologies at a time fit 2 cores and 24 GiB (5 guests take about 1 GiB of host memory). */
const DEFAULT_LANES = 2;

/**
 * Runs each topology once, `lanes` at a time: the longest first, each to the lane that is free
 * soonest by the estimates, so the split is the same on every run. Every lane runs to its end even
 * when another fails (each topology tears its own guests down); the first failure is thrown after.
 */
async function runInLanes(runs: readonly [string, () => Promise<unknown>][], lanes: number): Promise<void> {
  const expected = (name: string) => EXPECTED_S[name as Topology] ?? 0;
  const ordered = [...runs].sort((a, b) => expected(b[0]) - expected(a[0]) || a[0].localeCompare(b[0]));
  const plan = Array.from({ length: Math.max(1, Math.min(lanes, ordered.length)) }, () => ({
    load: 0,
    runs: [] as (typeof runs)[number][],
  }));
  for (const run of ordered) {
    const lane = plan.reduce((best, l) => (l.load < best.load ? l : best));
    lane.runs.push(run);
    lane.load += expected(run[0]);
  }
  if (plan.length > 1) defaultLog(`lanes: ${plan.map((l, i) => `${i + 1}: ${l.runs.map(([n]) => n).join(", ")}`).join("; ")}`);
  const results = await Promise.allSettled(
    plan.map(async (lane) => {
      for (const [, run] of lane.runs) await run();
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** Where the phase table of the last run goes (the bench reads it). */
const PHASES_FILE = join(CACHE_DIR, "vm-lab-phases.json");

function parseCommandLine(argv: string[]): { tier: TierName; selection: string[]; lanes: number; syncCrashes: number } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      tier: { type: "string", default: "uml" },
      lanes: { type: "string", default: String(DEFAULT_LANES) },
      except: { type: "string", multiple: true, default: [] },
      "sync-crashes": { type: "string", default: String(SYNC_CRASHES_MIN) },
    },
    allowPositionals: true,
    strict: true,
  });
  const tier = values.tier as TierName;
  if (!TIERS.includes(tier)) throw new Error(`unknown tier ${tier}; valid: ${TIERS.join(", ")}`);
  const unknown = [...positionals, ...values.except].filter((t) => !(TOPOLOGIES as readonly string[]).includes(t));
  if (unknown.length > 0) throw new Error(`unknown topology ${unknown.join(", ")}; valid: ${TOPOLOGIES.join(", ")}`);
  if (positionals.length > 0 && values.except.length > 0) throw new Error("name topologies or --except them, not both");
  const selection = values.except.length > 0 ? TOPOLOGIES.filter((t) => !values.except.includes(t)) : positionals;
  if (selection.length === 0 && values.except.length > 0) throw new Error("--except leaves no topology to run");
  const lanes = Number(values.lanes);
  if (!Number.isInteger(lanes) || lanes < 1 || lanes > 4) throw new Error(`--lanes ${values.lanes}: want a whole number, 1..4`);
  const syncCrashes = Number(values["sync-crashes"]);
  if (!/^\d+$/.test(values["sync-crashes"]!) || syncCrashes < SYNC_CRASHES_MIN || syncCrashes > SYNC_CRASHES_MAX)
    throw new Error(
      `--sync-crashes ${values["sync-crashes"]}: want a whole number of director crashes, ${SYNC_CRASHES_MIN}..${SYNC_CRASHES_MAX}`,
    );
  return { tier, selection, lanes, syncCrashes };
}

async function main(argv: string[]): Promise<number> {
  const { tier, selection, lanes, syncCrashes } = parseCommandLine(argv);
  requireRoot();
  ensureHostTools(defaultLog);
  const phases: [string, number][] = [];
  const timed = async <T>(phase: string, work: () => Promise<T> | T): Promise<T> => {
    const t0 = now();
    try {
      return await work();
    } finally {
      phases.push([phase, now() - t0]);
    }
  };

  await timed("base image (cached after the first build)", () => ensureBaseImage({ log: defaultLog }));
  const outdir = await timed("synthesize the stacks", () => synthesizeLabStacks());
  const key = labSshKey();
  const nodesOf = (stack: string) => labNodesOf(outdir, stack, { sshPublicKey: key.publicKey });
  const stacks = {
    ipvsNat: nodesOf("ipvs-nat-libvirt"),
    haLb: nodesOf("ha-lb-libvirt"),
    heartbeat: nodesOf("heartbeat-apache-libvirt"),
    ipvsOptions: nodesOf(IPVS_OPTIONS_STACK),
    kaLb: nodesOf(KA_LB_STACK),
    ipvsDr: nodesOf(IPVS_DR_STACK),
    ldLb: nodesOf(LD_LB_STACK),
    ldLbQuiesce: nodesOf(LD_LB_QUIESCE_STACK),
    haLbSync: nodesOf(HA_LB_SYNC_STACK),
    heartbeatSf: nodesOf(SERVICE_FAILOVER_STACK),
  };
  rmSync(outdir, { recursive: true, force: true });
  const rows: Row[] = [];
  // host memory per guest after boot, by topology
  const memory: Record<string, Record<string, number>> = {};
  // `npm run lab:vm -- ha-lb` runs one topology while developing; the test command runs all three.
  const selected = (topology: string) => selection.length === 0 || selection.includes(topology);
  const booted = (topology: string, lab: VmLab) => {
    phases.push([`  ${topology}: VMs up (cloud-init finished)`, lab.timings.boot ?? NaN]);
    memory[topology] = Object.fromEntries(Object.entries(lab.vms).map(([h, vm]) => [h, vm.rssMiB]));
    defaultLog(`${topology} on ${lab.tier}: host memory per guest (MiB) ${JSON.stringify(memory[topology])}`);
  };
  defaultLog(`tier: ${tier}`);

  // Each topology boots its own guests in its own namespace: run them in lanes side by side, so one
  // topology's waits (takeovers, downloads, check bounds) overlap another's boot.
  const runs: [string, () => Promise<unknown>][] = [];
  const topology = (name: Topology, run: () => Promise<unknown>) => {
    if (selected(name)) runs.push([name, run]);
  };

  topology("ipvs-nat", () =>
    timed("ipvs-nat: boot 3 VMs + checks", () =>
      withVmLab({ nodes: stacks.ipvsNat, tier, log: defaultLog, bootTimeoutSec: 900 }, async (lab) => {
        booted("ipvs-nat", lab);
        await scenario(
          rows,
          "vm.ipvs-nat.rr",
          "1 ipvs-nat: 3000 requests, rr over web1/web2",
          async () => {
            const director = stacks.ipvsNat.find((n) => n.hostname === "lb1")!;
            const rules = await rulesMatch(lab, "lb1", director);
            check(rules.ok, `ipvsadm-save -n on lb1 differs from the declared rules:\n${rules.live}`);
            const t0 = now();
            const counts = await spread(lab, 3000);
            const seconds = now() - t0;
            check(balanced(counts, ["web1", "web2"], 3000), `uneven or lost: ${JSON.stringify(counts)}`);
            const one = await spreadOneClient(lab, 1000);
            check(balanced(one.counts, ["web1", "web2"], 1000), `one client, uneven or lost: ${JSON.stringify(one.counts)}`);
            return {
              figures: `${(3000 / seconds).toFixed(0)} req/s (curl+sed per request), ${(1000 / one.seconds).toFixed(0)} req/s (one curl process)`,
              detail: `web1 ${counts.web1}, web2 ${counts.web2}; then 1000 from one client: web1 ${one.counts.web1}, web2 ${one.counts.web2}; ipvsadm -Ln matches the declared service`,
            };
          },
          lab,
        );
        await scenario(
          rows,
          "vm.ipvs-nat.firewall",
          "1b ipvs-nat: nftables from the client's side, SNAT",
          () =>
            checkFirewall(lab, {
              vipUrl: VIP_URL,
              publicSubnet: PUBLIC_SUBNET,
              director: { name: "lb1", publicAddress: "192.168.56.11" },
              directorsPublic: ["192.168.56.11"],
              realServer: { name: "web1", address: "192.168.200.11" },
            }),
          lab,
        );
      }),
    ),
  );

  topology("ha-lb", () =>
    timed("ha-lb: boot 5 VMs + checks", () =>
      withVmLab({ nodes: stacks.haLb, tier, log: defaultLog, bootTimeoutSec: 1200 }, async (lab) => {
        booted("ha-lb", lab);
        const haLb: DirectorPair = {
          nodes: stacks.haLb,
          master: "lb1",
          backup: "lb2",
          webs: ["web1", "web2", "web3"],
          takeoverLog: HEARTBEAT_TAKEOVER,
        };
        let download: Promise<CrashedDownload> | undefined;
        await scenario(
          rows,
          "vm.ha-lb.rr",
          "2 ha-lb: VIP and rules on lb1, rr over web1..web3",
          async () => {
            const { counts } = await directorRoundRobin(lab, haLb);
            return { figures: "-", detail: `web1 ${counts.web1}, web2 ${counts.web2}, web3 ${counts.web3}; ${await reclaims(lab, "lb1")}` };
          },
          lab,
        );
        await scenario(
          rows,
          "vm.ha-lb.firewall",
          "2b ha-lb: nftables from the client's side, heartbeat from the peer only, SNAT",
          () =>
            checkFirewall(lab, {
              vipUrl: VIP_URL,
              publicSubnet: PUBLIC_SUBNET,
              director: { name: "lb1", publicAddress: "192.168.56.11" },
              directorsPublic: ["192.168.56.11", "192.168.56.12", VIP],
              realServer: { name: "web1", address: "192.168.200.11" },
              heartbeat: { addresses: ["192.168.56.11", "192.168.200.251"], udpport: 694 },
            }),
          lab,
        );
        await scenario(
          rows,
          "vm.ha-lb.director-failover",
          "3 ha-lb: crash lb1 during a download, lb2 takes VIP and rules",
          async () => {
            const crossed = await downloadAcrossCrash(lab, haLb, () => directorFailover(lab, haLb));
            download = crossed.download;
            const { events, outage } = crossed.outcome;
            return {
              figures: takeoverFigures(events, outage),
              detail: "lb2 holds the VIP and the rules; 30/30 pages after takeover, balanced",
            };
          },
          lab,
        );
        // The preset has no connection sync: the download scenario 3 crashed through must have broken
        // (the same client and file with which ha-lb-sync and ka-lb prove that sync keeps it).
        await scenario(
          rows,
          "vm.ha-lb.download-breaks",
          "3b ha-lb: without connection sync, the download through lb1's crash broke",
          async () => {
            check(download !== undefined, "scenario 3 started no download");
            return judgeBroken(await download!, haLb);
          },
          lab,
        );
      }),
    ),
  );

  topology("heartbeat-apache", () =>
    timed("heartbeat-apache: boot 2 VMs + checks", () =>
      withVmLab({ nodes: stacks.heartbeat, tier, log: defaultLog, bootTimeoutSec: 900 }, async (lab) => {
        booted("heartbeat-apache", lab);
        await scenario(
          rows,
          "vm.heartbeat-apache.failover",
          "4 heartbeat-apache: srv1 serves, crash, srv2 serves",
          async () => {
            check(
              await waitSoleHolder(lab, "srv1", "srv2", SETTLE_LIMIT_S),
              `srv1 is not the only holder of the VIP within ${SETTLE_LIMIT_S} s`,
            );
            check((await waitServedBy(lab, "srv1", now(), 30)) !== undefined, "srv1 holds the VIP but its page does not come through it");
            const start = await reclaims(lab, "srv1");
            const offset = await clockOffset(lab, "srv2");
            const crashEpoch = Date.now() / 1000;
            const t0 = now();
            lab.stop("srv1");
            const takeover = await waitServedBy(lab, "srv2", t0, TAKEOVER_LIMIT_S);
            const events = await takeoverTimeline(lab, "srv2", crashEpoch, offset);
            defaultLog(`srv2 takeover: ${timeline(events)}`);
            check(
              takeover !== undefined,
              `srv2 does not serve the VIP within ${TAKEOVER_LIMIT_S} s of the crash; srv2: ${timeline(events)}`,
            );
            return {
              figures: takeoverFigures(events, takeover),
              detail: `${start}; srv1 crashed (${lab.tier} killed); srv2 took the VIP and serves its page`,
            };
          },
          lab,
        );
      }),
    ),
  );

  topology("heartbeat-sf", () =>
    timed("heartbeat-sf: boot 2 VMs + checks", () =>
      withVmLab({ nodes: stacks.heartbeatSf, tier, log: defaultLog, bootTimeoutSec: 900 }, async (lab) => {
        booted("heartbeat-sf", lab);
        await serviceFailoverScenarios(lab, stacks.heartbeatSf, async (id, name, body) => {
          const t0 = now();
          await scenario(rows, id, name, body, lab);
          phases.push([`  heartbeat-sf: ${id}`, now() - t0]);
        });
      }),
    ),
  );

  topology("ipvs-options", () =>
    timed("ipvs-options: boot 4 VMs + checks", () =>
      withVmLab({ nodes: stacks.ipvsOptions, tier, log: defaultLog, bootTimeoutSec: 900 }, async (lab) => {
        booted("ipvs-options", lab);
        await ipvsOptionsScenarios(lab, stacks.ipvsOptions, async (id, name, body) => {
          const t0 = now();
          await scenario(rows, id, name, body, lab);
          phases.push([`  ipvs-options: ${id}`, now() - t0]);
        });
      }),
    ),
  );

  topology("ka-lb", () =>
    timed("ka-lb: boot 5 VMs + checks", () =>
      withVmLab({ nodes: stacks.kaLb, tier, log: defaultLog, bootTimeoutSec: 1200 }, async (lab) => {
        booted("ka-lb", lab);
        await kaLbScenarios(lab, stacks.kaLb, async (id, name, body) => {
          const t0 = now();
          await scenario(rows, id, name, body, lab);
          phases.push([`  ka-lb: ${id}`, now() - t0]);
        });
      }),
    ),
  );

  topology("ipvs-dr", () =>
    timed("ipvs-dr: boot 4 VMs + checks", () =>
      withVmLab({ nodes: stacks.ipvsDr, tier, log: defaultLog, bootTimeoutSec: 900 }, async (lab) => {
        booted("ipvs-dr", lab);
        await ipvsDrScenarios(lab, stacks.ipvsDr, async (id, name, body) => {
          const t0 = now();
          await scenario(rows, id, name, body, lab);
          phases.push([`  ipvs-dr: ${id}`, now() - t0]);
        });
      }),
    ),
  );

  topology("ld-lb", () =>
    timed("ld-lb: boot 4 VMs + checks", () =>
      withVmLab({ nodes: stacks.ldLb, tier, log: defaultLog, bootTimeoutSec: 900 }, async (lab) => {
        booted("ld-lb", lab);
        const lb1 = (nodes: readonly LabNode[]) => nodes.find((n) => n.hostname === "lb1")!;
        const payloads = { lb1: lb1(stacks.ldLb), quiesceLb1: lb1(stacks.ldLbQuiesce) };
        await ldLbScenarios(
          lab,
          async (id, name, body) => {
            const t0 = now();
            await scenario(rows, id, name, body, lab);
            phases.push([`  ld-lb: ${id}`, now() - t0]);
          },
          payloads,
        );
      }),
    ),
  );

  topology("ha-lb-sync", () =>
    timed("ha-lb-sync: boot 5 VMs + checks", () =>
      withVmLab({ nodes: stacks.haLbSync, tier, log: defaultLog, bootTimeoutSec: 1200 }, async (lab) => {
        booted("ha-lb-sync", lab);
        const pair: DirectorPair = {
          nodes: stacks.haLbSync,
          master: "lb1",
          backup: "lb2",
          webs: ["web1", "web2", "web3"],
          takeoverLog: HEARTBEAT_TAKEOVER,
        };
        await connectionSyncScenarios(
          lab,
          pair,
          async (id, name, body) => {
            const t0 = now();
            await scenario(rows, id, name, body, lab);
            phases.push([`  ha-lb-sync: ${id}`, now() - t0]);
          },
          syncCrashes,
        );
      }),
    ),
  );

  await runInLanes(runs, lanes);

  const table = formatTable<Row>(
    [
      { title: "id", cell: (r) => r.id },
      { title: "scenario", cell: (r) => r.scenario },
      { title: "result", cell: (r) => (r.passed ? "PASS" : "FAIL") },
      { title: "measured", cell: (r) => r.figures ?? "-" },
      { title: "detail", cell: (r) => r.detail },
    ],
    rows,
  );
  const phaseTable = formatTable<[string, number]>(
    [
      { title: "wall time", cell: ([, s]) => `${s.toFixed(1)} s`, align: "right" },
      { title: "phase", cell: ([p]) => p },
    ],
    phases,
  );
  console.log(`\n${table}\n\n${phaseTable}`);
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(
    PHASES_FILE,
    JSON.stringify(
      { date: new Date().toISOString(), tier, phases: phases.map(([p, s]) => [p, Math.round(s * 10) / 10]), rows, memory },
      null,
      2,
    ) + "\n",
  );
  if (rows.length === 0) throw new Error("no scenario ran");
  console.log(`\n${tally(rows)}`);
  return rows.every((r) => r.passed) ? 0 : 1;
}

runMain(main);
