/**
 * Fencing (STONITH) and the watchdog for a Heartbeat v1 pair (haresources, no crm): the ha.cf lines,
 * the stonith configuration file, the files, packages and first-boot commands they need.
 *
 * How heartbeat 3.0.6 uses them (hb_resource.c, cluster-glue lib/stonith/stonith.c):
 * - `stonith <type> <file>` in ha.cf names one device for the whole cluster; the file's first
 *   non-comment line holds the plugin's parameters, split on white space in the order the
 *   plugin's `getconfignames` prints them; the last one takes the rest of the line, and a line
 *   with fewer words than names is refused (stonith1_compat_string_to_NVpair). `stonith_host`
 *   would put the same words in ha.cf, which is world-readable, so the file is used.
 * - When the peer is declared dead and may hold resources (with auto_failback on or off it is
 *   the node that held the group), hb_rsc_recover_dead_resources calls Initiate_Reset and takes
 *   over only when the reset succeeded (StonithProcessDied -> takeover_from_node); a failed
 *   reset is retried every 5 s and nothing is taken over meanwhile. The node that held nothing
 *   fences nobody, so in a full cut the standby fences the active node, never both ways.
 * - `watchdog <device>`: heartbeat opens the device, sets its timeout with WDIOC_SETTIMEOUT to
 *   deadtime + 10 ms rounded up to whole seconds (hb_init_watchdog_interval; the netns lab's
 *   syslog shows "Failed to set watchdog timer to 4 seconds" on its plain file for deadtime 3),
 *   writes to it from its main loop and writes the magic 'V' when it stops in order. So a node
 *   whose heartbeat hangs resets about when its peer declares it dead, whatever softdog's default.
 */
import { WriteFile } from "./cloud-config";
import { ConfigIssue, IssueList } from "./issues";

/** Where the stonith device's parameters live; ha.cf points at it. Mode 0600: it may name credentials. */
export const STONITH_CONFIG_PATH = "/etc/ha.d/stonith.cfg";
/** virsh's ssh key for an `+ssh` hypervisor URI (libvirt's `keyfile` URI parameter points here). */
export const LIBVIRT_FENCE_KEY_PATH = "/etc/ha.d/stonith-libvirt.key";
/** System-wide known hosts: virsh's ssh runs without a terminal and cannot accept a new host key. */
export const SSH_KNOWN_HOSTS_PATH = "/etc/ssh/ssh_known_hosts";
/** The VMware credential store external/vcenter reads (VI_CREDSTORE). */
export const VCENTER_CREDSTORE_PATH = "/etc/ha.d/vicredentials.xml";
export const WATCHDOG_DEVICE = "/dev/watchdog";

/** Fence the peer through the libvirt hypervisor that runs both nodes (cluster-glue's external/libvirt). */
export interface LibvirtFencing {
  readonly kind: "libvirt";
  /** virsh connection URI, such as `qemu+ssh://fence@kvm1.example.org/system` or `qemu:///system`. */
  readonly hypervisorUri: string;
  /**
   * For an `+ssh` URI: the private key virsh's ssh logs in with, base64-encoded, as a Terraform
   * reference to a sensitive value (`Fn.base64encode(variable.stringValue)`); never a literal.
   * Base64 because a multi-line key cannot be placed inside YAML by Terraform.
   * @default none: ssh uses root's own keys
   */
  readonly sshPrivateKeyBase64?: string;
  /** For an `+ssh` URI: the hypervisor's host key lines, as `ssh-keyscan <host>` prints them. Required for `+ssh`. */
  readonly sshKnownHosts?: string;
}

/** Fence the peer through vCenter or an ESXi host (cluster-glue's external/vcenter, VMware's vSphere Perl SDK). */
export interface VcenterFencing {
  readonly kind: "vcenter";
  /** vCenter or ESXi address (VI_SERVER). */
  readonly server: string;
  /** @default 443 */
  readonly port?: number;
  /**
   * The credential store XML (`credstore_admin.pl add -s <server> -u <user> -p <password>` writes
   * it) base64-encoded, as a Terraform reference to a sensitive value
   * (`Fn.base64encode(variable.stringValue)`); never a literal. Base64 because its quotes and lines
   * cannot be placed inside YAML by Terraform.
   */
  readonly credentialStoreBase64: string;
}

/** How a Heartbeat pair fences its peer before taking its resources over. */
export type Fencing = LibvirtFencing | VcenterFencing;

/** Fencing as one node renders it: the choice plus the machines it may reset. */
export interface FencingRole {
  readonly fencing: Fencing;
  /** Each cluster node (uname -n) and the hypervisor's name for its VM (libvirt domain, vSphere VM). */
  readonly machines: readonly { readonly node: string; readonly machine: string }[];
}

/** softdog loaded at boot, and heartbeat writing to it. */
export interface WatchdogRole {
  /** Seconds without a write before softdog resets the node: what heartbeat sets (heartbeatWatchdogSeconds). */
  readonly timeoutSeconds: number;
}

