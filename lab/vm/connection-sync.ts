/**
 * The `ha-lb-sync` topology's scenarios (issue 12, scenario 2): the ha-lb preset with
 * `connectionSync: {}` on Heartbeat. A rate-limited download through the VIP survives a crash of
 * the active director while the sync daemons run; the same download breaks once they are stopped
 * at runtime (`ipvsadm --stop-daemon master|backup` on both directors), which proves the check can fail.
 * One boot serves both: lb1 is powered on again between them.
 */
import { sleep } from "../common/proc";
import type { VmScenarioId } from "./scenarios";
import { check, now } from "./check";
import { VIP, waitSoleHolder } from "./directors";
import type { VmLab } from "./vm";

/** Served by apache2 from every web server, identical bytes, so the check does not depend on the one IPVS chose. */
const FILE = "hal-sync.bin";
/** `seq 1 N`: about 8.5 MB, so the client's rate limit below makes the download last about 20 s. */
const SEQ_END = 1_200_000;
const RATE = "400k";
/** Seconds into the download when the active director is crashed. */
const CRASH_AFTER_S = 5;
/** curl gives up after this long below 1 byte/s: a takeover plus TCP's retransmission back-off fits well inside. */
const STALL_LIMIT_S = 120;
/** Bound on one download, whatever happens. */
const DOWNLOAD_LIMIT_S = 400;
/** Bound on the cluster settling (a boot, a failback): UML runs every resource agent in seconds. */
const SETTLE_LIMIT_S = 480;
const WEBS = ["web1", "web2", "web3"];

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
  /** curl's exit code (0: the whole body arrived). */
  readonly code: number;
  /** The HTTP status, 0 when none arrived. */
  readonly status: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly sha256: string;
}

/** One rate-limited download through the VIP from the client, into a temporary file it removes. */
function download(lab: VmLab): Promise<Download> {
  const script =
    `f=$(mktemp /tmp/hal-sync-XXXXXX) || exit 99; ` +
    `curl -s -o "$f" -w '%{size_download} %{time_total} %{http_code}' --limit-rate ${RATE} --speed-limit 1 --speed-time ${STALL_LIMIT_S} ` +
    `--max-time ${DOWNLOAD_LIMIT_S} http://${VIP}/${FILE}; rc=$?; ` +
    `echo " $rc $(sha256sum < "$f" | cut -d' ' -f1)"; rm -f "$f"`;
  return lab.client(["sh", "-c", script], (DOWNLOAD_LIMIT_S + 30) * 1000).then((r) => {
    const [bytes, seconds, status, code, sha256] = r.stdout.trim().split(/\s+/);
    return { code: Number(code), status: Number(status), bytes: Number(bytes), seconds: Number(seconds), sha256: sha256 ?? "" };
  });
}

/** Starts a download, waits until it runs, shows lb2's table, crashes lb1 and waits for the download's end. */
async function downloadThroughCrash(lab: VmLab): Promise<{ result: Download; standbyTable: string[]; crashAt: number }> {
  const t0 = now();
  const running = download(lab);
  await sleep(CRASH_AFTER_S * 1000);
  // The standby's table just before the crash: with sync, the download's entry (synced from lb1) is there.
  const standbyTable = await vipConnections(lab, "lb2");
  const crashAt = now() - t0;
  lab.stop("lb1");
  return { result: await running, standbyTable, crashAt };
}

function describe(d: Download, size: number, expected: string): string {
  const intact = d.sha256 === expected;
  return `HTTP ${d.status}, ${d.bytes}/${size} bytes in ${d.seconds.toFixed(1)} s, curl exit ${d.code}, sha256 ${intact ? "intact" : "differs"}`;
}

