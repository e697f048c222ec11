import { Construct } from "constructs";
import { deployTopology, DeployedTopology } from "./cluster";
import { NodeDecl, PlannedNode } from "./plan";
import { IMachine } from "./platform";
import { TopologyBaseProps } from "./topology-props";

export interface WebServerProps extends TopologyBaseProps {
  readonly node: NodeDecl;
}

/** One Apache VM with a page naming the host. Load balancers create their own; this is for standalone use. */
export class WebServer extends Construct implements DeployedTopology {
  readonly nodes: readonly PlannedNode[];
  readonly machines: Readonly<Record<string, IMachine>>;

  constructor(scope: Construct, id: string, props: WebServerProps) {
    super(scope, id);
    ({ nodes: this.nodes, machines: this.machines } = deployTopology(this, props.platform, {
      networks: props.networks,
      admin: props.admin,
      interfaceNames: props.interfaceNames,
      subtitle: props.subtitle,
      nodes: [{ ...props.node, web: true }],
    }));
  }
}
