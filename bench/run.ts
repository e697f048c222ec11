/**
 * `npm run bench`: how long synthesis takes as a whole process, how it scales with the number of web
 * servers, how long the test suite takes, how close payloads come to vSphere's guestinfo limit, and
 * what the labs last measured, among them issue 12's health figures (how soon a dead real server is
 * noticed, the outage of a service failover, how many downloads survive a director crash with
 * connection sync). Prints markdown and writes it to bench/RESULTS.md; asserts nothing.
 *
 *   npm run bench -- [--runs 5] [--cli-runs 1] [--only synth,scaling,suite,payloads,failover,health,lab]
 *                    [--presets ha-lb-libvirt,...] [--out FILE]
 *
 * A full run writes bench/RESULTS.md; a run with --only writes only where --out says. The failover
 * and health sections run their labs first only when --only names them; a full run reads the
 * labs' last records.
 * Figures are wall times of whole processes on a shared machine: read them with the load average
 * printed in the header.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { cpus, loadavg, tmpdir } from "os";
import { join, relative } from "path";
import { parseArgs } from "util";
import { gzipSync } from "zlib";
import { GUESTINFO_VALUE_LIMIT, readStackJson, synthesizedNodes, vsphereMetadata } from "../constructs";
import { PLATFORMS, PRESET_STACKS } from "../stacks";

const ROOT = join(__dirname, "..");
const SECTIONS = ["synth", "scaling", "suite", "payloads", "failover", "health", "lab"] as const;
type Section = (typeof SECTIONS)[number];

const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "cli-runs": { type: "string", default: "1" },
    only: { type: "string" },
    presets: { type: "string" },
    out: { type: "string" },
  },
});
const runs = Number(flags.runs);
const cliRuns = Number(flags["cli-runs"]);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(cliRuns) || cliRuns < 0) {
  throw new Error("--runs must be a whole number >= 1, --cli-runs >= 0");
}
const only = flags.only?.split(",").map((s) => s.trim()) ?? [...SECTIONS];
for (const s of only)
  if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`--only: unknown section ${s}; sections: ${SECTIONS.join(", ")}`);
const wanted = (s: Section) => only.includes(s);
const outFile = flags.out ?? (flags.only ? undefined : join(ROOT, "bench", "RESULTS.md"));

const report: string[] = [];
function emit(text = ""): void {
  console.log(text);
  report.push(text);
}

// ---------------------------------------------------------------------------------------------
// Whole-process timing

/** The app command of cdktf.json, with the entry point swapped: how `cdktf synth` runs the app. */
const APP_COMMAND: string = JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")).app;
const appCommand = (entry: string) => APP_COMMAND.replace(/\bmain\.ts$/, entry);
if (appCommand("X") === APP_COMMAND) throw new Error(`cdktf.json app does not end in main.ts: ${APP_COMMAND}`);

interface Sample {
  readonly wall: number;
  /** CPU seconds of the process and its waited-for children (user + system). */
  readonly cpu: number;
}

