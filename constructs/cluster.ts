import { Construct } from "constructs";
import { ConfigError, ConfigIssue, HEARTBEAT_DEFAULTS, renderNodePayload, throwIfIssues } from "../cloud-init";
import { FailoverEngine } from "./engines/failover-engine";
import { HeartbeatEngine } from "./engines/heartbeat/engine";
import { ClusterDecl, inUserWords, NETWORK_ROLES, planCluster, PlannedNode, PlanOptions, shapeIssues } from "./plan";
import { IMachine, IPlatform, MachineSpec } from "./platform";
import { CheckedTopology, enrolTopology, TopologyClaim } from "./validation";
import { renderTopologyDiagram } from "./diagram";

export interface ClusterProps {
  readonly platform: IPlatform;
  readonly topology: ClusterDecl;
}

/** The nodes of a deployed topology and their machines. */
export interface DeployedTopology {
  readonly nodes: readonly PlannedNode[];
  readonly machines: Readonly<Record<string, IMachine>>;
}

/**
 * Plans and validates a whole topology, including the platform's payload limits, before it creates
 * a single resource; then creates one machine per node under `scope`. Errors name `scope`'s path
 * and the fields as `options` name them. Throws a ConfigError; topology constructs call it through
 * `TopologyConstruct`, which reports at synth instead, with every other construct of the app.
 */
export function deployTopology(scope: Construct, platform: IPlatform, topology: ClusterDecl, options: PlanOptions = {}): DeployedTopology {
  const path = scope.node.path;
  const plan = (): { nodes: PlannedNode[]; specs: MachineSpec[] } => {
    // Fencing resets the nodes' VMs by the hypervisor's name for them.
    const hypervisor = { kind: platform.kind, machineName: (node: string) => platform.machineName(node) };
    const nodes = planCluster(topology, path, (node, role) => platform.macAddress(node, role), { hypervisor, ...options });
    const specs: MachineSpec[] = nodes.map((node) => ({
      name: node.name,
      cpus: node.cpus,
      memoryMiB: node.memoryMiB,
      nics: node.nics,
      payload: renderNodePayload(node.spec, `${path}/${node.name}`),
    }));
    throwIfIssues(specs.flatMap((spec) => platform.payloadIssues(spec, path)));
    // Machines are children named after their nodes: a node may not take the name of another child (the engine's `authkey`).
    throwIfIssues(
      topology.nodes.flatMap((node, i) => {
        const taken = scope.node.tryFindChild(node.name);
        return taken
          ? [
              {
                path,
                field: `nodes[${i}].name`,
                value: node.name,
                message: `the construct already has a child of that name (${taken.constructor.name}); rename the node`,
              },
            ]
          : [];
      }),
    );
    return { nodes, specs };
  };
  let planned: { nodes: PlannedNode[]; specs: MachineSpec[] };
  try {
    planned = plan();
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(inUserWords(error.issues, path, options));
    throw error;
  }
  const machines: Record<string, IMachine> = {};
  for (const spec of planned.specs) machines[spec.name] = platform.addMachine(scope, spec.name, spec);
  return { nodes: planned.nodes, machines };
}

/** What a topology construct hands `deploy`: its platform, and how to read its props as a ClusterDecl. */
export interface TopologyRequest {
  readonly platform: IPlatform;
  /** The props, for the shape check: required fields present, lists that are lists. */
  readonly props: object;
  /** The props that must be lists, by name, such as `{ nodes: props.nodes, vips: props.vips }`. */
  readonly lists?: Readonly<Record<string, unknown>>;
  /** The props that must be objects, by name, such as `{ node: props.node }`. */
  readonly objects?: Readonly<Record<string, unknown>>;
  /** Builds the declaration; runs only when the shape check passed. */
  readonly topology: () => ClusterDecl;
  /** The names this construct's users gave the declaration's fields. */
  readonly options?: PlanOptions;
}

/**
 * Base of the topology constructs: each builds a ClusterDecl from its props and deploys it once.
 * Nothing is thrown from the constructor: the construct's problems, and its conflicts with other
 * constructs, are reported at synth in one ConfigError for the whole app (see ./validation.ts).
 */
