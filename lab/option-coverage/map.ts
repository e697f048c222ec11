/**
 * The option coverage map: for every public option path (options.ts reads them from the types), the
 * lab scenarios that run it on real daemons, or why it does not change what a VM runs. This file is
 * the only hand-kept part; __tests__/lab/coverage.test.ts fails when it and the types disagree.
 *
 * An option counts as run when a scenario's payload sets it (a preset's explicit value, or the
 * entry's own value such as `=false`) and the scenario's checks would fail if the daemons did not
 * honour it; a free-form option left at its default is not proven by that run.
 */
import {
  BCAST_OPTIONS_STACK,
  FAILBACK_OFF_STACK,
  FAST_PROFILE_STACK,
  FENCING_STACK,
  MCAST_OPTIONS_STACK,
  SERIAL_OPTIONS_STACK,
  SERVICE_FAILOVER_STACK,
  UCAST_OPTIONS_STACK,
} from "../common/stack-names";
import { FENCING_SCENARIO, KEEPALIVED_SCENARIO, KEEPALIVED_VARIANT, NetnsScenarioId, scenarioId } from "../netns/scenarios";
import type { VmScenarioId } from "../vm/scenarios";

export type Coverage =
  /** Scenario ids from NETNS_SCENARIOS or VM_SCENARIOS. */
  | { readonly scenarios: readonly string[]; readonly note?: string }
  /** Does not change a VM's files, packages or services: the one-line reason. */
  | { readonly inert: string };

