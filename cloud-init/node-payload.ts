import { createHash } from "crypto";
import {
  APACHE_DEFAULT_PORT,
  APACHE_LISTEN_CONF,
  APACHE_LISTEN_CONF_PATH,
  APACHE_SERVICE,
  renderHealthz,
  renderIndexPage,
  renderListenConf,
} from "./apache";
import { CloudConfig, renderCloudConfig, toCloudInitYaml, WriteFile } from "./cloud-config";
import { NODE_NAME } from "./heartbeat";
import {
  DirectRoutingRole,
  DR_DIRECTOR_BOOTCMD,
  drRealServerBootcmd,
  DR_REAL_SERVER_SYSCTL_PATH,
  IpvsadmDefaults,
  IPVSADM_SERVICE,
  IpvsVirtualService,
  renderDirectorSysctl,
  renderDrRealServerSysctl,
  renderIpvsadmDefaults,
  renderIpvsadmRules,
  validateDirectRoutingRole,
  validateIpvsadmDefaults,
  validateIpvsServices,
} from "./ipvs";
import { ConfigIssue, IssueList, throwIfIssues } from "./issues";
import {
  FirewallRole,
  hasFirewall,
  NFTABLES_CONF_PATH,
  NFTABLES_PACKAGE,
  NFTABLES_SERVICE,
  PeerTraffic,
  renderNftablesConf,
  validateFirewallRole,
} from "./firewall";
import {
  LdirectordConfig,
  LDIRECTORD_CONF_PATH,
  LDIRECTORD_RESOURCE,
  LDIRECTORD_SERVICE,
  LDIRECTORD_SETTLE_PATH,
  LDIRECTORD_SETTLE_SCRIPT,
  renderLdirectordCf,
  validateLdirectordConfig,
} from "./ldirectord";
import { HostsEntry, NicConfig, renderHosts, renderNetworkConfig, renderResolvConf, validateHosts, validateNics } from "./network";

export interface AdminUserConfig {
  /** @default "admin" */
  readonly name?: string;
  /** Public keys, or a Terraform reference to a variable holding one. Passwords are never set. */
  readonly sshAuthorizedKeys: readonly string[];
}

/** Who starts a role's service: the init system at boot, or the failover engine with its group. */
export type ServiceStarter = "init" | "failover-engine";

/** Who installs a director's IPVS rules: ipvsadm-restore at first boot, or the failover engine with its group. */
export type IpvsRuleSource = "static-restore" | "failover-engine";

export interface WebRole {
  /** Line under the host name on the index page. @default none */
  readonly subtitle?: string;
  /** Who starts Apache. @default "init" */
  readonly startedBy?: ServiceStarter;
  /** TCP ports Apache listens on besides 80, where a director sends requests to this server. @default none */
  readonly listenPorts?: readonly number[];
}

/**
 * A failover engine's share of one member's payload, rendered by the engine for that member
 * (heartbeatFailoverRole for Heartbeat). The payload merges it without knowing the engine.
 */
export interface FailoverRole {
  /** The engine's name, as messages print it. */
  readonly engine: string;
  readonly packages: readonly string[];
  /** Written after the roles' own files. */
  readonly files: readonly WriteFile[];
  /** Init scripts the engine starts with its group, in start order. */
  readonly starts: readonly string[];
  /** First-boot commands that start the engine; they run last. */
  readonly runcmd: readonly (readonly string[])[];
  /** What the engine receives from its peers, for the firewall to accept from them only. @default none */
  readonly peerTraffic?: readonly PeerTraffic[];
}

export interface DirectorRole {
  readonly services: readonly IpvsVirtualService[];
  readonly defaults?: IpvsadmDefaults;
  /**
   * Who starts the rule installer: init at first boot (ipvsadm-restore, or the ldirectord service),
   * or the failover engine with its group. @default "static-restore"
   */
  readonly ipvsRules?: IpvsRuleSource;
  /**
   * ldirectord installs the rules from HTTP health checks, instead of ipvsadm installing them as
   * written: its settings (the services are `services`). @default none: static rules
   */
  readonly healthChecks?: Omit<LdirectordConfig, "services">;
}

/** The director's ldirectord configuration, if ldirectord installs its rules. */
function ldirectordConfig(spec: NodeSpec): LdirectordConfig | undefined {
  const director = spec.director;
  return director?.healthChecks ? { ...director.healthChecks, services: director.services } : undefined;
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
  /** A direct-routing real server: the VIPs on lo, ARP for them left to the director. @default none */
  readonly directRouting?: DirectRoutingRole;
  /** Failover group member: the engine the roles above hand their services to. */
  readonly failover?: FailoverRole;
  /** nftables: source NAT and filtering. @default none */
  readonly firewall?: FirewallRole;
}

/** The three documents a NoCloud seed, a libvirt cloud-init disk or vSphere guestinfo carries. */
export interface NodePayload {
  readonly userData: string;
  readonly metaData: string;
  readonly networkConfig: string;
}

