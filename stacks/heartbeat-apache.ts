import { Construct } from "constructs";
import { FailoverEngine, HEARTBEAT_LAB_PROFILE, HeartbeatPair, HeartbeatPairProps } from "../constructs";
import { HeartbeatPresetProps, LAB_NETWORKS, LabStack } from "./lab-stack";

export interface HeartbeatApacheStackProps extends HeartbeatPresetProps {
  /** Overrides of the pair's props, such as `{ autoFailback: false }`. @default the lab's values */
  readonly pair?: Partial<Omit<HeartbeatPairProps, "platform" | "admin">>;
}

/** Lab preset 1: srv1/srv2 sharing VIP 192.168.56.10, apache2 started by Heartbeat. */
export class HeartbeatApacheStack extends LabStack {
  readonly pair: HeartbeatPair;

  constructor(scope: Construct, id: string, props: HeartbeatApacheStackProps = {}) {
    super(scope, id, props);
    const vip = "192.168.56.10";
    this.pair = new HeartbeatPair(this, "pair", {
      platform: this.platform,
      admin: this.admin,
      networks: LAB_NETWORKS,
      nodes: [
        { name: "srv1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.11" },
        { name: "srv2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.12" },
      ],
      vips: [vip],
      resources: ["apache2"],
      failover: props.failover ?? FailoverEngine.heartbeat(HEARTBEAT_LAB_PROFILE),
      autoFailback: true,
      subtitle: "Heartbeat + Apache pair",
      ...props.pair,
    });
    this.addOutputs(vip, this.pair);
  }
}
