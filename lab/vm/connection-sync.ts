/**
 * IPVS connection sync on a director pair (issue 12, scenario 2). The `ha-lb-sync` topology (the
 * ha-lb preset with `connectionSync: {}` on Heartbeat): a rate-limited download through the VIP
 * survives a crash of the active director while the sync daemons run; the same download breaks
 * once they are stopped at runtime (`ipvsadm --stop-daemon master|backup` on both directors), which
 * proves the check can fail. One boot serves both: lb1 is powered on again between them.
 * `syncSurvivesCrash` is the engine-neutral half, which ka-lb runs on keepalived's lvs_sync_daemon.
 * With `--sync-crashes N` (N > 1) the first scenario repeats the download through a crash N times,
 * powering the master on again between rounds, and reports `survived k/N`.
 */
import { join } from "path";
import { IPVS_SYNC_DEFAULTS } from "../../cloud-init";
import { sleep } from "../common/proc";
import type { VmScenarioId } from "./scenarios";
import { check, CheckFailed, now } from "./check";
import { rulesMatch, VIP, waitSoleHolder, type DirectorPair } from "./directors";
import type { VmLab } from "./vm";

/** Served by apache2 from every web server, identical bytes, so the check does not depend on the one IPVS chose. */
const FILE = "hal-sync.bin";
/** `seq 1 N`: about 8.5 MB, so the client's rate limit below makes the download last about 20 s. */
const SEQ_END = 1_200_000;
/** Bytes per second the client reads (slow-download.py: a small receive window paces the sender). */
const RATE = 400 * 1024;
const DOWNLOAD_SCRIPT = join(__dirname, "slow-download.py");
/** Seconds into the download when the active director is crashed. */
const CRASH_AFTER_S = 5;
/** The client gives up after this long without a byte: a takeover plus TCP's retransmission back-off fits well inside. */
const STALL_LIMIT_S = 120;
/** Bound on one download, whatever happens. */
const DOWNLOAD_LIMIT_S = 400;
/** Bound on the cluster settling (a boot, a failback): UML runs every resource agent in seconds. */
const SETTLE_LIMIT_S = 480;
/** Bounds of `--sync-crashes`: each round costs a director boot (about a minute on UML). */
export const SYNC_CRASHES_MIN = 1;
export const SYNC_CRASHES_MAX = 20;

/** The sync daemons a director runs, as `ipvsadm -L --daemon` names them ("master", "backup"). */
async function daemons(lab: VmLab, host: string): Promise<string[]> {
  const out = await lab.execOk(host, "ipvsadm -L --daemon");
  return [...out.matchAll(/^(master|backup) sync daemon/gm)].map((m) => m[1]).sort();
}

/** Polls until `want` holds, bounded; returns the last value. */
async function waitFor<T>(get: () => Promise<T>, want: (v: T) => boolean, limitS: number): Promise<T> {
  const t0 = now();
  for (;;) {
    const value = await get();
    if (want(value) || now() - t0 > limitS) return value;
    await sleep(2000);
  }
}

/** The established connections to the VIP's port 80 in a director's table (`ipvsadm -Lnc`). */
async function vipConnections(lab: VmLab, host: string): Promise<string[]> {
  const out = await lab.execOk(host, "ipvsadm -Lnc");
  return out.split("\n").filter((l) => l.includes(`${VIP}:80`) && l.includes("ESTABLISHED"));
}

interface Download {
  /** 0: the whole body arrived; 28: stalled or too long; 56: reset or cut short (curl's numbers). */
  readonly code: number;
  /** The HTTP status, 0 when none arrived. */
  readonly status: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly sha256: string;
}

