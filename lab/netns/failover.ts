/**
 * Failover figures over N runs (npm run lab:failover):
 *   npm run lab:failover -- [--runs 5] [--json FILE] [--soak SECONDS] [--profile lab|fast|service]... [--keep]
 * For each timing profile, boots the synthesized Heartbeat + Apache pair once in the netns lab and
 * measures, per run: crash -> served by the backup, graceful stop -> served, failback (the
 * preferred node returns, auto_failback on: served by it again, and the client's outage), and
 * partition -> heal (outage and how often the answering node flipped). The `service` profile
 * (service failover on, not in the default list) measures only apache2 stopped on the holder ->
 * served by the peer, and the client's outage. Prints median and max per
 * profile and measure as a markdown table and writes every figure as JSON. `--soak S` then leaves
 * the steady pair idle for S seconds and counts false failovers in the nodes' syslog.
 * Figures are wall-clock on a shared machine: noisy, never asserted.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { HEARTBEAT_FAST_PROFILE, HEARTBEAT_LAB_PROFILE, type HeartbeatProfile } from "../../constructs";
import { FAST_PROFILE_STACK, labNodesOf, SERVICE_FAILOVER_STACK, synthesizeLabStacks } from "../common/stacks";
import type { LabNode } from "../common/payload";
import { runMain } from "../common/proc";
import { withHeartbeatLab, type HeartbeatLab, type ScenarioResult, type SoakResult } from "./lab";
import type { LabNodeVm } from "./node";
import type { ProbeOptions } from "./probe";

/** Never used to log in: the nodes run no sshd. */
const LAB_SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHalNetnsLabPlaceholderKeyNotForUse0000000000 lab";

const MEASURES = ["crash", "graceful", "failback", "partition", "service"] as const;
type Measure = (typeof MEASURES)[number];

/** What a profile's runs measure: the node failovers (crash, failback, graceful, partition) or the service failover. */
type Plan = "nodes" | "service";
const PLAN_MEASURES: Record<Plan, readonly Measure[]> = {
  nodes: ["crash", "graceful", "failback", "partition"],
  service: ["service"],
};

/** The profiles measured, by the name --profile takes. */
const PROFILES: Record<string, { stack: string; profile: HeartbeatProfile; plan: Plan }> = {
  lab: { stack: "heartbeat-apache-libvirt", profile: HEARTBEAT_LAB_PROFILE, plan: "nodes" },
  fast: { stack: FAST_PROFILE_STACK, profile: HEARTBEAT_FAST_PROFILE, plan: "nodes" },
  service: { stack: SERVICE_FAILOVER_STACK, profile: HEARTBEAT_LAB_PROFILE, plan: "service" },
};

/**
 * Measured when --profile is not given. Not `service`: each of its runs waits out the monitor's 30 s
 * settle and a 24 s no-move watch, about 75 s a run (measured: 3 runs in 222 s after the cold start),
 * so 5 runs would add over 6 minutes.
 */
const DEFAULT_PROFILES = ["lab", "fast"];

/**
 * Two overlapping request loops with a short connect time-out: while the VIP is gone a sample
 * ends after about 0.2 s, so "served again" is known to within about 0.1 s.
 */
const FAILOVER_PROBE: ProbeOptions = { intervalMs: 100, connectTimeoutS: 0.2, loops: 2 };

/** What the table shows: a label and which figure of which measure. */
const COLUMNS: { label: string; measure: Measure; figure: keyof ScenarioResult | "deadS" | "ipS" | "doneS" }[] = [
  { label: "crash -> served s", measure: "crash", figure: "servedS" },
  { label: "crash -> peer dead (syslog) s", measure: "crash", figure: "deadS" },
  { label: "crash -> VIP added (syslog) s", measure: "crash", figure: "ipS" },
  { label: "crash -> takeover complete (syslog) s", measure: "crash", figure: "doneS" },
  { label: "graceful stop -> served s", measure: "graceful", figure: "servedS" },
  { label: "failback: power-on -> served by primary s", measure: "failback", figure: "servedS" },
  { label: "failback: client outage s", measure: "failback", figure: "outageS" },
  { label: "partition -> heal: client outage s", measure: "partition", figure: "outageS" },
  { label: "partition -> heal: flips", measure: "partition", figure: "flips" },
  { label: "apache2 stopped on the holder -> served by the peer s", measure: "service", figure: "servedS" },
  { label: "service failover: client outage s", measure: "service", figure: "outageS" },
];

/** Syslog marks of a takeover after a crash, on the surviving node (heartbeat 3.0.6, resource-agents). */
const TIMELINE = {
  deadS: /heartbeat.*: node \S+: is dead/,
  ipS: /IPaddr2.*Adding inet address/,
  doneS: /heartbeat.*mach_down takeover complete\./,
} as const;

