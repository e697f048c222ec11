/**
 * Fencing and watchdog lab (npm run lab:fencing, root):
 *   npx ts-node --swc lab/netns/fencing.ts [--keep]
 * Boots FENCING_STACK (the Heartbeat + Apache pair with `fencing: { kind: "libvirt" }` and the
 * watchdog) on the real daemons. The generated ha.cf and stonith.cfg and cluster-glue's real
 * external/libvirt plugin run unchanged; only `virsh` is the lab's (fake-virsh.sh, on each node's
 * PATH inside its own mount namespace): it logs each call with a timestamp and asks the lab to
 * power the named node off, which the lab does by the node's recorded init PID.
 * Scenarios: cold start (and the device's status check), the watchdog stand-in written by
 * heartbeat (and not while heartbeat is stopped), then every heartbeat path cut: exactly one node
 * keeps serving and the other is fenced before the takeover.
 * Exit 0 only if every scenario passed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runMain, sleep } from "../common/proc";
import { FENCING_STACK, labNodesOf, synthesizeLabStacks } from "../common/stacks";
import { FENCING_SCENARIO } from "./scenarios";
import { clientArpFor, formatResults, withHeartbeatLab, type HeartbeatLab, type ScenarioResult } from "./lab";
import type { LabNodeVm } from "./node";
import { now, waitUntil } from "./probe";

const LAB_SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHalNetnsLabPlaceholderKeyNotForUse0000000000 lab";
const FAKE_VIRSH = path.join(__dirname, "fake-virsh.sh");

/** Seconds since the epoch of a syslog line (RSYSLOG_FileFormat starts with an RFC 3339 time). */

/** Whether a libvirt domain is a node's VM: the platform names each VM `<stack>-<node>`. */
function isDomainOf(domain: string, hostname: string): boolean {
  return domain === hostname || domain.endsWith(`-${hostname}`);
}

function syslogTime(line: string): number {
  return Date.parse(line.split(" ")[0]) / 1000;
}

/** The first line of `vm`'s syslog at or after `wallS` that matches, with its time. */
function firstSyslog(vm: LabNodeVm, wallS: number, pattern: RegExp): { t: number; line: string } | undefined {
  for (const line of vm.syslogLines(pattern)) {
    const t = syslogTime(line);
    if (!Number.isNaN(t) && t >= wallS - 0.001) return { t, line };
  }
  return undefined;
}

interface Call {
  t: number;
  caller: string;
  phase: string;
  command: string;
  domain: string;
}

/**
 * The stand-in hypervisor: a folder with fake-virsh.sh as `virsh`, bind-mounted over each node's
 * /usr/local/sbin, and the loop that carries out its destroy/start requests. `start` answers ok
 * and leaves the node off: a real power_cycle boots it, into the same cut (see README).
 */
class StandInHypervisor {
  readonly dir: string;
  private running = false;
  private loop?: Promise<void>;
  private readonly handled = new Set<string>();

  constructor(
    workdir: string,
    private readonly log: (line: string) => void,
  ) {
    this.dir = path.join(workdir, "hypervisor");
    fs.mkdirSync(path.join(this.dir, "requests"), { recursive: true });
    fs.mkdirSync(path.join(this.dir, "off"), { recursive: true });
    fs.copyFileSync(FAKE_VIRSH, path.join(this.dir, "virsh"));
    fs.chmodSync(path.join(this.dir, "virsh"), 0o755);
  }

