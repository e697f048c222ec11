/**
 * Reads Heartbeat's service monitor (cloud-init/helpers/service-monitor.sh) from its own log lines, so
 * that a lab can hold each of its settings to what the daemon did: `failuresBeforeHandover` is the
 * number of "check k/N failed" lines before the handover, `checkIntervalSeconds` the spacing between
 * them (the monitor sleeps that long between checks), `backoffSeconds` the figure the handover names.
 * Both labs use it: the netns lab on its syslog, the VM lab on the guest's journal.
 */

/** One log line of the monitor and when it was written, in seconds (any epoch). */
export interface MonitorLine {
  readonly t: number;
  readonly text: string;
}

/** The settings the payload wrote (/etc/default/ha-service-monitor). */
export interface MonitorSettings {
  readonly checkS: number;
  readonly failures: number;
  readonly backoffS: number;
}

/** Slack on the spacing: the log's own timestamps and the scheduler, not the monitor's sleep. */
const SPACING_SLACK_S = 0.5;

/**
 * Judges the lines of one handover (those written after the service was stopped). Returns the
 * figures, or throws an Error naming what the log shows instead.
 */
export function judgeMonitorLog(lines: readonly MonitorLine[], settings: MonitorSettings): string {
  const checks = lines.filter((l) => / check \d+\/\d+ failed/.test(` ${l.text}`));
  const handovers = lines.filter((l) => l.text.includes("hb_standby all"));
  const shown = () => lines.map((l) => l.text).join(" | ");
  const expected = Array.from({ length: settings.failures }, (_, i) => `check ${i + 1}/${settings.failures} failed`);
  if (checks.length !== settings.failures || checks.some((l, i) => !l.text.includes(expected[i]))) {
    throw new Error(`want ${expected.join(", ")} before the handover (failuresBeforeHandover ${settings.failures}); the log: ${shown()}`);
  }
  if (handovers.length !== 1) throw new Error(`want one handover, found ${handovers.length}: ${shown()}`);
  const handover = handovers[0];
  const gaps = checks.slice(1).map((l, i) => l.t - checks[i].t);
  const short = gaps.find((g) => g < settings.checkS - SPACING_SLACK_S);
  if (short !== undefined) {
    throw new Error(`checks ${short.toFixed(2)} s apart, want at least ${settings.checkS} s (checkIntervalSeconds): ${shown()}`);
  }
  if (handover.t < checks[checks.length - 1].t) throw new Error(`the handover came before the last failed check: ${shown()}`);
  if (!handover.text.includes(`(${settings.failures} checks)`) || !handover.text.includes(`for ${settings.backoffS} s`)) {
    throw new Error(
      `the handover should name ${settings.failures} checks and a back-off of ${settings.backoffS} s (backoffSeconds): ${handover.text}`,
    );
  }
  return (
    `${settings.failures} failed checks ${gaps.map((g) => g.toFixed(1)).join(" s, ")} s apart (interval ${settings.checkS} s), ` +
    `then the handover with a ${settings.backoffS} s back-off`
  );
}
