import { Construct } from "constructs";
import { ConfigIssue, renderNodePayload, throwIfIssues } from "../cloud-init";
import { FailoverEngine } from "./engines/failover-engine";
import { ClusterDecl, planCluster, PlannedNode, PlanOptions } from "./plan";
import { IMachine, IPlatform, MachineSpec } from "./platform";

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
 * a single resource; then creates one machine per node under `scope`. Errors name `scope`'s path.
 */
export function deployTopology(scope: Construct, platform: IPlatform, topology: ClusterDecl, options: PlanOptions = {}): DeployedTopology {
  const path = scope.node.path;
  // Both platforms name each VM after its node; fencing resets the VMs by that name.
  const hypervisor = { kind: platform.kind, machineName: (node: string) => node };
  const nodes = planCluster(topology, path, (node, role) => platform.macAddress(node, role), { hypervisor, ...options });
  const specs: MachineSpec[] = nodes.map((node) => ({
    name: node.name,
    cpus: node.cpus,
    memoryMiB: node.memoryMiB,
    nics: node.nics,
    payload: renderNodePayload(node.spec, `${path}/${node.name}`),
  }));
  const platformIssues: ConfigIssue[] = specs.flatMap((spec) => platform.payloadIssues(spec, path));
  throwIfIssues(platformIssues);
  const machines: Record<string, IMachine> = {};
  for (const spec of specs) machines[spec.name] = platform.addMachine(scope, spec.name, spec);
  return { nodes, machines };
}

/** Base of the topology constructs: each builds a ClusterDecl from its props and deploys it once. */
export abstract class TopologyConstruct extends Construct implements DeployedTopology {
  private deployed?: DeployedTopology;

  /** The planned nodes, with their NICs and payload specs. */
  get nodes(): readonly PlannedNode[] {
    return this.deployment().nodes;
  }

  /** The machines, by host name. */
  get machines(): Readonly<Record<string, IMachine>> {
    return this.deployment().machines;
  }

  /** `options` name the props the way this construct's users wrote them. */
  protected deploy(platform: IPlatform, topology: ClusterDecl, options: PlanOptions = {}): void {
    // The engine creates what it needs (Heartbeat's authkeys secret) under this construct.
    const failover = topology.failoverGroup ? (topology.failover ?? FailoverEngine.heartbeat()).bind(this) : topology.failover;
    this.deployed = deployTopology(this, platform, { ...topology, failover }, options);
  }

  private deployment(): DeployedTopology {
    if (!this.deployed) throw new Error(`${this.node.path}: the topology is read before it was deployed`);
    return this.deployed;
  }
}

/**
 * Any topology of a failover pair, IPVS directors and web servers, declared in full. The named
 * topology constructs (HeartbeatPair, IpvsLoadBalancer, HaLoadBalancedWeb, WebServer) are shorthands for it.
 */
export class Cluster extends TopologyConstruct {
  constructor(scope: Construct, id: string, props: ClusterProps) {
    super(scope, id);
    this.deploy(props.platform, props.topology);
  }
}