const id = (variant: string, scenario: NetnsScenarioId) => scenarioId(variant, scenario);
const LAB = "heartbeat-apache-libvirt";
const HB_COLD = id(LAB, "cold-start");
const HB_CRASH = id(LAB, "crash-primary");
const HB_PATH_CUT = id(LAB, "private-path-cut");
const FAILBACK_ON = id(LAB, "primary-returns");
const FAILBACK_OFF = id(FAILBACK_OFF_STACK, "primary-returns");
const LABEL_COLD = id(FAILBACK_OFF_STACK, "cold-start");
const FAST_CRASH = id(FAST_PROFILE_STACK, "crash-primary");
const SERVICE_FAILOVER = id(SERVICE_FAILOVER_STACK, "service-failover");
/** SERVICE_FAILOVER_LAB_SETTINGS (3 s, 3 checks, 90 s), each read back from the monitor's log by judgeMonitorLog. */
const MONITOR_NOTE = "3 s, 3, 90 s in the service-failover stack";
const FENCED_CUT = scenarioId(FENCING_STACK, FENCING_SCENARIO.cutWithFencing);
const FENCING_WATCHDOG = scenarioId(FENCING_STACK, FENCING_SCENARIO.watchdog);
const BCAST = (s: NetnsScenarioId) => id(BCAST_OPTIONS_STACK, s);
const MCAST = (s: NetnsScenarioId) => id(MCAST_OPTIONS_STACK, s);
const SERIAL = (s: NetnsScenarioId) => id(SERIAL_OPTIONS_STACK, s);
const UCAST = (s: NetnsScenarioId) => id(UCAST_OPTIONS_STACK, s);
const KA_CRASH = scenarioId(KEEPALIVED_VARIANT, KEEPALIVED_SCENARIO.crash);
const KA_RETURN = scenarioId(KEEPALIVED_VARIANT, KEEPALIVED_SCENARIO.return);
const KA_SERVICE_FAILOVER = scenarioId(KEEPALIVED_VARIANT, KEEPALIVED_SCENARIO.serviceFailover);
const KA_PARTITION = scenarioId(KEEPALIVED_VARIANT, KEEPALIVED_SCENARIO.partition);
/** keepalived's own state dump on both nodes; the `options` profile sets every VRRP setting away from its default. */
const KA_SETTINGS = scenarioId(KEEPALIVED_VARIANT, KEEPALIVED_SCENARIO.settings);
const KA_OPTIONS = "keepalived lab, options profile";
const VM_NAT: VmScenarioId = "vm.ipvs-nat.rr";
const VM_HALB: VmScenarioId = "vm.ha-lb.rr";
const VM_HALB_CRASH: VmScenarioId = "vm.ha-lb.director-failover";
const VM_HB: VmScenarioId = "vm.heartbeat-apache.failover";
const VM_WATCHDOG: VmScenarioId = "vm.watchdog.reset";
const VM_KA_LB_CRASH: VmScenarioId = "vm.ka-lb.director-failover";
/** The ka-lb stack sets every health check field away from its default (lab/common/ka-lb-stack.ts). */
const VM_KA_LB_CHECK: VmScenarioId = "vm.ka-lb.health-check";
/** qemu tier only: UML's kernel has no nftables ip/inet families (test:all runs ipvs-nat on qemu for it). */
const VM_NAT_FIREWALL: VmScenarioId = "vm.ipvs-nat.firewall";
const VM_HALB_FIREWALL: VmScenarioId = "vm.ha-lb.firewall";
const VM_SCHEDULERS: VmScenarioId = "vm.ipvs-options.schedulers";
/** ha-lb-sync (UML): sync on, a download survives lb1's crash; then the daemons stopped at runtime, and it breaks. */
const VM_SYNC: readonly VmScenarioId[] = ["vm.ha-lb-sync.survives", "vm.ka-lb.sync-survives", "vm.ha-lb.download-breaks"];
const SYNC_NOTE = "Heartbeat's ipvs-sync resource (ha-lb-sync) and keepalived's lvs_sync_daemon (ka-lb)";
/** connectionSync: false is the default: every other director pair runs it; a unit test shows it byte-identical to leaving it out. */
const SYNC_OFF = {
  scenarios: [VM_HALB, "vm.ka-lb.rr"] as VmScenarioId[],
  note: "the default; byte-identical to leaving it out (unit test)",
};
const VM_WRR: VmScenarioId = "vm.ipvs-options.wrr-weights";
const VM_PERSISTENCE: VmScenarioId = "vm.ipvs-options.persistence";
const VM_UDP: VmScenarioId = "vm.ipvs-options.udp";
const VM_GUEST_SETTINGS: VmScenarioId = "vm.ipvs-options.guest-settings";
const VM_DR_RR: VmScenarioId = "vm.ipvs-dr.rr";
const VM_DR_INBOUND: VmScenarioId = "vm.ipvs-dr.inbound-only";
/** ld-lb: the ldirectord service on one director (checkinterval 3, negotiatetimeout 3), web1/web2 and the fallback sorry1. */
const VM_LD_DEAD: VmScenarioId = "vm.ld-lb.dead-real-server";
const VM_LD_FALLBACK: VmScenarioId = "vm.ld-lb.fallback";
/** ld-lb, then the ld-lb-quiesce stack's ldirectord.cf installed on its director (the only file of lb1's payload that differs). */
const VM_LD_QUIESCE: VmScenarioId = "vm.ld-lb.quiesce";
/** Schedulers other than the presets' rr: each rendered by the product's rule builder, restored into a live kernel and read back. */
const OTHER_SCHEDULERS = ["dh", "lblc", "lblcr", "lc", "nq", "sed", "sh", "wlc", "wrr"] as const;
const schedulerEntries = (owner: string, note: string) =>
  Object.fromEntries(
    OTHER_SCHEDULERS.map((s) => [`${owner}.scheduler=${s}`, { scenarios: s === "wrr" ? [VM_SCHEDULERS, VM_WRR] : [VM_SCHEDULERS], note }]),
  );
/** Every VM lab topology: its boot check compares each VM's addresses, interface names and default route with its network-config. */
const VM_BOOT = [VM_NAT, VM_HALB, VM_HB];

const HOST_SIDE = "names or places an object on the hypervisor host; nothing inside the VM";
const HARDWARE = "virtual hardware, not files, packages or services";
const SECRET_SOURCE = "where Terraform takes the authkeys secret from; the VM gets the same authkeys file either way";

