/**
 * The keepalived pair in the netns lab (npm run lab:keepalived):
 *   npm run lab:keepalived -- [--runs 5] [--soak SECONDS] [--profile lab|fast|fast-nopreempt|options]... [--apache tracked|both|group] [--json FILE] [--keep]
 * Renders a two-node web pair with FailoverEngine.keepalived (the product's planner and payload, no
 * Terraform references to fill), boots it as namespace "VMs" (lab/netns/node.ts: each node has its own
 * PID namespace and /run, so keepalived's pid files are its own and a crash is a SIGKILL of the
 * node's init by its recorded PID) and measures, per run, from a client polling the VIP:
 * crash of the master -> served by the backup; its return (preempt: served by it again, requests lost;
 * nopreempt: the VIP stays); `service keepalived stop` on the holder -> served by the other; partition
 * of the VRRP network -> heal (outage, flips, final holder); apache2 stopped on the master (scenario
 * "service-failover", with `--apache tracked`) -> served by the backup within the declared bound, then
 * started again -> back on the master with preempt, or left on the backup with nopreempt; `--soak S` then leaves the steady pair
 * idle for S seconds and counts keepalived state changes (false failovers) and failed requests. `--apache tracked`
 * (default) makes apache2 the group's service with `serviceFailover: {}`: it runs from init on both nodes
 * and a track_script moves the VIP off a node whose apache2 is down; `--apache both` keeps apache2
 * running on both nodes from init and moves only the VIP; `--apache group` makes apache2 the group's
 * resource (keepalived's notify commands start and stop it). Figures are wall-clock on a shared
 * machine: printed, never asserted; a scenario fails only when the pair does not get there in time.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { renderNodePayload } from "../../cloud-init";
import {
  ClusterDecl,
  FailoverEngine,
  KEEPALIVED_DEFAULTS,
  KEEPALIVED_FAST_PROFILE,
  KeepalivedSettings,
  keepalivedServiceFailoverSeconds,
  planCluster,
} from "../../constructs";
import { freeAddress, parseCloudConfig, parseNics, subnetOf } from "../common/payload";
import { run, runMain, sleep } from "../common/proc";
import { median } from "./failover";
import { assertRoot, ensureHost, installCommand } from "./host";
import { LabNetwork } from "./network";
import { LabNodeVm } from "./node";
import { ClientProbe, now, ProbeOptions, waitUntil } from "./probe";
import { LabResources } from "./resources";
import { KEEPALIVED_SCENARIO } from "./scenarios";

/** Never used to log in: the nodes run no sshd. */
const LAB_SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHalNetnsLabPlaceholderKeyNotForUse0000000000 lab";
const VIP = "192.168.56.10";
const PUBLIC = "192.168.56.0/24";
const PRIVATE = "192.168.200.0/24";
/** Two overlapping loops, 100 ms apart each, 0.2 s connect time-out: "served again" to within about 0.1 s. */
const PROBE: ProbeOptions = { intervalMs: 100, connectTimeoutS: 0.2, loops: 2 };
/** How long a partition lasts, and how long the pair is watched after it heals. */
const PARTITION_S = 5;
const SETTLE_S = 5;

interface Profile {
  readonly settings: KeepalivedSettings;
  readonly autoFailback: boolean;
}

export const KEEPALIVED_LAB_PROFILES: Record<string, Profile> = {
  lab: { settings: {}, autoFailback: true },
  fast: { settings: KEEPALIVED_FAST_PROFILE, autoFailback: true },
  "fast-nopreempt": { settings: KEEPALIVED_FAST_PROFILE, autoFailback: false },
  // Every VRRP setting away from its default, so the settings scenario proves the daemon runs each one.
  options: {
    settings: {
      vrrpNetwork: "public",
      vrrpVersion: 2,
      advertIntervalSeconds: 1,
      virtualRouterId: 73,
      preferredPriority: 200,
      otherPriority: 120,
      garpMasterRefreshSeconds: 5,
      serviceFailover: { services: ["apache2"], intervalSeconds: 1, fall: 3, rise: 3 },
    },
    autoFailback: true,
  },
};

/** Where apache2 runs: from init on both nodes, tracked by the group (serviceFailover) or not; or started by notify. */
export type ApacheMode = "tracked" | "both" | "group";
const APACHE_MODES: readonly ApacheMode[] = ["tracked", "both", "group"];

/** The profile's settings as the pair runs them: `tracked` turns service failover on (the profile's, else the defaults), the other modes off. */
function settingsOf(profile: Profile, apache: ApacheMode): KeepalivedSettings {
  const { serviceFailover, ...rest } = profile.settings;
  return apache === "tracked" ? { ...rest, serviceFailover: serviceFailover || {} } : rest;
}

