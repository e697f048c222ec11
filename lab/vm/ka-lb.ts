/**
 * The ka-lb topology of the VM lab (KA_LB_STACK: the ha-lb preset with the keepalived engine):
 * the same director-pair scenarios as ha-lb (directors.ts), plus keepalived's HTTP_GET real-server
 * check on a live IPVS kernel. acceptance.ts boots the guests and calls kaLbScenarios().
 */
import { KA_LB_HEALTH_CHECK, KA_LB_SYNC_ID } from "../common/ka-lb-stack";
import { parseCloudConfig, type LabNode } from "../common/payload";
import { sleep } from "../common/proc";
import { check, now } from "./check";
import {
  balanced,
  clockOffset,
  directorFailover,
  directorRoundRobin,
  holdsVip,
  spread,
  takeoverFigures,
  type DirectorPair,
} from "./directors";
import { downloadAcrossCrash, judgeSurvived, type CrashedDownload } from "./connection-sync";
import type { ScenarioRunner } from "./ipvs-options";
import { KEEPALIVED_TAKEOVER } from "./takeover";
import type { VmLab } from "./vm";

const GATEWAY_VIP = "192.168.200.254";
/** The real server whose check the lab fails, and its address in the rules. */
const VICTIM = { name: "web2", address: "192.168.200.12" };
const KEEPALIVED_CONF = "/etc/keepalived/keepalived.conf";
/** Bound on a change the bound says must have happened: never reached unless the checker is broken. */
const CHANGE_LIMIT_S = 90;

/** The HTTP_GET timers as lb1's keepalived.conf renders them (the first real server's block). */
export interface RenderedCheck {
  readonly delayLoop: number;
  readonly connectTimeout: number;
  readonly retry: number;
  readonly delayBeforeRetry: number;
  readonly path: string;
}

export function renderedCheck(conf: string): RenderedCheck {
  const value = (key: string) => {
    const m = new RegExp(`^\\s*${key} (\\S+)$`, "m").exec(conf);
    if (!m) throw new Error(`keepalived.conf has no ${key}`);
    return m[1];
  };
  return {
    delayLoop: Number(value("delay_loop")),
    connectTimeout: Number(value("connect_timeout")),
    retry: Number(value("retry")),
    delayBeforeRetry: Number(value("delay_before_retry")),
    path: value("path"),
  };
}

/**
 * Seconds from a real server failing (or coming back) to keepalived changing the table, at most:
 * the check in flight, then `retry` more tries `delay_before_retry` apart, each up to
 * `connect_timeout`, plus 1 s of slack for the check's own run time and the table update.
 */
export function checkBoundSeconds(c: RenderedCheck): number {
  return c.delayLoop + c.connectTimeout * (c.retry + 1) + c.delayBeforeRetry * c.retry + 1;
}

/** The guest epoch of the first line of lb's journal at or after `since` (guest epoch) that matches `what`. */
async function checkerLogged(lab: VmLab, lb: string, since: number, what: RegExp): Promise<number | undefined> {
  const journal = await lab.execOk(lb, `journalctl -b -o short-unix --no-pager --since @${Math.floor(since) - 1}`);
  for (const line of journal.split("\n")) {
    const at = Number(line.split(" ")[0]);
    if (Number.isFinite(at) && at >= since && what.test(line)) return at;
  }
  return undefined;
}

/** Polls lb's `ipvsadm -Ln` until the victim is (present) or is not (!present) a real server; seconds after t0. */
async function waitRealServer(lab: VmLab, lb: string, present: boolean, t0: number): Promise<number | undefined> {
  while (now() - t0 < CHANGE_LIMIT_S) {
    const listed = (await lab.execOk(lb, "ipvsadm -Ln")).includes(` ${VICTIM.address}:80 `);
    if (listed === present) return now() - t0;
    await sleep(500);
  }
  return undefined;
}

/**
 * Fails the victim's check with `fail`, then restores it with `restore`: keepalived on the master
 * removes it from the table and adds it back, each within the bound (from its journal; the ssh
 * poll's figure is printed beside it), and the client's requests follow the table.
 */