export const OPTION_COVERAGE: Readonly<Record<string, Coverage>> = {
  "AdminUserConfig.name": {
    scenarios: [VM_GUEST_SETTINGS],
    note: "ipvs-options: `ops`; the lab logs in as it, with sudo, and no `admin` user exists",
  },
  // Engines and their timing.
  "FailoverEngine.heartbeat()": { scenarios: [HB_CRASH, VM_HB, VM_HALB_CRASH] },
  "FailoverEngine.keepalived()": { scenarios: [KA_CRASH, VM_KA_LB_CRASH] },
  "FailoverGroupOptions.failover": { scenarios: [HB_CRASH, VM_HB] },
  "HeartbeatPresetProps.failover": { scenarios: [FAST_CRASH, SERVICE_FAILOVER] },
  "ClusterDecl.failover": { scenarios: [KA_CRASH] },
  "HeartbeatTiming.keepalive": { scenarios: [HB_CRASH, FAST_CRASH] },
  "HeartbeatTiming.deadtime": { scenarios: [HB_CRASH, FAST_CRASH] },
  "HeartbeatTiming.warntime": { scenarios: [HB_CRASH, FAST_CRASH] },
  "HeartbeatTiming.initdead": { scenarios: [HB_COLD] },
  "HeartbeatSettings.heartbeatNetworks[]=private": { scenarios: [HB_PATH_CUT] },
  "HeartbeatSettings.heartbeatNetworks[]=public": { scenarios: [HB_PATH_CUT] },
  "HeartbeatSettings.authMethod=sha1": { scenarios: [HB_COLD, VM_HB], note: "the default" },
  "AuthkeysConfig.allowInsecureCrc=false": { scenarios: [HB_COLD], note: "the default" },
  "HeartbeatSettings.secret": { inert: SECRET_SOURCE },
  "HeartbeatSecretProps.variableName": { inert: SECRET_SOURCE },
  "HeartbeatSettings.watchdog=false": { scenarios: [HB_COLD], note: "the default" },
  "HeartbeatSettings.watchdog=true": { scenarios: [FENCING_WATCHDOG, VM_WATCHDOG] },
  "LibvirtFencing.kind=libvirt": { scenarios: [FENCED_CUT] },
  "LibvirtFencing.hypervisorUri": { scenarios: [FENCED_CUT], note: "the lab's stand-in virsh" },
  "HeartbeatHelperSettings.serviceFailover=false": { scenarios: [HB_COLD], note: "the default" },
  "HeartbeatHelperSettings.serviceFailover={}": { scenarios: [SERVICE_FAILOVER, "vm.heartbeat-sf.service-failover"] },
  "ServiceFailover.checkIntervalSeconds": {
    scenarios: [SERVICE_FAILOVER, "vm.heartbeat-sf.service-failover"],
    note: `${MONITOR_NOTE}: the failed checks at least 3 s apart`,
  },
  "ServiceFailover.failuresBeforeHandover": {
    scenarios: [SERVICE_FAILOVER, "vm.heartbeat-sf.service-failover"],
    note: `${MONITOR_NOTE}: check 1/3, 2/3, 3/3 failed, then the handover`,
  },
  "ServiceFailover.backoffSeconds": {
    scenarios: [SERVICE_FAILOVER, "vm.heartbeat-sf.service-failover"],
    note: `${MONITOR_NOTE}: the handover names a 90 s back-off`,
  },
  "HeartbeatHelperSettings.garpRefreshSeconds": {
    scenarios: [UCAST("helpers")],
    note: "4 s: the holder runs the refresher and the client counts its announcements in bursts 4 s apart",
  },
  "HeartbeatHelperSettings.garpRefreshSeconds=false": {
    scenarios: [SERIAL("helpers")],
    note: "no node runs the refresher, and the holder does not announce the VIP for 7 s",
  },
  "HeartbeatHelperSettings.reclaimAfterSeconds=false": { scenarios: [SERIAL("helpers")], note: "no node runs the reclaimer" },
  "HaCfConfig.ipfail=false": { scenarios: [HB_COLD], note: "the default" },
  "HaCfConfig.ipfail=true": { scenarios: [MCAST("ping-node-cut")] },
  "HaCfConfig.pingNodes[]": { scenarios: [MCAST("ping-node-cut")], note: "the router" },
  "HaCfConfig.udpport": { scenarios: [BCAST("udpport"), BCAST("medium-links")], note: "1694" },
  "HaresourcesConfig.mailTo": { scenarios: [MCAST("mail-on-takeover")] },
  "HeartbeatSettings.mailRelay": { scenarios: [MCAST("mail-on-takeover")], note: "the router's SMTP sink" },
  "HeartbeatSettings.authMethod=md5": { scenarios: [BCAST("auth-method")] },
  "HeartbeatSettings.authMethod=crc": { scenarios: [MCAST("auth-method")] },
  "AuthkeysConfig.allowInsecureCrc=true": { scenarios: [MCAST("auth-method")] },
  "HeartbeatSettings.extraMedia[].kind=bcast": { scenarios: [BCAST("medium-links"), BCAST("crash-primary")], note: "alone" },
  "HeartbeatSettings.extraMedia[].kind=bcast.interfaces[]": { scenarios: [BCAST("medium-links")] },
  "HeartbeatSettings.extraMedia[].kind=mcast": { scenarios: [MCAST("medium-links"), MCAST("crash-primary")], note: "alone" },
  "HeartbeatSettings.extraMedia[].kind=mcast.interface": { scenarios: [MCAST("medium-links")] },
  "HeartbeatSettings.extraMedia[].kind=mcast.group": { scenarios: [MCAST("medium-links")] },
  "HeartbeatSettings.extraMedia[].kind=mcast.ttl": { scenarios: [MCAST("medium-links")] },
  "HeartbeatSettings.extraMedia[].kind=mcast.loop=false": { scenarios: [MCAST("medium-links")] },
  "HeartbeatSettings.extraMedia[].kind=mcast.loop=true": { scenarios: [UCAST("medium-links")], note: "beside ucast on the other network" },
  "HeartbeatSettings.extraMedia[].kind=mcast.port": {
    scenarios: [UCAST("udpport"), UCAST("medium-links")],
    note: "1695: heartbeat listens there, the link is up",
  },
  "HeartbeatSettings.extraMedia[].kind=ucast": {
    scenarios: [UCAST("medium-links"), UCAST("crash-primary")],
    note: "one line per node's public address; each node skips its own",
  },
  "HeartbeatSettings.extraMedia[].kind=ucast.interface": { scenarios: [UCAST("medium-links")] },
  "HeartbeatSettings.extraMedia[].kind=ucast.peer": { scenarios: [UCAST("medium-links")] },
  "HeartbeatSettings.extraMedia[].kind=serial": {
    scenarios: [SERIAL("medium-links"), SERIAL("crash-primary")],
    note: "alone, a socat pty pair",
  },
  "HeartbeatSettings.extraMedia[].kind=serial.device": { scenarios: [SERIAL("medium-links")] },
  "FailoverGroupOptions.preferredNode": { scenarios: [BCAST("vips-preferred-node"), BCAST("cold-start")], note: "srv2" },
  "KeepalivedSettings.vrrpVersion=3": { scenarios: [KA_CRASH] },
  "KeepalivedHealthCheck.delayLoopSeconds": {
    scenarios: [VM_KA_LB_CHECK],
    note: "2 s: keepalived runs it; the removal and return are held to the bound it is part of",
  },
  "KeepalivedHealthCheck.connectTimeoutSeconds": { scenarios: [VM_KA_LB_CHECK], note: "1 s: part of the bound" },
  "KeepalivedHealthCheck.retry": { scenarios: [VM_KA_LB_CHECK], note: "2: keepalived logs giving up after 2 retries" },
  "KeepalivedHealthCheck.path": { scenarios: [VM_KA_LB_CHECK], note: "/index.html: removing that page alone takes the server out" },
  "KeepalivedSettings.serviceFailover={}": { scenarios: [KA_SERVICE_FAILOVER] },
  "KeepalivedSettings.advertIntervalSeconds": { scenarios: [KA_CRASH], note: "fast profile" },
  "KeepalivedSettings.vrrpNetwork=private": { scenarios: [KA_CRASH], note: "the default" },
  "KeepalivedSettings.vrrpNetwork=public": {
    scenarios: [KA_SETTINGS, KA_PARTITION],
    note: `${KA_OPTIONS}: the cut of the public segment makes both nodes master`,
  },
  "KeepalivedSettings.vrrpVersion=2": { scenarios: [KA_SETTINGS, KA_CRASH], note: KA_OPTIONS },
  "KeepalivedSettings.virtualRouterId": { scenarios: [KA_SETTINGS, KA_CRASH], note: `${KA_OPTIONS}: 73` },
  "KeepalivedSettings.preferredPriority": {
    scenarios: [KA_SETTINGS, KA_RETURN],
    note: `${KA_OPTIONS}: 200, and the preferred node preempts`,
  },
  "KeepalivedSettings.otherPriority": { scenarios: [KA_SETTINGS, KA_CRASH], note: `${KA_OPTIONS}: 120` },
  "KeepalivedSettings.garpMasterRefreshSeconds": {
    scenarios: [KA_SETTINGS],
    note: `${KA_OPTIONS}: keepalived runs a 5 s refresh timer; the gratuitous ARPs themselves are not counted`,
  },
  "KeepalivedServiceFailover.services[]": { scenarios: [KA_SETTINGS, KA_SERVICE_FAILOVER], note: `${KA_OPTIONS}: [apache2]` },
  "KeepalivedServiceFailover.intervalSeconds": {
    scenarios: [KA_SETTINGS, KA_SERVICE_FAILOVER],
    note: `${KA_OPTIONS}: 1 s, fall 3 (bound 4.5 s)`,
  },
  "KeepalivedServiceFailover.fall": { scenarios: [KA_SETTINGS, KA_SERVICE_FAILOVER], note: `${KA_OPTIONS}: 3` },
  "KeepalivedServiceFailover.rise": { scenarios: [KA_SETTINGS, KA_SERVICE_FAILOVER], note: `${KA_OPTIONS}: 3, then the failback` },

  // The failover group.
  "FailoverGroupOptions.autoFailback=true": { scenarios: [FAILBACK_ON] },
  "FailoverGroupOptions.autoFailback=false": { scenarios: [FAILBACK_OFF] },
  "FailoverGroupDecl.autoFailback=true": { scenarios: [FAILBACK_ON, KA_RETURN] },
  "FailoverGroupDecl.autoFailback=false": { scenarios: [FAILBACK_OFF, KA_RETURN], note: "keepalived: fast-nopreempt profile" },
  "FailoverGroupDecl.nodes[]": { scenarios: [KA_CRASH, HB_CRASH] },
  "FailoverGroupDecl.preferredNode": { scenarios: [KA_RETURN] },
  "FailoverGroupDecl.resources[]": { scenarios: [HB_CRASH], note: "through HeartbeatPair.resources" },
  "HeartbeatPairProps.resources[]": { scenarios: [HB_CRASH, VM_HB] },
  "HeartbeatPairProps.serveWeb=true": { scenarios: [HB_CRASH, VM_HB], note: "the default" },
  "HeartbeatPairProps.vips[]": { scenarios: [HB_CRASH, VM_HB] },
  "HeartbeatPairProps.vips[]={}": { scenarios: [LABEL_COLD] },
  "VipDecl.address": { scenarios: [LABEL_COLD, KA_CRASH] },
  "VipDecl.labelIndex": { scenarios: [LABEL_COLD, KA_CRASH] },
  "VipDecl.network=public": { scenarios: [HB_CRASH, VM_HB] },
  "VipDecl.network=private": {
    scenarios: [BCAST("vips-preferred-node"), BCAST("crash-primary")],
    note: "192.168.200.20 on the private NIC (ip -o addr), beside the public VIP; both move to the peer on a crash",
  },

  // IPVS.
  "IpvsLoadBalancerProps.vip": { scenarios: [VM_NAT] },
  "IpvsLoadBalancerProps.port": { scenarios: [VM_NAT] },
  "IpvsLoadBalancerProps.scheduler=rr": { scenarios: [VM_NAT] },
  "IpvsLoadBalancerProps.gatewayVip": { scenarios: [VM_HALB_CRASH], note: "through HaLoadBalancedWeb" },
  "HaLoadBalancedWebProps.vip": { scenarios: [VM_HALB, VM_HALB_CRASH] },
  "HaLoadBalancedWebProps.gatewayVip": { scenarios: [VM_HALB, VM_HALB_CRASH] },
  "HaLoadBalancedWebProps.scheduler=rr": { scenarios: [VM_HALB] },
  "RealServerNode.weight": { scenarios: [VM_NAT], note: "weight 1: ipvsadm-save -n read back" },
  "IpvsLoadBalancerProps.forwarding=masquerade": { scenarios: [VM_NAT], note: "the default: -m read back, pages through the director" },
  "IpvsLoadBalancerProps.forwarding=gatewaying": { scenarios: [VM_DR_RR, VM_DR_INBOUND] },
  "HaLoadBalancedWebProps.forwarding=masquerade": { scenarios: [VM_HALB], note: "the default" },
  "LoadBalancerDecl.forwarding=masquerade": { scenarios: [VM_NAT], note: "through IpvsLoadBalancer" },
  "LoadBalancerDecl.forwarding=gatewaying": { scenarios: [VM_DR_RR, VM_DR_INBOUND], note: "through IpvsLoadBalancer" },
  "LoadBalancerDecl.vip": { scenarios: [VM_NAT], note: "through IpvsLoadBalancer" },
  "LoadBalancerDecl.directors[]": { scenarios: [VM_NAT, VM_HALB_CRASH], note: "through IpvsLoadBalancer" },
  "LoadBalancerDecl.gatewayVip": { scenarios: [VM_HALB_CRASH], note: "through HaLoadBalancedWeb" },
  "LoadBalancerDecl.rules": { scenarios: [VM_LD_DEAD, VM_LD_FALLBACK], note: "through IpvsLoadBalancer" },
  "IpvsLoadBalancerProps.rules": {
    scenarios: [VM_LD_DEAD, VM_LD_FALLBACK],
    note: "one director: the ldirectord service; a pair's ldirectord::ldirectord.cf resource is unit-tested only",
  },
  "IpvsRules.staticRestore()": { scenarios: [VM_NAT, VM_HALB_CRASH], note: "the default: byte-identical to leaving rules out (unit test)" },
  "IpvsRules.ldirectord()": { scenarios: [VM_LD_DEAD, VM_LD_FALLBACK] },
  "HttpHealthCheck.path": {
    scenarios: ["vm.ld-lb.checked-page"],
    note: "/index.html: /healthz would not match the expect pattern, so the servers get in only through it",
  },
  "HttpHealthCheck.expect": {
    scenarios: ["vm.ld-lb.checked-page"],
    note: '"<h1>web": web2 answering 200 with other text leaves the table',
  },
  "HttpHealthCheck.intervalSeconds": { scenarios: [VM_LD_DEAD], note: "3 s: detection within interval + timeout + 1 s" },
  "HttpHealthCheck.responseTimeoutSeconds": { scenarios: [VM_LD_DEAD], note: "3 s (negotiatetimeout)" },
  "HttpHealthCheck.connectTimeoutSeconds": {
    scenarios: [VM_LD_DEAD],
    note: "3 s (checktimeout, written; the HTTP check uses negotiatetimeout)",
  },
  "LdirectordProps.onFailure=remove": { scenarios: [VM_LD_DEAD], note: "the default, always written: web2 leaves lb1's table" },
  "LdirectordProps.onFailure=quiesce": {
    scenarios: [VM_LD_QUIESCE],
    note: "the quiesce stack's ldirectord.cf on the booted director: web2 kept at weight 0, no request reaches it",
  },
  "HttpHealthCheck.failuresBeforeDown": {
    scenarios: [VM_LD_QUIESCE],
    note: "2: ldirectord logs a soft failure 1/2 before quiescing web2, within 2 × interval + timeout + 1 s",
  },
  "LdirectordProps.fallback.port": {
    scenarios: [VM_LD_FALLBACK],
    note: "8080: sorry1's Apache listens there from its payload; lb1's live table names 192.168.200.30:8080",
  },
  "ServiceDecl.port": { scenarios: [VM_NAT], note: "through IpvsLoadBalancer" },
  "ServiceDecl.protocol=tcp": { scenarios: [VM_NAT], note: "the default" },
  "ServiceDecl.scheduler=rr": { scenarios: [VM_NAT], note: "through IpvsLoadBalancer" },
  "RealServerDecl.node": { scenarios: [VM_NAT], note: "through IpvsLoadBalancer" },
  "RealServerDecl.weight": { scenarios: [VM_NAT, VM_WRR], note: "through IpvsLoadBalancer" },
  ...schedulerEntries("IpvsLoadBalancerProps", "rendered, restored into a live kernel, read back with ipvsadm-save -n"),
  ...schedulerEntries("ServiceDecl", "through IpvsLoadBalancer (port, scheduler, persistence, protocol)"),
  ...schedulerEntries("HaLoadBalancedWebProps", "the same ServiceDecl and rule builder as IpvsLoadBalancer"),
  "HaLoadBalancedWebProps.port": { scenarios: [VM_PERSISTENCE], note: "the same ServiceDecl.port; port 8080 onto the real servers' 80" },
  "IpvsLoadBalancerProps.persistence": { scenarios: [VM_SCHEDULERS, VM_PERSISTENCE] },
  "ServiceDecl.persistence": { scenarios: [VM_PERSISTENCE], note: "extraServices" },
  "ServiceDecl.protocol=udp": { scenarios: [VM_UDP] },
  "RealServerDecl.port": { scenarios: [VM_PERSISTENCE], note: "8080 on the VIP onto port 80" },

  // IPVS connection sync.
  "HaLoadBalancedWebProps.connectionSync={}": { scenarios: VM_SYNC, note: SYNC_NOTE },
  "HaLbPresetProps.connectionSync={}": { scenarios: VM_SYNC, note: "the ha-lb-sync and ka-lb lab stacks" },
  "HaLbPresetProps.connectionSync=false": SYNC_OFF,
  "HaLoadBalancedWebProps.connectionSync=false": SYNC_OFF,
  "IpvsLoadBalancerProps.connectionSync=false": SYNC_OFF,
  "LoadBalancerDecl.connectionSync=false": SYNC_OFF,
  "ConnectionSyncOptions.syncId": {
    scenarios: ["vm.ka-lb.sync-survives"],
    note: "42 on ka-lb, read back from ipvsadm -L --daemon on both directors",
  },
  "IpvsLoadBalancerProps.connectionSync={}": { scenarios: VM_SYNC, note: `through HaLoadBalancedWeb; ${SYNC_NOTE}` },
  "LoadBalancerDecl.connectionSync={}": { scenarios: VM_SYNC, note: `through HaLoadBalancedWeb; ${SYNC_NOTE}` },

  // The firewall.
  "FirewallOptions.enabled=true": {
    scenarios: [VM_NAT_FIREWALL, VM_HALB_FIREWALL],
    note: "the default; ipvs-nat on qemu in test:all, ha-lb on qemu by hand (UML prints NOT PROVEN)",
  },
  "FirewallOptions.adminNetworks[]": {
    scenarios: [VM_NAT_FIREWALL, VM_HALB_FIREWALL],
    note: "LAB_ADMIN_NETWORKS; ipvs-nat on qemu in test:all, ha-lb on qemu by hand",
  },

  // Nodes and networks.
  "NodeDecl.name": { scenarios: [HB_COLD, ...VM_BOOT] },
  "NodeDecl.publicAddress": { scenarios: VM_BOOT },
  "NodeDecl.privateAddress": { scenarios: VM_BOOT },
  "NodeDecl.cpus": { inert: HARDWARE },
  "NodeDecl.memoryMiB": { inert: HARDWARE },
  "WebNodeDecl.web=true": { scenarios: [KA_CRASH, VM_NAT] },
  "NetworkDecl.cidr": { scenarios: VM_BOOT },
  "NetworkDecl.gateway": { scenarios: [...VM_BOOT, VM_GUEST_SETTINGS], note: "the public network's default route" },
  "NetworkDecl.nameservers[]": { scenarios: [VM_GUEST_SETTINGS], note: "/etc/resolv.conf in the guests" },
  "TopologyBaseProps.interfaceNames.public": { scenarios: [VM_GUEST_SETTINGS] },
  "TopologyBaseProps.interfaceNames.private": { scenarios: [VM_GUEST_SETTINGS] },
  "ClusterDecl.interfaceNames.public": { scenarios: [VM_GUEST_SETTINGS], note: "through IpvsLoadBalancer" },
  "ClusterDecl.interfaceNames.private": { scenarios: [VM_GUEST_SETTINGS], note: "through IpvsLoadBalancer" },
  "TopologyBaseProps.subtitle": { scenarios: [VM_GUEST_SETTINGS], note: "escaped on every page" },
  "ClusterDecl.subtitle": { scenarios: [VM_GUEST_SETTINGS], note: "through IpvsLoadBalancer" },
  "AdminUserConfig.sshAuthorizedKeys[]": { scenarios: VM_BOOT, note: "the lab logs in with its key" },

  // Platforms and machines: the labs boot the libvirt payloads.
  "TopologyBaseProps.platform": { scenarios: VM_BOOT, note: "libvirt" },
  "LabStackProps.platform.kind=libvirt": { scenarios: VM_BOOT },
  "LibvirtMachineProps.platform": { inert: "the construct the machine's Terraform resources refer to" },
  "VsphereMachineProps.platform": { inert: "the construct the machine's Terraform resources refer to" },
  "MachineSpec.name": { inert: "the hypervisor's name for the VM; the host name comes from the payload" },
  "MachineSpec.cpus": { inert: HARDWARE },
  "MachineSpec.memoryMiB": { inert: HARDWARE },
  "NodePayload.userData": { scenarios: VM_BOOT, note: "the documents the labs boot" },
  "NodePayload.metaData": { scenarios: VM_BOOT, note: "the documents the labs boot" },
  "NodePayload.networkConfig": { scenarios: VM_BOOT, note: "the documents the labs boot" },
  "PlannedNic.role=public": { scenarios: VM_BOOT },
  "PlannedNic.role=private": { scenarios: VM_BOOT },
  "PlannedNic.mac": { scenarios: VM_BOOT, note: "network-config matches each NIC by it" },
  "LibvirtPlatformProps.pool": { inert: HOST_SIDE },
  "LibvirtPlatformProps.publicBridge": { inert: HOST_SIDE },
  "LibvirtPlatformProps.privateNetwork": { inert: HOST_SIDE },
  "LibvirtPlatformProps.privateBridge": { inert: HOST_SIDE },
  "LibvirtPlatformProps.namePrefix": { inert: HOST_SIDE },
  "LibvirtPlatformProps.macSeed": { inert: "which MACs the NICs get; network-config matches whatever they are" },
  "LibvirtPlatformProps.diskGiB": { inert: HARDWARE },
  "VspherePlatformProps.datacenter": { inert: HOST_SIDE },
  "VspherePlatformProps.host": { inert: HOST_SIDE },
  "VspherePlatformProps.datastore": { inert: HOST_SIDE },
  "VspherePlatformProps.publicNetwork": { inert: HOST_SIDE },
  "VspherePlatformProps.privatePortGroup": { inert: HOST_SIDE },
  "VspherePlatformProps.privateSwitch": { inert: HOST_SIDE },
  "VspherePlatformProps.namePrefix": { inert: HOST_SIDE },
  "VspherePlatformProps.macSeed": { inert: "which MACs the NICs get; network-config matches whatever they are" },
  "VspherePlatformProps.guestId": { inert: HARDWARE },
};

