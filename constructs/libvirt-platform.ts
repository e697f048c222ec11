import { Construct, IConstruct } from "constructs";
import { LibvirtProvider } from "../.gen/providers/libvirt/provider";
import { Network } from "../.gen/providers/libvirt/network";
import { Volume } from "../.gen/providers/libvirt/volume";
import { ConfigIssue } from "../cloud-init";
import { CheckedTopology, enrolTopology, TopologyClaim } from "./validation";
import { LibvirtMachine } from "./libvirt-machine";
import { NetworkRole } from "./plan";
import { defaultNamePrefix, derivedMacBytes, formatMac, IMachine, IPlatform, MachineSpec, namedVariable, shortTag } from "./platform";

export const DEBIAN_12_GENERICCLOUD_URL = "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2";

export interface LibvirtPlatformProps {
  /** Storage pool for the base image, the overlays and the cloud-init disks. @default "default" */
  readonly pool?: string;
  /** Existing host bridge that plays the "VM Network". @default "br0" */
  readonly publicBridge?: string;
  /**
   * Prefix of every name the platform creates in libvirt: domains, volumes, the private network.
   * @default - the stack's id, so stacks do not collide on one host
   */
  readonly namePrefix?: string;
  /** Name of the isolated libvirt network the stack creates for the private bridge. @default `${namePrefix}-private` */
  readonly privateNetwork?: string;
  /** Host bridge device of that network (at most 15 characters). @default - "virbr-" and 6 hex digits derived from namePrefix */
  readonly privateBridge?: string;
  /** Root disk size of each VM, in GiB. @default 10 */
  readonly diskGiB?: number;
  /** Seed for the derived MACs. @default the construct path */
  readonly macSeed?: string;
}

/**
 * libvirt/KVM through the dmacvicar/libvirt 0.9 provider. The connection URI and the Debian image URL
 * are Terraform variables with working defaults, so synth needs no configuration.
 * NIC 1 goes on an existing host bridge; NIC 2 on an isolated libvirt network the stack creates.
 */
export class LibvirtPlatform extends Construct implements IPlatform, CheckedTopology {
  readonly kind = "libvirt";
  /** Problems with the props, reported at synth with the rest of the app. */
  readonly configIssues: readonly ConfigIssue[];
  readonly claims: readonly TopologyClaim[];
  readonly pool: string;
  readonly baseVolume: Volume;
  readonly privateNetwork: Network;
  readonly publicBridge: string;
  readonly diskBytes: number;
  /** The prefix of every name this platform creates in libvirt. */
  readonly namePrefix: string;
  private readonly macSeed: string;

  constructor(scope: Construct, id: string, props: LibvirtPlatformProps = {}) {
    super(scope, id);
    this.pool = props.pool ?? "default";
    this.publicBridge = props.publicBridge ?? "br0";
    const diskGiB = props.diskGiB ?? 10;
    this.diskBytes = diskGiB * 1024 ** 3;
    // libvirt would create a volume of 0 bytes, or fail at apply; the backing image needs room to grow into.
    this.configIssues =
      Number.isInteger(diskGiB) && diskGiB >= 1
        ? []
        : [{ path: this.node.path, field: "diskGiB", value: diskGiB, message: "must be a whole number of GiB, at least 1" }];
    this.macSeed = props.macSeed ?? this.node.path;
    this.namePrefix = props.namePrefix ?? defaultNamePrefix(this);
    this.claims = [{ kind: "name prefix", value: this.namePrefix, field: "namePrefix", space: this.kind }];
    enrolTopology(this);

    const uri = namedVariable(this, "libvirt_uri", {
      type: "string",
      default: "qemu:///system",
      description: "libvirt connection URI",
    });
    const imageUrl = namedVariable(this, "debian_image_url", {
      type: "string",
      default: DEBIAN_12_GENERICCLOUD_URL,
      description: "Debian 12 generic cloud image (qcow2) the VMs boot from",
    });
    new LibvirtProvider(this, "provider", { uri: uri.stringValue });

    this.baseVolume = new Volume(this, "base_image", {
      name: this.hostName("debian-12-base.qcow2"),
      pool: this.pool,
      target: { format: { type: "qcow2" } },
      create: { content: { url: imageUrl.stringValue } },
    });
    const privateName = props.privateNetwork ?? this.hostName("private");
    // No <forward>: an isolated network, like the labs' internal bridge. No host address either.
    this.privateNetwork = new Network(this, "private_network", {
      name: privateName,
      autostart: true,
      bridge: { name: props.privateBridge ?? `virbr-${shortTag(this.namePrefix)}`, stp: "on", delay: "0" },
    });
  }

  /** The name of something this platform creates in libvirt, such as a domain or a volume: `${namePrefix}-${name}`. */
  hostName(name: string): string {
    return `${this.namePrefix}-${name}`;
  }

  machineName(node: string): string {
    return this.hostName(node);
  }

  /** The locally administered range libvirt/QEMU uses: 52:54:00:xx:xx:xx. */
  macAddress(node: string, role: NetworkRole): string {
    return formatMac([0x52, 0x54, 0x00, ...derivedMacBytes(this.macSeed, node, role)]);
  }

  /** A cloud-init ISO has no practical size limit. */
  payloadIssues(_spec: MachineSpec, _path: string): ConfigIssue[] {
    return [];
  }

  addMachine(scope: IConstruct, id: string, spec: MachineSpec): IMachine {
    return new LibvirtMachine(scope as Construct, id, { platform: this, spec });
  }
}