/** The timeout heartbeat 3.0.6 gives the watchdog device: deadtime + 10 ms, rounded up to seconds. */
export function heartbeatWatchdogSeconds(deadtimeMs: number): number {
  return Math.ceil((deadtimeMs + 10) / 1000);
}

/** What fencing and the watchdog add to a node's payload. */
export interface StonithParts {
  /** `stonith <type> <file>` for ha.cf. */
  readonly stonith?: { readonly type: string; readonly configFile: string };
  /** `watchdog <device>` for ha.cf. */
  readonly watchdog?: string;
  readonly files: readonly WriteFile[];
  readonly packages: readonly string[];
  /** Run before heartbeat starts on first boot. */
  readonly runcmd: readonly (readonly string[])[];
}

/** A whole Terraform reference such as `${var.x}` or a cdktf token: never a literal secret. */
export function isTerraformReference(value: unknown): boolean {
  return typeof value === "string" && /^\$\{[^{}\s]+\}$/.test(value);
}

const URI = /^([a-z0-9]+)(\+([a-z0-9]+))?:\/\/[^\s]*$/;
const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const MACHINE_NAME = /^[A-Za-z0-9_.-]+$/;

function usesSsh(uri: string): boolean {
  return URI.exec(uri)?.[3] === "ssh";
}

/** Every problem of a fencing choice, with fields as the user wrote them under `prefix` (such as `heartbeat.fencing`). */
export function validateFencing(fencing: Fencing, path: string, prefix = "fencing"): ConfigIssue[] {
  const list = new IssueList(path);
  const secret = (field: string, value: unknown, what: string) => {
    if (!isTerraformReference(value)) {
      list.add(
        `${prefix}.${field}`,
        typeof value === "string" && value !== "" ? "(hidden)" : value,
        `${what} must be a Terraform reference to a sensitive value (a sensitive variable's stringValue), never a literal: synth output and snapshots would hold it in plain text`,
      );
    }
  };
  switch (fencing.kind) {
    case "libvirt": {
      if (typeof fencing.hypervisorUri !== "string" || !URI.test(fencing.hypervisorUri)) {
        list.add(
          `${prefix}.hypervisorUri`,
          fencing.hypervisorUri,
          "must be a libvirt URI without spaces, such as qemu+ssh://fence@kvm1.example.org/system or qemu:///system",
        );
        break;
      }
      if (/[?&]keyfile=/.test(fencing.hypervisorUri)) {
        list.add(`${prefix}.hypervisorUri`, fencing.hypervisorUri, "give the key as sshPrivateKeyBase64, not as a keyfile URI parameter");
      }
      const ssh = usesSsh(fencing.hypervisorUri);
      if (fencing.sshPrivateKeyBase64 !== undefined) {
        if (!ssh) list.add(`${prefix}.sshPrivateKeyBase64`, "(hidden)", "only a +ssh hypervisorUri logs in with a key");
        else secret("sshPrivateKeyBase64", fencing.sshPrivateKeyBase64, "the ssh key");
      }
      if (ssh) {
        const lines = (fencing.sshKnownHosts ?? "").split("\n").filter((l) => l.trim() !== "");
        if (lines.length === 0) {
          list.add(
            `${prefix}.sshKnownHosts`,
            fencing.sshKnownHosts,
            "a +ssh hypervisorUri needs the hypervisor's host key (ssh-keyscan <host>): virsh's ssh has no terminal to accept it, so every fencing attempt would fail",
          );
        } else if (lines.some((l) => !/^\S+ (ssh-|ecdsa-|sk-)\S+ \S+/.test(l))) {
          list.add(
            `${prefix}.sshKnownHosts`,
            fencing.sshKnownHosts,
            "each line must read `<host> <key type> <base64 key>`, as ssh-keyscan prints it",
          );
        }
      } else if (fencing.sshKnownHosts !== undefined) {
        list.add(`${prefix}.sshKnownHosts`, fencing.sshKnownHosts, "only a +ssh hypervisorUri uses ssh host keys");
      }
      break;
    }
    case "vcenter": {
      if (typeof fencing.server !== "string" || !HOST_NAME.test(fencing.server)) {
        list.add(`${prefix}.server`, fencing.server, "must be the vCenter or ESXi host name or address, such as vcenter.example.org");
      }
      const port = fencing.port ?? 443;
      if (!Number.isInteger(port) || port < 1 || port > 65535) list.add(`${prefix}.port`, port, "must be a TCP port, 1..65535");
      secret("credentialStoreBase64", fencing.credentialStoreBase64, "the credential store");
      break;
    }
    default:
      list.add(`${prefix}.kind`, (fencing as { kind: unknown }).kind, 'must be "libvirt" or "vcenter"');
  }
  return [...list.issues];
}

export function validateWatchdog(watchdog: WatchdogRole, path: string, field: string): ConfigIssue[] {
  const list = new IssueList(path);
  const t = watchdog.timeoutSeconds;
  if (!Number.isInteger(t) || t < 1 || t > 3600) list.add(field, t, "must be a whole number of seconds, 1..3600");
  return [...list.issues];
}