/** The lab pair's addresses, by network. */
const NODES = [
  { name: "ka1", public: "192.168.56.11", private: "192.168.200.11" },
  { name: "ka2", public: "192.168.56.12", private: "192.168.200.12" },
] as const;

/** The pair as a user would declare it, with keepalived as its engine. */
export function keepalivedPairDecl(profile: Profile, apache: ApacheMode): ClusterDecl {
  return {
    networks: { public: { cidr: PUBLIC }, private: { cidr: PRIVATE } },
    admin: { sshAuthorizedKeys: [LAB_SSH_KEY] },
    nodes: NODES.map((n) => ({ name: n.name, publicAddress: n.public, privateAddress: n.private, web: true })),
    failoverGroup: {
      nodes: ["ka1", "ka2"],
      preferredNode: "ka1",
      vips: [{ address: VIP, labelIndex: 0 }],
      resources: apache === "both" ? [] : ["apache2"],
      autoFailback: profile.autoFailback,
    },
    failover: FailoverEngine.keepalived(settingsOf(profile, apache)),
  };
}

type Figures = Record<string, number | string>;
interface RunFigures {
  [scenario: string]: { passed: boolean; figures: Figures; error?: string };
}

export interface SoakFigures {
  seconds: number;
  /** keepalived state changes logged by either node: each is a false failover. */
  stateChanges: number;
  /** Changes of the answering node seen by the client. */
  vipMoves: number;
  requests: number;
  failed: number;
  loadAvgMean: number;
  loadAvgMax: number;
}

export interface KeepalivedReport {
  profile: string;
  settings: KeepalivedSettings;
  autoFailback: boolean;
  apache: ApacheMode;
  runs: RunFigures[];
  soak?: SoakFigures;
  failures: string[];
}

class KeepalivedPair {
  readonly probe = new ClientProbe(VIP, ["ka1", "ka2"], PROBE);

  constructor(
    readonly primary: LabNodeVm,
    readonly backup: LabNodeVm,
    private readonly net: LabNetwork,
    private readonly profile: Profile,
    /** The settings the pair runs: the profile's, with serviceFailover when apache2 is tracked. */
    private readonly settings: KeepalivedSettings,
    private readonly log: (s: string) => void,
  ) {}

  /** The segment that carries the adverts: a partition cuts it between the nodes (the client keeps both). */
  private get vrrpSubnet(): string {
    return (this.settings.vrrpNetwork ?? KEEPALIVED_DEFAULTS.vrrpNetwork) === "public" ? PUBLIC : PRIVATE;
  }

  /** Bound for one failover: 3 adverts plus skew, then room for a slow, shared machine. */
  private get limitS(): number {
    return 3 * (this.profile.settings.advertIntervalSeconds ?? KEEPALIVED_DEFAULTS.advertIntervalSeconds) + 20;
  }

  /** Undoes a partition a failed scenario may have left. */
  async heal(): Promise<void> {
    this.log("healing the VRRP network");
    await this.net.isolate([this.vrrpSubnet], false);
  }

  async holders(): Promise<string[]> {
    const out: string[] = [];
    for (const vm of [this.primary, this.backup]) if ((await vm.addresses()).includes(VIP)) out.push(vm.hostname);
    return out;
  }

  private other(vm: LabNodeVm): LabNodeVm {
    return vm === this.primary ? this.backup : this.primary;
  }

  /** Waits until only `vm` holds the VIP and the client's last answers came from it. */
  async steadyOn(vm: LabNodeVm, limitS = this.limitS): Promise<void> {
    const t0 = now();
    const ok = await waitUntil(t0, limitS, async () => {
      const h = await this.holders();
      const last = this.probe.since(now() - 0.5);
      return h.length === 1 && h[0] === vm.hostname && last.length > 0 && last.every((s) => s.host === vm.hostname);
    });
    if (ok === undefined)
      throw new Error(`not steady on ${vm.hostname} within ${limitS} s (VIP on: ${(await this.holders()).join(", ") || "none"})`);
  }

  private served(t0: number, vm: LabNodeVm): number | undefined {
    return this.probe.firstSince(t0, (h) => h === vm.hostname);
  }

  private async waitServed(t0: number, vm: LabNodeVm): Promise<number> {
    await waitUntil(t0, this.limitS, () => this.served(t0, vm) !== undefined, 50);
    const s = this.served(t0, vm);
    if (s === undefined) throw new Error(`${vm.hostname} did not serve the VIP within ${this.limitS} s`);
    return s;
  }

  private lost(from: number, to: number): number {
    return this.probe.samples.filter((s) => s.t > from && s.t <= to && s.host === null).length;
  }

