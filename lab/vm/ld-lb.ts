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
import { LD_LB, LD_LB_BOUND_S } from "../common/ld-lb-stack";
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
  /** The host that answered, or "failed". */
  readonly host: string;
}

/** The client loop's own bound, should the lab die before it writes the end file. */
const WATCH_LIMIT_S = 300;

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
      `page=$(curl -s --max-time 1 ${VIP_URL}); ` +
      `host=$(printf '%s' "$page" | sed -n 's:.*<h1>\\(.*\\)</h1>.*:\\1:p'); echo "$t \${host:-failed}"; sleep 0.1; done`;
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

export async function ldLbScenarios(lab: VmLab, run: ScenarioRunner): Promise<void> {
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
    const badDown = afterDown.filter((s) => s.host !== "web1");
    // Detection: from the stop to the last request that was not answered by web1.
    const detection = badDown.length ? badDown[badDown.length - 1].t - down.t0 : 0;
    const lateDown = afterDown.filter((s) => s.t >= down.t0 + bound);
    check(lateDown.length >= 10, `too few requests after the bound to judge (${lateDown.length})`);
    check(
      lateDown.every((s) => s.host === "web1"),
      `after ${bound} s, requests still fail or reach web2: ${counts(lateDown)}`,
    );
    const rulesDown = await rulesOn(lab, "lb1");
    check(!rulesDown.includes(`${LD_LB.webServers[1].privateAddress}:80`), `web2 is still in lb1's table:\n${rulesDown}`);

    const up = await watchWhile(lab, WATCH_AFTER_S, () => apache(lab, ["web2"], "start"));
    const firstWeb2 = up.samples.find((s) => s.t >= up.t0 && s.host === "web2");
    const back = firstWeb2 ? firstWeb2.t - up.t0 : undefined;
    check(back !== undefined && back <= bound, `web2 not back through the VIP within ${bound} s (first answer: ${seconds(back)})`);
    const lateUp = up.samples.filter((s) => s.t >= up.t0 + bound);
    check(
      lateUp.every((s) => WEBS.includes(s.host)),
      `after web2's return, requests fail or reach the fallback: ${counts(lateUp)}`,
    );
    return {
      figures: `detection ${seconds(detection)} (bound ${bound} s), return ${seconds(back)}; settled ${seconds(settled)} after boot`,
      detail:
        `after the stop ${counts(afterDown)}, after the bound web1 only (${lateDown.length} requests); ` +
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
      check(lateDown.length >= 10, `too few requests after the bound to judge (${lateDown.length})`);
      check(
        lateDown.every((s) => s.host === "web1"),
        `after ${bound} s, requests still reach web2's changed page or fail: ${counts(lateDown)}`,
      );
      const healthz = await lab.execOk("web2", "curl -s http://127.0.0.1/healthz");
      const up = await watchWhile(lab, WATCH_AFTER_S, () => lab.execOk("web2", `mv ${kept} ${page}`));
      restored = true;
      const firstWeb2 = up.samples.find((s) => s.t >= up.t0 && s.host === "web2");
      const back = firstWeb2 ? firstWeb2.t - up.t0 : undefined;
      check(
        back !== undefined && back <= bound,
        `web2 not back through the VIP within ${bound} s of its page's return (first answer: ${seconds(back)})`,
      );
      const lastOther = [...down.samples].reverse().find((s) => s.t >= down.t0 && s.host !== "web1");
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
    const firstSorry = down.samples.find((s) => s.t >= down.t0 && s.host === SORRY);
    const fallbackIn = firstSorry ? firstSorry.t - down.t0 : undefined;
    const lateDown = down.samples.filter((s) => s.t >= down.t0 + bound);
    check(lateDown.length >= 10, `too few requests after the bound to judge (${lateDown.length})`);
    check(
      lateDown.every((s) => s.host === SORRY),
      `after ${bound} s with every web server down, not all requests reach ${SORRY}: ${counts(lateDown)}`,
    );
    const up = await watchWhile(lab, WATCH_AFTER_S, () => apache(lab, WEBS, "start"));
    const afterUp = up.samples.filter((s) => s.t >= up.t0);
    const lastSorry = [...afterUp].reverse().find((s) => s.host === SORRY);
    const gone = lastSorry ? lastSorry.t - up.t0 : 0;
    const lateUp = up.samples.filter((s) => s.t >= up.t0 + bound);
    check(lateUp.length >= 10, `too few requests after the bound to judge (${lateUp.length})`);
    check(
      lateUp.every((s) => WEBS.includes(s.host)),
      `after ${bound} s with the web servers back, requests fail or reach ${SORRY}: ${counts(lateUp)}`,
    );
    check(
      WEBS.every((w) => lateUp.some((s) => s.host === w)),
      `not every web server answers after their return: ${counts(lateUp)}`,
    );
    return {
      figures: `fallback answers after ${seconds(fallbackIn)}, gone after ${seconds(gone)} (bound ${bound} s)`,
      detail: `all down, after the bound: ${counts(lateDown)}; all back, after the bound: ${counts(lateUp)}`,
    };
  });
}
