import type { NetworkRole } from "../../plan";

/** keepalived's settings for one pair, named after their keepalived.conf(5) keywords. */
export interface KeepalivedSettings {
  /** The network whose interface carries the VRRP instance; adverts go unicast to the peer on it. @default KEEPALIVED_DEFAULTS.vrrpNetwork */
  readonly vrrpNetwork?: NetworkRole;
  /** `vrrp_version`: 3 allows sub-second adverts and has no authentication. @default KEEPALIVED_DEFAULTS.vrrpVersion */
  readonly vrrpVersion?: 2 | 3;
  /** `advert_int` in seconds: whole seconds for VRRPv2, steps of 0.01 s for VRRPv3. @default KEEPALIVED_DEFAULTS.advertIntervalSeconds */
  readonly advertIntervalSeconds?: number;
  /** `virtual_router_id`, 1..255; unique per segment. @default KEEPALIVED_DEFAULTS.virtualRouterId */
  readonly virtualRouterId?: number;
  /** The preferred node's `priority`. @default KEEPALIVED_DEFAULTS.preferredPriority */
  readonly preferredPriority?: number;
  /** The other node's `priority`, below the preferred one's. @default KEEPALIVED_DEFAULTS.otherPriority */
  readonly otherPriority?: number;
  /** `garp_master_refresh`: the master repeats gratuitous ARP this often; 0 turns it off. @default KEEPALIVED_DEFAULTS.garpMasterRefreshSeconds */
  readonly garpMasterRefreshSeconds?: number;
  /** A director pair's real-server checks (`HTTP_GET` on the real server's /healthz). @default KEEPALIVED_DEFAULTS.healthCheck */
  readonly healthCheck?: KeepalivedHealthCheck;
}

export interface KeepalivedHealthCheck {
  /** `delay_loop`: seconds between checks. */
  readonly delayLoopSeconds?: number;
  /** `connect_timeout` in seconds. */
  readonly connectTimeoutSeconds?: number;
  /** `retry`: failed checks after the first before the real server is removed. */
  readonly retry?: number;
  /** The URL path checked; status 200 means healthy. */
  readonly path?: string;
}

/** Every keepalived default, in one place. */
export const KEEPALIVED_DEFAULTS = {
  vrrpNetwork: "private" as NetworkRole,
  vrrpVersion: 3 as 2 | 3,
  advertIntervalSeconds: 1,
  virtualRouterId: 51,
  preferredPriority: 150,
  otherPriority: 100,
  garpMasterRefreshSeconds: 2,
  healthCheck: { delayLoopSeconds: 5, connectTimeoutSeconds: 3, retry: 1, path: "/healthz" },
} as const;

/** The fast profile: VRRPv3 adverts every 50 ms; a crashed master is replaced after 3 adverts + skew (~0.16 s). */
export const KEEPALIVED_FAST_PROFILE: KeepalivedSettings = { vrrpVersion: 3, advertIntervalSeconds: 0.05 };
