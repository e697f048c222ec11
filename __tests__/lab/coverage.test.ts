import { OPTION_COVERAGE, UNPROVEN_TODAY } from "../../lab/option-coverage/map";
import { publicOptionPaths } from "../../lab/option-coverage/options";
import { NETNS_SCENARIOS } from "../../lab/netns/scenarios";
import { VM_SCENARIOS } from "../../lab/vm/scenarios";

// Issue 10: an option that changes what a VM runs is not done until a lab has run it on the real daemons.
const paths = publicOptionPaths();
const known = new Set([...NETNS_SCENARIOS, ...VM_SCENARIOS]);

test("the walk reaches the options of every construct, engine and platform", () => {
  // A few from each root: a walk that silently stops (a type it cannot resolve) fails here.
  expect(paths).toEqual(
    expect.arrayContaining([
      "IpvsLoadBalancerProps.scheduler=wrr",
      "HeartbeatSettings.extraMedia[].kind=serial",
      "HeartbeatSettings.authMethod=md5",
      "TopologyBaseProps.interfaceNames.public",
      "HaresourcesConfig.mailTo",
      "KeepalivedSettings.vrrpVersion=2",
      "VipDecl.labelIndex",
      "ServiceDecl.protocol=udp",
      "LibvirtPlatformProps.pool",
      "VspherePlatformProps.datastore",
      "LabStackProps.platform.kind=vsphere",
    ]),
  );
});

test("every map entry names an option the types still have", () => {
  const existing = new Set(paths);
  expect(Object.keys(OPTION_COVERAGE).filter((option) => !existing.has(option))).toEqual([]);
  expect(UNPROVEN_TODAY.filter((option) => !existing.has(option))).toEqual([]);
});

test("every scenario id is one a lab runs, and every entry gives scenarios or a reason", () => {
  const unknown = Object.entries(OPTION_COVERAGE).flatMap(([option, c]) =>
    "scenarios" in c ? c.scenarios.filter((s) => !known.has(s)).map((s) => `${option}: ${s}`) : [],
  );
  expect(unknown).toEqual([]);
  const empty = Object.entries(OPTION_COVERAGE).filter(([, c]) => ("scenarios" in c ? c.scenarios.length === 0 : c.inert.trim() === ""));
  expect(empty.map(([option]) => option)).toEqual([]);
});

test("the options no scenario runs are exactly UNPROVEN_TODAY (the goal: none)", () => {
  const gaps = paths.filter((option) => !(option in OPTION_COVERAGE));
  if (gaps.length > 0) console.log(`options no lab scenario runs yet (${gaps.length}):\n${gaps.join("\n")}`);
  // A new option without an entry, or an option now in the map but still listed, fails here.
  expect(gaps).toEqual([...UNPROVEN_TODAY].sort());
});
