import { createHash } from "crypto";
import { Construct, IConstruct } from "constructs";
import { TerraformStack, TerraformVariable, TerraformVariableConfig } from "cdktf";
import { ConfigIssue, NodePayload } from "../cloud-init";
import { NetworkRole, PlannedNic } from "./plan";

/** What a platform needs to create one VM. Hypervisor-neutral. */
export interface MachineSpec {
  readonly name: string;
  readonly cpus: number;
  readonly memoryMiB: number;
  /** NICs in order: each on its network, with the MAC the payload matches on. */
  readonly nics: readonly PlannedNic[];
  readonly payload: NodePayload;
}

/** A created VM. */
export interface IMachine extends IConstruct {
  readonly machineName: string;
}

/**
 * Where VMs run: libvirt/KVM or vSphere/ESXi. Topology constructs only use this interface, so one
 * topology synthesizes for either. Hypervisor details (cloud-init disks, guestinfo) stay behind it.
 */
export interface IPlatform extends IConstruct {
  readonly kind: "libvirt" | "vsphere";
  /** Deterministic MAC for a node's NIC on a network, in the hypervisor's accepted range. */
  macAddress(node: string, role: NetworkRole): string;
  /** Problems this platform has with a payload, such as a size limit. */
  payloadIssues(spec: MachineSpec, path: string): ConfigIssue[];
  /** Creates the VM in `scope`. */
  addMachine(scope: IConstruct, id: string, spec: MachineSpec): IMachine;
  /** The hypervisor's name for a node's VM (a libvirt domain, a vSphere VM), which fencing resets. */
  machineName(node: string): string;
}

/**
 * The prefix a platform gives the names it creates on the host (VMs, volumes, networks): the
 * stack's id, so two stacks, the presets among them, can be deployed to one host side by side.
 */
export function defaultNamePrefix(scope: IConstruct): string {
  return TerraformStack.of(scope).node.id;
}

/** A short, deterministic tag of a name, for host names with tight length limits (a Linux bridge: 15 characters). */
export function shortTag(name: string, length = 6): string {
  return createHash("sha256").update(name).digest("hex").slice(0, length);
}

/**
 * Derives three MAC bytes from the platform's seed, the node and the network. The same topology
 * always gets the same MACs; another seed (another stack) gets others.
 */
export function derivedMacBytes(seed: string, node: string, role: NetworkRole): number[] {
  const digest = createHash("sha256").update(`${seed}\0${node}\0${role}`).digest();
  return [digest[0], digest[1], digest[2]];
}

export function formatMac(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, "0")).join(":");
}

/**
 * Terraform reads `${…}` and `%{…}` in any string as template syntax. Payload text is literal apart
 * from the references cdktf placed there (its tokens), so every other `${` and `%{` is escaped.
 */
export function escapeTerraformTemplate(text: string): string {
  return text.replace(/\$\{(?!TfToken\[)/g, "$$${").replace(/%\{/g, "%%{");
}

/** A Terraform variable whose name is exactly `name`, as users pass it with `-var name=…`. */
export function namedVariable(scope: Construct, name: string, config: TerraformVariableConfig): TerraformVariable {
  const variable = new TerraformVariable(scope, name, config);
  variable.overrideLogicalId(name);
  return variable;
}
