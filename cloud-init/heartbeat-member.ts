/**
 * One Heartbeat member's share of its payload: ha.d files, the helpers Heartbeat respawns, the
 * package and the start commands. The Heartbeat engine calls it for each member; node-payload
 * merges the result without knowing the engine.
 */
import type { ConfigIssue } from "./issues";
import { IssueList, throwIfIssues } from "./issues";
import type { WriteFile } from "./cloud-config";
import type { FailoverRole } from "./node-payload";
import {
  GARP_REFRESHER_PATH,
  garpRefresherFiles,
  RECLAIM_MIN_SECONDS,
  RESOURCE_RECLAIMER_PATH,
  resourceReclaimerFiles,
  addServiceFailoverIssues,
  SERVICE_MONITOR_PATH,
  serviceMonitorFiles,
} from "./ha-helpers";
import { IPVSADM_SERVICE } from "./ipvs";
import { heartbeatIpvsSyncFiles, IPVS_SYNC_BACKUP_RUNCMD, IPVS_SYNC_RESOURCE, IpvsSyncConfig } from "./ipvs-sync";
import { addMailIssues, MAIL_PACKAGES, mailRelayFiles } from "./mail";
import { FencingRole, renderStonithParts, validateFencingRole, validateWatchdog, WatchdogRole } from "./stonith";
import {
  AuthkeysConfig,
  HaCfConfig,
  HaresourcesConfig,
  HEARTBEAT_DEFAULTS,
  HeartbeatHelperSettings,
  renderAuthkeys,
  renderHaCf,
  renderHaresources,
  validateAuthkeys,
  validateHaCf,
  validateHaresources,
} from "./heartbeat";

export interface HeartbeatRole extends HeartbeatHelperSettings {
  readonly haCf: HaCfConfig;
  readonly authkeys: AuthkeysConfig;
  readonly haresources: HaresourcesConfig;
  /** Fence the peer before taking over (`stonith` in ha.cf). @default none */
  readonly fencing?: FencingRole;
  /** softdog, and heartbeat writing to it (`watchdog` in ha.cf). @default none */
  readonly watchdog?: WatchdogRole;
  /** The SMTP relay MailTo mails through (`host` or `host:port`); required with haresources.mailTo. @default none */
  readonly mailRelay?: string;
  /** IPVS connection sync: the group's first resource makes its holder the sync master; the other node is backup. @default none */
  readonly connectionSync?: IpvsSyncConfig;
}

/** The member a role is rendered for: its host name and the names of its NICs. */
export interface HeartbeatMemberNode {
  readonly hostname: string;
  readonly nicNames: readonly string[];
}

/** All problems of one member's Heartbeat role, each under `path`. */
export function validateHeartbeatRole(role: HeartbeatRole, member: HeartbeatMemberNode, path: string): ConfigIssue[] {
  const list = new IssueList(path);
  list.addAll(validateHaCf(role.haCf, `${path}/ha.cf`));
  list.addAll(validateAuthkeys(role.authkeys, `${path}/authkeys`));
  list.addAll(validateHaresources(role.haresources, `${path}/haresources`));
  if (!role.haCf.nodes.includes(member.hostname)) {
    list.add("heartbeat.haCf.nodes", role.haCf.nodes, `this node (${member.hostname}) must be one of the cluster nodes`);
  }
  const garp = role.garpRefreshSeconds;
  if (garp !== undefined && garp !== false && !(Number.isInteger(garp) && garp >= 1)) {
    list.add("heartbeat.garpRefreshSeconds", garp, "must be a whole number of seconds, at least 1, or false");
  }
  const reclaim = role.reclaimAfterSeconds;
  if (reclaim !== undefined && reclaim !== false && !(Number.isInteger(reclaim) && reclaim >= RECLAIM_MIN_SECONDS)) {
    list.add(
      "heartbeat.reclaimAfterSeconds",
      reclaim,
      `must be a whole number of seconds, at least ${RECLAIM_MIN_SECONDS} (ResourceManager's own recovery of a failed start waits 30 s), or false`,
    );
  }
  addServiceFailoverIssues(list, role.serviceFailover, (name) => `heartbeat.${name}`);
  if (role.serviceFailover && role.haCf.nodes.length !== 2) {
    list.add(
      "heartbeat.serviceFailover",
      role.serviceFailover,
      "hb_standby hands the group to the one peer: service failover needs a two-node pair",
    );
  }
  if (role.serviceFailover && role.haresources.vips.length === 0) {
    list.add("heartbeat.serviceFailover", role.serviceFailover, "service failover needs a VIP in the group to tell which node holds it");
  }
  if (role.serviceFailover && monitoredResources(role).length === 0) {
    list.add(
      "heartbeat.serviceFailover",
      role.serviceFailover,
      `the group has no service to check (${IPVSADM_SERVICE}, a one-shot rule restore, is not checked); add one such as apache2, or turn service failover off`,
    );
  }
  addMailIssues(list, { mailTo: role.haresources.mailTo, mailRelay: role.mailRelay }, (name) => `heartbeat.${name}`);
  if (role.fencing) list.addAll(validateFencingRole(role.fencing, path));
  if (role.watchdog) list.addAll(validateWatchdog(role.watchdog, path, "heartbeat.watchdog.timeoutSeconds"));
  role.haresources.vips.forEach((vip, i) => {
    if (!member.nicNames.includes(vip.interface)) {
      list.add(
        `heartbeat.haresources.vips[${i}].interface`,
        vip.interface,
        `no NIC of ${member.hostname} has this name; NICs: ${member.nicNames.join(", ")}`,
      );
    }
  });
  return [...list.issues];
}