/** user + system CPU of this process's waited-for children, in seconds (Linux /proc, 100 Hz). */
function childrenCpu(): number {
  const fields = readFileSync("/proc/self/stat", "utf8")
    .replace(/^.*\) /, "")
    .split(" ");
  // After "(comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function timeCommand(command: string, env: NodeJS.ProcessEnv = {}): Sample {
  const cpu0 = childrenCpu();
  const start = process.hrtime.bigint();
  const r = spawnSync("sh", ["-c", command], {
    cwd: ROOT,
    env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env },
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { wall, cpu: childrenCpu() - cpu0 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Timed {
  readonly wall: number;
  readonly cpu: number;
  readonly min: number;
  readonly max: number;
  readonly outdir: string;
}

/** Runs an app `n` times (after one warm-up), each into a fresh outdir. */
function timeApp(command: string, n: number, warmUp = true): Timed {
  const outdirs: string[] = [];
  const run = () => {
    const outdir = mkdtempSync(join(tmpdir(), "hal-bench-"));
    outdirs.push(outdir);
    return timeCommand(command, { CDKTF_OUTDIR: outdir });
  };
  if (warmUp) run();
  const samples = Array.from({ length: n }, run);
  const last = outdirs.pop()!;
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
  const walls = samples.map((s) => s.wall);
  return { wall: median(walls), cpu: median(samples.map((s) => s.cpu)), min: Math.min(...walls), max: Math.max(...walls), outdir: last };
}

const s2 = (x: number) => `${x.toFixed(2)} s`;
const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}x`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const tempDirs: string[] = [];

// ---------------------------------------------------------------------------------------------
// Sections

/** Outdir of the six-stack main.ts synth, for the payload section. */
let mainOutdir: string | undefined;
/** Outdir of the 300-web synth, for the payload section. */
let scaledOutdir: string | undefined;

function synthSection(): void {
  const all = Object.keys(PRESET_STACKS).flatMap((name) => PLATFORMS.map((kind) => `${name}-${kind}`));
  const presets = flags.presets?.split(",") ?? all;
  for (const p of presets) if (!all.includes(p)) throw new Error(`--presets: unknown stack ${p}; stacks: ${all.join(", ")}`);
  emit("## Synth as a whole process\n");
  emit(`The app as cdktf.json runs it (\`${APP_COMMAND}\`), median of ${runs} runs after one warm-up, beside an empty cdktf app`);
  emit("(`new App(); app.synth()`, bench/empty-app.ts) run the same way in the same bench run. CPU is user + system of the");
  emit("whole process tree. Target: ratio <= 1.3x.\n");
  emit("| app | wall (median) | min..max | CPU (median) | ratio to empty (wall) | ratio (CPU) |\n|---|---:|---:|---:|---:|---:|");
  const empty = timeApp(appCommand("bench/empty-app.ts"), runs);
  tempDirs.push(empty.outdir);
  const row = (name: string, t: Timed) =>
    emit(
      `| ${name} | ${s2(t.wall)} | ${t.min.toFixed(2)}..${t.max.toFixed(2)} | ${s2(t.cpu)} | ${ratio(t.wall, empty.wall)} | ${ratio(t.cpu, empty.cpu)} |`,
    );
  row("empty cdktf app", empty);
  const six = timeApp(APP_COMMAND, runs);
  mainOutdir = six.outdir;
  tempDirs.push(six.outdir);
  row("main.ts (all six stacks)", six);
  for (const preset of presets) {
    const t = timeApp(appCommand(`bench/app.ts ${preset}`), runs);
    tempDirs.push(t.outdir);
    row(preset, t);
  }

  if (cliRuns > 0) {
    emit(
      `\nThrough the CLI (\`npx cdktf synth --app <the command above> --output <tmp>\`): ${cliRuns === 1 ? "one run" : `median of ${cliRuns} runs`} each,`,
    );
    emit("so these figures are noisier. The CLI adds its own start-up (about a second) around the app.\n");
    emit("| app | wall | ratio to empty via CLI |\n|---|---:|---:|");
    const viaCli = (app: string): number => {
      const samples = Array.from({ length: cliRuns }, () => {
        const outdir = mkdtempSync(join(tmpdir(), "hal-bench-cli-"));
        try {
          return timeCommand(`npx cdktf synth --app ${JSON.stringify(app)} --output ${outdir}`).wall;
        } finally {
          rmSync(outdir, { recursive: true, force: true });
        }
      });
      return median(samples);
    };
    const emptyCli = viaCli(appCommand("bench/empty-app.ts"));
    emit(`| empty cdktf app | ${s2(emptyCli)} | 1.00x |`);
    const mainCli = viaCli(APP_COMMAND);
    emit(`| main.ts (all six stacks) | ${s2(mainCli)} | ${ratio(mainCli, emptyCli)} |`);
    for (const preset of presets) {
      const t = viaCli(appCommand(`bench/app.ts ${preset}`));
      emit(`| ${preset} | ${s2(t)} | ${ratio(t, emptyCli)} |`);
    }
  }
  emit();
}

