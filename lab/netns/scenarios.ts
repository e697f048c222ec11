/**
 * The netns lab's scenario ids, for the option coverage map (lab/option-coverage/map.ts). A full id is
 * `<variant> / <scenario id>`: the heading and the id column the lab prints, so a map entry can be read
 * off a run. The labs take their ids from here; a new scenario is one line.
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

/**
 * Every scenario of the netns lab (`npm run lab`), by stable id. The full plan runs on the preset
 * variants; the option plan (cold start, the options' facts on the daemons, a crash, and what the
 * pair's options add) on the option stacks of lab/common/stacks.ts.
 */
export const HEARTBEAT_SCENARIOS = [
  /** Both nodes boot; the preferred node alone holds the VIP (and its alias label) and serves. */
  "cold-start",
  /** Power cut of the preferred node: the peer declares it dead, takes every VIP and serves. */
  "crash-primary",
  /** The preferred node boots again: auto_failback on takes the VIP back, off leaves it. */
  "primary-returns",
  /** `service heartbeat stop` on the holder: the peer takes over. */
  "graceful-stop",
  /** Every heartbeat path cut, then healed: one holder, served, no stale announcements. */
  "partition-heal",
  /** The preferred node's resource request is lost at start: the reclaimer asks again. */
  "lost-resource-request",
  /** The private path alone is cut: nothing moves, heartbeat logs the link dead. */
  "private-path-cut",
  /** apache2 stopped on the holder: the service monitor hands the group over. */
  "service-failover",
  /** heartbeat's master killed -9 on the holder: helpers gone, the peer takes over. */
  "heartbeat-kill",
  /** `cl_status listhblinks`/`hblinkstatus` on both nodes: exactly the ha.cf media, each link up. */
  "medium-links",
  /** `ss -uln` in each node: heartbeat listens on ha.cf's udpport, not on 694 (when it differs). */
  "udpport",
  /** The nodes' authkeys use the payload's method, and each accepts the other's heartbeats. */
  "auth-method",
  /** Every VIP of the group on the preferred node (the one haresources names) and none on the peer. */
  "vips-preferred-node",
  /** The holder's link to the ping node (the router) cut: ipfail moves the group to the peer. */
  "ping-node-cut",
  /** The takeover mailed: the router's SMTP sink got MailTo's mail naming the new holder. */
  "mail-on-takeover",
  /** The helpers as the payload sets them: the refresher's announcements its interval apart, or no refresher and no announcement; the reclaimer on the preferred node, or none. */
  "helpers",
] as const;

export type NetnsScenarioId = (typeof HEARTBEAT_SCENARIOS)[number];

/** The full plan, on the preset variants (`npm run lab`); service-failover only where the monitor runs. */
const FULL_PLAN: readonly NetnsScenarioId[] = [
  "cold-start",
  "crash-primary",
  "primary-returns",
  "graceful-stop",
  "partition-heal",
  "lost-resource-request",
  "private-path-cut",
  "heartbeat-kill",
];
const OPTION_PLAN: readonly NetnsScenarioId[] = ["cold-start", "medium-links", "auth-method", "vips-preferred-node", "crash-primary"];

const except = (plan: readonly NetnsScenarioId[], ...left: NetnsScenarioId[]) => plan.filter((id) => !left.includes(id));

/**
 * Each variant `npm run lab` runs (run.ts) and the scenarios it runs there (lab.ts runs exactly
 * these). The lost request's repair waits ~77 s whatever the profile, so it runs once, on the
 * preset; the service-failover variant runs what its monitor can change: start, crash, return,
 * stop, the monitor's handover, and the monitor exiting with a killed heartbeat.
 */
export const HEARTBEAT_VARIANTS: Readonly<Record<string, readonly NetnsScenarioId[]>> = {
  "heartbeat-apache-libvirt": FULL_PLAN,
  [FAILBACK_OFF_STACK]: except(FULL_PLAN, "lost-resource-request"),
  [FAST_PROFILE_STACK]: except(FULL_PLAN, "lost-resource-request"),
  [SERVICE_FAILOVER_STACK]: [...except(FULL_PLAN, "lost-resource-request", "partition-heal", "private-path-cut"), "service-failover"],
  // bcast alone, udpport 1694, md5, two VIPs (the second on the private network), srv2 preferred
  [BCAST_OPTIONS_STACK]: [...OPTION_PLAN, "udpport"],
  // mcast alone (on udpport), crc, ping node + ipfail, MailTo through the router's relay
  [MCAST_OPTIONS_STACK]: [...OPTION_PLAN, "udpport", "mail-on-takeover", "primary-returns", "ping-node-cut"],
  // serial alone (the lab's socat pty pair), sha1; no refresher, no reclaimer
  [SERIAL_OPTIONS_STACK]: [...OPTION_PLAN, "helpers"],
  // ucast to each node's public address, mcast on port 1695 with loop on; the refresher every 4 s
  [UCAST_OPTIONS_STACK]: [...OPTION_PLAN, "udpport", "helpers"],
};

/** fencing.ts, on FENCING_STACK. */
export const FENCING_SCENARIO = {
  coldStart: "F1 cold start, stonith device checked",
  watchdog: "F2 watchdog written by heartbeat",
  cutWithFencing: "F3 every path cut, fencing on",
} as const;

/** keepalived.ts: its pair is declared in keepalivedPairDecl, not a stack. */
export const KEEPALIVED_VARIANT = "keepalived";
export const KEEPALIVED_SCENARIO = {
  /** keepalived's own state dump shows every declared VRRP setting (the options profile sets each away from its default). */
  settings: "settings",
  crash: "crash",
  return: "return",
  graceful: "graceful",
  partition: "partition",
  /** Only with `--apache tracked` (the default): keepalived's serviceFailover. */
  serviceFailover: "service-failover",
} as const;

/** A full id: `<variant> / <scenario>`. */
export const scenarioId = (variant: string, scenario: string): string => `${variant} / ${scenario}`;

/** Every full id the netns labs run. */
export const NETNS_SCENARIOS: readonly string[] = [
  ...Object.entries(HEARTBEAT_VARIANTS).flatMap(([variant, ids]) => ids.map((s) => scenarioId(variant, s))),
  ...Object.values(FENCING_SCENARIO).map((s) => scenarioId(FENCING_STACK, s)),
  ...Object.values(KEEPALIVED_SCENARIO).map((s) => scenarioId(KEEPALIVED_VARIANT, s)),
];
