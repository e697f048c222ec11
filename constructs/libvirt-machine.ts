import { Construct } from "constructs";
import { CloudinitDisk } from "../.gen/providers/libvirt/cloudinit-disk";
import { Domain as GeneratedDomain, DomainDevicesInterfaces } from "../.gen/providers/libvirt/domain";
import { Volume } from "../.gen/providers/libvirt/volume";
import { escapeTerraformTemplate, IMachine, MachineSpec } from "./platform";
import type { LibvirtPlatform } from "./libvirt-platform";

/**
 * libvirt_domain as generated, minus the undefined attributes it synthesizes. The binding emits
 * every attribute it was generated with, set or not, and cdktf
 * resolves each key twice or three times before dropping the undefined ones; dropping them first
 * gives the same output with less work per VM. Only plain objects and arrays are walked: tokens
 * and other class instances pass through untouched.
 */
class Domain extends GeneratedDomain {
  protected synthesizeAttributes(): { [name: string]: any } {
    return withoutUndefined(super.synthesizeAttributes());
  }
}

function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(withoutUndefined) as T;
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const result: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) result[key] = withoutUndefined(v);
  return result as T;
}

export interface LibvirtMachineProps {
  readonly platform: LibvirtPlatform;
  readonly spec: MachineSpec;
}

/** One VM: a qcow2 overlay on the shared base image, a cloud-init cdrom and a KVM domain. */
export class LibvirtMachine extends Construct implements IMachine {
  readonly machineName: string;
  readonly cloudInit: CloudinitDisk;
  readonly domain: GeneratedDomain;

  constructor(scope: Construct, id: string, props: LibvirtMachineProps) {
    super(scope, id);
    const { platform, spec } = props;
    this.machineName = spec.name;

    const root = new Volume(this, "root", {
      name: platform.hostName(`${spec.name}.qcow2`),
      pool: platform.pool,
      capacity: platform.diskBytes,
      target: { format: { type: "qcow2" } },
      backingStore: { path: platform.baseVolume.path, format: { type: "qcow2" } },
    });
    this.cloudInit = new CloudinitDisk(this, "cloud_init", {
      name: platform.hostName(`${spec.name}-cloud-init`),
      userData: escapeTerraformTemplate(spec.payload.userData),
      metaData: escapeTerraformTemplate(spec.payload.metaData),
      networkConfig: escapeTerraformTemplate(spec.payload.networkConfig),
    });
    // The provider builds the ISO locally; uploading it as a volume lets a remote libvirt host use it.
    const seed = new Volume(this, "cloud_init_volume", {
      name: platform.hostName(`${spec.name}-cloud-init.iso`),
      pool: platform.pool,
      create: { content: { url: this.cloudInit.path } },
    });

    const interfaces: DomainDevicesInterfaces[] = spec.nics.map((nic) => ({
      model: { type: "virtio" },
      mac: { address: nic.mac },
      source:
        nic.role === "public" ? { bridge: { bridge: platform.publicBridge } } : { network: { network: platform.privateNetwork.name } },
    }));

    // The binding knows only the attributes in providers/libvirt/domain-attributes.json: list a new one there and run npm run gen:libvirt.
    this.domain = new Domain(this, "domain", {
      name: platform.hostName(spec.name),
      type: "kvm",
      vcpu: spec.cpus,
      memory: spec.memoryMiB,
      memoryUnit: "MiB",
      running: true,
      os: { type: "hvm", typeArch: "x86_64", typeMachine: "q35" },
      devices: {
        disks: [
          {
            device: "disk",
            driver: { name: "qemu", type: "qcow2" },
            source: { volume: { pool: platform.pool, volume: root.name } },
            target: { dev: "vda", bus: "virtio" },
          },
          {
            device: "cdrom",
            readOnly: true,
            source: { volume: { pool: platform.pool, volume: seed.name } },
            target: { dev: "sda", bus: "sata" },
          },
        ],
        interfaces,
        // The Debian cloud kernel logs to ttyS0; `virsh console` reads it.
        serials: [{ target: { port: 0 } }],
        consoles: [{ target: { type: "serial", port: 0 } }],
      },
    });
  }
}
