import type { Construct } from "constructs";
import {
  addAuthIssues,
  addMailIssues,
  addServiceFailoverIssues,
  addHeartbeatTimingIssues,
  addIpfailIssues,
  addPingNodeIssues,
  addUdpportIssues,
  defaultInitdead,
  FieldName,
  HEARTBEAT_DEFAULTS,
  HeartbeatMedium,
  heartbeatFailoverRole,
  HeartbeatRole,
  heartbeatTimeMs,
  heartbeatWatchdogSeconds,
  IPVSADM_SERVICE,
  LDIRECTORD_RESOURCE,
  isTerraformReference,
  IssueList,
  PeerTraffic,
  validateFencing,
  validateHeartbeatRole,
  validateMedium,
} from "../../../cloud-init";
import { HeartbeatSecret } from "./secret";
import { NETWORK_ROLES } from "../../plan";
import {
  FAILOVER_ENGINE_FIELD,
  FailoverEngine,
  FailoverGroupCheck,
  FailoverGroupPlan,
  FailoverMember,
  MemberFailover,
  TopologyView,
} from "../failover-engine";
import type { HeartbeatSettings } from "./settings";

/** Settings are reported as the user passed them: `failover.deadtime`, `failover.authMethod`. */
const settingName: FieldName = (field) => `${FAILOVER_ENGINE_FIELD}.${field === "method" ? "authMethod" : field}`;

type Timer = "keepalive" | "deadtime" | "warntime" | "initdead";
/** For a timer the user left at its default, the timers it is checked against, most telling first. */
const RELATED: Record<Timer, readonly Timer[]> = {
  keepalive: ["deadtime", "warntime"],
  deadtime: ["keepalive", "initdead", "warntime"],
  warntime: ["deadtime", "keepalive"],
  initdead: ["deadtime"],
};

/**
 * The ha.cf timing checks, with a default the user never set never reported as the bad value: the
 * problem is reported on the timer they did set (`deadtime: 2` against the default warntime of 3).
 */
function addTimingIssues(list: IssueList, hb: HeartbeatSettings, mediaCount: number): void {
  const found = new IssueList("");
  addHeartbeatTimingIssues(found, hb, mediaCount, settingName);
  for (const issue of found.issues) {
    const timer = (Object.keys(RELATED) as Timer[]).find((t) => issue.field === settingName(t));
    const set = timer && hb[timer] === undefined ? RELATED[timer].find((t) => hb[t] !== undefined) : undefined;
    if (timer === undefined || set === undefined) {
      list.add(issue.field, issue.value, issue.message);
      continue;
    }
    const [value, source] =
      timer === "initdead"
        ? [defaultInitdead(hb.deadtime), "defaultInitdead(deadtime)"]
        : [HEARTBEAT_DEFAULTS[timer], `HEARTBEAT_DEFAULTS.${timer}`];
    list.add(
      settingName(set),
      hb[set],
      `${issue.message}; ${timer} is left at its default (${value}, ${source}): set ${timer} as well, or change ${set}`,
    );
  }
}

/** Heartbeat v1: a two-node haresources group, ucast heartbeats to the peer on each heartbeat network. */
export class HeartbeatEngine implements FailoverEngine {
  readonly name = "heartbeat";

  constructor(readonly settings: HeartbeatSettings) {}

  bind(scope: Construct): FailoverEngine {
    if (this.settings.secret !== undefined) return this;
    return new HeartbeatEngine({ ...this.settings, secret: new HeartbeatSecret(scope, "authkey").value });
  }

