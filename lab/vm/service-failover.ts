/**
 * The heartbeat-sf topology of the VM lab (SERVICE_FAILOVER_STACK: the heartbeat-apache preset with
 * `serviceFailover: {}`): issue 12's VM scenario 3. apache2 is stopped on srv1 while the node lives
 * (TERM to its pid file's process: a clean exit that systemd's Restart=on-abort does not restart);
 * srv1's service monitor hands the group to srv2 (`hb_standby all`) and the client is served by srv2
 * within the declared bound; srv1 does not take the group back while its apache2 is down.
 * acceptance.ts boots the guests and calls serviceFailoverScenarios() with its runner.
 */
import { SERVICE_MONITOR_CONFIG_PATH } from "../../cloud-init";
import { parseCloudConfig, type LabNode } from "../common/payload";
import { judgeMonitorLog, type MonitorSettings } from "../common/service-monitor-log";
import { sleep } from "../common/proc";
import { check, now } from "./check";
import { holdsVip, SETTLE_LIMIT_S, waitServedBy, waitSoleHolder } from "./directors";
import type { ScenarioRunner } from "./ipvs-options";
import type { VmLab } from "./vm";

/** The monitor leaves a group alone this long after acquiring it (service-monitor.sh's SERVICE_SETTLE). */
const MONITOR_SETTLE_S = 30;
/**
 * From the monitor's `hb_standby` to the peer serving: srv1 stops apache2 and the VIP, srv2 starts
 * them. Each resource agent takes 5-25 s of a loaded UML host (lab/vm/README.md), so the handover
 * gets a minute on top of the netns lab's 30 s.
 */
const HANDOVER_ALLOWANCE_S = 60;
/** How long nothing may move after the handover (at least twice the detection). */
const HOLD_S = 30;

/** The monitor's settings as the payload writes them. */
function monitorSettings(node: LabNode): MonitorSettings {
  const text = parseCloudConfig(node.userData).files.find((f) => f.path === SERVICE_MONITOR_CONFIG_PATH)?.content;
  if (text === undefined) throw new Error(`${node.hostname}: the payload writes no ${SERVICE_MONITOR_CONFIG_PATH}`);
  const value = (key: string) => {
    const m = new RegExp(`^${key}=(\\d+)$`, "m").exec(text);
    if (!m) throw new Error(`${node.hostname}: ${SERVICE_MONITOR_CONFIG_PATH} sets no ${key}`);
    return Number(m[1]);
  };
  return { checkS: value("SERVICE_CHECK"), failures: value("SERVICE_FAILURES"), backoffS: value("SERVICE_BACKOFF") };
}

export async function serviceFailoverScenarios(lab: VmLab, nodes: readonly LabNode[], run: ScenarioRunner): Promise<void> {
  const srv1 = nodes.find((n) => n.hostname === "srv1");
  if (!srv1) throw new Error("the heartbeat-sf stack has no srv1");
  const settings = monitorSettings(srv1);
  const { checkS, failures } = settings;

  await run("vm.heartbeat-sf.service-failover", "4b heartbeat-sf: apache2 stopped on srv1, srv2 serves within the bound", async () => {
    check(await waitSoleHolder(lab, "srv1", "srv2", SETTLE_LIMIT_S), `srv1 is not the only holder of the VIP within ${SETTLE_LIMIT_S} s`);
    check((await waitServedBy(lab, "srv1", now(), 30)) !== undefined, "srv1 holds the VIP but its page does not come through it");
    // Both nodes respawn the monitor; it ignores a group for its first MONITOR_SETTLE_S s on a node.
    for (const host of ["srv1", "srv2"]) {
      check((await lab.exec(host, "pgrep -f /etc/ha.d/service-monitor")).code === 0, `${host} runs no /etc/ha.d/service-monitor`);
    }
    await sleep((MONITOR_SETTLE_S + checkS) * 1000);
    // The same bound as the netns lab's: a check in flight plus `failures` more, each up to 2 × checkS.
    const detectionS = (failures + 1) * 2 * checkS;
    const boundS = detectionS + HANDOVER_ALLOWANCE_S;
    const since = Number(await lab.execOk("srv1", "date +%s"));
    const t0 = now();
    await lab.execOk("srv1", 'kill -TERM "$(cat /run/apache2/apache2.pid)"');
    const served = await waitServedBy(lab, "srv2", t0, boundS);
    check(served !== undefined, `srv2 does not serve the VIP within ${boundS} s of apache2's stop on srv1`);
    // The monitor's journal this boot, read once: one handover in all of it, and its settings held to
    // the lines after the stop.
    const journal = (await lab.execOk("srv1", "journalctl -b -t ha-service-monitor --no-pager -o short-unix"))
      .split("\n")
      .map((line) => /^(\d+\.\d+) \S+ \S+: (.*)$/.exec(line))
      .flatMap((m) => (m ? [{ t: Number(m[1]), text: m[2] }] : []));
    const handovers = journal.map((l) => l.text).filter((text) => text.includes("hb_standby"));
    check(handovers.length === 1, `srv1's monitor logged ${handovers.length} handovers, want 1: ${handovers.join(" | ")}`);
    let monitorFigures = "";
    try {
      monitorFigures = judgeMonitorLog(
        journal.filter((l) => l.t >= since),
        settings,
      );
    } catch (e) {
      check(false, `srv1's monitor: ${(e as Error).message}`);
    }
    // No take-back and no flapping: srv2 alone holds the VIP and serves while srv1's apache2 stays down.
    const tHold = now();
    while (now() - tHold < HOLD_S) {
      check(await holdsVip(lab, "srv2"), `srv2 lost the VIP ${(now() - tHold).toFixed(1)} s into the ${HOLD_S} s hold`);
      check(!(await holdsVip(lab, "srv1")), `srv1 took the VIP back ${(now() - tHold).toFixed(1)} s into the ${HOLD_S} s hold`);
      await sleep(3000);
    }
    check((await waitServedBy(lab, "srv2", now(), 10)) !== undefined, "srv2 no longer serves after the hold");
    const apache = (await lab.exec("srv1", "pidof apache2")).code === 0;
    check(!apache, "apache2 runs on srv1 again: something restarted it, so the group could come back to a node that failed");
    return {
      figures: `served by srv2 ${served!.toFixed(1)} s after apache2 stopped (bound ${boundS} s: detection ${detectionS} s + handover ${HANDOVER_ALLOWANCE_S} s)`,
      detail: `srv1's monitor ran hb_standby once (${handovers[0]?.trim() ?? ""}); its journal: ${monitorFigures}; srv2 alone held the VIP for ${HOLD_S} s after, srv1's apache2 stayed down`,
    };
  });
}