/** The services this node's roles hand to the failover engine, in start order: taken off the init system. */
function engineStarted(spec: NodeSpec): string[] {
  return [
    ...(spec.web?.startedBy === "failover-engine" ? [APACHE_SERVICE] : []),
    ...(spec.director?.ipvsRules === "failover-engine" ? [spec.director.healthChecks ? LDIRECTORD_RESOURCE : IPVSADM_SERVICE] : []),
  ];
}

function usesDirectRouting(spec: NodeSpec): boolean {
  return (spec.director?.services ?? []).some((s) => s.realServers.some((r) => r.forwarding === "gatewaying"));
}

/** Commands run at every boot: a DR director's IPVS setting, a DR real server's ARP settings and VIP. */
function bootcmdFor(spec: NodeSpec): string[][] {
  return [
    ...(usesDirectRouting(spec) ? DR_DIRECTOR_BOOTCMD.map((argv) => [...argv]) : []),
    ...(spec.directRouting ? drRealServerBootcmd(spec.directRouting) : []),
  ];
}

/** The init script behind a resource as haresources names it (`ldirectord::ldirectord.cf` -> ldirectord). */
function initScript(resource: string): string {
  return resource.split("::")[0];
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
  // A role's service has one starter: the init system, or the failover engine.
  const handed = engineStarted(spec);
  if (handed.length > 0 && !spec.failover) {
    const field = spec.web?.startedBy === "failover-engine" ? "web.startedBy" : "director.ipvsRules";
    list.add(field, "failover-engine", "no failover engine runs on this node to start it");
  }
  (spec.failover?.starts ?? []).forEach((resource, i) => {
    const byInit =
      (resource === APACHE_SERVICE && spec.web !== undefined) ||
      ((resource === IPVSADM_SERVICE || resource === LDIRECTORD_RESOURCE) && spec.director !== undefined);
    if (byInit && !handed.includes(resource)) {
      list.add(
        `failover.starts[${i}]`,
        resource,
        `the ${resource === APACHE_SERVICE ? "web" : "director"} role starts this from init too; hand it to the engine (web.startedBy or director.ipvsRules: "failover-engine")`,
      );
    }
  });
  (spec.web?.listenPorts ?? []).forEach((port, i, ports) => {
    if (!Number.isInteger(port) || port < 1 || port > 65535 || port === APACHE_DEFAULT_PORT) {
      list.add(
        `web.listenPorts[${i}]`,
        port,
        `must be a port number, 1..65535, other than ${APACHE_DEFAULT_PORT} (ports.conf listens there)`,
      );
    } else if (ports.indexOf(port) !== i) {
      list.add(`web.listenPorts[${i}]`, port, "is listed twice: apache2 refuses to start on a repeated Listen");
    }
  });
  if (spec.directRouting) list.addAll(validateDirectRoutingRole(spec.directRouting, `${path}/directRouting`));
  if (spec.firewall) list.addAll(validateFirewallRole(spec.firewall, `${path}/nftables.conf`));
  if (spec.director) {
    list.addAll(validateIpvsServices(spec.director.services, `${path}/ipvsadm.rules`));
    list.addAll(validateIpvsadmDefaults(spec.director.defaults ?? {}, `${path}/ipvsadm`));
    const ldirectord = ldirectordConfig(spec);
    // The services' own problems are reported above, as ipvsadm.rules'.
    if (ldirectord)
      list.addAll(validateLdirectordConfig(ldirectord, `${path}/ldirectord.cf`).filter((i) => !i.field.startsWith("services[")));
  }
  return [...list.issues];
}

const QUIESCENT_SYSCTL_PATH = "/etc/sysctl.d/61-ipvs-quiescent.conf";
/** A quiesced server (weight 0) keeps its persistent clients until their template expires, unless told otherwise. */
const QUIESCENT_SYSCTL = [
  "# IPVS: a persistent client of a quiesced (weight 0) real server moves on instead of staying until its template expires.",
  "net.ipv4.vs.expire_quiescent_template = 1",
  "",
].join("\n");

function quiescedPersistence(config: LdirectordConfig): boolean {
  return config.onFailure === "quiesce" && config.services.some((s) => s.persistence !== undefined);
}