async function failAndRestore(
  lab: VmLab,
  pair: DirectorPair,
  bound: number,
  retry: number,
  fail: string,
  restore: string,
): Promise<{
  removedS: number;
  addedS: number;
  polledRemovedS: number;
  polledAddedS: number;
  failS: number;
  restoreS: number;
  without: Record<string, number>;
}> {
  const lb = pair.master;
  const others = pair.webs.filter((w) => w !== VICTIM.name);
  // Host epoch = guest epoch - offset: the victim's and the director's clocks on one line.
  const lbOffset = await clockOffset(lab, lb);
  const victimOffset = await clockOffset(lab, VICTIM.name);
  const step = async (cmd: string, present: boolean, logged: RegExp) => {
    // Timed on the victim: its check fails (or passes) by the command's end at the latest
    // (`service apache2 stop` takes seconds under UML), so the bound runs from there.
    const out = await lab.execOk(VICTIM.name, `s=$(date +%s.%N); ${cmd}; rc=$?; echo "$s $(date +%s.%N)"; exit $rc`);
    const [start, end] = out.trim().split(/\s+/).slice(-2).map(Number);
    const t0 = now();
    const polled = await waitRealServer(lab, lb, present, t0);
    check(
      polled !== undefined,
      `${VICTIM.name} still ${present ? "absent from" : "in"} ${lb}'s ipvsadm -Ln ${CHANGE_LIMIT_S} s after \`${cmd}\``,
    );
    const at = await checkerLogged(lab, lb, start - victimOffset + lbOffset, logged);
    check(at !== undefined, `${lb}'s journal has no line matching ${logged} after \`${cmd}\``);
    // Negative when keepalived acted before the command returned.
    const journal = at! - lbOffset - (end - victimOffset);
    check(journal <= bound, `${lb}'s checker took ${journal.toFixed(1)} s after \`${cmd}\` ended, over the ${bound} s bound`);
    return { journal, polled: polled!, command: end - start, since: start - victimOffset + lbOffset };
  };
  const service = `service \\[${VICTIM.address.replace(/\./g, "\\.")}\\]:tcp:80`;
  let restored = false;
  try {
    const removed = await step(fail, false, new RegExp(`Removing ${service}`));
    // keepalived names the retries it made before giving up: the rendered `retry`, honoured.
    const gaveUp = new RegExp(`HTTP_CHECK on ${service} failed after (\\d+) retries`).exec(
      await lab.execOk(lb, `journalctl -b -o cat --no-pager --since @${Math.floor(removed.since) - 1}`),
    );
    check(gaveUp?.[1] === String(retry), `${lb}'s checker gave up after ${gaveUp?.[1] ?? "?"} retries, not the rendered ${retry}`);
    const without = await spread(lab, 30);
    check((without[VICTIM.name] ?? 0) === 0, `${VICTIM.name} still got requests after its removal: ${JSON.stringify(without)}`);
    check(balanced(without, others, 30), `without ${VICTIM.name}, uneven or lost: ${JSON.stringify(without)}`);
    const added = await step(restore, true, new RegExp(`Adding ${service}`));
    const back = await spread(lab, 30);
    check(balanced(back, [...pair.webs], 30), `${VICTIM.name} back, uneven or lost: ${JSON.stringify(back)}`);
    restored = true;
    return {
      removedS: removed.journal,
      addedS: added.journal,
      polledRemovedS: removed.polled,
      polledAddedS: added.polled,
      failS: removed.command,
      restoreS: added.command,
      without,
    };
  } finally {
    // A failed check must not leave the victim out for the scenarios after this one.
    if (!restored) await lab.exec(VICTIM.name, restore);
  }
}

