/**
 * The keepalived director pair lab stack (lab/vm/ka-lb.ts boots it): the ha-lb preset (lb1/lb2 in
 * front of web1..web3) with `FailoverEngine.keepalived(...)` instead of Heartbeat, so the same IPVS
 * scenarios run with keepalived's VRRP instance and its virtual_server / HTTP_GET checks.
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

/** Adds the keepalived director pair stack to a lab app (synthesizeLabStacks). */
export function addKaLbStack(app: App): void {
  new HaLbStack(app, KA_LB_STACK, { failover: FailoverEngine.keepalived({ healthCheck: KA_LB_HEALTH_CHECK }) });
}
