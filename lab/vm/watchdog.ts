/**
 * Watchdog proof in a guest kernel (npm run lab:vm:watchdog, root). Never on the host: softdog
 * lives in the guest's own kernel here. qemu tier only: Debian's UML kernel has its own
 * watchdog built in (CONFIG_UML_WATCHDOG, "harddog", which needs a host helper to open) on
 * /dev/watchdog, so softdog there is /dev/watchdog1 and the rendered `watchdog /dev/watchdog`
 * cannot be opened ("Cannot open watchdog device"); the qemu guest runs the image's own kernel.
 * Boots WATCHDOG_STACK (the Heartbeat + Apache pair with `watchdog: true`), checks that softdog
 * is loaded and heartbeat holds /dev/watchdog, then SIGSTOPs heartbeat on the VIP holder by its
 * recorded PID and times softdog's reset ("Initiating system reboot" on the serial console, or the
 * guest's process ending), then waits for the guest's new boot id. Prints figures; exit 0 only
 * when the guest reset within the bound and came back with a new boot id.
 */
import { rmSync } from "node:fs";
import { runMain, sleep } from "../common/proc";
import { labNodesOf, synthesizeLabStacks, WATCHDOG_STACK } from "../common/stacks";
import type { TierName } from "./tier";
import { defaultLog } from "./host";
import { labSshKey, withVmLab } from "./vm";
import type { VmScenarioId } from "./scenarios";

const SCENARIO: VmScenarioId = "vm.watchdog.reset";

const now = () => performance.now() / 1000;

async function main(argv: string[]): Promise<number> {
  const tier: TierName = "qemu";
  if (argv.length > 0) {
    console.error("usage: watchdog.ts (qemu tier only)");
    return 2;
  }
  const outdir = synthesizeLabStacks();
  const nodes = labNodesOf(outdir, WATCHDOG_STACK, { sshPublicKey: labSshKey().publicKey });
  rmSync(outdir, { recursive: true, force: true });
  return withVmLab({ nodes, tier, log: defaultLog, bootTimeoutSec: 900 }, async (lab) => {
    const holderOf = async () => {
      for (const host of Object.keys(lab.vms)) {
        const r = await lab.exec(host, "ip -o -4 addr show | grep -c ' 192.168.56.10/'");
        if (r.stdout.trim() === "1") return host;
      }
      return undefined;
    };
    let holder: string | undefined;
    for (let i = 0; i < 120 && holder === undefined; i++) {
      holder = await holderOf();
      if (holder === undefined) await sleep(1000);
    }
    if (!holder) throw new Error("no node holds the VIP 2 minutes after boot");
    const peer = Object.keys(lab.vms).find((h) => h !== holder)!;
    const fact = async (cmd: string) => (await lab.exec(holder!, cmd)).stdout.trim() || "-";
    const loaded = await fact("grep -c '^softdog ' /proc/modules");
    // soft_margin has no sysfs entry; the payload's modprobe.d names it (heartbeat sets the same value).
    const timeout = await fact("sed -n 's/.*soft_margin=\\([0-9]*\\).*/\\1/p' /etc/modprobe.d/softdog.conf");
    const pid = await fact("cat /run/heartbeat.pid");
    const armed = await fact(`ls -l /proc/${Number(pid)}/fd | grep -c ' -> /dev/watchdog$'`);
    const bootId = await fact("cat /proc/sys/kernel/random/boot_id");
    const hbLog = await fact("journalctl -b --no-pager -o cat -t heartbeat 2>/dev/null | grep -i watchdog | tail -3");
    defaultLog(
      `${holder}: softdog loaded ${loaded}, soft_margin ${timeout} s, heartbeat pid ${pid} holds /dev/watchdog ${armed}, boot id ${bootId}; ${hbLog}`,
    );
    if (loaded !== "1" || armed !== "1") throw new Error(`${holder}: softdog not loaded or /dev/watchdog not held by heartbeat`);
    const bound = Number(timeout) + 15;
    const t0 = now();
    // The guest's uptime at the stop, to time the reset on the guest's own clock too (serial timestamps).
    const uptimeAtStop = Number((await lab.execOk(holder, `cut -d' ' -f1 /proc/uptime; kill -STOP ${Number(pid)}`)).trim());
    defaultLog(`${holder}: heartbeat (pid ${pid}) stopped with SIGSTOP; waiting up to ${bound} s for the watchdog`);
    const serialBefore = lab.serialLog(holder).length;
    const resetLine = /softdog: Initiat(ed|ing) system reboot|reboot: Restarting system/;
    let resetS: number | undefined;
    while (now() - t0 < bound) {
      if (!lab.running(holder) || resetLine.test(lab.serialLog(holder).slice(serialBefore))) {
        resetS = now() - t0;
        break;
      }
      await sleep(100);
    }
    const serial = lab
      .serialLog(holder)
      .slice(serialBefore)
      .split("\n")
      .filter((l) => /softdog|watchdog|reboot|Restarting/i.test(l))
      .slice(0, 3);
    if (resetS === undefined) {
      console.log(`FAIL ${holder} did not reset ${bound} s after heartbeat was stopped; serial: ${serial.join(" | ")}`);
      return 1;
    }
    const fired = /\[\s*([\d.]+)\] softdog: Initiat/.exec(serial.join("\n"));
    const guestS = fired ? (Number(fired[1]) - uptimeAtStop).toFixed(2) : "-";
    defaultLog(
      `${holder}: guest reset after ${resetS.toFixed(1)} s (guest clock: ${guestS} s; timeout ${timeout} s); serial: ${serial.join(" | ")}`,
    );
    // The peer takes the VIP over once it declares the stopped node dead (deadtime after its last heartbeat).
    let takeoverS: number | undefined;
    while (takeoverS === undefined && now() - t0 < bound + 30) {
      const r = await lab.exec(peer, "ip -o -4 addr show | grep -c ' 192.168.56.10/'", { timeoutMs: 10_000 });
      if (r.stdout.trim() === "1") takeoverS = now() - t0;
      else await sleep(250);
    }
    let state2 = "rebooted in place";
    if (!lab.running(holder)) state2 = await lab.start(holder, 600);
    let bootId2 = bootId;
    const tBack = now();
    while (bootId2 === bootId && now() - tBack < 600) {
      bootId2 =
        (await lab.exec(holder, "cat /proc/sys/kernel/random/boot_id", { timeoutMs: 10_000 }).catch(() => undefined))?.stdout.trim() ||
        bootId;
      if (bootId2 === bootId) await sleep(2000);
    }
    console.log(
      `\n### ${SCENARIO}: heartbeat frozen (SIGSTOP), softdog resets the holder\n\n| measure | value |\n| --- | --- |\n| tier | ${lab.tier} |\n| softdog soft_margin (heartbeat sets the same: deadtime rounded up) | ${timeout} s |\n` +
        `| SIGSTOP -> softdog fires (guest clock, serial timestamp) | ${guestS} s |\n| SIGSTOP -> reset seen on the host (100 ms polls) | ${resetS.toFixed(1)} s |\n| SIGSTOP -> ${peer} seen holding the VIP (checked from the reset on) | ${takeoverS === undefined ? "not within the bound" : `${takeoverS.toFixed(1)} s`} |\n` +
        `| boot id changed | ${bootId2 !== bootId ? "yes" : "NO"} (${state2}) |\n`,
    );
    return bootId2 !== bootId ? 0 : 1;
  });
}

runMain(main);
