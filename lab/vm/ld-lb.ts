/**
 * The ld-lb topology of the VM lab (LD_LB_STACK: the director lb1 whose rules the ldirectord service
 * installs, web1/web2, the fallback sorry1): issue 12's "VM lab scenario 1". A client polls the VIP
 * every 100 ms while apache2 stops and starts on the real servers; the figures are read from the
 * client's own time line (the client runs in a namespace on the host, so one clock).
 * acceptance.ts boots the guests and calls ldLbScenarios() with its scenario runner.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { sleep } from "../common/proc";
import { LD_LB, LD_LB_BOUND_S, LD_LB_QUIESCE, LD_LB_QUIESCE_BOUND_S } from "../common/ld-lb-stack";
import { LabNode, parseCloudConfig } from "../common/payload";
import { LDIRECTORD_CONF_PATH, LDIRECTORD_SETTLE_PATH } from "../../cloud-init";
import type { ScenarioRunner } from "./ipvs-options";
import { check } from "./check";
import { seconds } from "./directors";
import type { VmLab } from "./vm";

const VIP_URL = `http://${LD_LB.vip}/`;
const WEBS: string[] = LD_LB.webServers.map((w) => w.name);
const SORRY = LD_LB.fallback.name;
/** How long each phase watches after its action: the bound, then enough samples to see it hold. */
const WATCH_AFTER_S = LD_LB_BOUND_S + 8;
/** Bound on ldirectord having installed both real servers after boot. */
const SETTLE_LIMIT_S = 480;

const epoch = () => Date.now() / 1000;

interface Sample {
  /** Host epoch seconds when the request started. */
  readonly t: number;
  /** The host that answered, or "failed (curl exit N)". */
  readonly host: string;
}

/** The client loop's own bound, should the lab die before it writes the end file. */
const WATCH_LIMIT_S = 300;
/** curl's exit status for "no answer within --max-time". */
const CURL_TIMEOUT = 28;
/**
 * Requests after the bound that may time out. A timeout is the loaded 2-core host, not routing: a
 * stopped apache2 refuses at once (curl exit 7) and the changed page answers, so neither hides in it.
 * One such timeout failed a CI run; more than this many fail the check.
 */
const TIMEOUTS_TOLERATED = 2;

/**
 * Polls the VIP from the client every 100 ms, one new connection per request (curl --max-time 1),
 * while `action` runs and for `afterS` seconds after it returned; returns the samples and the epoch
 * at which the action returned. The client (a namespace on the host) reads the end from a file.
 */