  async keepalived(vm: LabNodeVm, action: "start" | "stop"): Promise<void> {
    const r = await vm.execLogged(["/etc/init.d/keepalived", action], vm.bootLog, 60_000);
    if (r.code !== 0) throw new Error(`${vm.hostname}: keepalived ${action} exited ${r.code}: ${r.output.trim()}`);
    // Debian's init script stops without --retry: it returns on SIGTERM, while keepalived still runs its
    // shutdown, and a start right after it finds the old daemon and does nothing. Wait for the state.
    const want = action === "start";
    if ((await waitUntil(now(), 15, async () => (await vm.isRunning("keepalived")) === want)) === undefined) {
      throw new Error(`${vm.hostname}: keepalived still ${want ? "not running" : "running"} 15 s after ${action}`);
    }
  }

  /** Crash of the master: power cut, every process of the node at once. */
  async crash(): Promise<Figures> {
    await this.steadyOn(this.primary);
    const t0 = now();
    await this.primary.crash();
    const served = await this.waitServed(t0, this.backup);
    return { servedS: served };
  }

  /** The crashed master powers on again: preempt takes the VIP back, nopreempt leaves it. */
  async returnOfMaster(): Promise<Figures> {
    const t0 = now();
    await this.primary.boot();
    if (this.profile.autoFailback) {
      const served = await this.waitServed(t0, this.primary);
      await sleep(2000);
      return { servedByPrimaryS: served, lostRequests: this.lost(t0, now()), outageS: this.probe.outage(t0, now()) };
    }
    // Give the returned node ten advert intervals (at least 3 s) as BACKUP: the VIP must not move.
    const advert = this.profile.settings.advertIntervalSeconds ?? KEEPALIVED_DEFAULTS.advertIntervalSeconds;
    await waitUntil(now(), 30, () => this.primary.isRunning("keepalived"));
    await sleep(Math.max(3, 10 * advert) * 1000);
    const holders = await this.holders();
    const stayed = holders.length === 1 && holders[0] === this.backup.hostname && this.served(t0, this.primary) === undefined;
    if (!stayed) throw new Error(`nopreempt: the VIP moved (on: ${holders.join(", ") || "none"})`);
    return { stayedOnBackup: "yes", lostRequests: this.lost(t0, now()) };
  }

  /** `service keepalived stop` on the holder: it leaves with priority 0, the other takes over at once. */
  async gracefulStop(): Promise<Figures> {
    const [holderName] = await this.holders();
    const holder = holderName === this.primary.hostname ? this.primary : this.backup;
    const other = this.other(holder);
    const t0 = now();
    await this.keepalived(holder, "stop");
    const served = await this.waitServed(t0, other);
    await sleep(1000);
    const figures = { servedS: served, lostRequests: this.lost(t0, now()) };
    await this.keepalived(holder, "start");
    // Back to the preferred node: preempt does it; with nopreempt, a graceful stop of the backup does.
    if (this.profile.autoFailback || holder === this.primary) {
      await this.steadyOn(holder === this.primary && !this.profile.autoFailback ? other : this.primary);
    }
    if (!this.profile.autoFailback && holder === this.primary) {
      await this.keepalived(this.backup, "stop");
      await this.steadyOn(this.primary);
      await this.keepalived(this.backup, "start");
    }
    return figures;
  }

