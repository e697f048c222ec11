/**
 * Netns lab CLI (npm run lab):
 *   npx ts-node lab/netns/run.ts [--stack NAME]... [--keep]
 *   npx ts-node lab/netns/run.ts --node-dir DIR --node-dir DIR [--auto-failback on|off] [--keep]
 * By default it synthesizes the project's stacks and runs every scenario on the Heartbeat + Apache
 * pair three times: as heartbeat-apache-libvirt (auto_failback on), as the same topology with
 * auto_failback off, with HEARTBEAT_FAST_PROFILE (ucast on both networks, sub-second deadtime), and
 * with service failover on (one more scenario: apache2 stopped on the holder); then the option stacks
 * (lab/common/stacks.ts OPTION_STACKS) with the short option plan. Prints the wall time per variant.
 * A node dir holds user-data, meta-data and network-config.
 * Exit 0 only if every scenario passed.
 */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { readLabNodeDir, type LabNode } from "../common/payload";
import { runMain } from "../common/proc";
import { tally } from "../common/report";
import { labNodesOf, OPTION_STACKS, synthesizeLabStacks } from "../common/stacks";
import { now } from "./probe";
import { formatResults, runHeartbeatLab, type ScenarioResult } from "./lab";
import { HEARTBEAT_VARIANTS } from "./scenarios";

export { runHeartbeatLab, formatResults, analysePair } from "./lab";
export { NETNS_SCENARIOS } from "./scenarios";
export type { HeartbeatLabOptions, ScenarioResult } from "./lab";

const USAGE = "usage: run.ts [--stack NAME]... | --node-dir DIR --node-dir DIR [--auto-failback on|off]  [--keep]";
/** Every variant, in the order scenarios.ts lists them (the coverage map reads the same list). */
const DEFAULT_STACKS = Object.keys(HEARTBEAT_VARIANTS);

/** Never used to log in: the nodes run no sshd. */
const LAB_SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHalNetnsLabPlaceholderKeyNotForUse0000000000 lab";

interface LabRun {
  readonly label: string;
  readonly nodes: LabNode[];
  readonly resolved: boolean;
  readonly plan: "full" | "options";
}

function autoFailbackOf(nodes: LabNode[]): boolean {
  return /^\s*auto_failback\s+(on|yes|true)\b/m.test(nodes[0].userData);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        keep: { type: "boolean", default: false },
        "node-dir": { type: "string", multiple: true, default: [] },
        stack: { type: "string", multiple: true, default: [] },
        "auto-failback": { type: "string" },
      },
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { keep, stack: stacks, "node-dir": dirs } = parsed;
  const failback = parsed["auto-failback"];
  if (failback !== undefined && failback !== "on" && failback !== "off") {
    console.error(`--auto-failback ${failback}: on or off\n${USAGE}`);
    return 2;
  }
  const autoFailback = failback === undefined ? undefined : failback === "on";
  const runs: LabRun[] = [];
  if (dirs.length > 0) {
    runs.push({ label: dirs.join(" + "), nodes: dirs.map(readLabNodeDir), resolved: false, plan: "full" });
  } else {
    const outdir = synthesizeLabStacks();
    try {
      for (const stack of stacks.length > 0 ? stacks : DEFAULT_STACKS) {
        const plan = OPTION_STACKS.includes(stack) ? "options" : "full";
        runs.push({ label: stack, nodes: labNodesOf(outdir, stack, { sshPublicKey: LAB_SSH_KEY }), resolved: true, plan });
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }
  const tables: string[] = [];
  const all: ScenarioResult[] = [];
  const times: string[] = [];
  for (const run of runs) {
    let t0 = now();
    // Expect whatever the payload's ha.cf says, unless told otherwise.
    const expected = autoFailback ?? autoFailbackOf(run.nodes);
    console.log(`\n## ${run.label} (auto_failback ${expected ? "on" : "off"})`);
    let results: ScenarioResult[];
    try {
      results = await runHeartbeatLab({
        nodes: run.nodes,
        autoFailback: expected,
        keepWorkdir: keep,
        resolved: run.resolved,
        plan: run.plan,
        scenarios: HEARTBEAT_VARIANTS[run.label],
        // Timed from here: a wait for another lab run's lock is not this variant's cost.
        onStart: () => (t0 = now()),
      });
    } catch (e) {
      console.error(`netns lab: ${run.label}: ${(e as Error).message}`);
      return 1;
    }
    times.push(`${run.label} (${run.plan} plan): ${(now() - t0).toFixed(0)} s`);
    tables.push(`### ${run.label} (auto_failback ${expected ? "on" : "off"})\n\n${formatResults(results)}`);
    all.push(...results);
  }
  console.log(`\n${tables.join("\n\n")}\n`);
  console.log(`wall time per variant: ${times.join("; ")}`);
  console.log(tally(all));
  return all.every((r) => r.passed) ? 0 : 1;
}

if (require.main === module) {
  runMain(main);
}
