export * from "./plan";
export * from "./platform";
export * from "./cluster";
export { checkTopologies, CheckedTopology, TopologyClaim } from "./validation";
export * from "./topology-props";
// Failover engines: the strategy and its factories, then each engine's public parts.
export * from "./engines/failover-engine";
export * from "./engines/heartbeat/settings";
export * from "./engines/heartbeat/secret";
export * from "./heartbeat-pair";
export * from "./ipvs-load-balancer";
export * from "./ha-load-balanced-web";
export * from "./web-server";
export * from "./libvirt-platform";
export * from "./libvirt-machine";
export * from "./vsphere-platform";
export * from "./vsphere-machine";
export * from "./heartbeat-profile";
export * from "./synthesized";
