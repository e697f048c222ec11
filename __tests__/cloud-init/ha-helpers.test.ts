import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  ConfigError,
  GARP_REFRESH_SCRIPT,
  GarpRefreshConfig,
  renderGarpRefreshConfig,
  renderResourceReclaimerConfig,
  renderServiceMonitorConfig,
  RESOURCE_RECLAIMER_SCRIPT,
  SERVICE_MONITOR_SCRIPT,
  ServiceMonitorConfig,
} from "../../cloud-init";

/**
 * Runs a helper exactly as embedded, under sh, with its generated settings and stub commands on
 * PATH: `ip` shows the `held` "interface address" pairs, `cl_status rscstatus` reads `rscstatus`
 * (one answer per round, the last one repeated), and `sleep` counts rounds. The helper runs as the
 * child of a stand-in heartbeat (an outer sh); `killParentAtRound` kills that parent with -9 during
 * that round's sleep. Past `rounds` the sleep stub ends the helper, so every run is bounded.
 */
interface HelperRun {
  script: string;
  config: string;
  rounds: number;
  rscstatus?: readonly string[];
  peer?: string;
  held?: readonly string[];
  killParentAtRound?: number;
  /** cl_status rscstatus reads "transition" once after each hb_takeover, as heartbeat's handshake does. */
  transitionAfterRequest?: boolean;
}

interface HelperResult {
  /** send_arp calls, each as "<round> <args>". */
  arp: string[];
  takeovers: string[];
  log: string[];
  /** Rounds the helper slept. */
  rounds: number;
  /** Whether the helper was still running when its parent was gone (after the bound below). */
  outlivedParent: boolean;
}

