/**
 * The app-wide check: every topology construct's problems, and the conflicts between constructs,
 * in one ConfigError, before cdktf writes anything.
 *
 * Why here and not only in `node.addValidation`: cdktf 0.21's App.synth prepares every stack, then
 * synthesizes them one by one, and each stack runs its validations just before it writes its own
 * JSON; App-level validations run after every stack is written. So a validation alone would let the
 * stacks before a bad one reach the disk. The one step that visits every stack before any write is
 * `prepareStack`, which resolves each TerraformElement's `toTerraform()`: a gate element in each stack
 * runs the check there (and in `Testing.synth`, which calls `toTerraform()`). The construct validation
 * still covers a stack whose prepare pass is skipped (LabStack alone in its app), before its folder is made.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { IConstruct } from "constructs";
import { ISynthesisSession, TerraformElement, TerraformStack } from "cdktf";
import { ConfigIssue, throwIfIssues } from "../cloud-init";

/** One thing a construct takes for itself on its platform and in its stack: a VM name, an address, a MAC. */
export interface TopologyClaim {
  readonly kind: "host name" | "address" | "MAC" | "name prefix" | "heartbeat channel";
  readonly value: string;
  /** The field that declared it, in the construct's props. */
  readonly field: string;
  /** Where the value must be unique, when narrower than the kind: a platform's kind for a name prefix. @default - the kind */
  readonly space?: string;
  /** Another construct's shared claim of the same value is no conflict; an exclusive one is. @default false */
  readonly shared?: boolean;
}

/** A construct the app-wide check reads: its own problems and its claims. */
export interface CheckedTopology extends IConstruct {
  /** Everything wrong with this construct's props; empty when it planned. */
  readonly configIssues: readonly ConfigIssue[];
  readonly claims: readonly TopologyClaim[];
  /** The platform it runs on: two constructs on one platform share its networks and host. */
  readonly platformPath?: string;
  /** Its Mermaid picture, written beside the stack's JSON at synth; platforms have none. */
  diagram?(): string;
}

const GATE_ID = "hal-topology-check";

class AppCheck {
  readonly members: CheckedTopology[] = [];
  private checked = -1;

  /** Throws one ConfigError for the whole app; once a set of constructs passed, it is not checked again. */
  check(): void {
    if (this.checked === this.members.length) return;
    const issues = [...this.members.flatMap((m) => m.configIssues), ...conflicts(this.members)];
    throwIfIssues(issues);
    this.checked = this.members.length;
  }
}

const checks = new WeakMap<IConstruct, AppCheck>();

function appCheckOf(scope: IConstruct): AppCheck {
  const root = scope.node.root;
  let check = checks.get(root);
  if (!check) {
    check = new AppCheck();
    checks.set(root, check);
  }
  return check;
}

/** Runs the check when cdktf prepares or synthesizes its stack; adds nothing to the JSON. */
class TopologyCheckGate extends TerraformElement {
  toTerraform(): any {
    appCheckOf(this).check();
    return {};
  }
}

/** Enrols a topology construct in its app's check. Call once, from the construct's constructor. */
export function enrolTopology(construct: CheckedTopology): void {
  const check = appCheckOf(construct);
  check.members.push(construct);
  construct.node.addValidation({
    validate: () => {
      check.check();
      return [];
    },
  });
  const stack = TerraformStack.of(construct);
  if (!stack.node.tryFindChild(GATE_ID)) {
    new TopologyCheckGate(stack, GATE_ID);
    writeDiagramAtSynth(stack, check);
  }
}

/** The file beside `cdk.tf.json` that pictures the stack's topologies. */
export const TOPOLOGY_FILE = "topology.md";

/**
 * Renders the stack's topology constructs, in the order they were declared, as one Markdown file
 * with a Mermaid block each. Pure: same stack, same bytes.
 */
export function renderStackDiagrams(stack: TerraformStack): string {
  const members = appCheckOf(stack).members.filter((m) => m.diagram && TerraformStack.of(m) === stack);
  const sections = members.map((m) => `## ${m.node.path}\n\n\`\`\`mermaid\n${m.diagram!()}\`\`\`\n`);
  return [`# Topology of stack ${stack.node.id}\n`, ...sections].join("\n");
}

/**
 * Wraps the stack's synthesizer (a public, settable member of TerraformStack) so the diagram is
 * written after cdktf wrote the stack: cdktf's own synthesize runs the validations first and throws
 * on a bad app, so nothing is written then. No private cdktf API (addCustomSynthesis is not exported).
 */
function writeDiagramAtSynth(stack: TerraformStack, check: AppCheck): void {
  const inner = stack.synthesizer;
  stack.synthesizer = {
    synthesize(session: ISynthesisSession): void {
      inner.synthesize(session);
      // A bad app with skipValidation (cdktf-cli's --skip-validation) still gets no picture.
      check.check();
      const dir = join(session.outdir, session.manifest.forStack(stack).workingDirectory);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, TOPOLOGY_FILE), renderStackDiagrams(stack));
    },
  };
}

/** Runs the check of `scope`'s app now: what synth would throw, without synthesizing. */
export function checkTopologies(scope: IConstruct): void {
  appCheckOf(scope).check();
}

const WHY: Record<TopologyClaim["kind"], string> = {
  "host name":
    "each VM needs its own name: libvirt would get two domains and volumes of that name, and vSphere one VM with the other's user-data",
  address: "two NICs or VIPs with one address on one network: traffic would reach either",
  MAC: "two NICs with one MAC on one network; rename the node, or give the platform another macSeed",
  "name prefix": "two platforms in one stack would create the same networks, volumes and VMs on the host; give each its own namePrefix",
  "heartbeat channel":
    "two Heartbeat pairs on one network would hear each other's bcast or mcast heartbeats; give one pair another udpport (or mcast group), or use ucast",
};

/**
 * Constructs in one stack, or on one platform, share the host and its networks: a VM name, an
 * address (node or VIP) or a MAC may be taken once. The later construct is reported, naming the first.
 */
function conflicts(members: readonly CheckedTopology[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (let j = 0; j < members.length; j++) {
    for (let i = 0; i < j; i++) {
      const [first, later] = [members[i], members[j]];
      const sameStack = TerraformStack.of(first) === TerraformStack.of(later);
      const samePlatform = first.platformPath !== undefined && first.platformPath === later.platformPath;
      if (!sameStack && !samePlatform) continue;
      for (const claim of later.claims) {
        // Heartbeat channels are per network, and networks per platform: two platforms in one stack have their own.
        if (claim.kind === "heartbeat channel" && !samePlatform) continue;
        const owner = first.claims.find(
          (c) => c.kind === claim.kind && c.space === claim.space && c.value === claim.value && !(c.shared && claim.shared),
        );
        // One line per field: a node whose name clashes also clashes by MAC.
        const key = `${later.node.path}\0${claim.field}`;
        if (!owner || seen.has(key)) continue;
        seen.add(key);
        issues.push({
          path: later.node.path,
          field: claim.field,
          value: claim.value,
          message: `${claim.kind} already used by ${first.node.path} (${owner.field}) ${sameStack ? "in the same stack" : "on the same platform"}; ${WHY[claim.kind]}`,
        });
      }
    }
  }
  return issues;
}