export abstract class TopologyConstruct extends Construct implements DeployedTopology, CheckedTopology {
  private deployed: DeployedTopology = { nodes: [], machines: {} };
  private issues: readonly ConfigIssue[] = [];
  private claimed: readonly TopologyClaim[] = [];
  private platformAt?: string;
  private declared?: ClusterDecl;

  /** The planned nodes, with their NICs and payload specs; none when the props have problems (synth reports them). */
  get nodes(): readonly PlannedNode[] {
    return this.deployed.nodes;
  }

  /** The machines, by host name; none when the props have problems (synth reports them). */
  get machines(): Readonly<Record<string, IMachine>> {
    return this.deployed.machines;
  }

  /** Everything wrong with this construct's props, as synth will report it. */
  get configIssues(): readonly ConfigIssue[] {
    return this.issues;
  }

  /** The host names, addresses and MACs this construct takes on its platform. */
  get claims(): readonly TopologyClaim[] {
    return this.claimed;
  }

  /** The construct path of the platform, so constructs sharing it are checked against each other. */
  get platformPath(): string | undefined {
    return this.platformAt;
  }

  /** A Mermaid flowchart of the topology as declared: networks, nodes, VIPs, the failover link and the real servers. */
  diagram(): string {
    if (!this.declared) throw new ConfigError(this.issues);
    return renderTopologyDiagram(this.declared);
  }

  protected deploy(request: TopologyRequest): void {
    enrolTopology(this);
    const path = this.node.path;
    const shape = shapeIssues(path, request.platform, request.props, request.lists ?? {}, request.objects ?? {});
    if (shape.length > 0) {
      this.issues = shape;
      return;
    }
    this.platformAt = request.platform.node.path;
    const options = request.options ?? {};
    try {
      const topology = request.topology();
      const engine = topology.failover as Partial<FailoverEngine> | undefined;
      if (engine !== undefined && !(typeof engine.bind === "function" && typeof engine.checkGroup === "function")) {
        this.issues = [
          {
            path,
            field: "failover",
            value: "(not an engine)",
            message: "must be a FailoverEngine, such as FailoverEngine.heartbeat({ deadtime: 3, warntime: 2 })",
          },
        ];
        return;
      }
      this.declared = topology;
      // The engine creates what it needs (Heartbeat's authkeys secret) under this construct.
      const failover = topology.failoverGroup ? (topology.failover ?? FailoverEngine.heartbeat()).bind(this) : topology.failover;
      this.deployed = deployTopology(this, request.platform, { ...topology, failover }, options);
      this.claimed = claimsOf(topology, this.deployed.nodes, options);
    } catch (error) {
      // The shape check catches what the types allow to be missing; anything else still becomes the project's error.
      this.issues =
        error instanceof ConfigError
          ? error.issues
          : [
              {
                path,
                field: "(props)",
                value: undefined,
                message: `could not be read: ${String(error)}; check them against the props type`,
              },
            ];
    }
  }
}