  calls(): Call[] {
    const file = path.join(this.dir, "calls.log");
    if (!fs.existsSync(file)) return [];
    return fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => {
        const [t, caller, phase, command, domain = ""] = l.split(" ");
        return { t: Number(t), caller, phase, command, domain };
      });
  }

  /** Serves requests until stop(); `vms` are the lab's nodes, by domain (= host) name. */
  start(vms: LabNodeVm[]): void {
    this.running = true;
    const serve = async () => {
      // Bounded by the lab: stop() ends it; each pass sleeps 50 ms.
      while (this.running) {
        for (const name of fs.readdirSync(path.join(this.dir, "requests")).sort()) {
          if (name.endsWith(".done") || name.endsWith(".tmp") || this.handled.has(name)) continue;
          this.handled.add(name);
          const file = path.join(this.dir, "requests", name);
          const [command, domain] = fs.readFileSync(file, "utf8").trim().split(" ");
          fs.writeFileSync(`${file}.done`, await this.carryOut(vms, command, domain));
        }
        await sleep(50);
      }
    };
    this.loop = serve();
  }

  private async carryOut(vms: LabNodeVm[], command: string, domain: string): Promise<string> {
    const vm = vms.find((v) => isDomainOf(domain, v.hostname));
    if (!vm) return `domain ${domain} not found`;
    if (command === "destroy") {
      if (vm.running) await vm.crash();
      fs.writeFileSync(path.join(this.dir, "off", domain), "");
      this.log(`stand-in hypervisor: destroy ${domain}: powered off by its init PID`);
      return "ok";
    }
    if (command === "start") {
      this.log(`stand-in hypervisor: start ${domain}: answered ok, kept off (a real power_cycle boots it into the same cut)`);
      return "ok";
    }
    return `the stand-in does not ${command}`;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

/** Cold start, with the stonith device's status check through the stand-in's virsh. */
async function coldStart(lab: HeartbeatLab, hv: StandInHypervisor) {
  const r = await lab.coldStart();
  const t0 = now();
  const checked = await waitUntil(t0, 30, () => {
    const callers = new Set(
      hv
        .calls()
        .filter((c) => c.command === "version")
        .map((c) => c.caller),
    );
    return callers.has(lab.primary.hostname) && callers.has(lab.backup.hostname);
  });
  if (checked === undefined) throw new Error("heartbeat's STONITH status check (virsh version) did not run on both nodes");
  return { ...r, detail: `${r.detail}; both nodes checked the stonith device (external/libvirt -> virsh version)` };
}

/** heartbeat writes to /dev/watchdog (the lab's plain file) and stops writing while it is stopped. */
async function watchdogTickles(lab: HeartbeatLab) {
  const vm = lab.primary;
  const b0 = (await vm.watchdogBytes())!;
  await sleep(3000);
  const b1 = (await vm.watchdogBytes())!;
  if (b1 - b0 < 2) throw new Error(`${vm.hostname}: heartbeat wrote ${b1 - b0} bytes to the watchdog in 3 s; it must tickle it`);
  // Shorter than deadtime, so the peer does not declare it dead (and fence it).
  const pid = await vm.signalHeartbeat("STOP");
  let stoppedBytes: number;
  try {
    const s0 = (await vm.watchdogBytes())!;
    await sleep(1500);
    stoppedBytes = (await vm.watchdogBytes())! - s0;
  } finally {
    await vm.signalHeartbeat("CONT");
  }
  await sleep(1000);
  const b2 = (await vm.watchdogBytes())!;
  if (stoppedBytes !== 0)
    throw new Error(`${vm.hostname}: the watchdog got ${stoppedBytes} bytes while heartbeat (pid ${pid}) was stopped`);
  if (b2 <= b1) throw new Error(`${vm.hostname}: heartbeat did not tickle the watchdog again after SIGCONT`);
  // heartbeat sets the device's timeout itself; the plain file refuses the ioctl, and syslog names the value.
  const set = vm.syslogLines(/heartbeat.*watchdog timer to \d+ seconds/)[0];
  const seconds = set ? Number(/timer to (\d+) seconds/.exec(set)![1]) : undefined;
  if (vm.syslogLines(/heartbeat.*Using watchdog device: \/dev\/watchdog/).length === 0 || seconds === undefined)
    throw new Error(`${vm.hostname}: heartbeat's syslog does not show it opening /dev/watchdog and setting its timeout`);
  return {
    detail: `${vm.hostname}: heartbeat opened /dev/watchdog, set its timeout to ${seconds} s, wrote ${b1 - b0} bytes in 3 s, 0 in 1.5 s under SIGSTOP (pid ${pid}), then resumed; the reset itself needs a real softdog (VM lab)`,
  };
}

/**
 * Every heartbeat path cut. Heartbeat 3.0.6 fences from both sides: whichever node declares the
 * other dead first resets it. Exactly one node must survive and serve, the other must be powered
 * off by the stand-in (never both: a fence race), and the survivor must not bring the VIP up
 * before the fence completed (it may already hold it).
 */
async function cutWithFencing(lab: HeartbeatLab, hv: StandInHypervisor) {
  const [active, standby] = [lab.primary, lab.backup];
  const holders0 = await lab.vipHolders();
  if (holders0.join() !== active.hostname)
    throw new Error(`precondition: want ${active.hostname} alone holding the VIP, have [${holders0}]`);
  const wall0 = Date.now() / 1000;
  const t0 = now();
  let dual = 0;
  let samples = 0;
  const rel = (t?: number) => (t === undefined ? "-" : (t - wall0).toFixed(2));
  const line = (vm: LabNodeVm, re: RegExp) => firstSyslog(vm, wall0, re);
  const cut = await lab.cutHeartbeatPaths(true);
  try {
    // Bounded: deadtime + the plugin's power_cycle (destroy, 2 s, start) + the takeover.
    const done = await waitUntil(
      t0,
      60,
      async () => {
        const h = await lab.vipHolders();
        samples++;
        if (h.length > 1) dual++;
        const up = [active, standby].filter((v) => v.running);
        if (up.length === 0) return true;
        // Done when one node is left holding the VIP and its plugin's power_cycle (destroy, 2 s, start) is over.
        return up.length === 1 && h.join() === up[0].hostname && line(up[0], /heartbeat.*node \S+ now reset\./) !== undefined;
      },
      100,
    );
    const survivor = [active, standby].find((v) => v.running);
    const fenced = survivor === active ? standby : active;
    const calls = hv.calls().filter((c) => c.t >= wall0);
    const destroys = calls.filter((c) => c.phase === "done" && c.command === "destroy");
    const deadOn = (vm: LabNodeVm) => line(vm, /heartbeat.*: node \S+: is dead/)?.t;
    const describe = destroys.map((d) => `${d.caller} destroyed ${d.domain} at ${rel(d.t)}`).join("; ") || "no destroy";
    if (done === undefined || !survivor)
      throw new Error(
        `no single survivor within 60 s (${describe}; holders [${await lab.vipHolders()}]): a fence race leaves no node serving`,
      );
    const fence = destroys.find((d) => d.caller === survivor.hostname && isDomainOf(d.domain, fenced.hostname));
    if (!fence || destroys.length !== 1)
      throw new Error(`want exactly one destroy, of ${fenced.hostname} by ${survivor.hostname}: ${describe}`);
    const reset = line(survivor, /heartbeat.*node \S+ now reset\./);
    const added = line(survivor, /IPaddr2.*Adding inet address/);
    const addedByFenced = line(fenced, /IPaddr2.*Adding inet address/);
    const complete = line(survivor, /heartbeat.*mach_down takeover complete\./);
    const servedBy = () => lab.probe.firstSince(t0, (h) => h === survivor.hostname);
    await waitUntil(t0, 30, () => servedBy() !== undefined);
    const served = servedBy();
    const timeline =
      `cut ${cut}; ${survivor.hostname} declared ${fenced.hostname} dead at ${rel(deadOn(survivor))} s` +
      ` (${fenced.hostname} saw ${survivor.hostname} dead at ${rel(deadOn(fenced))} s), virsh destroy done ${rel(fence.t)} s,` +
      ` "now reset" ${rel(reset?.t)} s, VIP added ${added ? `${rel(added.t)} s` : "- (already held)"}${complete ? `, takeover complete ${rel(complete.t)} s` : ""}`;
    const m: Partial<ScenarioResult> = {
      detectionS: deadOn(survivor) === undefined ? undefined : deadOn(survivor)! - wall0,
      takeoverS: added ? added.t - wall0 : undefined,
      servedS: served,
      outageS: lab.probe.outage(t0, now()),
    };
    if (!reset) throw new Error(`${survivor.hostname} logged no completed reset: ${timeline}`);
    if (added && !(fence.t < added.t && reset.t <= added.t)) throw new Error(`the VIP came up before the fence completed: ${timeline}`);
    if (addedByFenced) throw new Error(`${fenced.hostname} brought the VIP up before it was fenced: ${addedByFenced.line}`);
    if (dual > 0) throw new Error(`both nodes held the VIP in ${dual} of ${samples} samples: ${timeline}`);
    if (served === undefined) throw new Error(`the client never got ${survivor.hostname}'s page: ${timeline}`);
    const arp = await clientArpFor(lab.vipAddress);
    if (arp !== lab.vipMacOf(survivor))
      throw new Error(`client ARP for the VIP is ${arp}, not ${survivor.hostname}'s ${lab.vipMacOf(survivor)}`);
    return {
      ...m,
      detail: `${timeline}; 0 of ${samples} samples with two holders; only ${survivor.hostname} serves; client ARP -> ${survivor.hostname}`,
    };
  } finally {
    // The fenced node's bridge ports are gone with it; heal what is left.
    await lab.cutHeartbeatPaths(false).catch((e: Error) => console.log(`heal after the cut: ${e.message.split("\n")[0]}`));
  }
}

async function main(argv: string[]): Promise<number> {
  const keep = argv.includes("--keep");
  if (argv.some((a) => a !== "--keep")) {
    console.error("usage: fencing.ts [--keep]");
    return 2;
  }
  const outdir = synthesizeLabStacks();
  let nodes;
  try {
    nodes = labNodesOf(outdir, FENCING_STACK, { sshPublicKey: LAB_SSH_KEY });
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  const workdir = fs.mkdtempSync("/var/tmp/hal-fencing-hv-");
  const hv = new StandInHypervisor(workdir, console.log);
  let results: ScenarioResult[] = [];
  try {
    results = await withHeartbeatLab(
      { nodes, autoFailback: true, resolved: true, keepWorkdir: keep, hypervisorDir: hv.dir },
      async (lab) => {
        hv.start([lab.primary, lab.backup]);
        const out: ScenarioResult[] = [];
        const plan: [string, () => Promise<Omit<ScenarioResult, "scenario" | "passed">>][] = [
          [FENCING_SCENARIO.coldStart, () => coldStart(lab, hv)],
          [FENCING_SCENARIO.watchdog, () => watchdogTickles(lab)],
          [FENCING_SCENARIO.cutWithFencing, () => cutWithFencing(lab, hv)],
        ];
        for (const [scenario, fn] of plan) {
          if (out.some((r) => !r.passed)) out.push({ scenario, passed: false, detail: "not run: an earlier scenario failed" });
          else out.push(await lab.run(scenario, fn));
        }
        return out;
      },
    );
  } finally {
    await hv.stop();
    fs.writeFileSync(
      path.join(workdir, "calls.txt"),
      hv
        .calls()
        .map((c) => JSON.stringify(c))
        .join("\n") + "\n",
    );
    if (!keep) fs.rmSync(workdir, { recursive: true, force: true });
    else console.log(`stand-in hypervisor kept in ${workdir}`);
  }
  console.log(`\n### ${FENCING_STACK}\n\n${formatResults(results)}\n`);
  const failed = results.filter((r) => !r.passed).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  runMain(main);
}