  /**
   * Service failover ("service-failover"): apache2 on the master is stopped by its recorded PID
   * (SIGTERM to the pid file's process, a clean exit nothing restarts) while the node lives. The
   * track_script puts the master in FAULT and the backup must serve within the declared bound
   * (interval × fall + advert_int + 0.5 s); while apache2 stays down the VIP must not come back. Then
   * apache2 is started again: with preempt the master takes the VIP back after `rise` checks; with
   * nopreempt it stays on the backup (and the lab moves it back by a graceful stop of the backup).
   */
  async serviceFailover(): Promise<Figures> {
    const sf = { ...KEEPALIVED_DEFAULTS.serviceFailover, ...(this.settings.serviceFailover || {}) };
    const boundS = keepalivedServiceFailoverSeconds(this.settings);
    await this.steadyOn(this.primary);
    const faults = () => this.primary.syslogLines(/\(VI_1\) Entering FAULT STATE/).length;
    const faultsBefore = faults();
    const t0 = now();
    this.log(`${this.primary.hostname}: kill -TERM apache2 (the pid file's process)`);
    const k = await this.primary.exec(["sh", "-c", 'kill -TERM "$(cat /run/apache2/apache2.pid)"']);
    if (k.code !== 0) throw new Error(`kill -TERM apache2 on ${this.primary.hostname} exited ${k.code}: ${k.stderr.trim()}`);
    const served = await this.waitServed(t0, this.backup);
    const figures: Figures = { servedS: served, boundS, withinBound: served <= boundS ? "yes" : "no" };
    // No take-back and no flap while apache2 is down: the backup alone serves for twice the bound (at least 3 s).
    const watchS = Math.max(3, 2 * boundS);
    const tWatch = now();
    let seen = "";
    const moved = await waitUntil(tWatch, watchS, async () => {
      const h = await this.holders();
      const apache = await this.primary.isRunning("apache2");
      seen = `VIP on ${h.join(", ") || "none"}, apache2 on ${this.primary.hostname} ${apache ? "running" : "stopped"}`;
      return h.length !== 1 || h[0] !== this.backup.hostname || apache;
    });
    if (moved !== undefined) {
      // Which apache2 processes, since when and from which parent: enough to tell a restart from a slow exit.
      const ps = await this.primary.exec(["ps", "-o", "pid,ppid,etimes,args", "-C", "apache2"], 5000);
      throw new Error(
        `${moved.toFixed(1)} s into the ${watchS} s watch: ${seen}; ${this.primary.hostname}: ${ps.stdout.trim().replace(/\s+/g, " ")}`,
      );
    }
    if (this.probe.outage(tWatch, now()) > 0) throw new Error("the client missed pages while the backup held the VIP");
    figures.outageS = this.probe.outage(t0, now());
    figures.faultLogged = faults() > faultsBefore ? "yes" : "no";
    if (figures.faultLogged !== "yes") throw new Error(`${this.primary.hostname} logged no FAULT state for its stopped apache2`);
    const t1 = now();
    const r = await this.primary.execLogged(["service", "apache2", "start"], this.primary.bootLog, 60_000);
    if (r.code !== 0) throw new Error(`${this.primary.hostname}: service apache2 start exited ${r.code}: ${r.output.trim()}`);
    if (this.profile.autoFailback) {
      figures.failbackS = await this.waitServed(t1, this.primary);
      await sleep(1000);
      figures.failbackLost = this.lost(t1, now());
      return figures;
    }
    // nopreempt: the returned node passes `rise` checks and stays BACKUP; give it ten adverts more (at least 3 s).
    const advert = this.settings.advertIntervalSeconds ?? KEEPALIVED_DEFAULTS.advertIntervalSeconds;
    await sleep((sf.rise * sf.intervalSeconds + Math.max(3, 10 * advert)) * 1000);
    const holders = await this.holders();
    if (holders.length !== 1 || holders[0] !== this.backup.hostname || this.served(t1, this.primary) !== undefined)
      throw new Error(`nopreempt: the VIP moved after apache2 came back (on: ${holders.join(", ") || "none"})`);
    figures.stayedOnBackup = "yes";
    figures.failbackLost = this.lost(t1, now());
    // Back to the preferred node for the next run, as gracefulStop does.
    await this.keepalived(this.backup, "stop");
    await this.steadyOn(this.primary);
    await this.keepalived(this.backup, "start");
    return figures;
  }

  /**
   * After a failed scenario: apache2 running on both nodes again, and with nopreempt the VIP moved
   * back to the primary by a graceful stop of the backup (nothing else would move it).
   */
  async restore(): Promise<void> {
    for (const vm of [this.primary, this.backup]) {
      if (vm.running && !(await vm.isRunning("apache2"))) await vm.execLogged(["service", "apache2", "start"], vm.bootLog, 60_000);
    }
    const holders = await this.holders();
    if (!this.profile.autoFailback && holders.length === 1 && holders[0] === this.backup.hostname) {
      await this.keepalived(this.backup, "stop");
      await this.steadyOn(this.primary);
      await this.keepalived(this.backup, "start");
    }
  }

  /**
   * The steady pair left alone for `seconds`: every state change in either node's syslog is a false
   * failover (nothing was done to them), as is a request the client did not get answered.
   */
  async soak(seconds: number): Promise<SoakFigures> {
    await this.steadyOn(this.primary);
    const transitions = () => [this.primary, this.backup].reduce((n, vm) => n + vm.syslogLines(/\(VI_1\) Entering \w+ STATE/).length, 0);
    const before = transitions();
    const t0 = now();
    const load: number[] = [];
    // Bounded: one sample every 10 s until the soak ends.
    for (let i = 0; i < Math.ceil(seconds / 10) && now() - t0 < seconds; i++) {
      load.push(os.loadavg()[0]);
      await sleep(Math.min(10, Math.max(0, seconds - (now() - t0))) * 1000);
    }
    const end = now();
    const samples = this.probe.samples.filter((x) => x.t > t0 && x.t <= end);
    return {
      seconds: end - t0,
      stateChanges: transitions() - before,
      vipMoves: this.probe.flips(t0, end),
      requests: samples.length,
      failed: samples.filter((x) => x.host === null).length,
      loadAvgMean: load.reduce((a, b) => a + b, 0) / Math.max(1, load.length),
      loadAvgMax: Math.max(...load),
    };
  }

