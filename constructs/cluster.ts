import { Construct } from "constructs";
import { ConfigError, ConfigIssue, renderNodePayload, throwIfIssues } from "../cloud-init";
import { ClusterDecl, planCluster, PlannedNode } from "./plan";
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
export function deployTopology(scope: Construct, platform: IPlatform, topology: ClusterDecl): DeployedTopology {
  const path = scope.node.path;
  // The fenced machines are this platform's VMs: libvirt domains, or vSphere VMs through vCenter.
  const fencing = topology.heartbeat?.fencing;
  const fencer = { libvirt: "libvirt", vsphere: "vcenter" }[platform.kind];
  const mismatch: ConfigIssue[] =
    fencing && fencing.kind !== fencer
      ? [
          {
            path,
            field: "heartbeat.fencing.kind",
            value: fencing.kind,
            message: `the nodes run on ${platform.kind}, so only "${fencer}" can reset them`,
          },
        ]
      : [];
  let nodes: PlannedNode[];
  try {
    nodes = planCluster(topology, path, (node, role) => platform.macAddress(node, role));
  } catch (error) {
    // One error lists every problem: the platform's with the plan's.
    if (error instanceof ConfigError) throw new ConfigError([...mismatch, ...error.issues]);
    throw error;
  }
  throwIfIssues(mismatch);
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

  protected deploy(platform: IPlatform, topology: ClusterDecl): void {
    this.deployed = deployTopology(this, platform, topology);
  }

  private deployment(): DeployedTopology {
    if (!this.deployed) throw new Error(`${this.node.path}: the topology is read before it was deployed`);
    return this.deployed;
  }
}

/**
 * Any topology of Heartbeat pairs, IPVS directors and web servers, declared in full. The named
 * topology constructs (HeartbeatPair, IpvsLoadBalancer, HaLoadBalancedWeb, WebServer) are shorthands for it.
 */
export class Cluster extends TopologyConstruct {
  constructor(scope: Construct, id: string, props: ClusterProps) {
    super(scope, id);
    this.deploy(props.platform, props.topology);
  }
}
