import { Construct } from "constructs";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { AdminUserConfig } from "../cloud-init";
import {
  DeployedTopology,
  FailoverEngine,
  IPlatform,
  namedVariable,
  LibvirtPlatform,
  LibvirtPlatformProps,
  NetworkDecl,
  VspherePlatform,
  VspherePlatformProps,
} from "../constructs";

export type PlatformChoice =
  { readonly kind: "libvirt"; readonly props?: LibvirtPlatformProps } | { readonly kind: "vsphere"; readonly props?: VspherePlatformProps };

export interface LabStackProps {
  /** @default { kind: "libvirt" } */
  readonly platform?: PlatformChoice;
}

/** Props of the presets that run a failover pair. */
export interface HeartbeatPresetProps extends LabStackProps {
  /**
   * The pair's engine and its settings, such as `FailoverEngine.heartbeat(HEARTBEAT_FAST_PROFILE)`
   * (ucast on both networks, sub-second deadtime). @default FailoverEngine.heartbeat(HEARTBEAT_LAB_PROFILE)
   */
  readonly failover?: FailoverEngine;
}

/** The labs' networks: host-only 192.168.56.0/24 as the public side, 192.168.200.0/24 as the private bridge. */
export const LAB_NETWORKS: { readonly public: NetworkDecl; readonly private: NetworkDecl } = {
  public: { cidr: "192.168.56.0/24", gateway: "192.168.56.1", nameservers: ["192.168.56.1"] },
  private: { cidr: "192.168.200.0/24" },
};

/**
 * The labs' admin networks: both lab subnets. The lab's client reaches every guest's sshd directly,
 * from its own address on each subnet (real servers have no public address to reach them by).
 */
export const LAB_ADMIN_NETWORKS: readonly string[] = [LAB_NETWORKS.public.cidr, LAB_NETWORKS.private.cidr];

/** A public key line: type, base64 body, optional comment without quotes or backslashes. */
const SSH_KEY_PATTERN = '^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+( [^"\\\\\\n]*)?$';

/**
 * A stack holding one lab topology on one platform, with the inputs every lab needs: the SSH key
 * of the admin user (a variable) and outputs for the VIP URL and node addresses.
 */
export abstract class LabStack extends TerraformStack {
  readonly platform: IPlatform;
  readonly admin: AdminUserConfig;

  constructor(scope: Construct, id: string, props: LabStackProps = {}) {
    super(scope, id);
    // Relative: the default local backend writes this machine's absolute path into the output.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const choice = props.platform ?? { kind: "libvirt" };
    this.platform =
      choice.kind === "libvirt" ? new LibvirtPlatform(this, "libvirt", choice.props) : new VspherePlatform(this, "vsphere", choice.props);
    const sshKey = namedVariable(this, "ssh_public_key", {
      type: "string",
      description: "Public key of the admin user on every VM (no password is ever set)",
      validation: [
        {
          condition: `\${can(regex(${JSON.stringify(SSH_KEY_PATTERN)}, var.ssh_public_key))}`,
          errorMessage: "ssh_public_key must be one OpenSSH public key line, such as 'ssh-ed25519 AAAA... you@host'.",
        },
      ],
    });
    this.admin = { sshAuthorizedKeys: [sshKey.stringValue] };
  }

  /**
   * cdktf's preparing pass resolves every element once more before synthesis, only to find
   * references to another stack's resources (tfExpression: `originStack !== resolutionStack`) and
   * create the outputs and remote state they need. A stack alone in its app has no other stack to
   * refer to, so that pass can only find nothing: skip it there. It was a third of the synth time
   * of an ha-lb with 300 web servers. With other stacks in the app, cdktf prepares as usual.
   */
  prepareStack(): void {
    const stacks = this.node.root.node.findAll().filter((c) => TerraformStack.isStack(c));
    if (stacks.length === 1) this.ensureBackendExists();
    else super.prepareStack();
  }

  /** Outputs: the VIP URL and every node's addresses. */
  protected addOutputs(vip: string, topology: DeployedTopology): void {
    new TerraformOutput(this, "vip_url", { value: `http://${vip}/` });
    const addresses: Record<string, Record<string, string>> = {};
    for (const node of topology.nodes) {
      addresses[node.name] = Object.fromEntries(node.spec.nics.map((nic) => [nic.name, nic.address]));
    }
    new TerraformOutput(this, "node_addresses", { value: addresses });
  }
}
