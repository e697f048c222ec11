/**
 * Watchdog proof in a guest kernel (npm run lab:vm:watchdog, root; tier from --tier or
 * $HAL_VM_TIER, default uml). Never on the host: softdog lives in the guest's own kernel here.
 * Boots WATCHDOG_STACK (the Heartbeat + Apache pair with `watchdog: true`), checks that softdog
 * is loaded and that heartbeat armed /dev/watchdog with its own timeout (deadtime, rounded up),
 * then SIGSTOPs heartbeat on the VIP holder by its recorded PID and times the guest's reset:
 * UML runs with `noreboot`, so a reset ends the guest's process; the serial log shows softdog's
 * message. The guest is then booted again and its boot id compared. Prints figures; exit 0 only
 * when the guest reset within the bound.
 */
import { rmSync } from "node:fs";
import { runMain, sleep } from "../common/proc";
import { labNodesOf, synthesizeLabStacks, WATCHDOG_STACK } from "../common/stacks";
import { TIERS, type TierName } from "./tier";
import { defaultLog } from "./sh";
import { labSshKey, withVmLab } from "./vm";

const now = () => performance.now() / 1000;

async function main(argv: string[]): Promise<number> {
  let tier = (process.env.HAL_VM_TIER as TierName | undefined) ?? "uml";
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--tier" && TIERS.includes(argv[i + 1] as TierName)) tier = argv[++i] as TierName;
    else {
      console.error("usage: watchdog.ts [--tier uml|qemu]");
      return 2;
    }
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
    const facts = await lab.execOk(
      holder,
      "grep -c '^softdog ' /proc/modules; cat /sys/class/watchdog/watchdog0/timeout; cat /sys/class/watchdog/watchdog0/state; cat /proc/sys/kernel/random/boot_id; cat /run/heartbeat.pid",
    );
    const [loaded, timeout, state, bootId, pid] = facts.trim().split("\n");
    defaultLog(
      `${holder}: softdog loaded ${loaded}, watchdog0 timeout ${timeout} s, state ${state}, boot id ${bootId}, heartbeat pid ${pid}`,
    );
    if (loaded !== "1" || state !== "active") throw new Error(`${holder}: softdog not loaded or not armed by heartbeat`);
    const bound = Number(timeout) + 15;
    const t0 = now();
    await lab.execOk(holder, `kill -STOP ${Number(pid)}`);
    defaultLog(`${holder}: heartbeat (pid ${pid}) stopped with SIGSTOP; waiting up to ${bound} s for the watchdog`);
    let resetS: number | undefined;
    while (now() - t0 < bound) {
      if (!lab.running(holder)) {
        resetS = now() - t0;
        break;
      }
      await sleep(100);
    }
    const serial = lab
      .serialLog(holder)
      .split("\n")
      .filter((l) => /softdog|watchdog|reboot|Restarting/i.test(l))
      .slice(-5);
    if (resetS === undefined) {
      console.log(`FAIL ${holder} still running ${bound} s after heartbeat was stopped; serial: ${serial.join(" | ")}`);
      return 1;
    }
    defaultLog(`${holder}: guest reset after ${resetS.toFixed(1)} s (watchdog timeout ${timeout} s); serial: ${serial.join(" | ")}`);
    const peerView = await lab.exec(peer, "ip -o -4 addr show | grep -c ' 192.168.56.10/'");
    const state2 = await lab.start(holder, 600);
    const bootId2 = (await lab.execOk(holder, "cat /proc/sys/kernel/random/boot_id")).trim();
    console.log(
      `\n| measure | value |\n| --- | --- |\n| tier | ${lab.tier} |\n| watchdog timeout set by heartbeat | ${timeout} s |\n` +
        `| SIGSTOP -> guest reset | ${resetS.toFixed(1)} s |\n| ${peer} holds the VIP after the reset | ${peerView.stdout.trim() === "1" ? "yes" : "no"} |\n` +
        `| boot id changed | ${bootId2 !== bootId ? "yes" : "NO"} (${state2}) |\n`,
    );
    return bootId2 !== bootId ? 0 : 1;
  });
}

runMain(main);