function filesFor(spec: NodeSpec): WriteFile[] {
  const files: WriteFile[] = [{ path: "/etc/hosts", content: renderHosts(spec.hosts), permissions: "0644" }];
  // Not deferred: `packages:` runs later and may need names resolved.
  const resolvConf = renderResolvConf(spec.nics);
  if (resolvConf !== undefined) files.push({ path: "/etc/resolv.conf", content: resolvConf, permissions: "0644" });
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
    if (spec.web.listenPorts?.length) {
      files.push({ path: APACHE_LISTEN_CONF_PATH, content: renderListenConf(spec.web.listenPorts), permissions: "0644", defer: true });
    }
  }
  if (spec.director) {
    if (usesNat(spec)) {
      // With the filter on, rp_filter and the ICMP redirects are hardened on every NIC too.
      const hardened = spec.firewall?.filter ? spec.nics.map((nic) => nic.name) : undefined;
      files.push({ path: "/etc/sysctl.d/60-ipvs-director.conf", content: renderDirectorSysctl(hardened), permissions: "0644" });
    }
    const ldirectord = ldirectordConfig(spec);
    if (ldirectord) {
      // ldirectord installs the rules: no rules file, and the ipvsadm init script restores nothing at boot.
      files.push(
        { path: LDIRECTORD_CONF_PATH, content: renderLdirectordCf(ldirectord), permissions: "0644", defer: true },
        { path: LDIRECTORD_SETTLE_PATH, content: LDIRECTORD_SETTLE_SCRIPT, permissions: "0755" },
        {
          path: "/etc/default/ipvsadm",
          content: renderIpvsadmDefaults({ ...spec.director.defaults, auto: false }),
          permissions: "0644",
          defer: true,
        },
      );
      if (quiescedPersistence(ldirectord)) {
        files.push({ path: QUIESCENT_SYSCTL_PATH, content: QUIESCENT_SYSCTL, permissions: "0644" });
      }
    } else {
      files.push(
        { path: "/etc/ipvsadm.rules", content: renderIpvsadmRules(spec.director.services), permissions: "0644", defer: true },
        { path: "/etc/default/ipvsadm", content: renderIpvsadmDefaults(spec.director.defaults), permissions: "0644", defer: true },
      );
    }
  }
  // Not deferred: systemd-sysctl applies it at later boots before the network is up.
  if (spec.directRouting) files.push({ path: DR_REAL_SERVER_SYSCTL_PATH, content: renderDrRealServerSysctl(), permissions: "0644" });
  // Deferred: the nftables package ships its own /etc/nftables.conf.
  if (hasFirewall(spec.firewall)) {
    files.push({ path: NFTABLES_CONF_PATH, content: renderNftablesConf(spec.firewall), permissions: "0755", defer: true });
  }
  if (spec.failover) files.push(...spec.failover.files);
  return files;
}

/**
 * First-boot commands, in the order the labs type them: the nftables ruleset, sysctl, then the IPVS rules,
 * then taking the services the failover engine starts away from the init system, and the engine last.
 * `service` and `update-rc.d` work both under systemd and under plain init scripts.
 */
function runcmdFor(spec: NodeSpec): string[][] {
  const commands: string[][] = [];
  // The ruleset first, before forwarding is turned on; the unit loads it again at every boot
  // (Debian has no init script for nftables, so systemctl, not update-rc.d).
  if (hasFirewall(spec.firewall)) commands.push(["nft", "-f", NFTABLES_CONF_PATH], ["systemctl", "enable", NFTABLES_SERVICE]);
  if (spec.director && usesNat(spec)) commands.push(["sysctl", "-p", "/etc/sysctl.d/60-ipvs-director.conf"]);
  const ldirectord = ldirectordConfig(spec);
  if (ldirectord && quiescedPersistence(ldirectord)) commands.push(["sysctl", "-p", QUIESCENT_SYSCTL_PATH]);
  if (spec.director && (spec.director.ipvsRules ?? "static-restore") === "static-restore") {
    // ldirectord's package started it before its configuration was written: restart it on that.
    if (ldirectord) commands.push(["update-rc.d", LDIRECTORD_SERVICE, "enable"], [LDIRECTORD_SETTLE_PATH, "restart"]);
    else commands.push(["sh", "-c", "ipvsadm-restore < /etc/ipvsadm.rules"]);
  }
  for (const resource of engineStarted(spec)) {
    const service = initScript(resource);
    // ldirectord's stop returns before the daemon is gone; the engine's start would otherwise find it running.
    const stop = service === LDIRECTORD_SERVICE ? [LDIRECTORD_SETTLE_PATH, "stop"] : ["service", service, "stop"];
    commands.push(["update-rc.d", service, "disable"], stop);
  }
  if (spec.web?.listenPorts?.length) commands.push(["a2enconf", "-q", APACHE_LISTEN_CONF]);
  if (spec.web && spec.web.startedBy !== "failover-engine") commands.push(["service", APACHE_SERVICE, "restart"]);
  if (spec.failover) commands.push(...spec.failover.runcmd.map((argv) => [...argv]));
  return commands;
}

function packagesFor(spec: NodeSpec): string[] {
  const packages = new Set<string>();
  if (spec.web) packages.add(APACHE_SERVICE);
  if (spec.director) packages.add(IPVSADM_SERVICE);
  if (spec.director?.healthChecks) packages.add(LDIRECTORD_SERVICE);
  if (hasFirewall(spec.firewall)) packages.add(NFTABLES_PACKAGE);
  for (const name of spec.failover?.packages ?? []) packages.add(name);
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
    // The VIP on lo at every boot, after the ARP settings: never a moment where the node answers ARP
    // for it. Not network-config: cloud-init's ENI renderer would turn lo into `inet static`.
    bootcmd: bootcmdFor(spec),
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
