import { gzipSync } from "zlib";
import { Construct, IConstruct } from "constructs";
import { VsphereProvider } from "@cdktf/provider-vsphere/lib/provider";
import { DataVsphereDatacenter } from "@cdktf/provider-vsphere/lib/data-vsphere-datacenter";
import { DataVsphereHost } from "@cdktf/provider-vsphere/lib/data-vsphere-host";
import { DataVsphereDatastore } from "@cdktf/provider-vsphere/lib/data-vsphere-datastore";
import { DataVsphereNetwork } from "@cdktf/provider-vsphere/lib/data-vsphere-network";
import { DataVsphereVirtualMachine } from "@cdktf/provider-vsphere/lib/data-vsphere-virtual-machine";
import { HostVirtualSwitch } from "@cdktf/provider-vsphere/lib/host-virtual-switch";
import { HostPortGroup } from "@cdktf/provider-vsphere/lib/host-port-group";
import { ConfigIssue } from "../cloud-init";
import { NetworkRole } from "./plan";
import { defaultNamePrefix, derivedMacBytes, formatMac, IMachine, IPlatform, MachineSpec, namedVariable, shortTag } from "./platform";
import { VsphereMachine, vsphereMetadata } from "./vsphere-machine";
import { CheckedTopology, enrolTopology, TopologyClaim } from "./validation";

/** guestinfo values are read through the VMX backdoor, which caps one value at 64 KiB. */
export const GUESTINFO_VALUE_LIMIT = 64 * 1024;

/** How the Debian 12 disk reaches the host. */
export type VsphereImageSource =
  /**
   * Standalone ESXi (no vCenter: clone and OVF deploy are unavailable). A Debian 12 cloud disk with
   * open-vm-tools, already imported into VMFS format on the datastore (see docs/vsphere.md), is
   * copied per VM with vsphere_file and attached.
   */
  | { readonly kind: "esxi-disk"; readonly baseDiskPath: string }
  /** vCenter: clone a template VM (Debian 12 cloud image with open-vm-tools). */
  | { readonly kind: "vcenter-template"; readonly template: string };

export interface VspherePlatformProps {
  /** @default { kind: "esxi-disk", baseDiskPath: "images/debian-12-genericcloud-amd64.vmdk" } */
  readonly image?: VsphereImageSource;
  /** @default "ha-datacenter" (the name a standalone ESXi host gives its only datacenter) */
  readonly datacenter?: string;
  /** ESXi host name as vSphere knows it; a standalone host needs none. @default the only host */
  readonly host?: string;
  /** @default "datastore1" */
  readonly datastore?: string;
  /** Port group of the public NIC. @default "VM Network" */
  readonly publicNetwork?: string;
  /**
   * Prefix of every name the platform creates on the host: VMs, their disk folder, the private port group.
   * @default - the stack's id, so stacks do not collide on one host
   */
  readonly namePrefix?: string;
  /** Name of the private port group the stack creates. @default `${namePrefix}-private` */
  readonly privatePortGroup?: string;
  /** Name of the uplink-less vSwitch the stack creates for it. @default - "vSwitch-" and 6 hex digits derived from namePrefix */
  readonly privateSwitch?: string;
  /** @default "debian12_64Guest" (vSphere 8; use "other5xLinux64Guest" on 7.x) */
  readonly guestId?: string;
  /** Seed for the derived MACs. @default the construct path */
  readonly macSeed?: string;
}

/**
 * VMware ESXi or vCenter. Connection details are Terraform variables, so synth needs no credentials.
 * NIC 1 goes on "VM Network"; NIC 2 on a private port group on an internal vSwitch with no uplinks.
 */
export class VspherePlatform extends Construct implements IPlatform, CheckedTopology {
  readonly kind = "vsphere";
  readonly configIssues: readonly ConfigIssue[] = [];
  readonly claims: readonly TopologyClaim[];
  readonly datacenter: DataVsphereDatacenter;
  readonly host: DataVsphereHost;
  readonly datastore: DataVsphereDatastore;
  readonly image: VsphereImageSource;
  readonly guestId: string;
  readonly datacenterName: string;
  readonly template?: DataVsphereVirtualMachine;
  /** The prefix of every name this platform creates on the host. */
  readonly namePrefix: string;
  private readonly networkIds: Record<NetworkRole, string>;
  private readonly macSeed: string;