type RunFigures = Partial<Record<Measure, ScenarioResult & Partial<Record<keyof typeof TIMELINE, number>>>>;

interface ProfileReport {
  profile: string;
  stack: string;
  timing: HeartbeatProfile;
  /** What each run measures (PLAN_MEASURES). */
  measures: readonly Measure[];
  runs: RunFigures[];
  soak?: SoakResult;
  /** Scenarios that failed; a failure ends that profile's runs. */
  failures: string[];
}

/** Seconds from `wallMs` to the first syslog line of `vm` at or after it that matches. */
function syslogAfter(vm: LabNodeVm, wallMs: number, pattern: RegExp): number | undefined {
  for (const line of vm.syslogLines(pattern)) {
    const t = Date.parse(line.split(" ")[0]);
    if (!Number.isNaN(t) && t >= wallMs) return (t - wallMs) / 1000;
  }
  return undefined;
}

async function measureProfile(name: string, nodes: LabNode[], runs: number, soakS: number, keep: boolean): Promise<ProfileReport> {
  const { stack, profile, plan } = PROFILES[name];
  const report: ProfileReport = { profile: name, stack, timing: profile, measures: PLAN_MEASURES[plan], runs: [], failures: [] };
  await withHeartbeatLab(
    { nodes, autoFailback: true, resolved: true, keepWorkdir: keep, probe: FAILOVER_PROBE },
    async (lab: HeartbeatLab) => {
      const step = async (label: string, fn: () => Promise<Omit<ScenarioResult, "scenario" | "passed">>, reclaimExpected = false) => {
        const r = await lab.run(`${name}: ${label}`, fn, reclaimExpected);
        if (!r.passed) report.failures.push(`${r.scenario}: ${r.detail}`);
        return r;
      };
      // A failed run is recorded and left out of the figures; the next run starts from a recovered pair.
      const recovered = async (i: number) => (await step(`run ${i}/${runs} recovery`, () => lab.recover(), true)).passed;
      if (!(await step("cold start", () => lab.coldStart())).passed) return;
      if (plan === "service") {
        await serviceRuns(lab, runs, report, step, recovered);
        return;
      }
      for (let i = 1; i <= runs; i++) {
        const figures: RunFigures = {};
        report.runs.push(figures);
        const crashWall = Date.now();
        const crash = await step(`run ${i}/${runs} crash of primary`, () => lab.crashPrimary());
        // Read once the takeover has ended (the client may be served before mach_down logs its end).
        const timeline = () => Object.fromEntries(Object.entries(TIMELINE).map(([k, re]) => [k, syslogAfter(lab.backup, crashWall, re)]));
        figures.crash = crash;
        if (!crash.passed) {
          if (await recovered(i)) continue;
          return;
        }
        const plan: [Measure, string, () => Promise<Omit<ScenarioResult, "scenario" | "passed">>][] = [
          ["failback", "primary returns", () => lab.primaryReturns()],
          ["graceful", "graceful heartbeat stop", () => lab.gracefulStop()],
          ["partition", "partition + heal", () => lab.partition()],
        ];
        let failed = false;
        for (const [measure, label, fn] of plan) {
          const r = await step(`run ${i}/${runs} ${label}`, fn);
          if (measure === "failback") figures.crash = { ...crash, ...timeline() };
          figures[measure] = r;
          if (!r.passed) {
            failed = true;
            break;
          }
        }
        if (failed) {
          if (await recovered(i)) continue;
          return;
        }
        if (!(await step(`run ${i}/${runs} group back on the primary`, () => lab.restorePrimary())).passed && !(await recovered(i))) return;
      }
      if (soakS > 0) {
        try {
          report.soak = await lab.soak(soakS);
        } catch (e) {
          report.failures.push(`soak: ${(e as Error).message}`);
        }
      }
    },
  );
  return report;
}

type Step = (label: string, fn: () => Promise<Omit<ScenarioResult, "scenario" | "passed">>) => Promise<ScenarioResult>;

/**
 * The service profile's runs: apache2 stopped on the holder (the preferred node after a cold start
 * or a restore), then the group back on the preferred node (hb_takeover starts apache2 there again)
 * and both monitors restarted without their back-off, so the next run is a first handover again.
 */