  checkGroup(group: FailoverGroupCheck, list: IssueList): void {
    const hb = this.settings;
    const names = group.members.map((m) => m.name);
    if (names.length !== 2) {
      list.add(group.fields.nodes, names, "a haresources cluster is exactly 2 nodes; for more, use Pacemaker");
    }
    const networks = hb.heartbeatNetworks ?? HEARTBEAT_DEFAULTS.heartbeatNetworks;
    networks.forEach((role, i) => {
      if (!NETWORK_ROLES.includes(role)) {
        list.add(settingName(`heartbeatNetworks[${i}]`), role, `must be one of ${NETWORK_ROLES.join(", ")}`);
      } else if (networks.indexOf(role) !== i) {
        list.add(
          settingName(`heartbeatNetworks[${i}]`),
          role,
          "listed twice: heartbeat would send every packet twice on one link, which is not a second path",
        );
      }
    });
    const extraMedia = hb.extraMedia ?? [];
    if (networks.length === 0 && extraMedia.length === 0) {
      list.add(settingName("heartbeatNetworks"), networks, 'heartbeats need a path: name a network (["private"]) or give extraMedia');
    }
    for (const role of networks.filter((r) => NETWORK_ROLES.includes(r))) {
      for (const { index, name, node } of group.members) {
        if (node && group.topology.addressOf(node, role) === undefined) {
          list.add(
            `${group.fields.nodes}[${index}]`,
            name,
            `heartbeats travel on the ${role} network${hb.heartbeatNetworks ? "" : " (by default on both)"}, but this node has no ${role}Address; give it one, or set heartbeatNetworks`,
          );
        }
      }
    }
    // Each distinct heartbeat network is one ucast path to the peer.
    addTimingIssues(list, hb, new Set(networks).size + extraMedia.length);
    addUdpportIssues(list, hb.udpport, settingName);
    extraMedia.forEach((medium, i) => validateMedium(list, settingName(`extraMedia[${i}]`), medium));
    addPingNodeIssues(list, hb.pingNodes, settingName);
    addIpfailIssues(list, hb, settingName);
    addAuthIssues(list, { secret: hb.secret, method: hb.authMethod, allowInsecureCrc: hb.allowInsecureCrc }, settingName);
    addMailIssues(list, hb, settingName);
    // bind() put a reference here unless the user gave a secret; a literal one would be synthesized as is.
    if (hb.secret !== undefined && hb.secret.trim() !== "" && !isTerraformReference(hb.secret)) {
      list.add(
        settingName("secret"),
        "(hidden)",
        "a literal secret lands in plain text in the synthesized JSON: pass a Terraform reference (a sensitive variable, or a HeartbeatSecret's value), or leave secret out for a generated random_password",
      );
    }
    if (hb.fencing !== undefined) {
      for (const issue of validateFencing(hb.fencing, "", settingName("fencing"))) list.add(issue.field, issue.value, issue.message);
      // The fenced machines are this platform's VMs: libvirt domains, or vSphere VMs through vCenter.
      const hypervisor = group.topology.hypervisor;
      const fencer = hypervisor && { libvirt: "libvirt", vsphere: "vcenter" }[hypervisor.kind];
      if (fencer && hb.fencing.kind !== fencer) {
        list.add(settingName("fencing.kind"), hb.fencing.kind, `the nodes run on ${hypervisor.kind}, so only "${fencer}" can reset them`);
      }
    }
    addServiceFailoverIssues(list, hb.serviceFailover, settingName, heartbeatTimeMs(hb.deadtime ?? HEARTBEAT_DEFAULTS.deadtime));
    if (hb.watchdog !== undefined && typeof hb.watchdog !== "boolean") {
      list.add(settingName("watchdog"), hb.watchdog, "must be true or false: heartbeat itself sets the device's timeout to deadtime");
    }
  }

  configureMember(group: FailoverGroupPlan, member: FailoverMember, topology: TopologyView): MemberFailover {
    const role = this.roleOf(group, member.name, topology);
    const node = { hostname: member.name, nicNames: member.nicNames };
    const issues = validateHeartbeatRole(role, node, member.path);
    if (issues.length > 0) return { issues };
    return {
      role: { ...heartbeatFailoverRole(role, node, member.path), peerTraffic: this.peerTraffic(role, group, member.name, topology) },
      issues,
    };
  }

