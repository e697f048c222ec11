import { Construct } from "constructs";
import { Fn, TerraformLocal } from "cdktf";
import { File } from "@cdktf/provider-vsphere/lib/file";
import { VirtualMachine, VirtualMachineConfig, VirtualMachineDisk } from "@cdktf/provider-vsphere/lib/virtual-machine";
import { parse } from "yaml";
import { NodePayload, toCloudInitYaml } from "../cloud-init";
import { escapeTerraformTemplate, IMachine, MachineSpec } from "./platform";
import type { VspherePlatform } from "./vsphere-platform";

export interface VsphereMachineProps {
  readonly platform: VspherePlatform;
  readonly spec: MachineSpec;
}

/**
 * cloud-init's VMware datasource reads the network config from the metadata's `network` key,
 * so meta-data and network-config travel together in guestinfo.metadata.
 *
 * `redact` asks that datasource to overwrite the listed guestinfo keys (with `---`, their encodings
 * with a blank) as soon as it has read them (DataSourceVMware.redact_keys, cloud-init >= 21.3; Debian
 * 12 ships 22.4): the user-data carries the Heartbeat authkeys secret, which would otherwise stay
 * readable by any guest process through vmware-rpctool and by anyone who can read the VM's settings.
 * The metadata (addresses, host name) holds no secret and stays, so a reboot still finds its instance-id.
 */
export function vsphereMetadata(payload: NodePayload): string {
  return toCloudInitYaml({ ...parse(payload.metaData), network: parse(payload.networkConfig), redact: [...GUESTINFO_REDACTED_KEYS] });
}

/** The guestinfo keys cloud-init clears after reading them: see vsphereMetadata. */
export const GUESTINFO_REDACTED_KEYS: readonly string[] = ["userdata"];

/** One VM on ESXi or vCenter, configured by cloud-init through guestinfo. */
export class VsphereMachine extends Construct implements IMachine {
  readonly machineName: string;
  readonly vm: VirtualMachine;

  constructor(scope: Construct, id: string, props: VsphereMachineProps) {
    super(scope, id);
    const { platform, spec } = props;
    this.machineName = spec.name;
    const datastoreId = platform.datastore.id;
    const image = platform.image;

    let disk: VirtualMachineDisk;
    let source: Partial<VirtualMachineConfig>;
    if (image.kind === "esxi-disk") {
      // Without vCenter there is no clone: copy the prepared VMFS disk per VM and attach the copy.
      const diskPath = `${platform.namePrefix}/${spec.name}.vmdk`;
      const copy = new File(this, "disk_copy", {
        datacenter: platform.datacenterName,
        sourceDatacenter: platform.datacenterName,
        datastore: platform.datastore.name,
        sourceDatastore: platform.datastore.name,
        sourceFile: image.baseDiskPath,
        destinationFile: diskPath,
        createDirectories: true,
      });
      disk = { label: "disk0", attach: true, path: diskPath, datastoreId };
      source = { dependsOn: [copy] };
    } else {
      const template = platform.template!;
      disk = { label: "disk0", size: Fn.lookup(Fn.element(template.disks, 0), "size"), thinProvisioned: true };
      source = { clone: { templateUuid: template.id } };
    }

    // Locals hold the documents: a function argument may not carry quotes, a local may.
    const userData = new TerraformLocal(this, "user_data", escapeTerraformTemplate(spec.payload.userData));
    const metadata = new TerraformLocal(this, "metadata", escapeTerraformTemplate(vsphereMetadata(spec.payload)));
    userData.overrideLogicalId(`${spec.name}_user_data`);
    metadata.overrideLogicalId(`${spec.name}_metadata`);
    this.vm = new VirtualMachine(this, "vm", {
      name: platform.hostName(spec.name),
      resourcePoolId: platform.host.resourcePoolId,
      datastoreId,
      hostSystemId: platform.host.id,
      numCpus: spec.cpus,
      memory: spec.memoryMiB,
      guestId: platform.guestId,
      networkInterface: spec.nics.map((nic) => ({
        networkId: platform.networkId(nic.role),
        adapterType: "vmxnet3",
        useStaticMac: true,
        macAddress: nic.mac,
      })),
      disk: [disk],
      extraConfig: {
        // Terraform encodes at apply time, so references such as the authkeys secret stay references here.
        "guestinfo.userdata": Fn.base64gzip(userData.asString),
        "guestinfo.userdata.encoding": "gzip+base64",
        "guestinfo.metadata": Fn.base64gzip(metadata.asString),
        "guestinfo.metadata.encoding": "gzip+base64",
      },
      // Static addresses, and no guest IP is awaited before Terraform moves on.
      waitForGuestNetTimeout: 0,
      ...source,
    });
  }
}
