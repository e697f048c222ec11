import { Construct } from "constructs";
import { IpvsLoadBalancer } from "../constructs";
import { LAB_ADMIN_NETWORKS, LAB_NETWORKS, LabStack, LabStackProps } from "./lab-stack";

/**
 * Lab preset 2 (lab 001): one director with VIP 192.168.56.10 on its public side, round robin
 * over the private network to web1/web2, NAT (-m), weight 1.
 */
export class IpvsNatStack extends LabStack {
  readonly loadBalancer: IpvsLoadBalancer;

  constructor(scope: Construct, id: string, props: LabStackProps = {}) {
    super(scope, id, props);
    const vip = "192.168.56.10";
    this.loadBalancer = new IpvsLoadBalancer(this, "lb", {
      platform: this.platform,
      admin: this.admin,
      networks: LAB_NETWORKS,
      directors: [{ name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.254" }],
      vip,
      webServers: [
        { name: "web1", privateAddress: "192.168.200.11", weight: 1 },
        { name: "web2", privateAddress: "192.168.200.12", weight: 1 },
      ],
      port: 80,
      scheduler: "rr",
      subtitle: "IPVS NAT round robin",
      firewall: { adminNetworks: LAB_ADMIN_NETWORKS },
    });
    this.addOutputs(vip, this.loadBalancer);
  }
}