  /** Heartbeat's UDP from the peers: on each medium's NIC, from the peers' addresses on that NIC's network. */
  private peerTraffic(role: HeartbeatRole, group: FailoverGroupPlan, member: string, topology: TopologyView): PeerTraffic[] {
    const udpport = role.haCf.udpport ?? HEARTBEAT_DEFAULTS.udpport;
    const peers = group.members.filter((n) => n !== member).map((n) => topology.node(n)!);
    const fromPeers = (iface: string) => {
      const network = NETWORK_ROLES.find((r) => topology.interfaceName(r) === iface);
      return network ? peers.flatMap((peer) => topology.addressOf(peer, network) ?? []) : [];
    };
    const traffic: PeerTraffic[] = [];
    for (const medium of role.haCf.media) {
      if (medium.kind === "ucast") traffic.push({ protocol: "udp", port: udpport, interface: medium.interface, from: [medium.peer] });
      if (medium.kind === "bcast") {
        for (const iface of medium.interfaces) traffic.push({ protocol: "udp", port: udpport, interface: iface, from: fromPeers(iface) });
      }
      if (medium.kind === "mcast") {
        traffic.push({ protocol: "udp", port: medium.port ?? udpport, interface: medium.interface, from: fromPeers(medium.interface) });
      }
    }
    return traffic;
  }

  private roleOf(group: FailoverGroupPlan, member: string, topology: TopologyView): HeartbeatRole {
    const hb = this.settings;
    const peers = group.members.filter((n) => n !== member).map((n) => topology.node(n)!);
    const vips = group.vips.map(({ network: _network, ...vip }) => vip);
    const resources = [...group.resources];
    // Heartbeat installs the rules by starting Debian's ipvsadm init script as the group's last resource,
    // or ldirectord with its configuration, which installs the healthy servers.
    const installer = group.ipvsInstaller === "ldirectord" ? LDIRECTORD_RESOURCE : IPVSADM_SERVICE;
    if (group.ipvsRules && !resources.includes(installer)) resources.push(installer);
    return {
      haCf: {
        nodes: group.members,
        media: [
          ...(hb.heartbeatNetworks ?? HEARTBEAT_DEFAULTS.heartbeatNetworks).flatMap((role) =>
            peers.map((peer): HeartbeatMedium => ({
              kind: "ucast",
              interface: topology.interfaceName(role),
              peer: topology.addressOf(peer, role)!,
            })),
          ),
          ...(hb.extraMedia ?? []),
        ],
        keepalive: hb.keepalive,
        deadtime: hb.deadtime,
        warntime: hb.warntime,
        initdead: hb.initdead,
        udpport: hb.udpport,
        autoFailback: group.autoFailback,
        pingNodes: hb.pingNodes,
        ipfail: hb.ipfail,
      },
      authkeys: { secret: hb.secret, method: hb.authMethod, allowInsecureCrc: hb.allowInsecureCrc },
      garpRefreshSeconds: hb.garpRefreshSeconds,
      ...(hb.mailRelay !== undefined ? { mailRelay: hb.mailRelay } : {}),
      reclaimAfterSeconds: hb.reclaimAfterSeconds,
      ...(group.connectionSync ? { connectionSync: group.connectionSync } : {}),
      ...(hb.serviceFailover ? { serviceFailover: hb.serviceFailover } : {}),
      ...(hb.fencing
        ? {
            fencing: {
              fencing: hb.fencing,
              machines: group.members.map((node) => ({ node, machine: topology.hypervisor?.machineName(node) ?? node })),
            },
          }
        : {}),
      ...(hb.watchdog === true
        ? { watchdog: { timeoutSeconds: heartbeatWatchdogSeconds(heartbeatTimeMs(hb.deadtime ?? HEARTBEAT_DEFAULTS.deadtime)!) } }
        : {}),
      haresources: { preferredNode: group.preferredNode, nodes: group.members, vips, resources, mailTo: hb.mailTo },
    };
  }
}
