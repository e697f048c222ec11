// The package's public API: what an app that builds these topologies imports. Internal helpers
// (the planner's checks, MAC and name derivation, field renaming) stay behind it. The pure renderers
// (ha.cf, authkeys, ipvsadm rules, network-config, ...) are their own entry: `cdktf-ha-web/lib/cloud-init`.

// Topology constructs, their props and what they build.
export { Cluster, TopologyConstruct } from "./constructs/cluster";
export type { ClusterProps, DeployedTopology, TopologyRequest } from "./constructs/cluster";
export { HeartbeatPair } from "./constructs/heartbeat-pair";
export type { HeartbeatPairProps } from "./constructs/heartbeat-pair";
export { IpvsLoadBalancer } from "./constructs/ipvs-load-balancer";
export type { IpvsLoadBalancerProps, RealServerNode } from "./constructs/ipvs-load-balancer";
export { IpvsRules } from "./constructs/ipvs-rules";
export type { LdirectordProps } from "./constructs/ipvs-rules";
export { HaLoadBalancedWeb } from "./constructs/ha-load-balanced-web";
export type { HaLoadBalancedWebProps } from "./constructs/ha-load-balanced-web";
export { WebServer } from "./constructs/web-server";
export type { WebServerProps } from "./constructs/web-server";
export type { FailoverGroupOptions, TopologyBaseProps, VipInput } from "./constructs/topology-props";
export type {
  ClusterDecl,
  FailoverGroupDecl,
  FirewallOptions,
  LoadBalancerDecl,
  LoadBalancerForwarding,
  NetworkDecl,
  NetworkRole,
  NodeDecl,
  PlannedNic,
  PlannedNode,
  PlanOptions,
  RealServerDecl,
  ServiceDecl,
  VipDecl,
  WebNodeDecl,
} from "./constructs/plan";
export { FIREWALL_DEFAULTS } from "./constructs/plan";
export { renderTopologyDiagram } from "./constructs/diagram";

// Validation: one error for the whole app, at synth.
export { checkTopologies } from "./constructs/validation";
export type { CheckedTopology, TopologyClaim } from "./constructs/validation";
export { ConfigError } from "./cloud-init/issues";
export type { ConfigIssue } from "./cloud-init/issues";

// Platforms.
export type { IMachine, IPlatform, MachineSpec } from "./constructs/platform";
export { DEBIAN_12_GENERICCLOUD_URL, LibvirtPlatform } from "./constructs/libvirt-platform";
export type { LibvirtPlatformProps } from "./constructs/libvirt-platform";
export { LibvirtMachine } from "./constructs/libvirt-machine";
export type { LibvirtMachineProps } from "./constructs/libvirt-machine";
export { GUESTINFO_VALUE_LIMIT, VspherePlatform } from "./constructs/vsphere-platform";
export type { VsphereImageSource, VspherePlatformProps } from "./constructs/vsphere-platform";
export { VsphereMachine } from "./constructs/vsphere-machine";
export type { VsphereMachineProps } from "./constructs/vsphere-machine";

// Failover engines: the strategy, Heartbeat's settings and defaults, and what an engine of one's own implements.
export { FailoverEngine } from "./constructs/engines/failover-engine";
export type {
  FailoverGroupCheck,
  FailoverGroupFields,
  FailoverGroupPlan,
  FailoverMember,
  FailoverVip,
  HypervisorView,
  MemberFailover,
  TopologyView,
} from "./constructs/engines/failover-engine";
export type { HeartbeatSettings } from "./constructs/engines/heartbeat/settings";
export { HeartbeatSecret } from "./constructs/engines/heartbeat/secret";
export type { HeartbeatSecretProps } from "./constructs/engines/heartbeat/secret";
export { KEEPALIVED_DEFAULTS, KEEPALIVED_FAST_PROFILE } from "./constructs/engines/keepalived/settings";
export type { KeepalivedHealthCheck, KeepalivedServiceFailover, KeepalivedSettings } from "./constructs/engines/keepalived/settings";
export { HEARTBEAT_FAST_PROFILE, HEARTBEAT_LAB_PROFILE } from "./constructs/heartbeat-profile";
export type { HeartbeatProfile } from "./constructs/heartbeat-profile";
export { HEARTBEAT_DEFAULTS } from "./cloud-init/heartbeat";
export { IssueList } from "./cloud-init/issues";
export type { AuthMethod, HeartbeatMedium, HeartbeatTime, HeartbeatTiming, ServiceFailover } from "./cloud-init/heartbeat";
export type { IpvsScheduler } from "./cloud-init/ipvs";
export { LDIRECTORD_DEFAULTS } from "./cloud-init/ldirectord";
export type { HttpHealthCheck, OnCheckFailure } from "./cloud-init/ldirectord";
export { IPVS_SYNC_DEFAULTS } from "./cloud-init/ipvs-sync";
export type { ConnectionSyncOptions, IpvsSyncConfig } from "./cloud-init/ipvs-sync";
export type { AdminUserConfig, FailoverRole, NodePayload } from "./cloud-init/node-payload";

// Reading a synthesized stack back: each VM's cloud-init documents.
export { readStackJson, resolveTerraformText, synthesizedNodes } from "./constructs/synthesized";
export type { Json, SynthesizedNode } from "./constructs/synthesized";

// The lab presets.
export {
  addPresetStacks,
  HaLbStack,
  HeartbeatApacheStack,
  IpvsNatStack,
  LAB_ADMIN_NETWORKS,
  LAB_NETWORKS,
  LabStack,
  PLATFORMS,
  PRESET_STACKS,
} from "./stacks";
export type { HaLbPresetProps, HeartbeatApacheStackProps, HeartbeatPresetProps, LabStackProps, PlatformChoice } from "./stacks";
