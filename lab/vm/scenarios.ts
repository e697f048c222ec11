/**
 * The VM lab's scenario ids, for the option coverage map (lab/option-coverage/map.ts): the titles
 * acceptance.ts and watchdog.ts print. A new scenario is one line.
 */
import { WATCHDOG_STACK } from "../common/stack-names";

/** acceptance.ts: one topology per preset stack, numbered by position when printed. */
export const VM_SCENARIO = {
  ipvsNat: "ipvs-nat: 3000 requests, rr over web1/web2",
  haLbSteady: "ha-lb: VIP and rules on lb1, rr over web1..web3",
  haLbCrash: "ha-lb: crash lb1, lb2 takes VIP and rules",
  heartbeatCrash: "heartbeat-apache: srv1 serves, crash, srv2 serves",
  /** watchdog.ts (qemu tier). */
  watchdogReset: `${WATCHDOG_STACK}: heartbeat frozen (SIGSTOP), softdog resets the holder`,
} as const;

export const VM_SCENARIOS: readonly string[] = Object.values(VM_SCENARIO);
