/**
 * IPVS connection sync on a director pair (issue 12, scenario 2): a download through the VIP,
 * read at a fixed rate by slow-download.py, runs across a crash of the active director.
 * `downloadAcrossCrash` starts it and runs the crash; `judgeSurvived` (sync on: ha-lb-sync on
 * Heartbeat, ka-lb on keepalived's lvs_sync_daemon) and `judgeBroken` (the ha-lb preset, no sync:
 * the proof that the check can fail) judge it.
 * With `--sync-crashes N` (N > 1) the ha-lb-sync scenario repeats the download through a crash N
 * times, powering the master on again between rounds, and reports `survived k/N`.
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

/** A download through the VIP that ran across a crash of the master, with what the check needs. */
export interface CrashedDownload {
  readonly result: Download;
  /** The backup's established entries for the VIP just before the crash. */
  readonly standbyTable: string[];
  /** Seconds into the download when the master was crashed. */
  readonly crashAt: number;
  readonly size: number;
  readonly expected: string;
}

/**
 * Starts a download through the VIP, reads the backup's table, then runs `crash` (which must stop
 * the master at once, as directorFailover does) and returns its outcome at once, with the download
 * still running: whoever judges it awaits it. With `syncId`, the pair must run its sync daemons with
 * that id first.
 */
export async function downloadAcrossCrash<T>(
  lab: VmLab,
  pair: DirectorPair,
  crash: () => Promise<T>,
  syncId?: number,
): Promise<{ outcome: T; download: Promise<CrashedDownload> }> {
  if (syncId !== undefined) await syncReady(lab, pair, syncId);
  const { size, expected } = await placeFile(lab, pair.webs);
  const t0 = now();
  const running = download(lab);
  await sleep(CRASH_AFTER_S * 1000);
  // The standby's table just before the crash: with sync, the download's entry (synced from the master) is there.
  const standbyTable = await vipConnections(lab, pair.backup);
  const crashAt = now() - t0;
  const outcome = await crash();
  return { outcome, download: running.then((result) => ({ result, standbyTable, crashAt, size, expected })) };
}

function describe(d: Download, size: number, expected: string): string {
  const whole = d.sha256 === expected;
  return `HTTP ${d.status}, ${d.bytes}/${size} bytes in ${d.seconds.toFixed(1)} s, client exit ${d.code}, sha256 ${whole ? "intact" : "differs"}`;
}

const intact = (d: CrashedDownload) => d.result.code === 0 && d.result.bytes === d.size && d.result.sha256 === d.expected;
const describeCrashed = (d: CrashedDownload, master: string) =>
  `survived: ${intact(d) ? "yes" : "no"}; ${describe(d.result, d.size, d.expected)}; ${master} crashed at +${d.crashAt.toFixed(1)} s`;

/** With sync: the backup held the synced entry before the crash, and the whole file arrived intact. */
export function judgeSurvived(d: CrashedDownload, pair: DirectorPair): { figures: string; detail: string } {
  const figures = describeCrashed(d, pair.master);
  console.log(`${pair.backup}'s ipvsadm -Lnc before the crash (sync on):\n${d.standbyTable.join("\n") || "(no entry)"}`);
  check(d.standbyTable.length > 0, `${pair.backup} had no synced entry for the download before the crash; ${figures}`);
  check(intact(d), `the download did not survive: ${figures}`);
  return {
    figures,
    detail: `${pair.backup} held ${d.standbyTable.length} synced entr${d.standbyTable.length === 1 ? "y" : "ies"} before the crash: ${d.standbyTable[0].trim().replace(/\s+/g, " ")}`,
  };
}

/** Without sync: the file was being served (200) and the crash cut it: the survival check can fail. */
export function judgeBroken(d: CrashedDownload, pair: DirectorPair): { figures: string; detail: string } {
  const figures = describeCrashed(d, pair.master);
  check(!intact(d), `the download survived without sync, so the sync-on check proves nothing: ${figures}`);
  check(d.result.status === 200 && d.result.bytes > 0 && d.result.seconds > d.crashAt, `not a transfer cut by the crash: ${figures}`);
  return { figures, detail: `${pair.backup} held ${d.standbyTable.length} established entries for the VIP before the crash (no sync)` };
}

/**
 * The master alone holds the VIP with the declared rules (Heartbeat starts ipvsadm after the VIPs:
 * a request before that reaches the director's own port 80), and runs the master sync daemon while
 * the backup runs the backup daemon.
 */
async function syncReady(lab: VmLab, pair: DirectorPair, syncId: number): Promise<void> {
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
  // "master sync daemon (mcast=private, syncid=7)": the declared id, on both directors.
  for (const host of [pair.master, pair.backup]) {
    const listed = await lab.execOk(host, "ipvsadm -L --daemon");
    check(new RegExp(`syncid=${syncId}\\b`).test(listed), `${host}'s sync daemon does not use syncid ${syncId}: ${listed.trim()}`);
  }
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
  for (let round = 1; round <= crashes; round++) {
    if (round > 1) {
      const t0 = now();
      const state = await lab.start(pair.master, SETTLE_LIMIT_S);
      console.log(`round ${round}/${crashes}: ${pair.master} powered on (${state})`);
      try {
        await syncReady(lab, pair, IPVS_SYNC_DEFAULTS.syncId);
      } catch (e) {
        throw new CheckFailed(`${(e as Error).message}; ${summary()}`);
      }
      backS.push(now() - t0);
    }
    // Round 1 checks the daemons inside downloadAcrossCrash; later rounds did above, after the boot.
    const syncId = round === 1 ? IPVS_SYNC_DEFAULTS.syncId : undefined;
    const crossed = await downloadAcrossCrash(lab, pair, async () => lab.stop(pair.master), syncId);
    const d = await crossed.download;
    const survived = intact(d);
    const line = describe(d.result, d.size, d.expected);
    rounds.push({ survived, synced: d.standbyTable.length, seconds: d.result.seconds, crashAt: d.crashAt, describe: line });
    console.log(
      `round ${round}/${crashes}: survived ${survived ? "yes" : "no"}; ${line}; ${pair.backup} held ${d.standbyTable.length} synced entries before the crash`,
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

/** The ha-lb-sync topology: with Heartbeat's sync on, a download through the VIP survives a crash of lb1. */
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
  await scenario("vm.ha-lb-sync.survives", title, async () => {
    if (crashes > 1) return survivesRounds(lab, pair, crashes);
    const { download } = await downloadAcrossCrash(lab, pair, async () => lab.stop(pair.master), IPVS_SYNC_DEFAULTS.syncId);
    return judgeSurvived(await download, pair);
  });
}