/** The refresh interval, or undefined when the pair has no VIP or it is turned off. */
function garpRefreshSeconds(role: HeartbeatRole): number | undefined {
  if (role.garpRefreshSeconds === false || role.haresources.vips.length === 0) return undefined;
  return role.garpRefreshSeconds ?? HEARTBEAT_DEFAULTS.garpRefreshSeconds;
}

const RECLAIM_CHECK_SECONDS = 5;

/** The group's services the monitor checks: all but the ipvsadm restore, which leaves no process to check. */
function monitoredResources(role: HeartbeatRole): string[] {
  return role.haresources.resources.filter((r) => r !== IPVSADM_SERVICE);
}

/**
 * The reclaimer's patience on this node, or undefined: it runs only on the preferred node of a
 * two-node pair (hb_takeover asks the one peer) whose group has a VIP.
 */
function reclaimAfterSeconds(role: HeartbeatRole, hostname: string): number | undefined {
  if (role.reclaimAfterSeconds === false || role.haresources.vips.length === 0) return undefined;
  if (role.haCf.nodes.length !== 2) return undefined;
  if (role.haresources.preferredNode !== hostname) return undefined;
  return role.reclaimAfterSeconds ?? HEARTBEAT_DEFAULTS.reclaimAfterSeconds;
}

function filesFor(role: HeartbeatRole, hostname: string): WriteFile[] {
  const files: WriteFile[] = [];
  const garpSeconds = garpRefreshSeconds(role);
  const reclaimSeconds = reclaimAfterSeconds(role, hostname);
  const respawn = [
    ...(garpSeconds ? [{ user: "root", command: GARP_REFRESHER_PATH }] : []),
    ...(reclaimSeconds ? [{ user: "root", command: RESOURCE_RECLAIMER_PATH }] : []),
    ...(role.serviceFailover ? [{ user: "root", command: SERVICE_MONITOR_PATH }] : []),
  ];
  const stonith = renderStonithParts(role.fencing, role.watchdog);
  const haCf = {
    ...role.haCf,
    respawn: [...(role.haCf.respawn ?? []), ...respawn],
    ...(stonith.stonith ? { stonith: stonith.stonith } : {}),
    ...(stonith.watchdog ? { watchdog: stonith.watchdog } : {}),
  };
  files.push(...stonith.files);
  if (garpSeconds) {
    const { vips, preferredNode } = role.haresources;
    files.push(...garpRefresherFiles({ vips, intervalSeconds: garpSeconds, preferredNode: preferredNode === hostname }));
  }
  if (reclaimSeconds) {
    const peer = role.haCf.nodes.find((n) => n !== hostname)!;
    files.push(
      ...resourceReclaimerFiles({
        vips: role.haresources.vips,
        peer,
        afterSeconds: reclaimSeconds,
        checkSeconds: RECLAIM_CHECK_SECONDS,
      }),
    );
  }
  if (role.serviceFailover) {
    const { vips, preferredNode } = role.haresources;
    files.push(
      ...serviceMonitorFiles({
        vips,
        peer: role.haCf.nodes.find((n) => n !== hostname)!,
        preferredNode: preferredNode === hostname,
        resources: monitoredResources(role),
        serviceFailover: role.serviceFailover,
      }),
    );
  }
  if (role.haresources.mailTo !== undefined && role.mailRelay !== undefined) {
    files.push(...mailRelayFiles(role.mailRelay));
  }
  if (role.connectionSync) files.push(...heartbeatIpvsSyncFiles(role.connectionSync));
  // The sync master starts before the VIPs, so no new connection misses its first sync, and stops after them.
  const haresources = role.connectionSync ? { ...role.haresources, beforeVips: [IPVS_SYNC_RESOURCE] } : role.haresources;
  files.push(
    { path: "/etc/ha.d/ha.cf", content: renderHaCf(haCf), permissions: "0644", defer: true },
    { path: "/etc/ha.d/authkeys", content: renderAuthkeys(role.authkeys), permissions: "0600", defer: true },
    { path: "/etc/ha.d/haresources", content: renderHaresources(haresources), permissions: "0644", defer: true },
  );
  return files;
}

/** One member's Heartbeat share of its payload. Throws one ConfigError listing every problem. */
export function heartbeatFailoverRole(role: HeartbeatRole, member: HeartbeatMemberNode, path = member.hostname): FailoverRole {
  throwIfIssues(validateHeartbeatRole(role, member, path));
  const stonith = renderStonithParts(role.fencing, role.watchdog);
  return {
    engine: "heartbeat",
    packages: ["heartbeat", ...stonith.packages, ...(role.haresources.mailTo !== undefined ? MAIL_PACKAGES : [])],
    files: filesFor(role, member.hostname),
    starts: role.haresources.resources,
    // start, not restart: Debian's restart sleeps deadtime + 10 s, and with ha.d written late (deferred)
    // the package's own start has already failed for want of ha.cf.
    runcmd: [
      ...stonith.runcmd.map((argv) => [...argv]),
      ...(role.connectionSync ? IPVS_SYNC_BACKUP_RUNCMD.map((argv) => [...argv]) : []),
      ["update-rc.d", "heartbeat", "enable"],
      ["service", "heartbeat", "start"],
    ],
  };
}
