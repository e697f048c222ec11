import { Construct } from "constructs";
import { ConnectionSyncOptions } from "../cloud-init";
import { FailoverEngine, HaLoadBalancedWeb, HEARTBEAT_LAB_PROFILE } from "../constructs";
import { HeartbeatPresetProps, LAB_ADMIN_NETWORKS, LAB_NETWORKS, LabStack } from "./lab-stack";

export interface HaLbPresetProps extends HeartbeatPresetProps {
  /** IPVS connection sync between lb1 and lb2 (the VM lab's sync topology). @default false */
  readonly connectionSync?: ConnectionSyncOptions | false;
}

/**
 * Lab preset 3 (lab 000): lb1/lb2 as a Heartbeat pair owning VIP 192.168.56.10, the web servers'
 * gateway 192.168.200.254 and the ipvsadm rules, in front of web1..web3.
 */
export class HaLbStack extends LabStack {
  readonly web: HaLoadBalancedWeb;

  constructor(scope: Construct, id: string, props: HaLbPresetProps = {}) {
    super(scope, id, props);
    const vip = "192.168.56.10";
    this.web = new HaLoadBalancedWeb(this, "ha", {
      platform: this.platform,
      admin: this.admin,
      networks: LAB_NETWORKS,
      directors: [
        { name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.251" },
        { name: "lb2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.252" },
      ],
      webServers: [
        { name: "web1", privateAddress: "192.168.200.11" },
        { name: "web2", privateAddress: "192.168.200.12" },
        { name: "web3", privateAddress: "192.168.200.13" },
      ],
      vip,
      gatewayVip: "192.168.200.254",
      scheduler: "rr",
      failover: props.failover ?? FailoverEngine.heartbeat(HEARTBEAT_LAB_PROFILE),
      subtitle: "HA IPVS load balancer",
      firewall: { adminNetworks: LAB_ADMIN_NETWORKS },
      ...(props.connectionSync !== undefined ? { connectionSync: props.connectionSync } : {}),
    });
    this.addOutputs(vip, this.web.loadBalancer);
  }
}
