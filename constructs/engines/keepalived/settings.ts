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
  /**
   * Move the VIPs off a node whose group service has failed while the node lives: a `vrrp_script`
   * per service (`service <name> status`) in the instance's `track_script`, so a failed check puts
   * the node in FAULT. With it, the tracked services run from init on both nodes (a backup must pass
   * its own check to take over) instead of being started and stopped by notify commands. Heartbeat's
   * setting of the same name does this with a monitor and `hb_standby`. @default false (off): see KEEPALIVED_DEFAULTS.serviceFailover for `{}`
   */
  readonly serviceFailover?: KeepalivedServiceFailover | false;
}

/** Which services are tracked, and keepalived's `vrrp_script` timers for them. */
export interface KeepalivedServiceFailover {
  /** Init scripts to check, each one of the group's resources. @default all of the group's resources */
  readonly services?: readonly string[];
  /** `interval`: whole seconds between checks; also each check's `timeout`. @default KEEPALIVED_DEFAULTS.serviceFailover.intervalSeconds */
  readonly intervalSeconds?: number;
  /** `fall`: failed checks in a row before the node goes to FAULT. @default KEEPALIVED_DEFAULTS.serviceFailover.fall */
  readonly fall?: number;
  /** `rise`: passed checks in a row before a FAULT node may hold the VIPs again. @default KEEPALIVED_DEFAULTS.serviceFailover.rise */
  readonly rise?: number;
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
  /**
   * Service failover, when turned on with `serviceFailover: {}`: check every second, FAULT after 2
   * failed checks, back after 2 passed ones. The peer holds the VIPs at most
   * keepalivedServiceFailoverSeconds() after the service fails: interval × fall + advert_int + 0.5 s.
   */
  serviceFailover: { intervalSeconds: 1, fall: 2, rise: 2 },
} as const;

/** The fast profile: VRRPv3 adverts every 50 ms; a crashed master is replaced after 3 adverts + skew (~0.16 s). */
export const KEEPALIVED_FAST_PROFILE: KeepalivedSettings = { vrrpVersion: 3, advertIntervalSeconds: 0.05 };

/**
 * keepalived schedules a vrrp_script `interval` after the previous run ends, so each check adds its
 * own run time (an LSB status: ~0.05 s idle, more on a loaded host); this covers `fall` of them.
 */
const CHECK_RUN_ALLOWANCE_S = 0.5;

/**
 * Seconds from a tracked service's failure to the peer holding the VIPs, at most: `fall` checks
 * `interval` apart (plus CHECK_RUN_ALLOWANCE_S for their run time), then the FAULT node's
 * priority-0 advert makes the peer master within one advert interval (its skew time).
 */
export function keepalivedServiceFailoverSeconds(settings: KeepalivedSettings): number {
  const d = KEEPALIVED_DEFAULTS.serviceFailover;
  const s = settings.serviceFailover || {};
  const advert = settings.advertIntervalSeconds ?? KEEPALIVED_DEFAULTS.advertIntervalSeconds;
  return (s.intervalSeconds ?? d.intervalSeconds) * (s.fall ?? d.fall) + advert + CHECK_RUN_ALLOWANCE_S;
}