/** One rate-limited download through the VIP from the client, into a temporary file it removes. */
function download(lab: VmLab): Promise<Download> {
  const argv = ["python3", DOWNLOAD_SCRIPT, VIP, `/${FILE}`, String(RATE), String(STALL_LIMIT_S), String(DOWNLOAD_LIMIT_S)];
  return lab.client(argv, (DOWNLOAD_LIMIT_S + 30) * 1000).then((r) => {
    const [bytes, seconds, status, code, sha256] = r.stdout.trim().split(/\s+/);
    return { code: Number(code), status: Number(status), bytes: Number(bytes), seconds: Number(seconds), sha256: sha256 ?? "" };
  });
}

/** Starts a download, waits until it runs, shows the backup's table, crashes the master and waits for the download's end. */
async function downloadThroughCrash(
  lab: VmLab,
  pair: DirectorPair,
): Promise<{ result: Download; standbyTable: string[]; crashAt: number }> {
  const t0 = now();
  const running = download(lab);
  await sleep(CRASH_AFTER_S * 1000);
  // The standby's table just before the crash: with sync, the download's entry (synced from the master) is there.
  const standbyTable = await vipConnections(lab, pair.backup);
  const crashAt = now() - t0;
  lab.stop(pair.master);
  return { result: await running, standbyTable, crashAt };
}

/**
 * The master alone holds the VIP with the declared rules (Heartbeat starts ipvsadm after the VIPs:
 * a request before that reaches the director's own port 80), and runs the master sync daemon while
 * the backup runs the backup daemon.
 */
async function syncReady(lab: VmLab, pair: DirectorPair): Promise<void> {
  check(
    await waitSoleHolder(lab, pair.master, pair.backup, SETTLE_LIMIT_S),
    `${pair.master} is not the only holder of the VIP within ${SETTLE_LIMIT_S} s`,
  );
  const rules = await rulesMatch(
    lab,
    pair.master,
    pair.nodes.find((n) => n.hostname === pair.master)!,
  );
  check(rules.ok, `ipvsadm-save -n on ${pair.master} differs from the declared rules:\n${rules.live}`);
  const master = await waitFor(
    () => daemons(lab, pair.master),
    (d) => d.join() === "master",
    60,
  );
  const backup = await waitFor(
    () => daemons(lab, pair.backup),
    (d) => d.join() === "backup",
    60,
  );
  check(
    master.join() === "master" && backup.join() === "backup",
    `sync daemons: ${pair.master} ${master.join() || "none"}, ${pair.backup} ${backup.join() || "none"}`,
  );
}

/** The file every real server serves, written once; its size and sha256. */
async function placeFile(lab: VmLab, webs: readonly string[]): Promise<{ size: number; expected: string }> {
  for (const web of webs) {
    // 0644: sudo's umask would leave it unreadable to apache2 (a 403 page, not the file).
    const tmp = `/var/www/html/${FILE}.tmp`;
    await lab.execOk(web, `seq 1 ${SEQ_END} > ${tmp} && chmod 0644 ${tmp} && mv ${tmp} /var/www/html/${FILE}`);
  }
  const sums = await Promise.all(webs.map((w) => lab.execOk(w, `stat -c %s /var/www/html/${FILE}; sha256sum < /var/www/html/${FILE}`)));
  check(new Set(sums).size === 1, `the web servers' files differ: ${JSON.stringify(sums)}`);
  const [sizeText, sumLine] = sums[0].trim().split("\n");
  return { size: Number(sizeText), expected: sumLine.split(" ")[0] };
}

/**
 * With sync on, a download through the VIP outlives a crash of the master: the backup held the
 * synced entry before the crash, and the whole file arrives intact. The master stays down.
 */
