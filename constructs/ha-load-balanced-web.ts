import { Construct } from "constructs";
import { baseDecl, FailoverGroupOptions, TopologyBaseProps } from "./topology-props";
import { IpvsLoadBalancer, RealServerNode } from "./ipvs-load-balancer";
import { ConnectionSyncOptions, IpvsScheduler } from "../cloud-init";
import { FirewallOptions, LoadBalancerForwarding, NodeDecl } from "./plan";
import { IpvsRules } from "./ipvs-rules";

export interface HaLoadBalancedWebProps extends TopologyBaseProps, FailoverGroupOptions {
  /** lb1 and lb2: the pair of directors, one failover group. */
  readonly directors: readonly NodeDecl[];
  /** web1..webN behind them: on the private network only (NAT), or on the VIP's segment (direct routing). */
  readonly webServers: readonly RealServerNode[];
  /** The public VIP. */
  readonly vip: string;
  /** The floating private gateway of the web servers, owned with the VIP. Required for NAT, refused with direct routing. */
  readonly gatewayVip?: string;
  /**
   * NAT through the directors, or direct routing (`"gatewaying"`): see IpvsLoadBalancerProps.forwarding.
   * @default "masquerade"
   */
  readonly forwarding?: LoadBalancerForwarding;
  /** @default 80 */
  readonly port?: number;
  /** @default "rr" */
  readonly scheduler?: IpvsScheduler;
  /**
   * The nftables rulesets of the directors and web servers: who may reach sshd, or `enabled: false`.
   * @default - on (FIREWALL_DEFAULTS), ssh from the public subnet
   */
  readonly firewall?: FirewallOptions;
  /**
   * Who installs the IPVS rules: as written (`IpvsRules.staticRestore()`, the pair's `ipvsadm`
   * resource), or ldirectord from HTTP health checks (`IpvsRules.ldirectord({ ... })`, the pair's
   * `ldirectord::ldirectord.cf` resource; Heartbeat only). @default IpvsRules.staticRestore()
   */
  readonly rules?: IpvsRules;
  /**
   * IPVS connection sync between lb1 and lb2 (see IpvsLoadBalancerProps.connectionSync): established
   * connections survive a director failover. `{}` for the defaults.
   * @default false (IPVS_SYNC_DEFAULTS once on)
   */
  readonly connectionSync?: ConnectionSyncOptions | false;
}

/**
 * The full classic setup (lab 000): lb1/lb2 as a failover pair (Heartbeat by default) owning the VIP,
 * the web servers' gateway and the ipvsadm rules, in front of web1..webN.
 */
export class HaLoadBalancedWeb extends Construct {
  readonly loadBalancer: IpvsLoadBalancer;

  constructor(scope: Construct, id: string, props: HaLoadBalancedWebProps) {
    super(scope, id);
    const { directors, webServers, vip, gatewayVip, forwarding, port, scheduler, preferredNode, autoFailback, failover, firewall, rules } =
      props;
    this.loadBalancer = new IpvsLoadBalancer(this, "lb", {
      ...baseDecl(props),
      platform: props.platform,
      directors,
      webServers,
      vip,
      gatewayVip,
      forwarding,
      port,
      scheduler,
      preferredNode,
      autoFailback,
      failover,
      firewall,
      rules,
      connectionSync: props.connectionSync,
    });
  }

  /** A Mermaid flowchart of the topology: see TopologyConstruct.diagram. */
  diagram(): string {
    return this.loadBalancer.diagram();
  }
}
