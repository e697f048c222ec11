/**
 * The netns lab's scenario ids, for the option coverage map (lab/option-coverage/map.ts). An id is
 * `<variant> / <scenario>`, the heading and row the lab prints, so a map entry can be read off a run.
 * The labs take their scenario titles from here; a new scenario is one line.
 */
import { FAILBACK_OFF_STACK, FAST_PROFILE_STACK, FENCING_STACK, SERVICE_FAILOVER_STACK } from "../common/stack-names";

/** The Heartbeat pair's scenarios (lab.ts), in the order they run. */
export const HEARTBEAT_SCENARIO = {
  coldStart: "cold start",
  crashPrimary: "crash of primary",
  primaryReturns: "primary returns",
  gracefulStop: "graceful heartbeat stop",
  partition: "partition + heal",
  lostRequest: "lost resource request at start",
  privatePathCut: "private path cut (one of two)",
  serviceFailover: "apache2 stopped on the holder (service failover)",
  killHeartbeat: "heartbeat killed (-9) on the holder",
} as const;

/** The stacks `npm run lab` runs the pair's scenarios on (run.ts); only SERVICE_FAILOVER_STACK has the service monitor. */
export const HEARTBEAT_VARIANTS = ["heartbeat-apache-libvirt", FAILBACK_OFF_STACK, FAST_PROFILE_STACK, SERVICE_FAILOVER_STACK] as const;

/** fencing.ts, on FENCING_STACK. */
export const FENCING_SCENARIO = {
  coldStart: "F1 cold start, stonith device checked",
  watchdog: "F2 watchdog written by heartbeat",
  cutWithFencing: "F3 every path cut, fencing on",
} as const;

/** keepalived.ts: its pair is declared in keepalivedPairDecl, not a stack. */
export const KEEPALIVED_VARIANT = "keepalived";
export const KEEPALIVED_SCENARIO = {
  crash: "crash",
  return: "return",
  graceful: "graceful",
  partition: "partition",
  /** Only with `--apache tracked` (the default): keepalived's serviceFailover. */
  serviceFailover: "service-failover",
} as const;

const heartbeatIds = HEARTBEAT_VARIANTS.flatMap((variant) =>
  Object.values(HEARTBEAT_SCENARIO)
    .filter((s) => s !== HEARTBEAT_SCENARIO.serviceFailover || variant === SERVICE_FAILOVER_STACK)
    .map((s) => `${variant} / ${s}`),
);

export const NETNS_SCENARIOS: readonly string[] = [
  ...heartbeatIds,
  ...Object.values(FENCING_SCENARIO).map((s) => `${FENCING_STACK} / ${s}`),
  ...Object.values(KEEPALIVED_SCENARIO).map((s) => `${KEEPALIVED_VARIANT} / ${s}`),
];