function scalingSection(): void {
  emit("## Scaling: ha-lb with 3, 30 and 300 web servers\n");
  emit(`ScaledHaLbStack (stacks/ha-lb-scaled.ts: lb1/lb2 in front of N web servers on 10.20.0.0/16), libvirt, one stack per process,`);
  emit(`median of ${runs} runs. Target: 300 <= 2.5x the time of 3; cdk.tf.json linear in node count.\n`);
  emit(
    "| web servers | VMs | wall (median) | CPU (median) | ratio to 3 (wall) | ratio (CPU) | cdk.tf.json | per VM | ratio to 3 |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  let base: { t: Timed; bytes: number } | undefined;
  for (const n of [3, 30, 300]) {
    const t = timeApp(appCommand(`bench/app.ts ha-lb-web ${n}`), runs);
    const bytes = statSync(join(t.outdir, "stacks", `ha-lb-${n}-libvirt`, "cdk.tf.json")).size;
    base ??= { t, bytes };
    emit(
      `| ${n} | ${n + 2} | ${s2(t.wall)} | ${s2(t.cpu)} | ${ratio(t.wall, base.t.wall)} | ${ratio(t.cpu, base.t.cpu)} | ${kb(bytes)} | ${kb(bytes / (n + 2))} | ${ratio(bytes, base.bytes)} |`,
    );
    if (n === 300) scaledOutdir = t.outdir;
    tempDirs.push(t.outdir);
  }
  emit();
}

function suiteSection(): void {
  emit("## Test suite\n");
  emit("`npx jest` as one subprocess (jest's own configuration, cache as left by earlier runs).\n");
  const start = process.hrtime.bigint();
  const r = spawnSync("npx", ["jest"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const summary = (r.stderr + r.stdout).split("\n").filter((l) => /^(Test Suites|Tests|Snapshots|Time):/.test(l));
  emit(`| command | wall | exit |\n|---|---:|---:|\n| npx jest | ${s2(wall)} | ${r.status} |\n`);
  if (summary.length) emit("```\n" + summary.join("\n") + "\n```\n");
}

function payloadSection(): void {
  emit("## Payload sizes against vSphere's guestinfo limit\n");
  emit(`Each value at most ${GUESTINFO_VALUE_LIMIT} bytes (64 KiB) after gzip+base64, as the vSphere machines carry them.`);
  emit("Every node of the vSphere presets, and the largest payloads of the 300-web ha-lb (a director lists every real server).\n");
  emit("| stack | node | user-data bytes | encoded | share of limit | metadata encoded |\n|---|---|---:|---:|---:|---:|");
  const rows: [string, string][] = [];
  if (!mainOutdir) {
    mainOutdir = timeApp(APP_COMMAND, 1, false).outdir;
    tempDirs.push(mainOutdir);
  }
  for (const name of Object.keys(PRESET_STACKS)) rows.push([mainOutdir, `${name}-vsphere`]);
  for (const [outdir, stack] of rows) payloadRows(stack, synthesizedNodes(readStackJson(join(outdir, "stacks", stack))));
  if (scaledOutdir) {
    const nodes = synthesizedNodes(readStackJson(join(scaledOutdir, "stacks", "ha-lb-300-libvirt")));
    payloadRows(
      "ha-lb-300 (libvirt)",
      nodes.filter((n) => ["lb1", "lb2", "web300"].includes(n.hostname)),
    );
  }
  emit();
}

function payloadRows(stack: string, nodes: ReturnType<typeof synthesizedNodes>): void {
  for (const node of nodes) {
    const encoded = gzipSync(node.userData).toString("base64").length;
    const meta = gzipSync(vsphereMetadata(node)).toString("base64").length;
    emit(
      `| ${stack} | ${node.hostname} | ${node.userData.length} | ${encoded} | ${((encoded / GUESTINFO_VALUE_LIMIT) * 100).toFixed(1)}% | ${meta} |`,
    );
  }
}

/**
 * Failover figures come from the netns lab (npm run lab:failover), which writes
 * .lab-cache/failover.json. With `--only failover` and that script present, the bench runs it first.
 */
function failoverSection(): void {
  emit("## Failover (netns lab)\n");
  const file = join(ROOT, ".lab-cache", "failover.json");
  const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts ?? {};
  if (flags.only?.split(",").includes("failover") && scripts["lab:failover"]) {
    const args = ["run", "--silent", "lab:failover", "--", "--runs", String(runs), "--json", file];
    const r = spawnSync("npm", args, { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) emit(`npm run lab:failover exited ${r.status}.\n`);
  }
  if (!existsSync(file)) {
    emit("Not measured in this run (run npm run lab:failover).\n");
    return;
  }
  emit(`From ${relative(ROOT, file)}, written ${statSync(file).mtime.toISOString()}:\n`);
  const doc = JSON.parse(readFileSync(file, "utf8"));
  emit(typeof doc.table === "string" ? doc.table : jsonAsMarkdown(doc));
  emit();
  keepalivedFigures(scripts, doc);
}

/**
 * The keepalived pair's figures (npm run lab:keepalived, .lab-cache/keepalived.json), run in the same
 * bench run as Heartbeat's when the failover section is asked for, then both engines side by side.
 */
function keepalivedFigures(scripts: Record<string, string>, heartbeat: FigureDoc): void {
  emit("### keepalived (netns lab)\n");
  const file = join(ROOT, ".lab-cache", "keepalived.json");
  if (flags.only?.split(",").includes("failover") && scripts["lab:keepalived"]) {
    const args = ["run", "--silent", "lab:keepalived", "--", "--runs", String(runs), "--json", file];
    const r = spawnSync("npm", args, { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) emit(`npm run lab:keepalived exited ${r.status}.\n`);
  }
  if (!existsSync(file)) {
    emit("Not measured in this run (run npm run lab:keepalived).\n");
    return;
  }
  emit(`From ${relative(ROOT, file)}, written ${statSync(file).mtime.toISOString()}:\n`);
  const keepalived = JSON.parse(readFileSync(file, "utf8")) as FigureDoc;
  emit(keepalived.table ?? jsonAsMarkdown(keepalived));
  emit("\n### Both engines, side by side (median / max (n), seconds unless named)\n");
  emit(sideBySide(heartbeat, keepalived));
  emit();
}

interface FigureDoc {
  table?: string;
  reports?: {
    profile: string;
    runs: Record<string, ({ passed?: boolean; figures?: Record<string, unknown> } & Record<string, unknown>) | undefined>[];
  }[];
}

/** The same measure in both labs: [label, Heartbeat's scenario.figure, keepalived's scenario.figure]. */
const SHARED_MEASURES: [string, string, string][] = [
  ["crash -> served", "crash.servedS", "crash.servedS"],
  ["graceful stop -> served", "graceful.servedS", "graceful.servedS"],
  ["failback: power-on -> served by primary", "failback.servedS", "return.servedByPrimaryS"],
  ["failback: client outage", "failback.outageS", "return.outageS"],
  ["partition -> heal: client outage", "partition.outageS", "partition.outageS"],
  ["partition -> heal: flips", "partition.flips", "partition.flips"],
];

function sideBySide(heartbeat: FigureDoc, keepalived: FigureDoc): string {
  const columns = [
    ...(heartbeat.reports ?? []).map((r) => ({ name: `heartbeat ${r.profile}`, report: r, at: 1 })),
    ...(keepalived.reports ?? []).map((r) => ({ name: `keepalived ${r.profile}`, report: r, at: 2 })),
  ];
  const cell = (values: number[], digits: number) => {
    if (values.length === 0) return "-";
    const v = [...values].sort((a, b) => a - b);
    const mid = Math.floor(v.length / 2);
    const median = v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    return `${median.toFixed(digits)} / ${v[v.length - 1].toFixed(digits)} (${v.length})`;
  };
  const rows = SHARED_MEASURES.map((measure) => [
    measure[0],
    ...columns.map(({ report, at }) => {
      const [scenario, figure] = measure[at].split(".");
      // Heartbeat's lab keeps figures on the scenario result, keepalived's under `figures`.
      const values = report.runs
        .map((run) => run[scenario])
        .filter((r) => r?.passed)
        .map((r) => (r!.figures ?? r!)[figure])
        .filter((v): v is number => typeof v === "number");
      return cell(values, figure === "flips" ? 0 : 2);
    }),
  ]);
  const head = ["measure", ...columns.map((c) => c.name)];
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** Rows of flat objects as a table; anything else as a JSON block. */
function jsonAsMarkdown(value: unknown): string {
  const rows = Array.isArray(value) ? value : (value as { rows?: unknown })?.rows;
  if (Array.isArray(rows) && rows.length && rows.every((r) => r && typeof r === "object" && !Array.isArray(r))) {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cell = (v: unknown) => (typeof v === "object" ? JSON.stringify(v) : String(v ?? ""));
    return [
      `| ${keys.join(" | ")} |`,
      `|${keys.map(() => "---").join("|")}|`,
      ...rows.map((r) => `| ${keys.map((k) => cell(r[k])).join(" | ")} |`),
    ].join("\n");
  }
  return "```json\n" + JSON.stringify(value, null, 2) + "\n```";
}

const LAB_CACHE = join(ROOT, ".lab-cache");
/** The VM lab's last record (lab/vm/acceptance.ts): every run overwrites it. */
const VM_LAB_RECORD = join(LAB_CACHE, "vm-lab-phases.json");
/** Where `--only health` has lab:failover write the service profile, beside the failover section's failover.json. */
const SERVICE_FAILOVER_FILE = join(LAB_CACHE, "failover-service.json");

interface VmLabRecord {
  date?: string;
  tier?: string;
  phases?: [string, number][];
  rows?: { id: string; passed: boolean; figures?: string; detail?: string }[];
}

/** The VM lab scenarios that time a dead real server's removal (and its return, or the fallback server). */
const DEAD_REAL_SERVER_ROWS = ["vm.ld-lb.dead-real-server", "vm.ld-lb.fallback", "vm.ka-lb.health-check"];
const SYNC_SURVIVAL_ROW = "vm.ha-lb-sync.survives";

/** Runs an npm script of this checkout, its output on the terminal; a failure is noted, not thrown. */
function runLab(script: string, args: string[]): void {
  const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts ?? {};
  if (!scripts[script]) {
    emit(`No npm script ${script} in this checkout.\n`);
    return;
  }
  const r = spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) emit(`npm run ${script} -- ${args.join(" ")} exited ${r.status}.\n`);
}

const readJson = <T>(file: string): T | undefined => (existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined);

/** "median / max (n)" of a figure over passed runs, "-" without any. */
function medianMax(values: number[], digits = 2): string {
  if (values.length === 0) return "-";
  return `${median(values).toFixed(digits)} / ${Math.max(...values).toFixed(digits)} (${values.length})`;
}

/**
 * Issue 12's three figures, from the labs' records: the VM lab's dead-real-server scenarios, the
 * service profile of lab:failover (and keepalived's service failover), and the connection-sync
 * survival of the VM lab's ha-lb-sync topology. With `--only health` the labs run first, `--runs`
 * times each (service failovers, director crashes).
 */
function healthSection(): void {
  emit("## Health: dead real servers, service failover, connection sync\n");
  if (flags.only?.split(",").includes("health")) {
    runLab("lab:failover", ["--profile", "service", "--runs", String(runs), "--json", SERVICE_FAILOVER_FILE]);
    runLab("lab:vm", ["ld-lb", "ha-lb-sync", "--sync-crashes", String(runs)]);
  }
  const vm = readJson<VmLabRecord>(VM_LAB_RECORD);
  const vmRow = (id: string) => vm?.rows?.find((r) => r.id === id);
  const vmFrom = vm ? `From ${relative(ROOT, VM_LAB_RECORD)}: VM lab run of ${vm.date ?? "?"}, tier ${vm.tier ?? "?"}.` : undefined;

  emit("### Dead real server detection (VM lab)\n");
  if (!vm) emit(`Not measured (${relative(ROOT, VM_LAB_RECORD)} is written by npm run lab:vm).\n`);
  else {
    emit(`${vmFrom}\n`);
    emit("| scenario | result | figures |\n|---|---|---|");
    for (const id of DEAD_REAL_SERVER_ROWS) {
      const r = vmRow(id);
      emit(
        r ? `| ${id} | ${r.passed ? "PASS" : "FAIL"} | ${r.figures ?? r.detail ?? "-"} |` : `| ${id} | - | not in the last VM lab record |`,
      );
    }
    emit();
  }

  emit("### Service failover outage (netns lab)\n");
  serviceFailoverFigures();

  emit("### Connection-sync survival over director crashes (VM lab)\n");
  const sync = vmRow(SYNC_SURVIVAL_ROW);
  if (!vm || !sync)
    emit(
      `${vm ? `${vmFrom} ` : ""}${SYNC_SURVIVAL_ROW}: not in the last VM lab record (run npm run lab:vm -- ha-lb-sync --sync-crashes N).\n`,
    );
  else {
    // `--sync-crashes N` > 1 writes "survived k/N"; the default single crash writes "survived: yes|no",
    // which counts only when the scenario passed (the standby held the synced entry, as k/N requires).
    const text = `${sync.figures ?? ""} ${sync.detail ?? ""}`;
    const kn = text.match(/survived (\d+)\/(\d+)/);
    const one = text.match(/survived: (yes|no)/);
    const survival = kn ? `${kn[1]}/${kn[2]}` : one ? `${one[1] === "yes" && sync.passed ? 1 : 0}/1` : "?";
    emit(`${vmFrom}\n`);
    emit(`- downloads that survived a crash of the active director: **${survival}** (${sync.passed ? "PASS" : "FAIL"})`);
    emit(`- ${sync.figures ?? sync.detail ?? "-"}\n`);
  }
}

/** The service failover figures of lab:failover's `service` profile (the newer of the two files that have one) and keepalived's. */
function serviceFailoverFigures(): void {
  type Report = { profile: string; runs: Record<string, { passed?: boolean; servedS?: number; outageS?: number } | undefined>[] };
  const found = [SERVICE_FAILOVER_FILE, join(LAB_CACHE, "failover.json")]
    .map((file) => ({ file, doc: readJson<{ started?: string; reports?: Report[] }>(file) }))
    .map(({ file, doc }) => ({ file, started: doc?.started ?? "", report: doc?.reports?.find((r) => r.profile === "service") }))
    .filter((x) => x.report)
    .sort((a, b) => b.started.localeCompare(a.started))[0];
  const keepalived = readJson<FigureDoc>(join(LAB_CACHE, "keepalived.json"));
  emit("| engine | measure | median / max (n) s |\n|---|---|---|");
  const service = found?.report;
  if (service) {
    const values = (figure: "servedS" | "outageS") =>
      service.runs
        .map((r) => r.service)
        .filter((r) => r?.passed)
        .map((r) => r![figure])
        .filter((v): v is number => typeof v === "number");
    emit(`| heartbeat (service profile) | apache2 stopped on the holder -> served by the peer | ${medianMax(values("servedS"))} |`);
    emit(`| heartbeat (service profile) | service failover: client outage | ${medianMax(values("outageS"))} |`);
  } else emit("| heartbeat | - | not measured (npm run lab:failover -- --profile service) |");
  const kaReports = keepalived?.reports ?? [];
  for (const r of kaReports) {
    const values = (figure: string) =>
      r.runs
        .map((run) => run["service-failover"])
        .filter((x) => x?.passed)
        .map((x) => (x!.figures ?? x!)[figure])
        .filter((v): v is number => typeof v === "number");
    if (values("servedS").length === 0 && values("outageS").length === 0) continue;
    emit(`| keepalived ${r.profile} | apache2 stopped on the master -> served by the backup | ${medianMax(values("servedS"))} |`);
    emit(`| keepalived ${r.profile} | service failover: client outage | ${medianMax(values("outageS"))} |`);
  }
  if (!kaReports.some((r) => r.runs.some((run) => run["service-failover"]?.passed)))
    emit("| keepalived | - | not measured (npm run lab:keepalived) |");
  emit();
  if (found) emit(`Heartbeat from ${relative(ROOT, found.file)} (started ${found.started || "?"}).`);
  if (keepalived) emit(`keepalived from ${relative(ROOT, join(LAB_CACHE, "keepalived.json"))}.`);
  emit();
}

function labSection(): void {
  emit("## VM lab phase times\n");
  const file = join(ROOT, ".lab-cache", "vm-lab-phases.json");
  if (!existsSync(file)) {
    emit(`None recorded (${relative(ROOT, file)} is written by the VM lab).\n`);
    return;
  }
  const data = JSON.parse(readFileSync(file, "utf8")) as { date?: string; tier?: string; phases?: [string, number][] };
  emit(`Last run: ${data.date ?? "?"}, tier ${data.tier ?? "?"}.\n`);
  emit("| phase | seconds |\n|---|---:|");
  let total = 0;
  for (const [phase, seconds] of data.phases ?? []) {
    total += seconds;
    emit(`| ${phase} | ${seconds.toFixed(1)} |`);
  }
  emit(`| **total** | **${total.toFixed(1)}** |\n`);
}

// ---------------------------------------------------------------------------------------------

function gitHead(): string {
  const r = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" }).stdout.trim()
    ? " (with uncommitted changes)"
    : "";
  return r.status === 0 ? r.stdout.trim() + dirty : "unknown";
}

emit("# Bench results\n");
emit(`- date: ${new Date().toISOString()}`);
emit(`- cores: ${cpus().length} (${cpus()[0]?.model.trim() ?? "?"})`);
emit(`- node: ${process.version}`);
emit(`- commit: ${gitHead()}`);
emit(
  `- load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (other work on the machine inflates wall times)`,
);
emit(`- sections: ${only.join(", ")}; runs: ${runs}; CLI runs: ${cliRuns}\n`);

try {
  if (wanted("synth")) synthSection();
  if (wanted("scaling")) scalingSection();
  if (wanted("payloads")) payloadSection();
  if (wanted("suite")) suiteSection();
  if (wanted("failover")) failoverSection();
  if (wanted("health")) healthSection();
  if (wanted("lab")) labSection();
  emit(
    `Load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  if (outFile) {
    writeFileSync(outFile, report.join("\n") + "\n");
    console.log(`\nwrote ${relative(process.cwd(), outFile)}`);
  }
} finally {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}
