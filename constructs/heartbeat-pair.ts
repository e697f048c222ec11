import { Construct } from "constructs";
import { TopologyConstruct } from "./cluster";
import { NodeDecl } from "./plan";
import { baseDecl, FailoverGroupOptions, toVipDecl, TopologyBaseProps, VipInput } from "./topology-props";

export interface HeartbeatPairProps extends TopologyBaseProps, FailoverGroupOptions {
  /** The two nodes. Each needs a privateAddress (heartbeats) and a publicAddress (the VIP). */
  readonly nodes: readonly NodeDecl[];
  /** Floating addresses, on the public network unless said otherwise. */
  readonly vips: readonly VipInput[];
  /** Init scripts the group starts after the VIPs. @default ["apache2"] */
  readonly resources?: readonly string[];
  /** Install Apache with a page naming the host on both nodes. @default true */
  readonly serveWeb?: boolean;
}

/** Two nodes sharing one or more VIPs in front of Apache, failed over by Heartbeat by default (labs 002, 003, 004). */
export class HeartbeatPair extends TopologyConstruct {
  constructor(scope: Construct, id: string, props: HeartbeatPairProps) {
    super(scope, id);
    const serveWeb = props.serveWeb ?? true;
    this.deploy({
      platform: props.platform,
      props,
      lists: { nodes: props.nodes, vips: props.vips },
      topology: () => ({
        ...baseDecl(props),
        nodes: props.nodes.map((node) => ({ ...node, web: serveWeb })),
        failoverGroup: {
          nodes: props.nodes.map((node) => node.name),
          preferredNode: props.preferredNode,
          vips: props.vips.map(toVipDecl),
          resources: props.resources ?? ["apache2"],
          autoFailback: props.autoFailback,
        },
        failover: props.failover,
      }),
      options: { groupFields: { nodes: "nodes", vips: "vips", preferredNode: "preferredNode", resources: "resources" } },
    });
  }
}
