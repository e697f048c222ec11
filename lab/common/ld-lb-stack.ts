/**
 * The ld-lb lab stack (lab/vm/ld-lb.ts boots it): one director whose rules ldirectord installs from
 * HTTP health checks (IpvsRules.ldirectord, the ldirectord service), in front of web1/web2, with a
 * fallback (sorry) server sorry1. Short checks, so that detection fits in a few seconds.
 * One director, not a Heartbeat pair: on the loaded shared UML host, both pair runs hit Heartbeat's
 * boot race (the standby kept the gateway VIP and its own ldirectord, "Both machines own foreign
 * resources"), which is not what this scenario measures; the pair's ldirectord resource did start and
 * install the rules there (journal), and is unit-tested.
 */
import { App } from "cdktf";
import { Construct } from "constructs";
import type { OnCheckFailure } from "../../cloud-init";
import { IpvsLoadBalancer, IpvsRules } from "../../constructs";
import { LAB_ADMIN_NETWORKS, LAB_NETWORKS, LabStack } from "../../stacks";

export const LD_LB_STACK = "ld-lb-libvirt";

/** The facts the VM lab checks the guests against; the stack below is built from them. */
export const LD_LB = {
  vip: "192.168.56.10",
  director: { name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.254" },
  webServers: [
    { name: "web1", privateAddress: "192.168.200.11" },
    { name: "web2", privateAddress: "192.168.200.12" },
  ],
  fallback: { name: "sorry1", privateAddress: "192.168.200.30" },
  /** Away from the default (the service's 80): sorry1's Apache listens here only because the payload says so. */
  fallbackPort: 8080,
  /**
   * checkinterval 3, negotiatetimeout 3: a dead server is out within 3 + 3 + 1 s. 2 s timeouts failed
   * each server's first check after ldirectord's start on a loaded UML host (LWP loads on first use).
   */
  check: {
    intervalSeconds: 3,
    connectTimeoutSeconds: 3,
    responseTimeoutSeconds: 3,
    // Away from the defaults (/healthz, "^ok "): the page itself, and a pattern only a web server's own
    // page matches. /healthz ("ok web1") does not match it, so the servers get in only through this path.
    path: "/index.html",
    expect: "<h1>web",
  },
} as const;

/** The bound for one dead (or returning) real server: check interval + response timeout + 1 s. */
export const LD_LB_BOUND_S = LD_LB.check.intervalSeconds + LD_LB.check.responseTimeoutSeconds + 1;

/**
 * The same topology with the other failure policy: a failed server kept at weight 0 (quiescent), after
 * two failed checks in a row. The lab installs this stack's ldirectord.cf on the booted ld-lb director.
 */
export const LD_LB_QUIESCE_STACK = "ld-lb-quiesce-libvirt";
export const LD_LB_QUIESCE = { onFailure: "quiesce", failuresBeforeDown: 2 } as const;
/** Two failed rounds, the second one's timeout, and 1 s. */
export const LD_LB_QUIESCE_BOUND_S =
  LD_LB_QUIESCE.failuresBeforeDown * LD_LB.check.intervalSeconds + LD_LB.check.responseTimeoutSeconds + 1;

class LdLbStack extends LabStack {
  constructor(scope: Construct, id: string, failure: { onFailure?: OnCheckFailure; failuresBeforeDown?: number } = {}) {
    super(scope, id);
    const o = LD_LB;
    const lb = new IpvsLoadBalancer(this, "lb", {
      platform: this.platform,
      admin: this.admin,
      networks: LAB_NETWORKS,
      directors: [{ ...o.director }],
      webServers: o.webServers.map((w) => ({ ...w })),
      vip: o.vip,
      scheduler: "rr",
      subtitle: "ldirectord health checks",
      firewall: { adminNetworks: LAB_ADMIN_NETWORKS },
      rules: IpvsRules.ldirectord({
        check: { ...o.check, ...(failure.failuresBeforeDown !== undefined ? { failuresBeforeDown: failure.failuresBeforeDown } : {}) },
        ...(failure.onFailure !== undefined ? { onFailure: failure.onFailure } : {}),
        fallback: { server: { ...o.fallback }, port: o.fallbackPort },
      }),
    });
    this.addOutputs(o.vip, lb);
  }
}

/** Adds the ld-lb stack to a lab app (synthesizeLabStacks). */
export function addLdLbStack(app: App): void {
  new LdLbStack(app, LD_LB_STACK);
  new LdLbStack(app, LD_LB_QUIESCE_STACK, LD_LB_QUIESCE);
}