export async function connectionSyncScenarios(
  lab: VmLab,
  scenario: (id: VmScenarioId, name: string, body: () => Promise<{ figures: string; detail: string }>) => Promise<void>,
): Promise<void> {
  let size = 0;
  let expected = "";
  await scenario("vm.ha-lb-sync.survives", "5 ha-lb-sync: download through the VIP survives a crash of lb1 (sync on)", async () => {
    check(await waitSoleHolder(lab, "lb1", "lb2", SETTLE_LIMIT_S), `lb1 is not the only holder of the VIP within ${SETTLE_LIMIT_S} s`);
    for (const web of WEBS) {
      // 0644: sudo's umask would leave it unreadable to apache2 (a 403 page, not the file).
      const tmp = `/var/www/html/${FILE}.tmp`;
      await lab.execOk(web, `seq 1 ${SEQ_END} > ${tmp} && chmod 0644 ${tmp} && mv ${tmp} /var/www/html/${FILE}`);
    }
    const sums = await Promise.all(WEBS.map((w) => lab.execOk(w, `stat -c %s /var/www/html/${FILE}; sha256sum < /var/www/html/${FILE}`)));
    check(new Set(sums).size === 1, `the web servers' files differ: ${JSON.stringify(sums)}`);
    const [sizeText, sumLine] = sums[0].trim().split("\n");
    size = Number(sizeText);
    expected = sumLine.split(" ")[0];
    // Heartbeat's resource made lb1 the master; the unit started lb2's backup at boot.
    const lb1 = await waitFor(
      () => daemons(lab, "lb1"),
      (d) => d.join() === "master",
      60,
    );
    const lb2 = await daemons(lab, "lb2");
    check(lb1.join() === "master" && lb2.join() === "backup", `sync daemons: lb1 ${lb1.join() || "none"}, lb2 ${lb2.join() || "none"}`);
    const { result, standbyTable, crashAt } = await downloadThroughCrash(lab);
    const figures = `survived: ${result.code === 0 && result.sha256 === expected ? "yes" : "no"}; ${describe(result, size, expected)}; lb1 crashed at +${crashAt.toFixed(1)} s`;
    console.log(`lb2's ipvsadm -Lnc before the crash (sync on):\n${standbyTable.join("\n") || "(no entry)"}`);
    check(standbyTable.length > 0, `lb2 had no synced entry for the download before the crash; ${figures}`);
    check(result.code === 0 && result.bytes === size && result.sha256 === expected, `the download did not survive: ${figures}`);
    return {
      figures,
      detail: `lb2 held ${standbyTable.length} synced entr${standbyTable.length === 1 ? "y" : "ies"} before the crash: ${standbyTable[0].trim().replace(/\s+/g, " ")}`,
    };
  });

  await scenario(
    "vm.ha-lb-sync.breaks-without-sync",
    "6 ha-lb-sync: lb1 back, sync stopped on both (ipvsadm --stop-daemon), the same download breaks",
    async () => {
      check(size > 0, "the first scenario did not prepare the file");
      const t0 = now();
      const state = await lab.start("lb1", SETTLE_LIMIT_S);
      // auto_failback: lb1 takes the group back; its resource makes it the master again, lb2 the backup.
      check(await waitSoleHolder(lab, "lb1", "lb2", SETTLE_LIMIT_S), `lb1 did not take the VIP back within ${SETTLE_LIMIT_S} s`);
      const back = now() - t0;
      await waitFor(
        () => daemons(lab, "lb1"),
        (d) => d.join() === "master",
        60,
      );
      await lab.execOk("lb1", "ipvsadm --stop-daemon master");
      await lab.execOk("lb2", "ipvsadm --stop-daemon backup");
      const left = [...(await daemons(lab, "lb1")), ...(await daemons(lab, "lb2"))];
      check(left.length === 0, `sync daemons still running: ${left.join(", ")}`);
      const { result, standbyTable, crashAt } = await downloadThroughCrash(lab);
      const survived = result.code === 0 && result.sha256 === expected;
      const figures = `survived: ${survived ? "yes" : "no"}; ${describe(result, size, expected)}; lb1 crashed at +${crashAt.toFixed(1)} s; lb1 back and holding the group ${back.toFixed(0)} s after power-on (${state})`;
      check(!survived, `the download survived without sync, so the sync-on check proves nothing: ${figures}`);
      // A break that proves something: the file was being served (200) and was cut after the crash, not refused before it.
      check(result.status === 200 && result.bytes > 0 && result.seconds > crashAt, `not a transfer cut by the crash: ${figures}`);
      console.log(`lb2's ipvsadm -Lnc before the crash (sync off):\n${standbyTable.join("\n") || "(no entry)"}`);
      return { figures, detail: `lb2 held ${standbyTable.length} established entries for the VIP before the crash (sync off)` };
    },
  );
}
