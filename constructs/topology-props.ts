import { AdminUserConfig } from "../cloud-init";
import { HeartbeatSettings } from "./engines/heartbeat/settings";
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

/** Heartbeat settings with the pair's own facts, as the constructs take them today. */
export interface HeartbeatOptions extends HeartbeatSettings {
  /** @default HEARTBEAT_DEFAULTS.autoFailback */
  readonly autoFailback?: boolean;
  /** The node that holds the resources when up. @default the first node */
  readonly preferredNode?: string;
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

const HEARTBEAT_OPTION_KEYS = [
  "keepalive",
  "deadtime",
  "warntime",
  "initdead",
  "autoFailback",
  "udpport",
  "heartbeatNetworks",
  "extraMedia",
  "preferredNode",
  "secret",
  "authMethod",
  "mailTo",
  "pingNodes",
  "ipfail",
  "garpRefreshSeconds",
  "reclaimAfterSeconds",
] as const satisfies readonly (keyof HeartbeatOptions)[];

/** Only the Heartbeat settings of a larger props object. */
export function heartbeatOptionsOf(props: HeartbeatOptions): HeartbeatOptions {
  return Object.fromEntries(HEARTBEAT_OPTION_KEYS.filter((key) => props[key] !== undefined).map((key) => [key, props[key]]));
}