function runHelper(opts: HelperRun): HelperResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hal-helper-"));
  try {
    const stub = (name: string, body: string) => fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, "rscstatus"), `${(opts.rscstatus ?? ["local"]).join("\n")}\n`);
    const round = `$(cat ${dir}/rounds 2>/dev/null || echo 0)`;
    const rscstatus = [
      `if [ -e ${dir}/asked ]; then rm ${dir}/asked; echo transition; exit 0; fi`,
      `r=$((${round} + 1)); n=$(wc -l < ${dir}/rscstatus); [ "$r" -gt "$n" ] && r=$n`,
      `sed -n "\${r}p" ${dir}/rscstatus`,
    ].join("\n");
    stub("cl_status", `case "$1" in rscstatus)\n${rscstatus}\n;; nodestatus) echo ${opts.peer ?? "active"} ;; esac`);
    const shown = (opts.held ?? []).map((pair) => {
      const [dev, address] = pair.split(" ");
      return `[ "$6" = ${dev} ] && echo "2: ${dev}    inet ${address}/24 brd + scope global ${dev}"`;
    });
    stub("ip", [...shown, "true"].join("\n"));
    stub("send_arp", `echo "${round} $*" >> ${dir}/arp`);
    stub("logger", `echo "$*" >> ${dir}/log`);
    stub("hb_takeover", `echo "$*" >> ${dir}/takeover${opts.transitionAfterRequest ? `; touch ${dir}/asked` : ""}`);
    const killParent =
      opts.killParentAtRound === undefined ? "" : `[ $n -eq ${opts.killParentAtRound} ] && kill -9 "$(ps -o ppid= -p $PPID | tr -d ' ')"; `;
    stub(
      "sleep",
      `n=$((${round} + 1)); echo $n > ${dir}/rounds; echo $PPID > ${dir}/pid; ${killParent}[ $n -gt ${opts.rounds} ] && kill $PPID; exit 0`,
    );
    fs.writeFileSync(path.join(dir, "helper"), opts.script, { mode: 0o755 });
    // The generated settings, then the stubs in place of the real programs.
    fs.writeFileSync(
      path.join(dir, "config"),
      `${opts.config}PATH=${dir}:/usr/bin:/bin\nSEND_ARP=${dir}/send_arp\nHB_TAKEOVER=${dir}/hb_takeover\n`,
    );
    spawnSync("sh", ["-c", `sh ${dir}/helper ${dir}/config & wait $!`], { stdio: "ignore", timeout: 30_000 });
    const read = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), "utf8").trim().split("\n") : []);
    // An orphaned helper that keeps looping reaches the round bound within milliseconds; give it 5 s.
    const pid = Number(read("pid")[0]);
    let outlivedParent = false;
    if (opts.killParentAtRound !== undefined) {
      const alive = () => {
        try {
          return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
        } catch {
          return false;
        }
      };
      const until = Date.now() + 5000;
      while (alive() && Date.now() < until) spawnSync("sleep", ["0.05"]);
      outlivedParent = Number(read("rounds")[0]) > opts.killParentAtRound + 1;
      if (alive()) process.kill(pid, "SIGKILL");
    }
    return { arp: read("arp"), takeovers: read("takeover"), log: read("log"), rounds: Number(read("rounds")[0] ?? 0), outlivedParent };
  } finally {
    // A stub still exiting can write one last file while the folder goes (ENOTEMPTY under load): retry.
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

describe("gratuitous-ARP refresher", () => {
  const vips = [
    { address: "192.168.56.10", prefix: 24, interface: "public" },
    { address: "192.168.200.254", prefix: 24, interface: "private", label: "private:0" },
  ];
  const both = ["public 192.168.56.10", "private 192.168.200.254"];
  const onPreferred = renderGarpRefreshConfig({ vips, intervalSeconds: 2, preferredNode: true });
  const onPeer = renderGarpRefreshConfig({ vips, intervalSeconds: 2, preferredNode: false });
  const garp = (opts: Omit<HelperRun, "script" | "config">, config = onPreferred) =>
    runHelper({ script: GARP_REFRESH_SCRIPT, config, ...opts });
  /** The rounds in which it announced, once per round. */
  const announcedIn = (arp: string[]) => [...new Set(arp.map((line) => Number(line.split(" ")[0])))];

  it("is configured by shell variables: the interval, each VIP with its interface, and the group's class here", () => {
    expect(onPreferred).toBe(
      [
        "# /etc/default/ha-garp-refresh: generated by cdktf-ha-web (cloud-init/ha-helpers.ts); edit the topology, not this file.",
        "# Read by /etc/ha.d/garp-refresh, which heartbeat respawns.",
        "# Seconds between announcements.",
        "GARP_INTERVAL=2",
        "# The group's VIPs: address interface, for each.",
        'GARP_VIPS="192.168.56.10 public 192.168.200.254 private"',
        "# The group's class in `cl_status rscstatus` on this node (local on its preferred node, else",
        "# foreign): announce only while heartbeat holds it, or all.",
        "GARP_GROUP=local",
        "",
      ].join("\n"),
    );
    expect(onPeer).toContain("\nGARP_GROUP=foreign\n");
  });

  it("announces each VIP on its interface every interval while heartbeat holds the group here", () => {
    const r = garp({ rounds: 3, held: both, rscstatus: ["local"] });
    expect(r.arp).toEqual(
      [0, 1, 2, 3].flatMap((n) => [
        `${n} -i 200 -r 2 public 192.168.56.10 auto not_used not_used`,
        `${n} -i 200 -r 2 private 192.168.200.254 auto not_used not_used`,
      ]),
    );
  });

  it("announces only in the rounds where rscstatus names the group's class or all", () => {
    const rscstatus = ["local", "none", "all", "foreign", "transition", "", "local", "none"];
    expect(announcedIn(garp({ rounds: 7, held: both, rscstatus }).arp)).toEqual([0, 2, 6]);
    expect(announcedIn(garp({ rounds: 7, held: both, rscstatus }, onPeer).arp)).toEqual([2, 3]);
  });

  it("stays silent when the address is left on the NIC but heartbeat has given the group up", () => {
    expect(garp({ rounds: 5, held: both, rscstatus: ["none"] }).arp).toEqual([]);
    expect(garp({ rounds: 5, held: both, rscstatus: ["foreign"] }).arp).toEqual([]);
  });

  it("announces nothing that is not on its interface", () => {
    expect(garp({ rounds: 3, held: ["private 192.168.56.10"], rscstatus: ["all"] }).arp).toEqual([]);
  });

  // A killed parent is a zombie until reaped, and kill -0 still finds it: one more round is allowed.
  it("stops within a round when its heartbeat is gone, though heartbeat's state still reads as holding", () => {
    const r = garp({ rounds: 100, held: both, rscstatus: ["all"], killParentAtRound: 3 });
    expect(r.outlivedParent).toBe(false);
    expect(Math.max(...announcedIn(r.arp))).toBeLessThanOrEqual(4);
  });

  it("refuses an interval under one second, and no VIP", () => {
    const bad = (config: Partial<GarpRefreshConfig>) => () =>
      renderGarpRefreshConfig({ vips, intervalSeconds: 2, preferredNode: true, ...config });
    expect(bad({ intervalSeconds: 0 })).toThrow(ConfigError);
    expect(bad({ intervalSeconds: 0 })).toThrow(/intervalSeconds = 0: must be a whole number of seconds, at least 1/);
    expect(bad({ vips: [] })).toThrow(/vips = \[\]: the refresher needs at least one VIP/);
  });
});

describe("resource reclaimer", () => {
  const vips = [
    { address: "192.168.56.10", prefix: 24, interface: "public" },
    { address: "192.168.200.254", prefix: 24, interface: "private" },
  ];
  const config = renderResourceReclaimerConfig({ vips, peer: "lb2", afterSeconds: 60, checkSeconds: 5 });
  const runReclaimer = (opts: { rscstatus: string; peer: string; held: string[]; rounds: number; transitionAfterRequest?: boolean }) =>
    runHelper({ script: RESOURCE_RECLAIMER_SCRIPT, config, ...opts, rscstatus: [opts.rscstatus] });
  const bothHeld = ["public 192.168.56.10", "private 192.168.200.254"];

  it("is configured by shell variables", () => {
    expect(config).toContain('RECLAIM_VIPS="192.168.56.10 public 192.168.200.254 private"\n');
    expect(config.split("\n").filter((l) => !l.startsWith("#"))).toEqual([
      'RECLAIM_VIPS="192.168.56.10 public 192.168.200.254 private"',
      "RECLAIM_PEER=lb2",
      "RECLAIM_AFTER=60",
      "RECLAIM_ATTEMPTS=3",
      "RECLAIM_CHECK=5",
      "",
    ]);
  });

  it("asks again once the claimed group has been missing for the wait, at most three times, then says it gives up", () => {
    const r = runReclaimer({ rscstatus: "local", peer: "active", held: [], rounds: 60 });
    expect(r.takeovers).toEqual(["local", "local", "local"]);
    expect(r.log[0]).toBe(
      "-p daemon.warning -t reclaim-resources heartbeat claims the group but 192.168.56.10 192.168.200.254 has been missing for 60 s: hb_takeover local (request 1 of 3)",
    );
    expect(r.log.filter((l) => l.includes("giving up"))).toHaveLength(1);
    expect(r.log).toHaveLength(4);
  });

  it("keeps the bound of three when each request puts heartbeat in a transition", () => {
    const r = runReclaimer({ rscstatus: "local", peer: "active", held: [], rounds: 200, transitionAfterRequest: true });
    expect(r.takeovers).toEqual(["local", "local", "local"]);
    expect(r.log.filter((l) => l.includes("giving up"))).toHaveLength(1);
  });

  it("waits the full period before the first request", () => {
    expect(runReclaimer({ rscstatus: "local", peer: "active", held: [], rounds: 11 }).takeovers).toEqual([]);
    expect(runReclaimer({ rscstatus: "local", peer: "active", held: [], rounds: 12 }).takeovers).toEqual(["local"]);
  });

  it("counts the group as missing when one VIP is absent, or on the wrong interface", () => {
    expect(runReclaimer({ rscstatus: "all", peer: "active", held: ["public 192.168.56.10"], rounds: 12 }).takeovers).toEqual(["local"]);
    const wrongDev = ["private 192.168.56.10", "private 192.168.200.254"];
    expect(runReclaimer({ rscstatus: "local", peer: "active", held: wrongDev, rounds: 12 }).takeovers).toEqual(["local"]);
  });

  it.each([
    ["the VIPs are here", { rscstatus: "local", peer: "active", held: bothHeld }],
    ["heartbeat does not claim the group (operator standby)", { rscstatus: "none", peer: "active", held: [] }],
    ["heartbeat is in a transition", { rscstatus: "transition", peer: "active", held: [] }],
    ["cl_status gives no answer", { rscstatus: "", peer: "", held: [] }],
    ["the peer is dead", { rscstatus: "all", peer: "dead", held: [] }],
  ])("leaves heartbeat alone when %s", (_why, state) => {
    expect(runReclaimer({ ...state, rounds: 30 }).takeovers).toEqual([]);
  });

  // A killed parent is a zombie until reaped, and kill -0 still finds it: one more round is allowed.
  it("exits within a round when its heartbeat is gone", () => {
    const r = runHelper({ script: RESOURCE_RECLAIMER_SCRIPT, config, rounds: 100, killParentAtRound: 3, held: [] });
    expect(r.outlivedParent).toBe(false);
    expect(r.rounds).toBeLessThanOrEqual(4);
  });

  it("names the field and the valid values for a bad setting", () => {
    expect(() => renderResourceReclaimerConfig({ vips, peer: "lb2", afterSeconds: 30, checkSeconds: 5 })).toThrow(
      /afterSeconds = 30: must be a whole number of seconds, at least 45: ResourceManager hands a group whose start failed to the peer after 30 s/,
    );
    expect(() => renderResourceReclaimerConfig({ vips: [], peer: "lb2", afterSeconds: 60 })).toThrow(
      /vips = \[\]: the reclaimer needs at least one VIP/,
    );
  });
});

/**
 * Runs the service monitor as embedded, under sh, as the child of a stand-in heartbeat, with stubs:
 * each round (one `sleep`) advances the clock by SERVICE_CHECK seconds; `cl_status rscstatus`,
 * `cl_status nodestatus` and the resource script's `status` exit code read one answer per round
 * (the last one repeated); `hb_standby` records "<round> <args>". Past `rounds` the sleep stub ends
 * the monitor, so every run is bounded.
 */
interface MonitorRun {
  config: string;
  rounds: number;
  rscstatus?: readonly string[];
  peer?: readonly string[];
  /** Exit codes of `<resource> status`, per round. */
  status?: readonly number[];
  held?: readonly string[];
  /** Seconds after acquiring before the first check. @default the program's own (30) */
  settle?: number;
  /** A state file left by an earlier monitor: "<uptime of its handover> <back-off>". */
  state?: string;
  killParentAtRound?: number;
}

interface MonitorResult {
  standby: string[];
  /** `status` calls, as "<round> <script> <args>". */
  checks: string[];
  log: string[];
  rounds: number;
  exitCode: number | null;
  outlivedParent: boolean;
}

function runMonitor(opts: MonitorRun): MonitorResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hal-monitor-"));
  try {
    fs.mkdirSync(path.join(dir, "init.d"));
    fs.mkdirSync(path.join(dir, "resource.d"));
    const stub = (name: string, body: string) => fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    const round = `$(cat ${dir}/rounds 2>/dev/null || echo 0)`;
    const seq = (file: string, values: readonly (string | number)[]) => {
      fs.writeFileSync(path.join(dir, file), `${values.join("\n")}\n`);
      return `r=$((${round} + 1)); n=$(wc -l < ${dir}/${file}); [ "$r" -gt "$n" ] && r=$n; sed -n "\${r}p" ${dir}/${file}`;
    };
    stub(
      "cl_status",
      `case "$1" in rscstatus) ${seq("rscstatus", opts.rscstatus ?? ["local"])} ;; nodestatus) ${seq("peer", opts.peer ?? ["active"])} ;; esac`,
    );
    const shown = (opts.held ?? ["public 192.168.56.10"]).map((pair) => {
      const [dev, address] = pair.split(" ");
      return `[ "$6" = ${dev} ] && echo "2: ${dev}    inet ${address}/24 brd + scope global ${dev}"`;
    });
    stub("ip", [...shown, "true"].join("\n"));
    stub("logger", `echo "$*" >> ${dir}/log`);
    stub("hb_standby", `echo "${round} $*" >> ${dir}/standby`);
    const status = `echo "${round} $(basename "$0") $*" >> ${dir}/checks; exit $(${seq("status", opts.status ?? [0])})`;
    stub("init.d/apache2", status);
    stub("resource.d/ldirectord", status);
    const killParent =
      opts.killParentAtRound === undefined ? "" : `[ $n -eq ${opts.killParentAtRound} ] && kill -9 "$(ps -o ppid= -p $PPID | tr -d ' ')"; `;
    stub(
      "sleep",
      `n=$((${round} + 1)); echo $n > ${dir}/rounds; echo "$((n * $1)).50 0" > ${dir}/uptime; echo $PPID > ${dir}/pid; ${killParent}[ $n -gt ${opts.rounds} ] && kill $PPID; exit 0`,
    );
    fs.writeFileSync(path.join(dir, "uptime"), "0.50 0\n");
    if (opts.state !== undefined) fs.writeFileSync(path.join(dir, "state"), `${opts.state}\n`);
    fs.writeFileSync(path.join(dir, "helper"), SERVICE_MONITOR_SCRIPT, { mode: 0o755 });
    fs.writeFileSync(
      path.join(dir, "config"),
      [
        opts.config,
        `PATH=${dir}:/usr/bin:/bin`,
        `HB_STANDBY=${dir}/hb_standby`,
        `RESOURCE_DIRS="${dir}/resource.d ${dir}/init.d"`,
        `STATE=${dir}/state`,
        `UPTIME=${dir}/uptime`,
        ...(opts.settle === undefined ? [] : [`SERVICE_SETTLE=${opts.settle}`]),
        "",
      ].join("\n"),
    );
    const run = spawnSync("sh", ["-c", `sh ${dir}/helper ${dir}/config & wait $!`], { stdio: "ignore", timeout: 60_000 });
    const read = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), "utf8").trim().split("\n") : []);
    const rounds = Number(read("rounds")[0] ?? 0);
    // The stand-in heartbeat ended by -9: the monitor must stop within a round on its own.
    let outlivedParent = false;
    if (opts.killParentAtRound !== undefined) {
      const pid = Number(read("pid")[0]);
      const until = Date.now() + 5000;
      const alive = () => {
        try {
          return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
        } catch {
          return false;
        }
      };
      while (alive() && Date.now() < until) spawnSync("sleep", ["0.05"]);
      outlivedParent = Number(read("rounds")[0]) > opts.killParentAtRound + 1;
      if (alive()) process.kill(pid, "SIGKILL");
    }
    return { standby: read("standby"), checks: read("checks"), log: read("log"), rounds, exitCode: run.status, outlivedParent };
  } finally {
    // A stub still exiting can write one last file while the folder goes (ENOTEMPTY under load): retry.
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

describe("service monitor", () => {
  const vips = [{ address: "192.168.56.10", prefix: 24, interface: "public" }];
  const base: ServiceMonitorConfig = { vips, peer: "srv2", preferredNode: true, resources: ["apache2"], serviceFailover: {} };
  const config = renderServiceMonitorConfig(base);
  /** The rounds of hb_standby calls. */
  const handovers = (r: MonitorResult) => r.standby.map((line) => Number(line.split(" ")[0]));

  it("is configured by shell variables, with HEARTBEAT_DEFAULTS.serviceFailover for what is not set", () => {
    expect(config.split("\n").filter((l) => !l.startsWith("#"))).toEqual([
      'SERVICE_VIPS="192.168.56.10 public"',
      "SERVICE_GROUP=local",
      "SERVICE_PEER=srv2",
      'SERVICE_RESOURCES="apache2"',
      "SERVICE_CHECK=2",
      "SERVICE_FAILURES=2",
      "SERVICE_BACKOFF=60",
      "",
    ]);
    const set = renderServiceMonitorConfig({
      ...base,
      preferredNode: false,
      resources: ["apache2", "ldirectord::ldirectord.cf"],
      serviceFailover: { checkIntervalSeconds: 5, failuresBeforeHandover: 3, backoffSeconds: 120 },
    });
    expect(set).toMatch(/^SERVICE_GROUP=foreign$/m);
    expect(set).toMatch(/^SERVICE_RESOURCES="apache2 ldirectord::ldirectord.cf"$/m);
    expect(set).toMatch(/^SERVICE_CHECK=5\nSERVICE_FAILURES=3\nSERVICE_BACKOFF=120$/m);
  });

  it("hands the group over once a service has failed the set number of checks in a row, after the settle time", () => {
    // Held from round 1 (2 s); checks from 30 s later (round 16); fails at 16 and 17.
    const r = runMonitor({ config, rounds: 20, status: [3] });
    expect(handovers(r)).toEqual([17]);
    expect(r.standby).toEqual(["17 all"]);
    expect(r.checks[0]).toBe("16 apache2 status");
    expect(r.log).toEqual([
      "-p daemon.warning -t ha-service-monitor -- check 1/2 failed: apache2",
      "-p daemon.warning -t ha-service-monitor -- check 2/2 failed: apache2",
      "-p daemon.crit -t ha-service-monitor -- failed: apache2 (2 checks): hb_standby all; no handover from this node for 60 s",
    ]);
  });

  it("does not hand over for failures that are not in a row", () => {
    const r = runMonitor({ config, rounds: 30, settle: 0, status: [0, 3, 0, 3, 0, 3, 0, 3, 0, 3, 0, 3, 0, 3, 0, 3, 0, 3, 0, 3, 0] });
    expect(r.checks.length).toBeGreaterThan(20);
    expect(r.standby).toEqual([]);
  });

  it("keeps the group while the peer is not active, says so once, and hands over when the peer is back", () => {
    const dead = runMonitor({ config, rounds: 20, settle: 0, status: [3], peer: ["dead"] });
    expect(dead.standby).toEqual([]);
    expect(dead.log.filter((l) => l.includes("daemon.err"))).toEqual([
      "-p daemon.err -t ha-service-monitor -- failed: apache2, but peer srv2 is not active: keeping the group",
    ]);
    const back = runMonitor({ config, rounds: 20, settle: 0, status: [3], peer: ["dead", "dead", "dead", "dead", "active"] });
    // Failed twice by round 2; the peer reads active from round 4.
    expect(handovers(back)).toEqual([4]);
  });

  it("checks nothing and hands nothing over unless heartbeat holds the group here with every VIP", () => {
    for (const run of [
      { rscstatus: ["none"] },
      { rscstatus: ["foreign"] }, // the peer's class on the preferred node
      { rscstatus: ["transition"] },
      { held: [] }, // heartbeat claims the group, the VIP is not here
      { held: ["private 192.168.56.10"] }, // on the wrong interface
    ]) {
      const r = runMonitor({ config, rounds: 10, settle: 0, status: [3], ...run });
      expect({ run, checks: r.checks, standby: r.standby }).toEqual({ run, checks: [], standby: [] });
    }
    expect(handovers(runMonitor({ config, rounds: 10, settle: 0, status: [3], rscstatus: ["all"] }))).toEqual([2]);
  });

  it("backs off between handovers from one node, doubling while they keep coming", () => {
    // The group stays (heartbeat ignored the request, or the peer gave it back): first handover at
    // round 17 (34 s); settle again until 66 s; the 60 s back-off holds until 94 s (round 47);
    // then 120 s, which holds past round 100.
    const r = runMonitor({ config, rounds: 100, status: [3] });
    expect(handovers(r)).toEqual([17, 47]);
    expect(r.log.filter((l) => l.includes("daemon.crit")).map((l) => l.replace(/.*for /, ""))).toEqual(["60 s", "120 s"]);
  });

  it("remembers a recent handover across a respawn", () => {
    // A handover at 10 s with a 60 s back-off: the next one waits until 70 s (round 35).
    const r = runMonitor({ config, rounds: 40, settle: 0, status: [3], state: "10 60" });
    expect(handovers(r)).toEqual([35]);
  });

  it("checks each resource by its script's status, with haresources' arguments, resource.d first", () => {
    const both = renderServiceMonitorConfig({ ...base, resources: ["apache2", "ldirectord::ldirectord.cf"] });
    const r = runMonitor({ config: both, rounds: 1, settle: 0 });
    expect(r.checks).toEqual(["1 apache2 status", "1 ldirectord ldirectord.cf status"]);
  });

  it("exits within a round when its heartbeat is gone", () => {
    const r = runMonitor({ config, rounds: 100, settle: 0, status: [3], peer: ["dead"], killParentAtRound: 3 });
    expect(r.outlivedParent).toBe(false);
    expect(r.rounds).toBeLessThanOrEqual(4);
  });

  it("exits 100, which heartbeat does not respawn, on settings that name no peer", () => {
    const r = runMonitor({ config: config.replace(/^SERVICE_PEER=.*$/m, "SERVICE_PEER="), rounds: 3 });
    expect(r.exitCode).toBe(100);
    expect(r.rounds).toBe(0);
    expect(r.log[0]).toMatch(/sets no SERVICE_PEER: not monitoring$/);
  });

  it.each([
    [{ checkIntervalSeconds: 0 }, "serviceFailover.checkIntervalSeconds = 0: must be a whole number of seconds, at least 1"],
    [{ failuresBeforeHandover: 0 }, "serviceFailover.failuresBeforeHandover = 0: must be a whole number, at least 1"],
    [{ backoffSeconds: 29 }, "serviceFailover.backoffSeconds = 29: must be a whole number of seconds, at least 30"],
  ])("refuses %p", (serviceFailover, message) => {
    expect(() => renderServiceMonitorConfig({ ...base, serviceFailover })).toThrow(message);
  });

  it("refuses a group without a VIP or a service, and a bad resource entry", () => {
    expect(() => renderServiceMonitorConfig({ ...base, vips: [], resources: [] })).toThrow(
      /vips = \[\]: service failover needs at least one VIP[\s\S]*resources = \[\]: service failover needs at least one service/,
    );
    expect(() => renderServiceMonitorConfig({ ...base, resources: ["apache2; reboot"] })).toThrow(/resources\[0\] = "apache2; reboot"/);
  });
});

describe("helper programs", () => {
  // Terraform reads a dollar-brace as an interpolation, and the labs take one in resolved payload
  // text for a reference nobody filled.
  it.each([
    ["garp-refresh", GARP_REFRESH_SCRIPT],
    ["reclaim-resources", RESOURCE_RECLAIMER_SCRIPT],
    ["service-monitor", SERVICE_MONITOR_SCRIPT],
  ])("%s has no dollar-brace expansion", (_name, script) => {
    expect(script).not.toContain("${");
  });
});
