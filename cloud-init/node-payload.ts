import { createHash } from "crypto";
import { renderHealthz, renderIndexPage } from "./apache";
import { CloudConfig, renderCloudConfig, toCloudInitYaml, WriteFile } from "./cloud-config";
import {
  AuthkeysConfig,
  HaCfConfig,
  GARP_REFRESHER_PATH,
  RECLAIM_MIN_SECONDS,
  RESOURCE_RECLAIMER_PATH,
  renderResourceReclaimer,
  HaresourcesConfig,
  NODE_NAME,
  renderGarpRefresher,
  renderAuthkeys,
  renderHaCf,
  renderHaresources,
  validateAuthkeys,
  validateHaCf,
  validateHaresources,
} from "./heartbeat";
import {
  IpvsadmDefaults,
  IpvsVirtualService,
  renderDirectorSysctl,
  renderIpvsadmDefaults,
  renderIpvsadmRules,
  validateIpvsadmDefaults,
  validateIpvsServices,
} from "./ipvs";
import { ConfigIssue, IssueList, throwIfIssues } from "./issues";
import { FencingRole, renderStonithParts, StonithParts, validateFencingRole, validateWatchdog, WatchdogRole } from "./stonith";
import { HostsEntry, NicConfig, renderHosts, renderNetworkConfig, validateHosts, validateNics } from "./network";

export interface AdminUserConfig {
  /** @default "admin" */
  readonly name?: string;
  /** Public keys, or a Terraform reference to a variable holding one. Passwords are never set. */
  readonly sshAuthorizedKeys: readonly string[];
}

export interface WebRole {
  /** Line under the host name on the index page. @default none */
  readonly subtitle?: string;
}

export interface HeartbeatRole {
  readonly haCf: HaCfConfig;
  readonly authkeys: AuthkeysConfig;
  readonly haresources: HaresourcesConfig;
  /**
   * Re-announce held VIPs by gratuitous ARP every this many seconds, so clients find the right node
   * after a split brain heals; false turns it off. @default 2
   */
  readonly garpRefreshSeconds?: number | false;
  /**
   * On the preferred node: when heartbeat claims the group but a VIP has been missing this many
   * seconds (a lost resource request), ask for the group again; false turns it off. @default 60
   */
  readonly reclaimAfterSeconds?: number | false;
  /** Fence the peer before taking over (`stonith` in ha.cf). @default none */
  readonly fencing?: FencingRole;
  /** softdog, and heartbeat writing to it (`watchdog` in ha.cf). @default none */
  readonly watchdog?: WatchdogRole;
}

export interface DirectorRole {
  readonly services: readonly IpvsVirtualService[];
  readonly defaults?: IpvsadmDefaults;
}

/** Everything one VM runs, in the domain's words. The topology constructs derive it; renderers turn it into text. */
export interface NodeSpec {
  readonly hostname: string;
  readonly nics: readonly NicConfig[];
  /** The nodes this one names in /etc/hosts: itself and those it works with (see planCluster). */
  readonly hosts: readonly HostsEntry[];
  readonly admin: AdminUserConfig;
  /** Apache with a page naming this host. */
  readonly web?: WebRole;
  /** IPVS director: the ipvsadm rules. */
  readonly director?: DirectorRole;
  /** Heartbeat member. Resources it names (apache2, ipvsadm) are started by Heartbeat only. */
  readonly heartbeat?: HeartbeatRole;
}

/** The three documents a NoCloud seed, a libvirt cloud-init disk or vSphere guestinfo carries. */
export interface NodePayload {
  readonly userData: string;
  readonly metaData: string;
  readonly networkConfig: string;
}

const HA_RESOURCE_SERVICES = ["apache2", "ipvsadm", "ldirectord"];

function heartbeatOwns(spec: NodeSpec, service: string): boolean {
  return spec.heartbeat?.haresources.resources.includes(service) ?? false;
}

function usesNat(spec: NodeSpec): boolean {
  return (spec.director?.services ?? []).some((s) => s.realServers.some((r) => (r.forwarding ?? "masquerade") === "masquerade"));
}