  /**
   * The settings as the daemon runs them ("settings"): keepalived's own state dump (SIGUSR1 writes
   * /tmp/keepalived.data in the node) on both nodes shows the declared VRRP version, router id,
   * priorities, advert interval, gratuitous ARP refresh, interface, unicast peer and track scripts'
   * timers: each declared value or its KEEPALIVED_DEFAULTS entry, not the rendered file's text.
   */
  async settingsAsRun(): Promise<Figures> {
    const d = KEEPALIVED_DEFAULTS;
    const s = this.settings;
    const role = s.vrrpNetwork ?? d.vrrpNetwork;
    const sf = s.serviceFailover ? { ...d.serviceFailover, ...s.serviceFailover } : undefined;
    const checked: string[] = [];
    for (const vm of [this.primary, this.backup]) {
      const peer = NODES.find((n) => n.name !== vm.hostname)!;
      const dump = await this.stateDump(vm);
      const want: [string, RegExp][] = [
        [`VRRP version ${s.vrrpVersion ?? d.vrrpVersion}`, new RegExp(`^ {3}VRRP Version = ${s.vrrpVersion ?? d.vrrpVersion}$`, "m")],
        [
          `router id ${s.virtualRouterId ?? d.virtualRouterId}`,
          new RegExp(`^ {3}Virtual Router ID = ${s.virtualRouterId ?? d.virtualRouterId}$`, "m"),
        ],
        [
          `priority ${vm === this.primary ? (s.preferredPriority ?? d.preferredPriority) : (s.otherPriority ?? d.otherPriority)}`,
          new RegExp(
            `^ {3}Priority = ${vm === this.primary ? (s.preferredPriority ?? d.preferredPriority) : (s.otherPriority ?? d.otherPriority)}$`,
            "m",
          ),
        ],
        [
          `garp refresh ${s.garpMasterRefreshSeconds ?? d.garpMasterRefreshSeconds}`,
          new RegExp(`^ {3}Gratuitous ARP refresh = ${s.garpMasterRefreshSeconds ?? d.garpMasterRefreshSeconds}$`, "m"),
        ],
        [`interface ${role}`, new RegExp(`^ {3}Interface = ${role}$`, "m")],
        [`unicast peer ${peer[role]}`, new RegExp(`^ {3}Unicast Peer :\n {5}${peer[role].replace(/\./g, "\\.")} `, "m")],
      ];
      for (const service of sf ? (sf.services ?? ["apache2"]) : []) {
        const block = dump.split("VRRP Script = ").find((b) => b.startsWith(`chk_${service}\n`)) ?? "";
        want.push([`chk_${service} tracked`, new RegExp(`^ {5}chk_${service} weight 0$`, "m")]);
        for (const [field, value] of [
          ["Interval", `${sf!.intervalSeconds} sec`],
          ["Fall", String(sf!.fall)],
          ["Rise", String(sf!.rise)],
        ]) {
          if (!new RegExp(`^ {3}${field} = ${value}$`, "m").test(block))
            throw new Error(`${vm.hostname}: keepalived runs chk_${service} without ${field} = ${value}:\n${block.slice(0, 600)}`);
        }
        checked.push(`chk_${service} ${sf!.intervalSeconds}s/${sf!.fall}/${sf!.rise}`);
      }
      const missing = want.filter(([, re]) => !re.test(dump)).map(([what]) => what);
      if (missing.length > 0) {
        const topology = dump.slice(dump.indexOf("VRRP Topology"), dump.indexOf("VRRP Sockpool"));
        throw new Error(`${vm.hostname}: keepalived does not run ${missing.join(", ")}:\n${topology.slice(0, 2500)}`);
      }
      const advert = dump.match(/^ {3}Advert interval = (\d+) (sec|milli-sec)$/m);
      const advertS = advert ? Number(advert[1]) / (advert[2] === "sec" ? 1 : 1000) : undefined;
      if (advertS !== (s.advertIntervalSeconds ?? d.advertIntervalSeconds))
        throw new Error(
          `${vm.hostname}: keepalived's advert interval is ${advert?.[0].trim() ?? "not in its dump"}, declared ${s.advertIntervalSeconds ?? d.advertIntervalSeconds} s`,
        );
      checked.push(`${vm.hostname}: ${want.map(([what]) => what).join(", ")}, advert ${advertS} s`);
    }
    return { asDeclared: [...new Set(checked)].join("; ") };
  }