/**
 * TEMPORARY: the options no scenario runs today. The coverage test asserts that exactly these lack
 * an entry above, so a new gap and a newly proven option both fail it until this list is updated.
 * Remove an option from here when its scenario lands; the goal (issue 10) is an empty list.
 */
export const UNPROVEN_TODAY: readonly string[] = [
  "FirewallOptions.enabled=false",
  "ClusterProps.platform",
  "HeartbeatHelperSettings.reclaimAfterSeconds",
  "HeartbeatPairProps.serveWeb=false",
  // A DR pair: the VM lab boots one DR director (ipvs-dr); a pair adds only the VIP's move.
  "HaLoadBalancedWebProps.forwarding=gatewaying",
  "VcenterFencing.kind=vcenter",
  "KeepalivedSettings.serviceFailover=false",
  "LabStackProps.platform.kind=vsphere",
  "HaLoadBalancedWebProps.rules",
  "LibvirtFencing.sshKnownHosts",
  "LibvirtFencing.sshPrivateKeyBase64",
  "VcenterFencing.credentialStoreBase64",
  "VcenterFencing.port",
  "VcenterFencing.server",
  "VspherePlatformProps.image.kind=esxi-disk",
  "VspherePlatformProps.image.kind=esxi-disk.baseDiskPath",
  "VspherePlatformProps.image.kind=vcenter-template",
  "VspherePlatformProps.image.kind=vcenter-template.template",
  "WebNodeDecl.web=false",
];