async function serviceRuns(lab: HeartbeatLab, runs: number, report: ProfileReport, step: Step, recovered: (i: number) => Promise<boolean>) {
  for (let i = 1; i <= runs; i++) {
    const figures: RunFigures = {};
    report.runs.push(figures);
    figures.service = await step(`run ${i}/${runs} apache2 stopped on the holder`, () => lab.serviceFailover());
    if (i === runs) return;
    // A failed run is recorded and left out of the figures; the next run starts from a recovered pair.
    const restored = figures.service.passed
      ? (await step(`run ${i}/${runs} group back on the primary`, () => lab.restorePrimary())).passed || (await recovered(i))
      : await recovered(i);
    if (!restored) return;
    if (!(await step(`run ${i}/${runs} service monitors reset`, () => lab.resetServiceMonitors())).passed) return;
  }
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function figuresOf(report: ProfileReport, measure: Measure, figure: string): number[] {
  return report.runs
    .map((r) => r[measure])
    .filter((r) => r?.passed)
    .map((r) => (r as unknown as Record<string, unknown>)[figure])
    .filter((v): v is number => typeof v === "number");
}

/** Markdown: one row per measure, median / max (n) per profile. */
export function formatFailoverTable(reports: ProfileReport[]): string {
  const fmt = (v: number | undefined, digits: number) => (v === undefined ? "-" : v.toFixed(digits));
  const head = ["measure", ...reports.map((r) => `${r.profile}: median / max (n)`)];
  // Only the measures some profile ran; a profile that did not run one shows "n/a".
  const columns = COLUMNS.filter((c) => reports.some((r) => r.measures.includes(c.measure)));
  const rows = columns.map((c) => [
    c.label,
    ...reports.map((r) => {
      if (!r.measures.includes(c.measure)) return "n/a";
      const v = figuresOf(r, c.measure, c.figure);
      const digits = c.figure === "flips" ? 0 : 2;
      return `${fmt(median(v), digits)} / ${fmt(v.length ? Math.max(...v) : undefined, digits)} (${v.length})`;
    }),
  ]);
  const timing = (p: HeartbeatProfile) =>
    `keepalive ${p.keepalive}, deadtime ${p.deadtime}, warntime ${p.warntime}, ucast on ${p.heartbeatNetworks.join(" + ")}`;
  const lines = [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
    ...reports.map((r) => `- ${r.profile} (${r.stack}): ${timing(r.timing)}`),
  ];
  for (const r of reports.filter((x) => x.soak)) {
    const s = r.soak!;
    lines.push(
      `- ${r.profile} idle soak ${s.seconds.toFixed(0)} s: ${s.falseFailovers} false failovers (dead peer ${s.deadNode}, takeovers ${s.takeover}, VIP moves ${s.vipMoves}); ` +
        `dead links ${s.deadLink}, late heartbeats ${s.lateHeartbeat}; client ${s.clientFailures} of ${s.clientRequests} requests failed (outage ${s.clientOutageS.toFixed(2)} s); ` +
        `host load avg (1 min) mean ${s.loadAvg1.mean.toFixed(1)}, max ${s.loadAvg1.max.toFixed(1)} on ${os.cpus().length} cores`,
    );
  }
  for (const r of reports) for (const f of r.failures) lines.push(`- ${r.profile} FAILED: ${f}`);
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: "string", default: "5" },
      json: { type: "string" },
      soak: { type: "string", default: "0" },
      profile: { type: "string", multiple: true },
      keep: { type: "boolean", default: false },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  const soakS = Number(values.soak);
  const profiles = values.profile ?? DEFAULT_PROFILES;
  if (!Number.isInteger(runs) || runs < 0 || runs > 100) throw new Error(`--runs ${values.runs}: want a whole number, 0..100`);
  if (!Number.isFinite(soakS) || soakS < 0 || soakS > 24 * 3600) throw new Error(`--soak ${values.soak}: want seconds, 0..86400`);
  const unknown = profiles.filter((p) => !(p in PROFILES));
  if (unknown.length > 0) throw new Error(`--profile ${unknown.join(", ")}: want one of ${Object.keys(PROFILES).join(", ")}`);

  const outdir = synthesizeLabStacks();
  const nodes = new Map<string, LabNode[]>();
  try {
    for (const p of profiles) nodes.set(p, labNodesOf(outdir, PROFILES[p].stack, { sshPublicKey: LAB_SSH_KEY }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  const started = new Date().toISOString();
  const reports: ProfileReport[] = [];
  for (const p of profiles) {
    console.log(`\n## ${p} (${PROFILES[p].stack})`);
    reports.push(await measureProfile(p, nodes.get(p)!, runs, soakS, values.keep));
  }
  const table = formatFailoverTable(reports);
  console.log(`\n${table}\n`);
  if (values.json) {
    fs.mkdirSync(path.dirname(values.json), { recursive: true });
    const doc = {
      started,
      runs,
      soakSeconds: soakS,
      cores: os.cpus().length,
      node: process.version,
      probe: FAILOVER_PROBE,
      reports,
      table,
    };
    fs.writeFileSync(values.json, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`wrote ${values.json}`);
  }
  return reports.every((r) => r.failures.length === 0) ? 0 : 1;
}

if (require.main === module) {
  runMain(main);
}