/** All problems of one node's spec, each under `path`. */
export function validateNodeSpec(spec: NodeSpec, path: string): ConfigIssue[] {
  const list = new IssueList(path);
  if (!NODE_NAME.test(spec.hostname)) {
    list.add("hostname", spec.hostname, "must be a lowercase host name (letters, digits, '-'), as `uname -n` will print it");
  }
  if (spec.admin.sshAuthorizedKeys.length === 0) {
    list.add("admin.sshAuthorizedKeys", [], "at least one SSH public key is needed: the admin user has no password");
  }
  list.addAll(validateNics(spec.nics, path));
  list.addAll(validateHosts(spec.hosts, path));
  if (spec.heartbeat) {
    list.addAll(validateHaCf(spec.heartbeat.haCf, `${path}/ha.cf`));
    list.addAll(validateAuthkeys(spec.heartbeat.authkeys, `${path}/authkeys`));
    list.addAll(validateHaresources(spec.heartbeat.haresources, `${path}/haresources`));
    if (!spec.heartbeat.haCf.nodes.includes(spec.hostname)) {
      list.add("heartbeat.haCf.nodes", spec.heartbeat.haCf.nodes, `this node (${spec.hostname}) must be one of the cluster nodes`);
    }
    const garp = spec.heartbeat.garpRefreshSeconds;
    if (garp !== undefined && garp !== false && !(Number.isInteger(garp) && garp >= 1)) {
      list.add("heartbeat.garpRefreshSeconds", garp, "must be a whole number of seconds, at least 1, or false");
    }
    const reclaim = spec.heartbeat.reclaimAfterSeconds;
    if (reclaim !== undefined && reclaim !== false && !(Number.isInteger(reclaim) && reclaim >= RECLAIM_MIN_SECONDS)) {
      list.add(
        "heartbeat.reclaimAfterSeconds",
        reclaim,
        `must be a whole number of seconds, at least ${RECLAIM_MIN_SECONDS} (ResourceManager's own recovery of a failed start waits 30 s), or false`,
      );
    }
    if (spec.heartbeat.fencing) list.addAll(validateFencingRole(spec.heartbeat.fencing, path));
    if (spec.heartbeat.watchdog) list.addAll(validateWatchdog(spec.heartbeat.watchdog, path, "heartbeat.watchdog.timeoutSeconds"));
    const nicNames = spec.nics.map((n) => n.name);
    spec.heartbeat.haresources.vips.forEach((vip, i) => {
      if (!nicNames.includes(vip.interface)) {
        list.add(
          `heartbeat.haresources.vips[${i}].interface`,
          vip.interface,
          `no NIC of ${spec.hostname} has this name; NICs: ${nicNames.join(", ")}`,
        );
      }
    });
  }
  if (spec.director) {
    list.addAll(validateIpvsServices(spec.director.services, `${path}/ipvsadm.rules`));
    list.addAll(validateIpvsadmDefaults(spec.director.defaults ?? {}, `${path}/ipvsadm`));
  }
  return [...list.issues];
}

/** The refresh interval, or undefined when the pair has no VIP or it is turned off. */
function garpRefreshSeconds(role: HeartbeatRole): number | undefined {
  if (role.garpRefreshSeconds === false || role.haresources.vips.length === 0) return undefined;
  return role.garpRefreshSeconds ?? 2;
}

const RECLAIM_CHECK_SECONDS = 5;

/**
 * The reclaimer's patience on this node, or undefined: it runs only on the preferred node of a
 * two-node pair (hb_takeover asks the one peer) whose group has a VIP.
 */
function reclaimAfterSeconds(spec: NodeSpec): number | undefined {
  const role = spec.heartbeat;
  if (!role || role.reclaimAfterSeconds === false || role.haresources.vips.length === 0) return undefined;
  if (role.haCf.nodes.length !== 2) return undefined;
  if (role.haresources.preferredNode !== spec.hostname) return undefined;
  return role.reclaimAfterSeconds ?? 60;
}

/** Fencing and watchdog parts of a Heartbeat node (none without the options). */
function stonithPartsOf(spec: NodeSpec): StonithParts {
  return renderStonithParts(spec.heartbeat?.fencing, spec.heartbeat?.watchdog);
}

function filesFor(spec: NodeSpec): WriteFile[] {
  const files: WriteFile[] = [{ path: "/etc/hosts", content: renderHosts(spec.hosts), permissions: "0644" }];
  if (spec.web) {
    // Deferred: apache2's package would otherwise install its own index.html over ours.
    files.push(
      {
        path: "/var/www/html/index.html",
        content: renderIndexPage({ hostname: spec.hostname, subtitle: spec.web.subtitle }),
        permissions: "0644",
        defer: true,
      },
      { path: "/var/www/html/healthz", content: renderHealthz(spec.hostname), permissions: "0644", defer: true },
    );
  }
  if (spec.director) {
    if (usesNat(spec)) {
      files.push({ path: "/etc/sysctl.d/60-ipvs-director.conf", content: renderDirectorSysctl(), permissions: "0644" });
    }
    files.push(
      { path: "/etc/ipvsadm.rules", content: renderIpvsadmRules(spec.director.services), permissions: "0644", defer: true },
      { path: "/etc/default/ipvsadm", content: renderIpvsadmDefaults(spec.director.defaults), permissions: "0644", defer: true },
    );
  }
  if (spec.heartbeat) {
    const garpSeconds = garpRefreshSeconds(spec.heartbeat);
    const reclaimSeconds = reclaimAfterSeconds(spec);
    const respawn = [
      ...(garpSeconds ? [{ user: "root", command: GARP_REFRESHER_PATH }] : []),
      ...(reclaimSeconds ? [{ user: "root", command: RESOURCE_RECLAIMER_PATH }] : []),
    ];
    const stonith = stonithPartsOf(spec);
    const haCf = {
      ...spec.heartbeat.haCf,
      respawn: [...(spec.heartbeat.haCf.respawn ?? []), ...respawn],
      ...(stonith.stonith ? { stonith: stonith.stonith } : {}),
      ...(stonith.watchdog ? { watchdog: stonith.watchdog } : {}),
    };
    files.push(...stonith.files);
    if (garpSeconds) {
      files.push({
        path: GARP_REFRESHER_PATH,
        content: renderGarpRefresher(spec.heartbeat.haresources.vips, garpSeconds),
        permissions: "0755",
        defer: true,
      });
    }
    if (reclaimSeconds) {
      const peer = spec.heartbeat.haCf.nodes.find((n) => n !== spec.hostname)!;
      files.push({
        path: RESOURCE_RECLAIMER_PATH,
        content: renderResourceReclaimer({
          vips: spec.heartbeat.haresources.vips,
          peer,
          afterSeconds: reclaimSeconds,
          checkSeconds: RECLAIM_CHECK_SECONDS,
        }),
        permissions: "0755",
        defer: true,
      });
    }
    files.push(
      { path: "/etc/ha.d/ha.cf", content: renderHaCf(haCf), permissions: "0644", defer: true },
      { path: "/etc/ha.d/authkeys", content: renderAuthkeys(spec.heartbeat.authkeys), permissions: "0600", defer: true },
      { path: "/etc/ha.d/haresources", content: renderHaresources(spec.heartbeat.haresources), permissions: "0644", defer: true },
    );
  }
  return files;
}

