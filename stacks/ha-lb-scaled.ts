import { App } from "cdktf";
import { Construct } from "constructs";
import { FailoverEngine, HaLoadBalancedWeb, HEARTBEAT_LAB_PROFILE, NetworkDecl, RealServerNode } from "../constructs";
import { LAB_NETWORKS, LabStack, LabStackProps, PlatformChoice } from "./lab-stack";

/** The ha-lb networks with a private /16, so that hundreds of web servers fit. */
export const SCALED_NETWORKS: { readonly public: NetworkDecl; readonly private: NetworkDecl } = {
  public: LAB_NETWORKS.public,
  private: { cidr: "10.20.0.0/16" },
};

/** web1..webN at 10.20.1.11-210, 10.20.2.11-210, ...: 200 to a /24 block, never .0 or .255. */
export function scaledWebServers(count: number): RealServerNode[] {
  if (!Number.isInteger(count) || count < 1 || count > 200 * 254) throw new Error(`web server count ${count}: must be 1..${200 * 254}`);
  return Array.from({ length: count }, (_, i) => ({
    name: `web${i + 1}`,
    privateAddress: `10.20.${1 + Math.floor(i / 200)}.${11 + (i % 200)}`,
  }));
}

export interface ScaledHaLbStackProps extends LabStackProps {
  /** How many web servers sit behind the pair. */
  readonly webServers: number;
}

/**
 * The ha-lb preset (lb1/lb2 as a Heartbeat pair of IPVS NAT directors) with any number of web
 * servers on a private 10.20.0.0/16: what the scaling benchmark synthesizes.
 */
export class ScaledHaLbStack extends LabStack {
  readonly web: HaLoadBalancedWeb;

  constructor(scope: Construct, id: string, props: ScaledHaLbStackProps) {
    super(scope, id, props);
    const vip = "192.168.56.10";
    this.web = new HaLoadBalancedWeb(this, "ha", {
      platform: this.platform,
      admin: this.admin,
      networks: SCALED_NETWORKS,
      directors: [
        { name: "lb1", publicAddress: "192.168.56.11", privateAddress: "10.20.0.251" },
        { name: "lb2", publicAddress: "192.168.56.12", privateAddress: "10.20.0.252" },
      ],
      webServers: scaledWebServers(props.webServers),
      vip,
      gatewayVip: "10.20.0.254",
      scheduler: "rr",
      failover: FailoverEngine.heartbeat(HEARTBEAT_LAB_PROFILE),
      subtitle: "HA IPVS load balancer",
    });
    this.addOutputs(vip, this.web.loadBalancer);
  }
}

/** An app holding one ScaledHaLbStack, `ha-lb-<n>-<platform>`: call `.synth()` on it. */
export function haLbWith(webServers: number, platform: PlatformChoice = { kind: "libvirt" }, app: App = new App()): App {
  new ScaledHaLbStack(app, `ha-lb-${webServers}-${platform.kind}`, { platform, webServers });
  return app;
}