export async function syncSurvivesCrash(
  lab: VmLab,
  pair: DirectorPair,
  syncId: number = IPVS_SYNC_DEFAULTS.syncId,
): Promise<{ figures: string; detail: string }> {
  await syncReady(lab, pair);
  // "master sync daemon (mcast=private, syncid=7)": the declared id, on both directors.
  for (const host of [pair.master, pair.backup]) {
    const listed = await lab.execOk(host, "ipvsadm -L --daemon");
    check(new RegExp(`syncid=${syncId}\\b`).test(listed), `${host}'s sync daemon does not use syncid ${syncId}: ${listed.trim()}`);
  }
  const { size, expected } = await placeFile(lab, pair.webs);
  const { result, standbyTable, crashAt } = await downloadThroughCrash(lab, pair);
  const figures = `survived: ${result.code === 0 && result.sha256 === expected ? "yes" : "no"}; ${describe(result, size, expected)}; ${pair.master} crashed at +${crashAt.toFixed(1)} s`;
  console.log(`${pair.backup}'s ipvsadm -Lnc before the crash (sync on):\n${standbyTable.join("\n") || "(no entry)"}`);
  check(standbyTable.length > 0, `${pair.backup} had no synced entry for the download before the crash; ${figures}`);
  check(result.code === 0 && result.bytes === size && result.sha256 === expected, `the download did not survive: ${figures}`);
  return {
    figures,
    detail: `${pair.backup} held ${standbyTable.length} synced entr${standbyTable.length === 1 ? "y" : "ies"} before the crash: ${standbyTable[0].trim().replace(/\s+/g, " ")}`,
  };
}

const range = (values: number[], digits: number) => {
  const lo = Math.min(...values).toFixed(digits);
  const hi = Math.max(...values).toFixed(digits);
  return lo === hi ? lo : `${lo}..${hi}`;
};

/**
 * `--sync-crashes N`, N > 1: N downloads, each through a crash of the master; between rounds the
 * master is powered on and takes the group back (auto_failback), with its rules and sync daemon
 * (syncReady). Every round runs even when one fails, so that the figures say how many survived;
 * the scenario passes only when every round survived with a synced entry on the backup.
 */
async function survivesRounds(lab: VmLab, pair: DirectorPair, crashes: number): Promise<{ figures: string; detail: string }> {
  const rounds: { survived: boolean; synced: number; seconds: number; crashAt: number; describe: string }[] = [];
  const backS: number[] = [];
  const summary = () => {
    const k = rounds.filter((r) => r.survived && r.synced > 0).length;
    const parts = [`survived ${k}/${crashes}`];
    if (rounds.length > 0) {
      const seconds = rounds.map((r) => r.seconds);
      const crashAt = rounds.map((r) => r.crashAt);
      parts.push(`download ${range(seconds, 1)} s`, `${pair.master} crashed at +${range(crashAt, 1)} s`);
      parts.push(`synced entries on ${pair.backup} before each crash ${rounds.map((r) => r.synced).join(",")}`);
    }
    if (backS.length > 0) parts.push(`${pair.master} back and holding the group ${range(backS, 0)} s after power-on`);
    if (rounds.length < crashes) parts.push(`stopped after ${rounds.length} rounds`);
    return parts.join("; ");
  };
  await syncReady(lab, pair);
  const { size, expected } = await placeFile(lab, pair.webs);
  for (let round = 1; round <= crashes; round++) {
    if (round > 1) {
      const t0 = now();
      const state = await lab.start(pair.master, SETTLE_LIMIT_S);
      console.log(`round ${round}/${crashes}: ${pair.master} powered on (${state})`);
      try {
        await syncReady(lab, pair);
      } catch (e) {
        throw new CheckFailed(`${(e as Error).message}; ${summary()}`);
      }
      backS.push(now() - t0);
    }
    const { result, standbyTable, crashAt } = await downloadThroughCrash(lab, pair);
    const survived = result.code === 0 && result.bytes === size && result.sha256 === expected;
    rounds.push({ survived, synced: standbyTable.length, seconds: result.seconds, crashAt, describe: describe(result, size, expected) });
    console.log(
      `round ${round}/${crashes}: survived ${survived ? "yes" : "no"}; ${describe(result, size, expected)}; ${pair.backup} held ${standbyTable.length} synced entries before the crash`,
    );
  }
  const figures = summary();
  const failed = rounds.map((r, i) => [i + 1, r] as const).filter(([, r]) => !(r.survived && r.synced > 0));
  check(
    failed.length === 0,
    `${figures}; failed rounds: ${failed.map(([i, r]) => `${i} (${r.synced} synced entries; ${r.describe})`).join("; ")}`,
  );
  return {
    figures,
    detail: `${crashes} downloads, each through a crash of ${pair.master}, arrived intact; ${pair.backup} held a synced entry before every crash`,
  };
}

