import { judgeMonitorLog, type MonitorLine } from "../../lab/common/service-monitor-log";

const settings = { checkS: 3, failures: 3, backoffS: 90 };
const handover = "failed: apache2 (3 checks): hb_standby all; no handover from this node for 90 s";
const lines = (checkTimes: number[], text = handover): MonitorLine[] => [
  ...checkTimes.map((t, i) => ({ t, text: `check ${i + 1}/${checkTimes.length} failed: apache2` })),
  { t: checkTimes[checkTimes.length - 1] + 0.2, text },
];

it("reads the failures, the interval and the back-off from the monitor's own lines", () => {
  expect(judgeMonitorLog(lines([100, 103.1, 106.3]), settings)).toBe(
    "3 failed checks 3.1 s, 3.2 s apart (interval 3 s), then the handover with a 90 s back-off",
  );
});

it("fails on the daemon's defaults: two checks, 2 s apart, a 60 s back-off", () => {
  expect(() => judgeMonitorLog(lines([100, 102]), settings)).toThrow("want check 1/3 failed, check 2/3 failed, check 3/3 failed");
  expect(() => judgeMonitorLog(lines([100, 102, 104]), settings)).toThrow("checks 2.00 s apart, want at least 3 s");
  expect(() => judgeMonitorLog(lines([100, 103, 106], handover.replace("90 s", "60 s")), settings)).toThrow("a back-off of 90 s");
});

it("wants exactly one handover", () => {
  const twice = [...lines([100, 103, 106]), { t: 120, text: handover }];
  expect(() => judgeMonitorLog(twice, settings)).toThrow("want one handover, found 2");
});
