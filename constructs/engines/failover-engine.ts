import type { Construct } from "constructs";
import type { ConfigIssue, FailoverRole, IpvsSyncConfig, IpvsVirtualService, IssueList, VirtualIp } from "../../cloud-init";
import type { NetworkRole, NodeDecl } from "../plan";
import { HeartbeatEngine } from "./heartbeat/engine";
import type { HeartbeatSettings } from "./heartbeat/settings";
import { KeepalivedEngine } from "./keepalived/engine";
import type { KeepalivedSettings } from "./keepalived/settings";

/** Where the planner reports the engine's settings: the `failover` prop, on every construct and on ClusterDecl. */
export const FAILOVER_ENGINE_FIELD = "failover";

/**
 * The user's names for the group's facts, so that errors name the props as written: ClusterDecl's
 * `failoverGroup.nodes`, HeartbeatPair's `nodes`, IpvsLoadBalancer's `directors`.
 */
export interface FailoverGroupFields {
  readonly nodes: string;
  readonly vips: string;
  readonly preferredNode: string;
  /** @default none: the construct declares no services of its own for the group (IpvsLoadBalancer) */
  readonly resources?: string;
}

/** ClusterDecl's names. */
export const FAILOVER_GROUP_FIELDS: FailoverGroupFields = {
  nodes: "failoverGroup.nodes",
  vips: "failoverGroup.vips",
  preferredNode: "failoverGroup.preferredNode",
  resources: "failoverGroup.resources",
};

/** A VIP of a failover group, placed on its network. */
export interface FailoverVip extends VirtualIp {
  readonly network: NetworkRole;
}

/** A failover group as the planner decided it: engine-neutral facts only. */
export interface FailoverGroupPlan {
  /** The member nodes, by name, in declaration order. */
  readonly members: readonly string[];
  /** The member that holds the group when it is up. */
  readonly preferredNode: string;
  /** Floating addresses, brought up first and taken down last. */
  readonly vips: readonly FailoverVip[];
  /** Init scripts the group starts after its VIPs, in order. */
  readonly resources: readonly string[];
  /** The group installs its directors' IPVS rules (the members are the load balancer's directors). */
  readonly ipvsRules: boolean;
  /** What installs the rules when `ipvsRules`: ipvsadm as written, or ldirectord from health checks. @default "ipvsadm" */
  readonly ipvsInstaller?: "ipvsadm" | "ldirectord";
  /** The directors' virtual services, for an engine that installs them itself (keepalived's virtual_server). */
  readonly ipvsServices?: readonly IpvsVirtualService[];
  /** Whether the group moves back to the preferred node when it returns. @default - the engine's default */
  readonly autoFailback?: boolean;
  /** IPVS connection sync: the holder runs the sync master, the other member the backup. @default none */
  readonly connectionSync?: IpvsSyncConfig;
}

/** The hypervisor the nodes run on, as an engine that reaches it (fencing) sees it. */
export interface HypervisorView {
  readonly kind: "libvirt" | "vsphere";
  /** The hypervisor's name for a node's VM (libvirt domain, vSphere VM). */
  machineName(node: string): string;
}

/** What an engine may read of the topology. */
export interface TopologyView {
  node(name: string): NodeDecl | undefined;
  addressOf(node: NodeDecl, role: NetworkRole): string | undefined;
  interfaceName(role: NetworkRole): string;
  /** @default unknown: the topology is planned without a platform */
  readonly hypervisor?: HypervisorView;
}

/** The group as declared, for the engine's checks: its members with their index in the user's node list. */
export interface FailoverGroupCheck {
  readonly members: readonly { readonly index: number; readonly name: string; readonly node?: NodeDecl }[];
  /** How many VIPs the user declared for the group (a director pair's are added later). */
  readonly vipCount: number;
  /** The init scripts the group owns, as declared. */
  readonly resources: readonly string[];
  readonly topology: TopologyView;
  /** How the user named the group's facts. */
  readonly fields: FailoverGroupFields;
  /** Who installs the rules, when the group is a pair of directors, and the field that chose it. @default none: not directors */
  readonly ipvsRules?: { readonly kind: "static-restore" | "ldirectord"; readonly field: string };
}

/** The member the planner asks an engine about. */
export interface FailoverMember {
  readonly name: string;
  /** The member's construct path, for messages. */
  readonly path: string;
  /** The names of the member's NICs. */
  readonly nicNames: readonly string[];
}

/** An engine's answer for one member: its share of the payload, or what is wrong. */
export interface MemberFailover {
  readonly role?: FailoverRole;
  readonly issues: readonly ConfigIssue[];
}

/**
 * How a failover group (members, preferred node, VIPs, resources, failback) becomes files, packages
 * and services on each member. Pass one to a topology construct as `failover`; like aws-cdk's
 * NatProvider, each engine is a static factory here, and its code lives in its own folder.
 */
export abstract class FailoverEngine {
  /** Heartbeat v1 (ha.cf, authkeys, haresources) with its helpers. */
  static heartbeat(settings: HeartbeatSettings = {}): FailoverEngine {
    return new HeartbeatEngine(settings);
  }

  /** keepalived VRRP (keepalived.conf), with virtual_server blocks for a director pair. */
  static keepalived(settings: KeepalivedSettings = {}): FailoverEngine {
    return new KeepalivedEngine(settings);
  }

  /** The engine's name, as messages print it. */
  abstract readonly name: string;

  /**
   * Called by the topology construct, once, before planning; don't call this directly. Creates in
   * `scope` what the engine needs (Heartbeat's authkeys secret) and returns the engine using it.
   */
  abstract bind(scope: Construct): FailoverEngine;

  /**
   * Called by the planner with the group as declared; don't call this directly. Adds every problem
   * of the engine's settings for this group to `list`, under the user's own field names.
   */
  abstract checkGroup(group: FailoverGroupCheck, list: IssueList): void;

  /**
   * Called by the planner once per member of a valid group; don't call this directly. Returns the
   * member's files, packages, the init scripts the engine starts and its start commands.
   */
  abstract configureMember(group: FailoverGroupPlan, member: FailoverMember, topology: TopologyView): MemberFailover;
}
