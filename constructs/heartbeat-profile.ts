import { HeartbeatTiming } from "../cloud-init";
import { NetworkRole } from "./plan";

/**
 * A Heartbeat timing profile: the ha.cf timers and the networks that carry the heartbeats, chosen
 * together because a short deadtime is only safe with more than one path. Give it to the Heartbeat
 * engine: `FailoverEngine.heartbeat(HEARTBEAT_FAST_PROFILE)`, on a construct or a preset (`failover`).
 */
export interface HeartbeatProfile extends Required<HeartbeatTiming> {
  /** Networks that carry ucast heartbeats to the peer, one `ucast` line each. */
  readonly heartbeatNetworks: readonly NetworkRole[];
}

/**
 * The lab presets' profile: a heartbeat every 500 ms on the private and the public network, the
 * peer dead after 3 s of silence on both. A crash is served again after 4.3-4.5 s (netns lab,
 * medians of 5, measured with the private network alone).
 */
export const HEARTBEAT_LAB_PROFILE: HeartbeatProfile = {
  keepalive: "500ms",
  deadtime: 3,
  warntime: 2,
  initdead: 10,
  heartbeatNetworks: ["private", "public"],
};

/**
 * Fast failover: a heartbeat every 100 ms on both the private and the public network, the peer
 * dead after 300 ms of silence on both. Heartbeat 3.0.6 reads `ms` values for every timer
 * (cl_get_msec); it checks for dead peers at most every 250 ms (POLL_INTERVAL in heartbeat.c), so
 * detection takes deadtime minus up to one keepalive to deadtime + 250 ms; the takeover then runs
 * ResourceManager, IPaddr2 and the apache2 init script (0.5-0.9 s of shell on a busy 2-core host).
 * A crash is served again after 1.3-1.5 s (netns lab, medians of 5; `npm run lab:failover`).
 * Heartbeat runs SCHED_RR, so CPU load alone does not delay its packets; the second path keeps
 * one late or lost burst on one link from declaring the peer dead.
 */
export const HEARTBEAT_FAST_PROFILE: HeartbeatProfile = {
  keepalive: "100ms",
  deadtime: "300ms",
  warntime: "200ms",
  initdead: 10,
  heartbeatNetworks: ["private", "public"],
};
