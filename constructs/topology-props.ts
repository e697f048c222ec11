import { AdminUserConfig, AuthMethod, HeartbeatMedium } from "../cloud-init";
import { Fencing } from "../cloud-init";
import { ClusterDecl, HeartbeatTiming, NetworkDecl, NetworkRole, VipDecl } from "./plan";
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

/** Heartbeat settings, named after their ha.cf and haresources directives. */
export interface HeartbeatOptions extends HeartbeatTiming {
  /** @default true */
  readonly autoFailback?: boolean;
  /** @default 694 */
  readonly udpport?: number;
  /** Networks that carry ucast heartbeats to the peer. @default ["private"] */
  readonly heartbeatNetworks?: readonly NetworkRole[];
  /** Extra media, such as `{ kind: "serial", device: "/dev/ttyS0" }`. @default none */
  readonly extraMedia?: readonly HeartbeatMedium[];
  /** The node that holds the resources when up. @default the first node */
  readonly preferredNode?: string;
  /** authkeys secret, as a Terraform reference. @default a random_password created for the pair */
  readonly secret?: string;
  /** @default "sha1" */
  readonly authMethod?: AuthMethod;
  /** `MailTo::<addr>` on failover. @default none */
  readonly mailTo?: string;
  /** @default none */
  readonly pingNodes?: readonly string[];
  /** @default false */
  readonly ipfail?: boolean;
  /**
   * Re-announce held VIPs by gratuitous ARP every this many seconds, so that after a split brain
   * heals no client stays on the other node's MAC; false turns it off. @default 2
   */
  readonly garpRefreshSeconds?: number | false;
  /**
   * On the preferred node: if heartbeat claims the group but a VIP has been missing this many
   * seconds (its one resource request was lost at start), ask for the group again; false turns
   * it off. @default 60
   */
  readonly reclaimAfterSeconds?: number | false;
  /**
   * Fence the peer before taking over: `{ kind: "libvirt", hypervisorUri }` or
   * `{ kind: "vcenter", server, credentialStoreBase64 }`; credentials only as sensitive Terraform references.
   * @default none: a cut of every heartbeat path leaves both nodes holding the VIPs
   */
  readonly fencing?: Fencing;
  /**
   * softdog plus `watchdog /dev/watchdog`: a node whose heartbeat hangs resets itself, after
   * deadtime rounded up to seconds (heartbeat sets the device's timeout). @default false
   */
  readonly watchdog?: boolean;
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
  "fencing",
  "watchdog",
] as const satisfies readonly (keyof HeartbeatOptions)[];

/** Only the Heartbeat settings of a larger props object. */
export function heartbeatOptionsOf(props: HeartbeatOptions): HeartbeatOptions {
  return Object.fromEntries(HEARTBEAT_OPTION_KEYS.filter((key) => props[key] !== undefined).map((key) => [key, props[key]]));
}