  /** keepalived's VRRP process state dump (SIGUSR1 to the daemon named in its pid file), once complete. */
  private async stateDump(vm: LabNodeVm): Promise<string> {
    const pid = (await vm.exec(["cat", "/run/keepalived.pid"])).stdout.trim();
    if (!/^\d+$/.test(pid)) throw new Error(`${vm.hostname}: no keepalived pid file`);
    await vm.exec(["rm", "-f", "/tmp/keepalived.data"]);
    const k = await vm.exec(["kill", "-USR1", pid]);
    if (k.code !== 0) throw new Error(`${vm.hostname}: kill -USR1 ${pid} exited ${k.code}: ${k.stderr.trim()}`);
    let dump = "";
    // The VRRP child writes the file; the Interfaces section comes after the scripts.
    await waitUntil(now(), 10, async () =>
      (dump = (await vm.exec(["cat", "/tmp/keepalived.data"])).stdout).includes("------< Interfaces >------"),
    );
    if (!dump.includes("------< VRRP Topology >------")) throw new Error(`${vm.hostname}: keepalived wrote no state dump within 10 s`);
    return dump;
  }

  /** The VRRP network is cut between the nodes (not the client's): both become master; then it heals. */
  async partition(): Promise<Figures> {
    await this.steadyOn(this.primary);
    const t0 = now();
    await this.net.isolate([this.vrrpSubnet], true);
    let both = false;
    await waitUntil(t0, PARTITION_S, async () => {
      both ||= (await this.holders()).length === 2;
      return false;
    });
    await this.net.isolate([this.vrrpSubnet], false);
    // Cut off from its master's adverts the backup must take the VIP too, else keepalived is not running there.
    if (!both) throw new Error(`partitioned for ${PARTITION_S} s, the VIP stayed on one node: is keepalived running on both?`);
    const healed = now();
    const oneHolder = await waitUntil(healed, SETTLE_S, async () => (await this.holders()).length === 1, 20);
    await sleep(Math.max(0, healed + SETTLE_S - now()) * 1000);
    const end = now();
    const holders = await this.holders();
    if (oneHolder === undefined || holders.length !== 1) throw new Error(`after the heal the VIP is on ${holders.join(", ") || "no node"}`);
    return {
      bothMasters: both ? "yes" : "no",
      outageS: this.probe.outage(t0, end),
      flips: this.probe.flips(t0, end),
      healToOneHolderS: oneHolder,
      holderAfterHeal: holders[0],
    };
  }
}

async function ensureKeepalived(): Promise<void> {
  const r = await run(["dpkg-query", "-W", "-f=${Status}", "keepalived"], { allowFail: true });
  if (!r.stdout.includes("install ok installed"))
    throw new Error(`keepalived is not installed; as root run:\n  ${installCommand(["keepalived"])}`);
}