function describe(d: Download, size: number, expected: string): string {
  const intact = d.sha256 === expected;
  return `HTTP ${d.status}, ${d.bytes}/${size} bytes in ${d.seconds.toFixed(1)} s, client exit ${d.code}, sha256 ${intact ? "intact" : "differs"}`;
}

export async function connectionSyncScenarios(
  lab: VmLab,
  pair: DirectorPair,
  scenario: (id: VmScenarioId, name: string, body: () => Promise<{ figures: string; detail: string }>) => Promise<void>,
  crashes = 1,
): Promise<void> {
  if (!Number.isInteger(crashes) || crashes < SYNC_CRASHES_MIN || crashes > SYNC_CRASHES_MAX)
    throw new Error(`sync crashes ${crashes}: want a whole number, ${SYNC_CRASHES_MIN}..${SYNC_CRASHES_MAX}`);
  const title =
    crashes === 1
      ? "5 ha-lb-sync: download through the VIP survives a crash of lb1 (sync on)"
      : `5 ha-lb-sync: downloads through the VIP survive ${crashes} crashes of lb1 (sync on)`;
  let survived = false;
  await scenario("vm.ha-lb-sync.survives", title, async () => {
    const outcome = crashes === 1 ? await syncSurvivesCrash(lab, pair) : await survivesRounds(lab, pair, crashes);
    survived = true;
    return outcome;
  });

  await scenario(
    "vm.ha-lb-sync.breaks-without-sync",
    "6 ha-lb-sync: lb1 back, sync stopped on both (ipvsadm --stop-daemon), the same download breaks",
    async () => {
      check(survived, "the sync-on scenario did not pass, so this one would prove nothing");
      const t0 = now();
      const state = await lab.start(pair.master, SETTLE_LIMIT_S);
      // auto_failback: lb1 takes the group back; its resource makes it the master again, lb2 the backup.
      await syncReady(lab, pair);
      const back = now() - t0;
      const { size, expected } = await placeFile(lab, pair.webs);
      await lab.execOk(pair.master, "ipvsadm --stop-daemon master");
      await lab.execOk(pair.backup, "ipvsadm --stop-daemon backup");
      const left = [...(await daemons(lab, pair.master)), ...(await daemons(lab, pair.backup))];
      check(left.length === 0, `sync daemons still running: ${left.join(", ")}`);
      const { result, standbyTable, crashAt } = await downloadThroughCrash(lab, pair);
      const intact = result.code === 0 && result.sha256 === expected;
      const figures = `survived: ${intact ? "yes" : "no"}; ${describe(result, size, expected)}; ${pair.master} crashed at +${crashAt.toFixed(1)} s; ${pair.master} back and holding the group ${back.toFixed(0)} s after power-on (${state})`;
      check(!intact, `the download survived without sync, so the sync-on check proves nothing: ${figures}`);
      // A break that proves something: the file was being served (200) and was cut after the crash, not refused before it.
      check(result.status === 200 && result.bytes > 0 && result.seconds > crashAt, `not a transfer cut by the crash: ${figures}`);
      console.log(`${pair.backup}'s ipvsadm -Lnc before the crash (sync off):\n${standbyTable.join("\n") || "(no entry)"}`);
      return { figures, detail: `${pair.backup} held ${standbyTable.length} established entries for the VIP before the crash (sync off)` };
    },
  );
}
