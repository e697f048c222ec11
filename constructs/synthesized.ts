/**
 * Reads each VM's cloud-init documents back out of a synthesized stack (cdk.tf.json), on either
 * platform: libvirt carries them in libvirt_cloudinit_disk, vSphere in locals fed to guestinfo.
 * The text is Terraform's: `resolveTerraformText` does what Terraform does at apply time.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parse, stringify } from "yaml";

export interface SynthesizedNode {
  readonly hostname: string;
  readonly userData: string;
  readonly metaData: string;
  readonly networkConfig: string;
}

/** A synthesized stack as parsed JSON (`cdk.tf.json`). */
export type Json = Record<string, any>;

export function readStackJson(stackDir: string): Json {
  return JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
}

function hostnameOf(metaData: string): string {
  return String(parse(metaData)["local-hostname"]);
}

/** The nodes of a synthesized stack, sorted by host name. */
export function synthesizedNodes(stack: Json): SynthesizedNode[] {
  const nodes: SynthesizedNode[] = [];
  for (const disk of Object.values<Json>(stack.resource?.libvirt_cloudinit_disk ?? {})) {
    nodes.push({
      hostname: hostnameOf(disk.meta_data),
      userData: disk.user_data,
      metaData: disk.meta_data,
      networkConfig: disk.network_config,
    });
  }
  const locals: Json = stack.locals ?? {};
  for (const [name, value] of Object.entries<string>(locals)) {
    if (!name.endsWith("_metadata")) continue;
    const userData = locals[name.replace(/_metadata$/, "_user_data")];
    // guestinfo.metadata carries meta-data and, under `network`, the network-config.
    const { network, ...meta } = parse(value);
    nodes.push({
      hostname: String(meta["local-hostname"]),
      userData,
      metaData: stringify(meta),
      networkConfig: stringify(network),
    });
  }
  return nodes.sort((a, b) => a.hostname.localeCompare(b.hostname));
}

/**
 * Fills Terraform references (`${var.ssh_public_key}`, `${random_password.x.result}`) from `values`,
 * keyed by a pattern on the reference, and unescapes `$${` and `%%{`. Throws on any reference or
 * template directive (`%{ if }`) left, since it would reach the VM unresolved.
 */
export function resolveTerraformText(text: string, values: ReadonlyArray<readonly [RegExp, string]>): string {
  return text.replace(/(\$?)\$\{([^}]*)\}|%%\{|%\{[^}]*\}/g, (match, escaped: string | undefined, reference: string | undefined) => {
    if (match === "%%{") return "%{";
    if (escaped) return match.slice(1);
    if (reference === undefined) throw new Error(`unresolved Terraform template directive ${match}`);
    const hit = values.find(([pattern]) => pattern.test(reference.trim()));
    if (!hit) throw new Error(`unresolved Terraform reference \${${reference}}`);
    return hit[1];
  });
}