function libvirtHostlist(role: FencingRole): string {
  // external/libvirt reads `host[:domain]`, comma-separated (a space would end the parameter).
  return role.machines.map((m) => (m.machine === m.node ? m.node : `${m.node}:${m.machine}`)).join(",");
}

function withKeyfile(uri: string): string {
  return `${uri}${uri.includes("?") ? "&" : "?"}keyfile=${LIBVIRT_FENCE_KEY_PATH}`;
}

/** The stonith config line, in the order of the plugin's getconfignames. */
function stonithConfigLine(role: FencingRole): { type: string; line: string } {
  const f = role.fencing;
  if (f.kind === "libvirt") {
    const uri = f.sshPrivateKeyBase64 !== undefined ? withKeyfile(f.hypervisorUri) : f.hypervisorUri;
    // getconfignames: hostlist hypervisor_uri reboot_method. The script reads reset_method, so the
    // third word is ignored and the reset is its default power_cycle (virsh destroy, then start);
    // it must still be there, or the line is refused.
    return { type: "external/libvirt", line: `${libvirtHostlist(role)} ${uri} power_cycle` };
  }
  // getconfignames: VI_SERVER VI_PORTNUMBER VI_PROTOCOL VI_SERVICEPATH VI_CREDSTORE HOSTLIST RESETPOWERON.
  // RESETPOWERON 1: a peer found powered off is powered on, so the reset succeeds and the takeover
  // goes on; with 0 the reset fails and heartbeat retries forever without taking over.
  const hostlist = role.machines.map((m) => (m.machine === m.node ? m.node : `${m.node}=${m.machine}`)).join(";");
  return { type: "external/vcenter", line: `${f.server} ${f.port ?? 443} https /sdk ${VCENTER_CREDSTORE_PATH} ${hostlist} 1` };
}

/** What fencing and the watchdog add to one node: ha.cf lines, files with their modes, packages, commands. */
export function renderStonithParts(fencing: FencingRole | undefined, watchdog: WatchdogRole | undefined): StonithParts {
  const files: WriteFile[] = [];
  const packages = new Set<string>();
  const runcmd: string[][] = [];
  let stonith: StonithParts["stonith"];
  if (fencing) {
    const { type, line } = stonithConfigLine(fencing);
    stonith = { type, configFile: STONITH_CONFIG_PATH };
    packages.add("cluster-glue");
    files.push({
      path: STONITH_CONFIG_PATH,
      content: `# ${STONITH_CONFIG_PATH}: generated by cloud-init/stonith.ts. Parameters of ${type}, in its getconfignames order.\n${line}\n`,
      permissions: "0600",
      defer: true,
    });
    const f = fencing.fencing;
    if (f.kind === "libvirt") {
      packages.add("libvirt-clients");
      if (usesSsh(f.hypervisorUri)) {
        packages.add("openssh-client");
        files.push({ path: SSH_KNOWN_HOSTS_PATH, content: `${f.sshKnownHosts!.trim()}\n`, permissions: "0644" });
      }
      if (f.sshPrivateKeyBase64 !== undefined) {
        files.push({ path: LIBVIRT_FENCE_KEY_PATH, content: f.sshPrivateKeyBase64, encoding: "b64", permissions: "0600", defer: true });
      }
    } else {
      files.push({ path: VCENTER_CREDSTORE_PATH, content: f.credentialStoreBase64, encoding: "b64", permissions: "0600", defer: true });
    }
  }
  if (watchdog) {
    files.push(
      { path: "/etc/modules-load.d/softdog.conf", content: "# Generated: heartbeat's watchdog device.\nsoftdog\n", permissions: "0644" },
      {
        path: "/etc/modprobe.d/softdog.conf",
        // nowayout=0: an orderly heartbeat stop writes the magic 'V' and disarms the timer. soft_margin
        // is what heartbeat sets anyway when it opens the device (deadtime, rounded up).
        content: `# Generated: a node whose heartbeat stops writing for ${watchdog.timeoutSeconds} s is reset.\noptions softdog soft_margin=${watchdog.timeoutSeconds} nowayout=0\n`,
        permissions: "0644",
      },
    );
    // modules-load.d acts from the next boot on; the first boot loads it before heartbeat starts.
    runcmd.push(["modprobe", "softdog"]);
  }
  return { stonith, watchdog: watchdog ? WATCHDOG_DEVICE : undefined, files, packages: [...packages].sort(), runcmd };
}

/** Checks the machines list of a fencing role. */
export function validateFencingRole(role: FencingRole, path: string): ConfigIssue[] {
  const list = new IssueList(path);
  list.addAll(validateFencing(role.fencing, path, "heartbeat.fencing"));
  role.machines.forEach((m, i) => {
    if (!MACHINE_NAME.test(m.machine)) {
      list.add(`heartbeat.fencing.machines[${i}]`, m.machine, "must be a VM name of letters, digits, '_', '.' and '-'");
    }
  });
  return [...list.issues];
}
