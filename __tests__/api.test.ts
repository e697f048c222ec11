import * as api from "../index";

// The package's runtime exports, pinned: a name joins or leaves the public API only on purpose.
// Types are checked by the consumer test, which compiles an app and the README's blocks against the package.
it("exports the documented surface and no internal helper", () => {
  expect(Object.keys(api).sort()).toEqual([
    "Cluster",
    "ConfigError",
    "DEBIAN_12_GENERICCLOUD_URL",
    "FIREWALL_DEFAULTS",
    "FailoverEngine",
    "GUESTINFO_VALUE_LIMIT",
    "HEARTBEAT_DEFAULTS",
    "HEARTBEAT_FAST_PROFILE",
    "HEARTBEAT_LAB_PROFILE",
    "HaLbStack",
    "HaLoadBalancedWeb",
    "HeartbeatApacheStack",
    "HeartbeatPair",
    "HeartbeatSecret",
    "IPVS_SYNC_DEFAULTS",
    "IpvsLoadBalancer",
    "IpvsNatStack",
    "IpvsRules",
    "IssueList",
    "KEEPALIVED_DEFAULTS",
    "KEEPALIVED_FAST_PROFILE",
    "LAB_ADMIN_NETWORKS",
    "LAB_NETWORKS",
    "LDIRECTORD_DEFAULTS",
    "LabStack",
    "LibvirtMachine",
    "LibvirtPlatform",
    "PLATFORMS",
    "PRESET_STACKS",
    "TopologyConstruct",
    "VsphereMachine",
    "VspherePlatform",
    "WebServer",
    "addPresetStacks",
    "checkTopologies",
    "readStackJson",
    "renderTopologyDiagram",
    "resolveTerraformText",
    "synthesizedNodes",
  ]);
  for (const internal of [
    "planCluster",
    "deployTopology",
    "shapeIssues",
    "inUserWords",
    "namedVariable",
    "derivedMacBytes",
    "renderHaCf",
  ]) {
    expect(api).not.toHaveProperty(internal);
  }
});