/** Host names, node addresses, VIPs and MACs, under the fields that declared them. */
function claimsOf(decl: ClusterDecl, planned: readonly PlannedNode[], options: PlanOptions): TopologyClaim[] {
  const rename = options.fieldName ?? ((field: string) => field);
  const claims: TopologyClaim[] = [];
  decl.nodes.forEach((node, i) => {
    claims.push({ kind: "host name", value: node.name, field: rename(`nodes[${i}].name`) });
    if (node.publicAddress) claims.push({ kind: "address", value: node.publicAddress, field: rename(`nodes[${i}].publicAddress`) });
    if (node.privateAddress) claims.push({ kind: "address", value: node.privateAddress, field: rename(`nodes[${i}].privateAddress`) });
  });
  const groupFields = options.groupFields;
  (decl.failoverGroup?.vips ?? []).forEach((vip, i) =>
    claims.push({ kind: "address", value: vip.address, field: `${groupFields?.vips ?? "failoverGroup.vips"}[${i}]` }),
  );
  if (decl.loadBalancer) {
    claims.push({ kind: "address", value: decl.loadBalancer.vip, field: rename("loadBalancer.vip") });
    if (decl.loadBalancer.gatewayVip) {
      claims.push({ kind: "address", value: decl.loadBalancer.gatewayVip, field: rename("loadBalancer.gatewayVip") });
    }
  }
  planned.forEach((node) => {
    const i = decl.nodes.findIndex((n) => n.name === node.name);
    // MACs derive from the node name: a clash is reported on the name, once.
    for (const nic of node.nics) claims.push({ kind: "MAC", value: nic.mac, field: rename(`nodes[${i}].name`) });
  });
  claims.push(...heartbeatClaims(decl));
  // One address may be claimed twice within a construct (a pair's VIP is also the load balancer's): keep the first.
  // A pair's own bcast and ucast on one network are one channel: keep the exclusive claim.
  const kept = claims.filter((c) => !(c.shared && claims.some((d) => !d.shared && d.kind === c.kind && d.value === c.value)));
  return kept.filter((c, i) => kept.findIndex((d) => d.kind === c.kind && d.value === c.value) === i);
}

/**
 * Any topology of a failover pair, IPVS directors and web servers, declared in full. The named
 * topology constructs (HeartbeatPair, IpvsLoadBalancer, HaLoadBalancedWeb, WebServer) are shorthands for it.
 */
export class Cluster extends TopologyConstruct {
  constructor(scope: Construct, id: string, props: ClusterProps) {
    super(scope, id);
    const topology = props.topology;
    this.deploy({
      platform: props.platform,
      props: { ...topology, platform: props.platform },
      objects: { topology },
      lists: { nodes: topology?.nodes },
      topology: () => topology,
    });
  }
}

/**
 * The UDP channels a Heartbeat pair uses on the platform's networks, which another pair on the same
 * networks must not share:
 * - a ucast pair listens on `udpport` on each heartbeat network (shared: packets are addressed to its
 *   peer, and addresses are already unique, so two ucast pairs on one port never hear each other);
 * - a bcast medium sends to every host on the network on `udpport`: it clashes with any other pair
 *   listening on that port there, ucast or bcast (their nodes would receive and reject its packets,
 *   or, with the same key, join the wrong cluster);
 * - an mcast medium reaches only hosts that joined its group: it clashes with the same group and port.
 */
function heartbeatClaims(decl: ClusterDecl): TopologyClaim[] {
  // No engine given means Heartbeat with its defaults (ClusterDecl.failover).
  const engine = decl.failover ?? FailoverEngine.heartbeat();
  if (!(engine instanceof HeartbeatEngine) || (decl.failoverGroup?.nodes.length ?? 0) < 2) return [];
  const hb = engine.settings;
  const port = hb.udpport ?? HEARTBEAT_DEFAULTS.udpport;
  const names = { public: "public", private: "private", ...decl.interfaceNames };
  const roleOf = (iface: string) => NETWORK_ROLES.find((role) => names[role] === iface);
  const listen = (role: string) => `UDP ${port} on the ${role} network`;
  const claims: TopologyClaim[] = (hb.heartbeatNetworks ?? HEARTBEAT_DEFAULTS.heartbeatNetworks).map((role) => ({
    kind: "heartbeat channel",
    value: listen(role),
    field: "failover.udpport",
    shared: true,
  }));
  (hb.extraMedia ?? []).forEach((medium, i) => {
    const field = `failover.extraMedia[${i}]`;
    if (medium.kind === "bcast") {
      for (const role of medium.interfaces.map(roleOf)) {
        if (role) claims.push({ kind: "heartbeat channel", value: listen(role), field });
      }
    } else if (medium.kind === "mcast") {
      const role = roleOf(medium.interface);
      if (role)
        claims.push({ kind: "heartbeat channel", value: `mcast ${medium.group}:${medium.port ?? port} on the ${role} network`, field });
    }
  });
  return claims;
}