async function measureProfile(name: string, runs: number, soakS: number, apache: ApacheMode, keep: boolean): Promise<KeepalivedReport> {
  const profile = KEEPALIVED_LAB_PROFILES[name];
  const report: KeepalivedReport = {
    profile: name,
    settings: settingsOf(profile, apache),
    autoFailback: profile.autoFailback,
    apache,
    runs: [],
    failures: [],
  };
  const started = now();
  const log = (line: string) => console.log(`[${(now() - started).toFixed(1).padStart(6)}s] ${line}`);
  let macs = 0;
  const planned = planCluster(
    keepalivedPairDecl(profile, apache),
    "KeepalivedLab",
    () => `52:54:00:4b:00:${(macs++).toString(16).padStart(2, "0")}`,
  );

  await ensureHost(log);
  await ensureKeepalived();
  assertRoot();
  const workdir = fs.mkdtempSync("/var/tmp/hal-netns-lab-keepalived-");
  // Another lab run holding the lock leaves nothing of ours behind, not even the empty work directory.
  const resources = await LabResources.open(workdir, log).catch((e: Error) => {
    fs.rmdirSync(workdir);
    throw e;
  });
  const vms: LabNodeVm[] = [];
  let signalled: Promise<void> | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signalled) return;
    log(`${sig}: cleaning up`);
    for (const vm of vms) vm.abandon();
    signalled = resources.cleanup(log, keep).finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let pair: KeepalivedPair | undefined;
  try {
    const net = new LabNetwork(resources);
    await net.create(
      new Map([
        [PUBLIC, "public"],
        [PRIVATE, "private"],
      ]),
    );
    const nics = planned.map((n) => parseNics(renderNodePayload(n.spec).networkConfig));
    const used = nics.flat().flatMap((nic) => nic.addresses.map((a) => a.split("/")[0]));
    await net.createClient(subnetOf(`${VIP}/24`), freeAddress(PUBLIC, [...used, VIP]));
    for (const [i, n] of planned.entries()) {
      const vm = new LabNodeVm(
        { hostname: n.name, index: i, cloudConfig: parseCloudConfig(renderNodePayload(n.spec).userData), nics: nics[i] },
        net,
        resources,
        log,
      );
      await vm.prepareDisk();
      vms.push(vm);
    }
    pair = new KeepalivedPair(vms[0], vms[1], net, profile, settingsOf(profile, apache), log);
    for (const vm of vms) await vm.boot();
    pair.probe.start();
    await pair.steadyOn(pair.primary, 60);
    log(`steady: ${VIP} on ${pair.primary.hostname}`);
    const scenarios: [string, () => Promise<Figures>][] = [
      [KEEPALIVED_SCENARIO.settings, () => pair!.settingsAsRun()],
      [KEEPALIVED_SCENARIO.crash, () => pair!.crash()],
      [KEEPALIVED_SCENARIO.return, () => pair!.returnOfMaster()],
      [KEEPALIVED_SCENARIO.graceful, () => pair!.gracefulStop()],
      [KEEPALIVED_SCENARIO.partition, () => pair!.partition()],
      // Only a pair that tracks apache2 moves the VIP for it.
      ...(apache === "tracked"
        ? [[KEEPALIVED_SCENARIO.serviceFailover, () => pair!.serviceFailover()] as [string, () => Promise<Figures>]]
        : []),
    ];
    for (let i = 1; i <= runs; i++) {
      const figures: RunFigures = {};
      report.runs.push(figures);
      for (const [scenario, body] of scenarios) {
        try {
          figures[scenario] = { passed: true, figures: await body() };
          log(
            `run ${i}/${runs} ${scenario}: ${JSON.stringify(figures[scenario].figures, (_k, v: unknown) => (typeof v === "number" ? Number(v.toFixed(3)) : v))}`,
          );
        } catch (e) {
          const error = (e as Error).message;
          figures[scenario] = { passed: false, figures: {}, error };
          report.failures.push(`run ${i} ${scenario}: ${error}`);
          log(`run ${i}/${runs} ${scenario} FAILED: ${error}`);
          // Back to a known state: both nodes up, VIP on the primary; else give up on this profile.
          try {
            if (!pair.primary.running) await pair.primary.boot();
            if (!pair.backup.running) await pair.backup.boot();
            await pair.heal();
            await pair.restore();
            await pair.steadyOn(pair.primary, 60);
          } catch (again) {
            report.failures.push(`run ${i}: could not recover: ${(again as Error).message}`);
            return report;
          }
          break;
        }
      }
    }
    if (soakS > 0) {
      try {
        report.soak = await pair.soak(soakS);
        log(`idle soak: ${JSON.stringify(report.soak)}`);
      } catch (e) {
        report.failures.push(`soak: ${(e as Error).message}`);
      }
    }
    return report;
  } finally {
    await pair?.probe.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (signalled) await signalled;
    for (const vm of vms) await vm.powerOff().catch((e: Error) => log(`${vm.hostname}: power off: ${e.message}`));
    await resources.cleanup(log, keep);
  }
}

/** The table's rows: scenario, figure, label. */
const COLUMNS: [string, string, string][] = [
  ["crash", "servedS", "crash -> served by the backup s"],
  ["return", "servedByPrimaryS", "return (preempt): power-on -> served by primary s"],
  ["return", "lostRequests", "return: requests lost"],
  ["return", "outageS", "return (preempt): client outage s"],
  ["graceful", "servedS", "graceful stop -> served s"],
  ["graceful", "lostRequests", "graceful stop: requests lost"],
  ["partition", "outageS", "partition -> heal: client outage s"],
  ["partition", "flips", "partition -> heal: flips"],
  ["partition", "healToOneHolderS", "partition -> heal: heal -> one VIP holder s"],
  ["service-failover", "servedS", "apache2 stopped on master -> served by the backup s"],
  ["service-failover", "outageS", "apache2 stopped: client outage s"],
  ["service-failover", "failbackS", "apache2 started again -> served by primary s (preempt)"],
  ["service-failover", "failbackLost", "apache2 started again: requests lost"],
];