  constructor(scope: Construct, id: string, props: VspherePlatformProps = {}) {
    super(scope, id);
    this.image = props.image ?? { kind: "esxi-disk", baseDiskPath: "images/debian-12-genericcloud-amd64.vmdk" };
    this.guestId = props.guestId ?? "debian12_64Guest";
    this.macSeed = props.macSeed ?? this.node.path;
    this.namePrefix = props.namePrefix ?? defaultNamePrefix(this);
    this.claims = [{ kind: "name prefix", value: this.namePrefix, field: "namePrefix", space: this.kind }];
    enrolTopology(this);

    const server = namedVariable(this, "vsphere_server", {
      type: "string",
      description: "ESXi host or vCenter address",
    });
    const user = namedVariable(this, "vsphere_user", { type: "string", default: "root" });
    const password = namedVariable(this, "vsphere_password", { type: "string", sensitive: true });
    const insecure = namedVariable(this, "vsphere_allow_unverified_ssl", {
      type: "bool",
      default: false,
      description: "Accept a self-signed certificate, as lab ESXi hosts have",
    });
    new VsphereProvider(this, "provider", {
      vsphereServer: server.stringValue,
      user: user.stringValue,
      password: password.stringValue,
      allowUnverifiedSsl: insecure.booleanValue,
    });

    this.datacenterName = props.datacenter ?? "ha-datacenter";
    this.datacenter = new DataVsphereDatacenter(this, "datacenter", { name: this.datacenterName });
    this.host = new DataVsphereHost(this, "host", {
      datacenterId: this.datacenter.id,
      ...(props.host ? { name: props.host } : {}),
    });
    this.datastore = new DataVsphereDatastore(this, "datastore", {
      name: props.datastore ?? "datastore1",
      datacenterId: this.datacenter.id,
    });
    const publicNetwork = new DataVsphereNetwork(this, "public_network", {
      name: props.publicNetwork ?? "VM Network",
      datacenterId: this.datacenter.id,
    });
    const privateSwitch = new HostVirtualSwitch(this, "private_switch", {
      name: props.privateSwitch ?? `vSwitch-${shortTag(this.namePrefix)}`,
      hostSystemId: this.host.id,
      // No uplinks: the private bridge stays inside the host, like the labs' internal network.
      networkAdapters: [],
      activeNics: [],
      standbyNics: [],
    });
    const privatePortGroup = new HostPortGroup(this, "private_port_group", {
      name: props.privatePortGroup ?? this.hostName("private"),
      hostSystemId: this.host.id,
      virtualSwitchName: privateSwitch.name,
    });
    // A port group is found by name once created; the data source orders it after the port group.
    const privateNetwork = new DataVsphereNetwork(this, "private_network", {
      name: privatePortGroup.name,
      datacenterId: this.datacenter.id,
    });
    this.networkIds = { public: publicNetwork.id, private: privateNetwork.id };
    if (this.image.kind === "vcenter-template") {
      this.template = new DataVsphereVirtualMachine(this, "template", {
        name: this.image.template,
        datacenterId: this.datacenter.id,
      });
    }
  }

  /** The name of something this platform creates on the host, such as a VM: `${namePrefix}-${name}`. */
  hostName(name: string): string {
    return `${this.namePrefix}-${name}`;
  }

  machineName(node: string): string {
    return this.hostName(node);
  }

  /** VMware's range for static MACs: 00:50:56:00:00:00 to 00:50:56:3f:ff:ff. */
  macAddress(node: string, role: NetworkRole): string {
    const [a, b, c] = derivedMacBytes(this.macSeed, node, role);
    return formatMac([0x00, 0x50, 0x56, a & 0x3f, b, c]);
  }

  networkId(role: NetworkRole): string {
    return this.networkIds[role];
  }

  payloadIssues(spec: MachineSpec, path: string): ConfigIssue[] {
    const values = {
      "guestinfo.userdata": spec.payload.userData,
      "guestinfo.metadata": vsphereMetadata(spec.payload),
    };
    return Object.entries(values).flatMap(([key, text]) => {
      const encoded = gzipSync(Buffer.from(text)).toString("base64").length;
      return encoded > GUESTINFO_VALUE_LIMIT
        ? [
            {
              path: `${path}/${spec.name}`,
              field: key,
              value: `${encoded} bytes after gzip+base64`,
              message: `exceeds the ${GUESTINFO_VALUE_LIMIT}-byte guestinfo value limit; move large files out of write_files`,
            },
          ]
        : [];
    });
  }

  addMachine(scope: IConstruct, id: string, spec: MachineSpec): IMachine {
    return new VsphereMachine(scope as Construct, id, { platform: this, spec });
  }
}
