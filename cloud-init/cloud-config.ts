import { Document, isSeq, Scalar, visit } from "yaml";

/** One `write_files` entry. */
export interface WriteFile {
  readonly path: string;
  readonly content: string;
  /** Octal mode as a string, such as "0644". */
  readonly permissions: string;
  /** @default "root:root" */
  readonly owner?: string;
  /**
   * Write in the final stage, after packages are installed, so a package's own
   * default file cannot replace it. @default false
   */
  readonly defer?: boolean;
  /** `b64`: content is base64 (a secret Terraform can only place on one line). @default plain text */
  readonly encoding?: "b64";
}

export interface CloudUser {
  readonly name: string;
  readonly gecos?: string;
  readonly groups?: readonly string[];
  readonly shell?: string;
  readonly sudo?: string;
  readonly sshAuthorizedKeys: readonly string[];
}

/** The subset of `#cloud-config` this project writes. Keys follow cloud-init's own names. */
export interface CloudConfig {
  readonly hostname: string;
  readonly users: readonly CloudUser[];
  readonly packages: readonly string[];
  readonly writeFiles: readonly WriteFile[];
  /** Commands run at every boot, first thing in cloud-init's own stage (before write_files). @default none */
  readonly bootcmd?: readonly (readonly string[])[];
  /** Commands run once, in order, at the end of the first boot. Each is an argv list. */
  readonly runcmd: readonly (readonly string[])[];
}

/**
 * Renders user-data. Deterministic: keys in a fixed order, no timestamps.
 * Each runcmd entry is an argv list, so no shell quoting is involved unless the entry asks for `sh -c`.
 */
export function renderCloudConfig(config: CloudConfig): string {
  const body = {
    hostname: config.hostname,
    preserve_hostname: false,
    prefer_fqdn_over_hostname: false,
    // /etc/hosts comes from the topology in write_files; cloud-init must not rewrite it at each boot.
    manage_etc_hosts: false,
    ssh_pwauth: false,
    disable_root: true,
    users: config.users.map((user) => ({
      name: user.name,
      ...(user.gecos ? { gecos: user.gecos } : {}),
      ...(user.groups?.length ? { groups: [...user.groups] } : {}),
      shell: user.shell ?? "/bin/bash",
      ...(user.sudo ? { sudo: user.sudo } : {}),
      lock_passwd: true,
      ssh_authorized_keys: [...user.sshAuthorizedKeys],
    })),
    // Only when there is one: the output of nodes without it stays as it was.
    ...(config.bootcmd?.length ? { bootcmd: config.bootcmd.map((argv) => [...argv]) } : {}),
    packages: [...config.packages],
    write_files: config.writeFiles.map((file) => ({
      path: file.path,
      owner: file.owner ?? "root:root",
      permissions: file.permissions,
      ...(file.defer ? { defer: true } : {}),
      ...(file.encoding ? { encoding: file.encoding } : {}),
      content: file.content,
    })),
    runcmd: config.runcmd.map((argv) => [...argv]),
  };
  return "#cloud-config\n" + toCloudInitYaml(body, { flowArgv: true });
}

/**
 * YAML for cloud-init, which reads YAML 1.1 (PyYAML): with version 1.1 the writer quotes what 1.1
 * would misread, such as MAC addresses (base-60 integers) and on/off (booleans).
 * A one-line string holding a Terraform reference is double-quoted, so the value Terraform puts
 * there later cannot start a comment or a mapping.
 */
export function toCloudInitYaml(value: unknown, options: { flowArgv?: boolean } = {}): string {
  const doc = new Document(value, { version: "1.1" });
  visit(doc, {
    Scalar(_, node: Scalar) {
      if (typeof node.value === "string" && node.value.includes("${") && !node.value.includes("\n")) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
    Seq(_, node, path) {
      // argv lists read best on one line: `- [service, heartbeat, restart]`.
      if (options.flowArgv && isSeq(path[path.length - 1])) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
