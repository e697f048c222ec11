import { Construct } from "constructs";
import { ConnectionSyncOptions, IpvsScheduler } from "../cloud-init";
import { TopologyConstruct } from "./cluster";
import { ClusterDecl, FirewallOptions, LoadBalancerForwarding, NodeDecl, ServiceDecl } from "./plan";
import { IpvsRules } from "./ipvs-rules";
import { baseDecl, FailoverGroupOptions, TopologyBaseProps } from "./topology-props";

export interface RealServerNode extends NodeDecl {
  /** ipvsadm weight (`-w`). @default 1 */
  readonly weight?: number;
}

export interface IpvsLoadBalancerProps extends TopologyBaseProps, FailoverGroupOptions {
  /**
   * One director, or two that form a failover group owning the VIPs and the ipvsadm rules.
   * Directors need a publicAddress (clients) and, with NAT, a privateAddress (real servers).
   */
  readonly directors: readonly NodeDecl[];
  /** The public VIP clients connect to. */
  readonly vip: string;
  /** Floating private address real servers route through; needed for a pair of NAT directors. @default none */
  readonly gatewayVip?: string;
  /**
   * Apache real servers, created with the load balancer: on the private network (NAT), or with a
   * publicAddress on the VIP's segment (direct routing).
   */
  readonly webServers: readonly RealServerNode[];
  /**
   * `"masquerade"`: NAT (`ipvsadm -m`), real servers on the private network behind the directors.
   * `"gatewaying"`: direct routing (`-g`), for when the directors must not carry the replies (their
   * bandwidth, large downloads): real servers on the VIP's segment hold the VIP on lo and answer
   * clients through the public gateway; no port remapping, no gatewayVip.
   * @default "masquerade"
   */
  readonly forwarding?: LoadBalancerForwarding;
  /** @default 80 */
  readonly port?: number;
  /** @default "rr" */
  readonly scheduler?: IpvsScheduler;
  /** Persistence timeout, seconds. @default none */
  readonly persistence?: number;
  /** Further virtual services on the same VIP, over the same web servers. @default none */
  readonly extraServices?: readonly ServiceDecl[];
  /**
   * The nftables rulesets of the directors and web servers: who may reach sshd, or `enabled: false`.
   * @default - on (FIREWALL_DEFAULTS), ssh from the public subnet
   */
  readonly firewall?: FirewallOptions;
  /**
   * Who installs the IPVS rules: as written (`IpvsRules.staticRestore()`), or ldirectord from HTTP
   * health checks (`IpvsRules.ldirectord({ ... })`), which also creates its fallback server.
   * @default IpvsRules.staticRestore()
   */
  readonly rules?: IpvsRules;
  /**
   * IPVS connection sync between the two directors, on the private network: the standby learns the
   * active director's connections, so a download in progress survives a director failover. Use it when
   * long connections (downloads, streams, websockets) must outlive a director crash. `{}` for the defaults;
   * a single director refuses it. A connection is synced only after its first few packets (sync_threshold),
   * and sync messages are not retried, so the newest connections (the last ~2 s) can still be lost.
   * @default false (IPVS_SYNC_DEFAULTS once on)
   */
  readonly connectionSync?: ConnectionSyncOptions | false;
}

/**
 * An IPVS load balancer spreading a VIP over Apache real servers, by NAT (ipvsadm -m, lab 001) or
 * direct routing (-g, `forwarding: "gatewaying"`);
 * with two directors, a failover group (Heartbeat by default) owns the VIPs and the rules (lab 000).
 */
export class IpvsLoadBalancer extends TopologyConstruct {
  constructor(scope: Construct, id: string, props: IpvsLoadBalancerProps) {
    super(scope, id);
    this.deploy({
      platform: props.platform,
      props,
      lists: { directors: props.directors, webServers: props.webServers, extraServices: props.extraServices ?? [] },
      topology: () => this.topology(props),
      options: {
        groupFields: { nodes: "directors", vips: "vip", preferredNode: "preferredNode" },
        fieldName: loadBalancerFieldName(props.directors?.length ?? 0, props.webServers?.length),
      },
    });
  }

  private topology(props: IpvsLoadBalancerProps): ClusterDecl {
    const directorNames = props.directors.map((d) => d.name);
    const pair = props.directors.length === 2;
    const realServers = props.webServers.map((web) => ({ node: web.name, weight: web.weight }));
    // ldirectord's sorry server is a web node of the topology, after the real servers.
    const fallback = props.rules instanceof IpvsRules ? props.rules.ldirectordProps?.fallback?.server : undefined;
    return {
      ...baseDecl(props),
      nodes: [
        ...props.directors,
        ...props.webServers.map(({ weight: _weight, ...node }) => ({ ...node, web: true })),
        ...(fallback ? [{ ...fallback, web: true }] : []),
      ],
      loadBalancer: {
        directors: directorNames,
        vip: props.vip,
        gatewayVip: props.gatewayVip,
        ...(props.forwarding !== undefined ? { forwarding: props.forwarding } : {}),
        services: [
          { port: props.port ?? 80, scheduler: props.scheduler, persistence: props.persistence, realServers },
          ...(props.extraServices ?? []),
        ],
        ...(props.rules !== undefined ? { rules: props.rules } : {}),
        ...(props.connectionSync !== undefined ? { connectionSync: props.connectionSync } : {}),
      },
      // The planner adds the VIP, the gateway VIP and the rules to the pair's group. An engine
      // given to one director reaches the planner too, which refuses it.
      ...(pair
        ? { failoverGroup: { nodes: directorNames, preferredNode: props.preferredNode, vips: [], autoFailback: props.autoFailback } }
        : {}),
      failover: props.failover,
      firewall: props.firewall,
    };
  }
}

/**
 * ClusterDecl's fields as IpvsLoadBalancer's props name them: its nodes are the directors, then the
 * web servers; its first service is `port`/`scheduler`/`persistence` over `webServers`, the rest `extraServices`.
 */
export function loadBalancerFieldName(directors: number, webServers = Infinity): (field: string) => string {
  const node = (i: number) =>
    i < directors ? `directors[${i}]` : i - directors < webServers ? `webServers[${i - directors}]` : "rules.fallback.server";
  return (field) =>
    field
      .replace(/^nodes\[(\d+)\]/, (_, i: string) => node(Number(i)))
      .replace(/^loadBalancer\.services\[\d+\]\.address/, "vip")
      .replace(/^loadBalancer\.services\[0\]\.realServers(?=$|\[)/, "webServers")
      .replace(/^webServers\[(\d+)\]\.node/, "webServers[$1].name")
      .replace(/^loadBalancer\.services\[0\]\./, "")
      .replace(/^loadBalancer\.services\[(\d+)\]/, (_, k: string) => `extraServices[${Number(k) - 1}]`)
      .replace(/^loadBalancer\./, "");
}