/**
 * First-boot commands, in the order the labs type them: sysctl, then the IPVS rules,
 * then taking Heartbeat's resources away from the init system, and Heartbeat last.
 * `service` and `update-rc.d` work both under systemd and under plain init scripts.
 */
function runcmdFor(spec: NodeSpec): string[][] {
  const commands: string[][] = [];
  if (spec.director && usesNat(spec)) commands.push(["sysctl", "-p", "/etc/sysctl.d/60-ipvs-director.conf"]);
  if (spec.director && !heartbeatOwns(spec, "ipvsadm")) {
    commands.push(["sh", "-c", "ipvsadm-restore < /etc/ipvsadm.rules"]);
  }
  for (const service of HA_RESOURCE_SERVICES) {
    if (heartbeatOwns(spec, service)) commands.push(["update-rc.d", service, "disable"], ["service", service, "stop"]);
  }
  if (spec.web && !heartbeatOwns(spec, "apache2")) commands.push(["service", "apache2", "restart"]);
  // start, not restart: Debian's restart sleeps deadtime + 10 s, and with ha.d written late (deferred)
  // the package's own start has already failed for want of ha.cf.
  if (spec.heartbeat) {
    commands.push(...stonithPartsOf(spec).runcmd.map((argv) => [...argv]));
    commands.push(["update-rc.d", "heartbeat", "enable"], ["service", "heartbeat", "start"]);
  }
  return commands;
}

function packagesFor(spec: NodeSpec): string[] {
  const packages = new Set<string>();
  if (spec.web) packages.add("apache2");
  if (spec.director) packages.add("ipvsadm");
  if (spec.heartbeat) packages.add("heartbeat");
  for (const pkg of spec.heartbeat ? stonithPartsOf(spec).packages : []) packages.add(pkg);
  for (const resource of spec.heartbeat?.haresources.resources ?? []) {
    if (HA_RESOURCE_SERVICES.includes(resource)) packages.add(resource);
  }
  return [...packages].sort();
}

/** Builds the `#cloud-config` document for one node. */
export function cloudConfigFor(spec: NodeSpec): CloudConfig {
  return {
    hostname: spec.hostname,
    users: [
      {
        name: spec.admin.name ?? "admin",
        gecos: "Cluster administrator",
        groups: ["sudo"],
        sudo: "ALL=(ALL) NOPASSWD:ALL",
        sshAuthorizedKeys: spec.admin.sshAuthorizedKeys,
      },
    ],
    packages: packagesFor(spec),
    writeFiles: filesFor(spec),
    runcmd: runcmdFor(spec),
  };
}

/** Renders user-data, meta-data and network-config for one node. Throws one ConfigError listing every problem. */
export function renderNodePayload(spec: NodeSpec, path = spec.hostname): NodePayload {
  throwIfIssues(validateNodeSpec(spec, path));
  const userData = renderCloudConfig(cloudConfigFor(spec));
  const networkConfig = renderNetworkConfig(spec.nics);
  // A new instance-id when the payload changes makes cloud-init apply it again on the next boot.
  // References (`${…}`) are left out: their text is a placeholder until Terraform fills it.
  const stable = (text: string) => text.replace(/\$\{[^}]*\}/g, "${}");
  const digest = createHash("sha256").update(stable(userData)).update(networkConfig).digest("hex").slice(0, 12);
  const metaData = toCloudInitYaml({ "instance-id": `${spec.hostname}-${digest}`, "local-hostname": spec.hostname });
  return { userData, metaData, networkConfig };
}
