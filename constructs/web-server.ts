import { Construct } from "constructs";
import { TopologyConstruct } from "./cluster";
import { NodeDecl } from "./plan";
import { baseDecl, TopologyBaseProps } from "./topology-props";

export interface WebServerProps extends TopologyBaseProps {
  readonly node: NodeDecl;
}

/** One Apache VM with a page naming the host. Load balancers create their own; this is for standalone use. */
export class WebServer extends TopologyConstruct {
  constructor(scope: Construct, id: string, props: WebServerProps) {
    super(scope, id);
    this.deploy({
      platform: props.platform,
      props,
      objects: { node: props.node },
      topology: () => ({ ...baseDecl(props), nodes: [{ ...props.node, web: true }] }),
      options: { fieldName: (field) => field.replace(/^nodes\[0\]/, "node") },
    });
  }
}
