import { AdminUserConfig } from "../cloud-init";
import { FailoverEngine } from "./engines/failover-engine";
import { ClusterDecl, NetworkDecl, VipDecl } from "./plan";
import { IPlatform } from "./platform";

/** What every topology construct needs: where it runs, its networks and who administers it. */
export interface TopologyBaseProps {
  readonly platform: IPlatform;
  /** The public "VM Network" and the private bridge, each declared once. */
  readonly networks: { readonly public: NetworkDecl; readonly private: NetworkDecl };
  /** The admin user; SSH keys only. */
  readonly admin: AdminUserConfig;
  /** Interface names cloud-init sets. @default { public: "public", private: "private" } */
  readonly interfaceNames?: { readonly public?: string; readonly private?: string };
  /** Line under the host name on index pages. @default none */
  readonly subtitle?: string;
}

/** The failover group's engine-neutral facts a topology construct takes, and its engine. */
export interface FailoverGroupOptions {
  /** The node that holds the group when it is up. @default the first node */
  readonly preferredNode?: string;
  /** Move the group back to the preferred node when it returns. @default HEARTBEAT_DEFAULTS.autoFailback */
  readonly autoFailback?: boolean;
  /**
   * The engine that runs the group, with its settings, such as
   * `FailoverEngine.heartbeat({ ...HEARTBEAT_FAST_PROFILE })`. @default FailoverEngine.heartbeat()
   */
  readonly failover?: FailoverEngine;
}

/** A VIP given as an address (on the public network) or in full. */
export type VipInput = string | VipDecl;

export function toVipDecl(vip: VipInput): VipDecl {
  return typeof vip === "string" ? { address: vip, network: "public" } : vip;
}

/** The parts of a ClusterDecl every topology construct takes straight from its props. */
export function baseDecl(props: TopologyBaseProps): Pick<ClusterDecl, "networks" | "admin" | "interfaceNames" | "subtitle"> {
  return { networks: props.networks, admin: props.admin, interfaceNames: props.interfaceNames, subtitle: props.subtitle };
}