export async function kaLbScenarios(lab: VmLab, nodes: readonly LabNode[], run: ScenarioRunner): Promise<void> {
  const pair: DirectorPair = { nodes, master: "lb1", backup: "lb2", webs: ["web1", "web2", "web3"], takeoverLog: KEEPALIVED_TAKEOVER };
  const lb1 = nodes.find((n) => n.hostname === pair.master);
  const conf = lb1 && parseCloudConfig(lb1.userData).files.find((f) => f.path === KEEPALIVED_CONF)?.content;
  if (conf === undefined) throw new Error(`${pair.master}: the payload writes no ${KEEPALIVED_CONF}`);

  await run("vm.ka-lb.rr", "6 ka-lb: keepalived's VIPs and virtual_server on lb1, rr over web1..web3", async () => {
    const { counts, live } = await directorRoundRobin(lab, pair);
    check(await holdsVip(lab, pair.master, GATEWAY_VIP), `${pair.master} does not hold the gateway VIP ${GATEWAY_VIP}`);
    check(!(await holdsVip(lab, pair.backup, GATEWAY_VIP)), `${pair.backup} holds the gateway VIP ${GATEWAY_VIP} too`);
    // The rules come from keepalived: the ipvsadm init script is disabled and stopped by the payload.
    const state = (await lab.execOk(pair.master, "systemctl is-active keepalived ipvsadm || true")).split("\n").filter(Boolean);
    check(state[0] === "active" && state[1] !== "active", `${pair.master}: keepalived, ipvsadm are ${state.join(", ")}`);
    const rules = live.split("\n").filter(Boolean).length;
    return {
      figures: `web1 ${counts.web1}, web2 ${counts.web2}, web3 ${counts.web3} of 300`,
      detail: `${pair.master} alone holds both VIPs; its ipvsadm-save -n (${rules} lines, from keepalived's virtual_server) equals the declared rules; ${pair.backup} holds no VIP`,
    };
  });

  await run("vm.ka-lb.health-check", "7 ka-lb: HTTP_GET fails on web2 (apache2 stopped, then its page gone): out and back in", async () => {
    const rendered = renderedCheck(conf);
    const want = KA_LB_HEALTH_CHECK;
    check(
      rendered.delayLoop === want.delayLoopSeconds &&
        rendered.connectTimeout === want.connectTimeoutSeconds &&
        rendered.retry === want.retry &&
        rendered.path === want.path,
      `keepalived.conf renders ${JSON.stringify(rendered)}, the stack asks for ${JSON.stringify(want)}`,
    );
    const bound = checkBoundSeconds(rendered);
    const fmt = (s: number) => `${s.toFixed(1)} s`;
    // apache2 down: connection refused. Then apache2 up with the checked page gone: 404 on the
    // rendered path while /healthz (the default path) still answers 200, so only the path decides.
    const down = await failAndRestore(lab, pair, bound, rendered.retry, "service apache2 stop", "service apache2 start");
    const page = `/var/www/html${rendered.path}`;
    const gone = await failAndRestore(lab, pair, bound, rendered.retry, `mv ${page} ${page}.hal-away`, `mv ${page}.hal-away ${page}`);
    const line = (r: typeof down) =>
      `out ${fmt(r.removedS)} (command ${fmt(r.failS)}, ipvsadm poll ${fmt(r.polledRemovedS)}), in ${fmt(r.addedS)} (command ${fmt(r.restoreS)}, poll ${fmt(r.polledAddedS)})`;
    return {
      figures: `bound ${bound} s (delay_loop ${rendered.delayLoop} + connect_timeout ${rendered.connectTimeout} × ${rendered.retry + 1} + delay_before_retry ${rendered.delayBeforeRetry} × ${rendered.retry} + 1); apache2 stopped: ${line(down)}; ${rendered.path} gone: ${line(gone)}`,
      detail: `web2 left ${pair.master}'s ipvsadm -Ln and got none of 30 requests (web1 ${down.without.web1}, web3 ${down.without.web3}), then came back (30 balanced over three), twice; keepalived gave up after ${rendered.retry} retries each time; times from its journal`,
    };
  });

  // Scenario 8's crash carries a download through the VIP; scenario 9 judges it (one crash, one boot).
  let download: Promise<CrashedDownload> | undefined;
  await run(
    "vm.ka-lb.director-failover",
    "8 ka-lb: crash lb1 during a download, lb2 takes the VIPs (its rules were loaded all along)",
    async () => {
      const crossed = await downloadAcrossCrash(lab, pair, () => directorFailover(lab, pair), KA_LB_SYNC_ID);
      download = crossed.download;
      const { events, outage } = crossed.outcome;
      check(await holdsVip(lab, pair.backup, GATEWAY_VIP), `${pair.backup} does not hold the gateway VIP ${GATEWAY_VIP}`);
      return {
        figures: takeoverFigures(events, outage),
        detail: `${pair.backup} holds both VIPs and the declared rules; 30/30 pages after takeover, balanced`,
      };
    },
  );

  await run("vm.ka-lb.sync-survives", "9 ka-lb: the download through lb1's crash survived (lvs_sync_daemon, syncid 42)", async () => {
    check(download !== undefined, "scenario 8 started no download");
    return judgeSurvived(await download!, pair);
  });
}