export function formatKeepalivedTable(reports: KeepalivedReport[]): string {
  const fmt = (v: number | undefined, digits: number) => (v === undefined ? "-" : v.toFixed(digits));
  const head = ["measure", ...reports.map((r) => `${r.profile}: median / max (n)`)];
  const rows = COLUMNS.map(([scenario, figure, label]) => [
    label,
    ...reports.map((r) => {
      const v = r.runs
        .map((x) => x[scenario])
        .filter((x) => x?.passed)
        .map((x) => x.figures[figure])
        .filter((x): x is number => typeof x === "number");
      const digits = ["flips", "lostRequests", "failbackLost"].includes(figure) ? 0 : 2;
      return `${fmt(median(v), digits)} / ${fmt(v.length ? Math.max(...v) : undefined, digits)} (${v.length})`;
    }),
  ]);
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`), ""];
  for (const r of reports) {
    const advert = r.settings.advertIntervalSeconds ?? KEEPALIVED_DEFAULTS.advertIntervalSeconds;
    const version = r.settings.vrrpVersion ?? KEEPALIVED_DEFAULTS.vrrpVersion;
    const stayed = r.runs.filter((x) => x.return?.figures.stayedOnBackup === "yes").length;
    const holders = r.runs.map((x) => x.partition?.figures.holderAfterHeal).filter(Boolean);
    const apache = {
      tracked: "on both nodes (init), tracked (serviceFailover)",
      both: "on both nodes (init)",
      group: "the group's (notify)",
    }[r.apache];
    lines.push(
      `- ${r.profile}: VRRPv${version}, advert_int ${advert}, ${r.autoFailback ? "preempt" : `nopreempt (VIP stayed on the backup at return: ${stayed} of ${r.runs.length})`}, apache2 ${apache}; holder after heal: ${holders.join(", ") || "-"}`,
    );
    if (r.apache === "tracked") {
      const service = r.runs.map((x) => x["service-failover"]).filter((x) => x?.passed);
      const within = service.filter((x) => x.figures.withinBound === "yes").length;
      const stayedService = service.filter((x) => x.figures.stayedOnBackup === "yes").length;
      lines.push(
        `- ${r.profile} service-failover: declared bound ${keepalivedServiceFailoverSeconds(r.settings).toFixed(2)} s (interval × fall + advert_int + 0.5 s for the checks' run time), served within it in ${within} of ${service.length}; ` +
          (r.autoFailback
            ? "failback: preempt took the VIP back"
            : `failback: nopreempt, the VIP stayed on the backup in ${stayedService} of ${service.length}`),
      );
    }
  }
  for (const r of reports.filter((x) => x.soak)) {
    const k = r.soak!;
    lines.push(
      `- ${r.profile} idle soak ${k.seconds.toFixed(0)} s: ${k.stateChanges} keepalived state changes (false failovers), ${k.vipMoves} VIP moves; ` +
        `client ${k.failed} of ${k.requests} requests failed; host load avg (1 min) mean ${k.loadAvgMean.toFixed(1)}, max ${k.loadAvgMax.toFixed(1)} on ${os.cpus().length} cores`,
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
      soak: { type: "string", default: "0" },
      profile: { type: "string", multiple: true },
      apache: { type: "string", default: "tracked" },
      json: { type: "string" },
      keep: { type: "boolean", default: false },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 0 || runs > 100) throw new Error(`--runs ${values.runs}: want a whole number, 0..100`);
  const soakS = Number(values.soak);
  if (!Number.isFinite(soakS) || soakS < 0 || soakS > 24 * 3600) throw new Error(`--soak ${values.soak}: want seconds, 0..86400`);
  const profiles = values.profile ?? Object.keys(KEEPALIVED_LAB_PROFILES);
  const unknown = profiles.filter((p) => !(p in KEEPALIVED_LAB_PROFILES));
  if (unknown.length > 0)
    throw new Error(`--profile ${unknown.join(", ")}: want one of ${Object.keys(KEEPALIVED_LAB_PROFILES).join(", ")}`);
  const apache = values.apache as ApacheMode;
  if (!APACHE_MODES.includes(apache)) throw new Error(`--apache ${values.apache}: want ${APACHE_MODES.join(", ")}`);
  const t0 = now();
  const reports: KeepalivedReport[] = [];
  for (const p of profiles) {
    console.log(`\n## keepalived ${p}`);
    reports.push(await measureProfile(p, runs, soakS, apache, values.keep));
  }
  const table = formatKeepalivedTable(reports);
  console.log(
    `\n${table}\n\nwall time ${(now() - t0).toFixed(0)} s; host load avg (1 min) ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  if (values.json) {
    fs.mkdirSync(path.dirname(values.json), { recursive: true });
    fs.writeFileSync(values.json, `${JSON.stringify({ runs, probe: PROBE, cores: os.cpus().length, reports, table }, null, 2)}\n`);
    console.log(`wrote ${values.json}`);
  }
  return reports.every((r) => r.failures.length === 0) ? 0 : 1;
}

if (require.main === module) {
  runMain(main);
}
