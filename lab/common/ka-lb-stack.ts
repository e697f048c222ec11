/**
 * The keepalived director pair lab stack (lab/vm/ka-lb.ts boots it): the ha-lb preset (lb1/lb2 in
 * front of web1..web3) with `FailoverEngine.keepalived(...)` instead of Heartbeat, so the same IPVS
 * scenarios run with keepalived's VRRP instance and its virtual_server / HTTP_GET checks, and with
 * connection sync on (keepalived switches the IPVS sync daemons with the VRRP state).
 */
import { App } from "cdktf";
import { FailoverEngine, type KeepalivedHealthCheck } from "../../constructs";
import { HaLbStack } from "../../stacks";
import { KA_LB_STACK } from "./stack-names";

/**
 * Every field away from KEEPALIVED_DEFAULTS.healthCheck, so the scenario proves each one: a check
 * every 2 s, 1 s to connect, 2 retries; the path is the page itself (the default is /healthz), so
 * the lab can fail the check on one real server while its healthz still answers.
 */
export const KA_LB_HEALTH_CHECK = {
  delayLoopSeconds: 2,
  connectTimeoutSeconds: 1,
  retry: 2,
  path: "/index.html",
} as const satisfies Required<KeepalivedHealthCheck>;

/** Not the default (1), so the lab sees the declared id in the kernel's daemons. */
export const KA_LB_SYNC_ID = 42;

/** Adds the keepalived director pair stack to a lab app (synthesizeLabStacks). */
export function addKaLbStack(app: App): void {
  new HaLbStack(app, KA_LB_STACK, {
    failover: FailoverEngine.keepalived({ healthCheck: KA_LB_HEALTH_CHECK }),
    // keepalived's lvs_sync_daemon with its own id: vm.ka-lb.sync-survives runs a download through a crash.
    connectionSync: { syncId: KA_LB_SYNC_ID },
  });
}
