/**
 * The direct-routing lab stack (lab/vm/ipvs-dr.ts boots it): one director in front of three web
 * servers on the VIP's own segment, `forwarding: "gatewaying"`. One director is enough: what DR
 * changes is the path of the packets between the director, the real servers and the client, which
 * a pair changes in no way (the VIP moves, the rules are the same); three real servers make rr's
 * evenness a real check.
 */
import { App } from "cdktf";
import { Construct } from "constructs";
import { IpvsLoadBalancer } from "../../constructs";
import { LAB_ADMIN_NETWORKS, LAB_NETWORKS, LabStack } from "../../stacks";
import { IPVS_DR_STACK } from "./stack-names";

/** The facts the VM lab checks the guests against; the stack below is built from them. */
export const IPVS_DR = {
  vip: "192.168.56.10",
  /** No private address: a DR director needs none. */
  director: { name: "lb1", publicAddress: "192.168.56.11" },
  webServers: [
    { name: "web1", publicAddress: "192.168.56.21" },
    { name: "web2", publicAddress: "192.168.56.22" },
    { name: "web3", publicAddress: "192.168.56.23" },
  ],
  port: 80,
} as const;

class IpvsDrStack extends LabStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const o = IPVS_DR;
    const lb = new IpvsLoadBalancer(this, "lb", {
      platform: this.platform,
      admin: this.admin,
      networks: LAB_NETWORKS,
      directors: [{ ...o.director }],
      vip: o.vip,
      webServers: o.webServers.map((w) => ({ ...w })),
      port: o.port,
      scheduler: "rr",
      forwarding: "gatewaying",
      subtitle: "IPVS direct routing",
      firewall: { adminNetworks: LAB_ADMIN_NETWORKS },
    });
    this.addOutputs(o.vip, lb);
  }
}

/** Adds the direct-routing stack to a lab app (synthesizeLabStacks). */
export function addIpvsDrStack(app: App): void {
  new IpvsDrStack(app, IPVS_DR_STACK);
}