async function watchWhile(lab: VmLab, afterS: number, action: () => Promise<unknown>): Promise<{ samples: Sample[]; t0: number }> {
  const dir = mkdtempSync(join(tmpdir(), "hal-ld-watch-"));
  const endFile = join(dir, "end");
  try {
    const loop =
      `hard=$(( $(date +%s) + ${WATCH_LIMIT_S} )); while :; do now=$(date +%s); [ "$now" -ge "$hard" ] && break; ` +
      `if [ -f ${endFile} ] && [ "$now" -ge "$(cat ${endFile})" ]; then break; fi; t=$(date +%s.%N); ` +
      `page=$(curl -s --max-time 1 ${VIP_URL}); code=$?; ` +
      `host=$(printf '%s' "$page" | sed -n 's:.*<h1>\\(.*\\)</h1>.*:\\1:p'); echo "$t \${host:-failed (curl exit $code)}"; sleep 0.1; done`;
    const client = lab.client(["sh", "-c", loop], (WATCH_LIMIT_S + 30) * 1000);
    await sleep(1000);
    await action();
    const t0 = epoch();
    writeFileSync(endFile, String(Math.ceil(t0 + afterS)));
    const r = await client;
    const samples = r.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [t, ...host] = line.split(" ");
        return { t: Number(t), host: host.join(" ") };
      });
    return { samples, t0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const timedOut = (s: Sample) => s.host === `failed (curl exit ${CURL_TIMEOUT})`;

/** A sample after `t0` that `host` did not answer and that did not time out: a refusal or another server. */
const notFrom = (host: string, t0: number) => (s: Sample) => s.t >= t0 && s.host !== host && !timedOut(s);

/** Seconds from the watch's action to the first answer from `host`, or undefined if none came. */
function firstAnswerFrom(watch: { samples: readonly Sample[]; t0: number }, host: string): number | undefined {
  const first = watch.samples.find((s) => s.t >= watch.t0 && s.host === host);
  return first ? first.t - watch.t0 : undefined;
}

/**
 * Checks that every request after the bound was answered by one of `expected`, apart from at most
 * TIMEOUTS_TOLERATED timeouts; the message names what answered instead.
 */
function checkLate(late: readonly Sample[], expected: readonly string[], message: string): void {
  check(late.length >= 10, `too few requests after the bound to judge (${late.length})`);
  const timeouts = late.filter(timedOut).length;
  check(
    late.every((s) => expected.includes(s.host) || timedOut(s)) && timeouts <= TIMEOUTS_TOLERATED,
    `${message}: ${counts(late)} (at most ${TIMEOUTS_TOLERATED} timeouts tolerated)`,
  );
}

const counts = (samples: readonly Sample[]) => {
  const c: Record<string, number> = {};
  for (const s of samples) c[s.host] = (c[s.host] ?? 0) + 1;
  return JSON.stringify(c);
};

async function apache(lab: VmLab, hosts: readonly string[], action: "stop" | "start"): Promise<void> {
  await Promise.all(hosts.map((h) => lab.execOk(h, `service apache2 ${action}`, { timeoutMs: 120_000 })));
}

async function rulesOn(lab: VmLab, host: string): Promise<string> {
  return (await lab.exec(host, "ipvsadm -Ln 2>/dev/null")).stdout;
}

/** Waits until the ldirectord service on lb1 has installed both real servers. */
async function settle(lab: VmLab): Promise<number | undefined> {
  const t0 = epoch();
  while (epoch() - t0 < SETTLE_LIMIT_S) {
    const rules = await rulesOn(lab, "lb1");
    if (LD_LB.webServers.every((w) => rules.includes(`${w.privateAddress}:80`))) return epoch() - t0;
    await sleep(3000);
  }
  return undefined;
}

/** web2's weight in lb1's live table, or undefined when it is not there. */
async function web2Weight(lab: VmLab): Promise<number | undefined> {
  const line = (await rulesOn(lab, "lb1")).split("\n").find((l) => l.includes(`-> ${LD_LB.webServers[1].privateAddress}:80 `));
  return line === undefined ? undefined : Number(line.trim().split(/\s+/)[3]);
}

/**
 * The quiesce stack's ldirectord.cf for lb1, after checking that it is the only thing in lb1's
 * payload the failure policy changes: the same files otherwise, the same commands and packages.
 */
function quiesceConfig(booted: LabNode, variant: LabNode): string {
  const a = parseCloudConfig(booted.userData);
  const b = parseCloudConfig(variant.userData);
  const content = (files: typeof a.files, path: string) => files.find((f) => f.path === path)?.content;
  const paths = [...new Set([...a.files, ...b.files].map((f) => f.path))];
  const differing = paths.filter((path) => content(a.files, path) !== content(b.files, path));
  check(
    differing.length === 1 && differing[0] === LDIRECTORD_CONF_PATH,
    `lb1's payloads differ in more than ${LDIRECTORD_CONF_PATH}: ${differing.join(", ")}`,
  );
  check(JSON.stringify([a.runcmd, a.packages]) === JSON.stringify([b.runcmd, b.packages]), "lb1's payloads differ in runcmd or packages");
  return content(b.files, LDIRECTORD_CONF_PATH)!;
}

/**
 * The stacks the scenarios read: the booted ld-lb stack's lb1, and the same topology's lb1 with
 * onFailure "quiesce" and failuresBeforeDown 2.
 */
export interface LdLbPayloads {
  readonly lb1: LabNode;
  readonly quiesceLb1: LabNode;
}

export async function ldLbScenarios(lab: VmLab, run: ScenarioRunner, payloads: LdLbPayloads): Promise<void> {
  const bound = LD_LB_BOUND_S;
  await run("vm.ld-lb.dead-real-server", "ld-lb: stop apache on web2, out within the bound; start it, back within it", async () => {
    const settled = await settle(lab);
    check(settled !== undefined, `ldirectord on lb1 did not install web1 and web2 within ${SETTLE_LIMIT_S} s`);
    const service = (await lab.exec("lb1", "systemctl is-active ldirectord; systemctl is-enabled ldirectord")).stdout
      .split("\n")
      .join(" ")
      .trim();
    const down = await watchWhile(lab, WATCH_AFTER_S, () => apache(lab, ["web2"], "stop"));
    const afterDown = down.samples.filter((s) => s.t >= down.t0);
    const badDown = afterDown.filter(notFrom("web1", down.t0));
    // Detection: from the stop to the last request that was not answered by web1.
    const detection = badDown.length ? badDown[badDown.length - 1].t - down.t0 : 0;
    const lateDown = afterDown.filter((s) => s.t >= down.t0 + bound);
    checkLate(lateDown, ["web1"], `after ${bound} s, requests still fail or reach web2`);
    const rulesDown = await rulesOn(lab, "lb1");
    check(!rulesDown.includes(`${LD_LB.webServers[1].privateAddress}:80`), `web2 is still in lb1's table:\n${rulesDown}`);

    const up = await watchWhile(lab, WATCH_AFTER_S, () => apache(lab, ["web2"], "start"));
    const back = firstAnswerFrom(up, "web2");
    check(back !== undefined && back <= bound, `web2 not back through the VIP within ${bound} s (first answer: ${seconds(back)})`);
    const lateUp = up.samples.filter((s) => s.t >= up.t0 + bound);
    checkLate(lateUp, WEBS, "after web2's return, requests fail or reach the fallback");
    return {
      figures: `detection ${seconds(detection)} (bound ${bound} s), return ${seconds(back)}; settled ${seconds(settled)} after boot`,
      detail:
        `after the stop ${counts(afterDown)}, after the bound ${counts(lateDown)}; ` +
        `after the start ${counts(lateUp)}; ldirectord.service on lb1: ${service}`,
    };
  });

  await run("vm.ld-lb.checked-page", "ld-lb: web2's page answers 200 without the expected text: out; restored: back", async () => {
    const page = "/var/www/html/index.html";
    const kept = `${page}.hal-kept`;
    // Served (HTTP 200), but not what `expect` asks for: only the body can take web2 out.
    const swap = `cp -p ${page} ${kept} && printf '%s\\n' '<html><body><h1>maintenance</h1></body></html>' > ${page}`;
    let restored = false;
    try {
      const down = await watchWhile(lab, WATCH_AFTER_S, () => lab.execOk("web2", swap));
      const lateDown = down.samples.filter((s) => s.t >= down.t0 + bound);
      checkLate(lateDown, ["web1"], `after ${bound} s, requests still reach web2's changed page or fail`);
      const healthz = await lab.execOk("web2", "curl -s http://127.0.0.1/healthz");
      const up = await watchWhile(lab, WATCH_AFTER_S, () => lab.execOk("web2", `mv ${kept} ${page}`));
      restored = true;
      const back = firstAnswerFrom(up, "web2");
      check(
        back !== undefined && back <= bound,
        `web2 not back through the VIP within ${bound} s of its page's return (first answer: ${seconds(back)})`,
      );
      const lastOther = [...down.samples].reverse().find(notFrom("web1", down.t0));
      return {
        figures: `out ${seconds(lastOther ? lastOther.t - down.t0 : 0)} after the page changed, back ${seconds(back)} after it returned (bound ${bound} s)`,
        detail: `path ${LD_LB.check.path}, expect ${JSON.stringify(LD_LB.check.expect)}: web2 answered 200 with "maintenance" and left; its /healthz still said "${healthz.trim()}"; after the bound ${counts(lateDown)}`,
      };
    } finally {
      if (!restored) await lab.exec("web2", `[ -f ${kept} ] && mv ${kept} ${page}`);
    }
  });

  await run("vm.ld-lb.fallback", "ld-lb: stop every web server, sorry1 answers; start them, sorry1 gone", async () => {
    const down = await watchWhile(lab, WATCH_AFTER_S, () => apache(lab, WEBS, "stop"));
    const fallbackIn = firstAnswerFrom(down, SORRY);
    const lateDown = down.samples.filter((s) => s.t >= down.t0 + bound);
    checkLate(lateDown, [SORRY], `after ${bound} s with every web server down, not all requests reach ${SORRY}`);
    // The fallback's own port (LD_LB.fallbackPort, not the service's 80) in the live table.
    const fallbackRule = `-> ${LD_LB.fallback.privateAddress}:${LD_LB.fallbackPort} `;
    const rulesDown = await rulesOn(lab, "lb1");
    check(rulesDown.includes(fallbackRule), `lb1's table has no ${fallbackRule.trim()} with every web server down:\n${rulesDown}`);
    const up = await watchWhile(lab, WATCH_AFTER_S, () => apache(lab, WEBS, "start"));
    const afterUp = up.samples.filter((s) => s.t >= up.t0);
    const lastSorry = [...afterUp].reverse().find((s) => s.host === SORRY);
    const gone = lastSorry ? lastSorry.t - up.t0 : 0;
    const lateUp = up.samples.filter((s) => s.t >= up.t0 + bound);
    checkLate(lateUp, WEBS, `after ${bound} s with the web servers back, requests fail or reach ${SORRY}`);
    check(
      WEBS.every((w) => lateUp.some((s) => s.host === w)),
      `not every web server answers after their return: ${counts(lateUp)}`,
    );
    return {
      figures: `fallback answers after ${seconds(fallbackIn)}, gone after ${seconds(gone)} (bound ${bound} s)`,
      detail: `all down, after the bound: ${counts(lateDown)}, lb1's table ${fallbackRule.trim()}; all back, after the bound: ${counts(lateUp)}`,
    };
  });

  // Last: it leaves lb1 on the quiesce stack's configuration.
  await run("vm.ld-lb.quiesce", "ld-lb: onFailure quiesce after 2 failed checks: web2 kept at weight 0, then back to 1", async () => {
    const web2 = LD_LB.webServers[1].privateAddress;
    const config = quiesceConfig(payloads.lb1, payloads.quiesceLb1);
    const encoded = Buffer.from(config).toString("base64");
    await lab.execOk("lb1", `echo ${encoded} | base64 -d > ${LDIRECTORD_CONF_PATH} && ${LDIRECTORD_SETTLE_PATH} restart`, {
      timeoutMs: 120_000,
    });
    const settled = await settle(lab);
    check(settled !== undefined, `ldirectord on lb1 did not install web1 and web2 within ${SETTLE_LIMIT_S} s of the restart`);
    const since = (await lab.execOk("lb1", "date +%s")).trim();
    const qBound = LD_LB_QUIESCE_BOUND_S;
    // Enough samples after the bound to judge, no more: this scenario runs in CI's longest lane.
    const down = await watchWhile(lab, qBound + 4, () => apache(lab, ["web2"], "stop"));
    const lateDown = down.samples.filter((s) => s.t >= down.t0 + qBound);
    checkLate(lateDown, ["web1"], `after ${qBound} s, requests still fail or reach web2`);
    const weightDown = await web2Weight(lab);
    check(weightDown === 0, `web2 should stay in lb1's table at weight 0 (quiescent), found ${weightDown ?? "no entry"}`);
    const journal = (await lab.execOk("lb1", `journalctl -b -t ldirectord -o cat --no-pager --since @${since}`))
      .split("\n")
      .filter((l) => l.includes(`${web2}:80`));
    const soft = journal.findIndex(
      (l) => l.includes("Soft failure real server") && l.includes(`failure 1/${LD_LB_QUIESCE.failuresBeforeDown}`),
    );
    const quiesced = journal.findIndex((l) => l.includes("Quiescent real server") && l.includes("Weight set to 0"));
    check(soft >= 0 && quiesced > soft, `ldirectord's journal should show a soft failure 1/2, then the quiescing:\n${journal.join("\n")}`);
    const firstDown = down.samples.find(notFrom("web1", down.t0));
    const lastDown = [...down.samples].reverse().find(notFrom("web1", down.t0));

    const up = await watchWhile(lab, bound + 1, () => apache(lab, ["web2"], "start"));
    const back = firstAnswerFrom(up, "web2");
    check(back !== undefined && back <= bound, `web2 not back through the VIP within ${bound} s (first answer: ${seconds(back)})`);
    const weightUp = await web2Weight(lab);
    check(weightUp === 1, `web2's weight after its return: ${weightUp ?? "no entry"}, expected 1`);
    return {
      figures: `web2 refused from ${seconds(firstDown ? firstDown.t - down.t0 : undefined)} to ${seconds(lastDown ? lastDown.t - down.t0 : 0)} after the stop (bound ${qBound} s: 2 × 3 + 3 + 1), back ${seconds(back)} after the start`,
      detail: `after the bound ${counts(lateDown)}; lb1's table kept web2 at weight 0, then 1; journal: ${journal[soft]} | ${journal[quiesced]}`,
    };
  });
}
