import { isIpv4 } from "./ip";
import { ConfigError, ConfigIssue, IssueList, throwIfIssues } from "./issues";

/** A Heartbeat time: whole seconds (`2`) or milliseconds (`"500ms"`), as `ha.cf` accepts. */
export type HeartbeatTime = number | `${number}ms`;

/** Heartbeat communication media, named after their `ha.cf` directives. */
export type HeartbeatMedium =
  /** `ucast <iface> <peer-ip>`: unicast UDP to the peer. */
  | { readonly kind: "ucast"; readonly interface: string; readonly peer: string }
  /** `bcast <iface…>`: broadcast UDP on each interface. Needs a broadcast address on the interface. */
  | { readonly kind: "bcast"; readonly interfaces: readonly string[] }
  /** `mcast <iface> <group> <port> <ttl> <loop>`. */
  | {
      readonly kind: "mcast";
      readonly interface: string;
      readonly group: string;
      readonly port?: number;
      readonly ttl?: number;
      readonly loop?: boolean;
    }
  /** `serial <device>` over a null-modem cable; speed set by `baud`. */
  | { readonly kind: "serial"; readonly device: string };

export interface HaCfConfig {
  /** Cluster node names, as `uname -n` prints them on each node. */
  readonly nodes: readonly string[];
  /** Media that carry the heartbeats. At least one. */
  readonly media: readonly HeartbeatMedium[];
  /** @default 1 */
  readonly keepalive?: HeartbeatTime;
  /** Must be more than twice keepalive. @default 5 */
  readonly deadtime?: HeartbeatTime;
  /** @default 3 */
  readonly warntime?: HeartbeatTime;
  /** @default 10 */
  readonly initdead?: HeartbeatTime;
  /** @default 694 */
  readonly udpport?: number;
  /** Serial line speed; only written when a serial medium is used. @default 19200 */
  readonly baud?: number;
  /** @default true */
  readonly autoFailback?: boolean;
  /** @default "local0" (false writes no logfacility) */
  readonly logfacility?: string | false;
  /** @default no logfile (syslog only) */
  readonly logfile?: string;
  /** `ping` nodes: addresses whose reachability ipfail weighs. @default none */
  readonly pingNodes?: readonly string[];
  /** Respawn ipfail, so a node that loses its ping nodes gives up resources. Needs pingNodes. @default false */
  readonly ipfail?: boolean;
  /** `respawn <user> <command>` lines: helpers Heartbeat starts, restarts and stops with itself. @default none */
  readonly respawn?: readonly { readonly user: string; readonly command: string }[];
  /** `stonith <type> <file>`: the device that fences the peer before a takeover (cloud-init/stonith.ts). @default none */
  readonly stonith?: { readonly type: string; readonly configFile: string };
  /** `watchdog <device>`: heartbeat writes to it, so a hung heartbeat resets the node. @default none */
  readonly watchdog?: string;
}

const SERIAL_SPEEDS = [9600, 19200, 38400, 57600, 115200];
const SYSLOG_FACILITIES = [
  "auth",
  "authpriv",
  "daemon",
  "syslog",
  "user",
  "local0",
  "local1",
  "local2",
  "local3",
  "local4",
  "local5",
  "local6",
  "local7",
];
/** Where Debian 12's heartbeat 3.0.6 installs ipfail (dpkg -L heartbeat). */
export const HEARTBEAT_LIBEXEC = "/usr/libexec/heartbeat";
/** Matches the interface names the kernel accepts. */
const INTERFACE_NAME = /^[A-Za-z0-9_.:-]{1,15}$/;
/** A node name as uname -n may print it (RFC 1123 label, optionally dotted). */
export const NODE_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Below this deadtime a single heartbeat path is refused: one late burst would be a false failover. */
export const SUBSECOND_DEADTIME_MS = 1000;

/** Milliseconds of a HeartbeatTime, or undefined when it is not one. */
export function heartbeatTimeMs(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 ? value * 1000 : undefined;
  if (typeof value === "string") {
    const match = /^([1-9]\d*)ms$/.exec(value);
    return match ? Number(match[1]) : undefined;
  }
  return undefined;
}

export function validateHaCf(config: HaCfConfig, path = "ha.cf"): ConfigIssue[] {
  const list = new IssueList(path);
  const times = {
    keepalive: config.keepalive ?? 1,
    deadtime: config.deadtime ?? 5,
    warntime: config.warntime ?? 3,
    initdead: config.initdead ?? 10,
  };
  const ms: Record<string, number | undefined> = {};
  for (const [field, value] of Object.entries(times)) {
    ms[field] = heartbeatTimeMs(value);
    if (ms[field] === undefined) {
      list.add(field, value, 'must be a positive whole number of seconds (2) or of milliseconds ("500ms")');
    }
  }
  const { keepalive, deadtime, warntime } = ms;
  if (keepalive !== undefined && deadtime !== undefined && deadtime <= 2 * keepalive) {
    list.add(
      "deadtime",
      times.deadtime,
      `deadtime must be more than twice keepalive (${times.keepalive}); heartbeat refuses to start otherwise`,
    );
  }
  if (warntime !== undefined && deadtime !== undefined && keepalive !== undefined) {
    if (warntime >= deadtime || warntime < keepalive) {
      list.add("warntime", times.warntime, "warntime must be at least keepalive and less than deadtime");
    }
  }
  if (ms.initdead !== undefined && deadtime !== undefined && ms.initdead < deadtime) {
    list.add("initdead", times.initdead, `initdead must be at least deadtime (${times.deadtime}); heartbeat refuses to start otherwise`);
  }
  if (deadtime !== undefined && deadtime < SUBSECOND_DEADTIME_MS && config.media.length < 2) {
    list.add(
      "deadtime",
      times.deadtime,
      `a deadtime under ${SUBSECOND_DEADTIME_MS / 1000} s needs at least two media (such as ucast on two networks), so that one late burst on one link does not declare the peer dead`,
    );
  }
  const udpport = config.udpport ?? 694;
  if (!Number.isInteger(udpport) || udpport < 1 || udpport > 65535) {
    list.add("udpport", udpport, "must be a UDP port number, 1..65535 (Heartbeat's own is 694)");
  }
  if (config.baud !== undefined && !SERIAL_SPEEDS.includes(config.baud)) {
    list.add("baud", config.baud, `must be one of ${SERIAL_SPEEDS.join(", ")}`);
  }
  if (config.logfacility !== undefined && config.logfacility !== false && !SYSLOG_FACILITIES.includes(config.logfacility)) {
    list.add("logfacility", config.logfacility, `must be a syslog facility: ${SYSLOG_FACILITIES.join(", ")}, or false`);
  }
  if (config.logfile !== undefined && !config.logfile.startsWith("/")) {
    list.add("logfile", config.logfile, "must be an absolute path such as /var/log/ha-log");
  }
  if (config.nodes.length < 2) {
    list.add("nodes", config.nodes, "a Heartbeat cluster needs at least two nodes");
  }
  config.nodes.forEach((node, i) => {
    if (!NODE_NAME.test(node)) {
      list.add(`nodes[${i}]`, node, "must be a lowercase host name as `uname -n` prints it (letters, digits, '-', '.')");
    }
  });
  if (new Set(config.nodes).size !== config.nodes.length) {
    list.add("nodes", config.nodes, "node names must be unique");
  }
  if (config.media.length === 0) {
    list.add("media", config.media, "at least one medium (ucast, bcast, mcast or serial) is needed");
  }
  config.media.forEach((medium, i) => validateMedium(list, `media[${i}]`, medium));
  (config.pingNodes ?? []).forEach((node, i) => {
    if (!isIpv4(node)) list.add(`pingNodes[${i}]`, node, "must be an IPv4 address such as 192.168.56.1");
  });
  (config.respawn ?? []).forEach((entry, i) => {
    if (!/^[a-z_][a-z0-9_-]*$/.test(entry.user))
      list.add(`respawn[${i}].user`, entry.user, "must be a user name such as root or hacluster");
    if (!entry.command.startsWith("/")) list.add(`respawn[${i}].command`, entry.command, "must start with an absolute path");
  });
  if (config.stonith !== undefined) {
    if (!/^[a-z0-9_]+(\/[a-z0-9_-]+)?$/.test(config.stonith.type)) {
      list.add("stonith.type", config.stonith.type, "must be a stonith plugin name such as external/libvirt (stonith -L lists them)");
    }
    if (!/^\/[A-Za-z0-9/_.-]+$/.test(config.stonith.configFile)) {
      list.add("stonith.configFile", config.stonith.configFile, "must be an absolute path such as /etc/ha.d/stonith.cfg");
    }
  }
  if (config.watchdog !== undefined && !/^\/dev\/[A-Za-z0-9/_-]+$/.test(config.watchdog)) {
    list.add("watchdog", config.watchdog, "must be a device path such as /dev/watchdog");
  }
  if (config.ipfail && (config.pingNodes ?? []).length === 0) {
    list.add("ipfail", config.ipfail, "ipfail needs at least one ping node to weigh connectivity");
  }
  return [...list.issues];
}

function validateMedium(list: IssueList, field: string, medium: HeartbeatMedium): void {
  const checkInterface = (name: string, where: string) => {
    if (!INTERFACE_NAME.test(name)) list.add(where, name, "must be an interface name of 1..15 characters such as eth1");
  };
  switch (medium.kind) {
    case "ucast":
      checkInterface(medium.interface, `${field}.interface`);
      if (!isIpv4(medium.peer)) list.add(`${field}.peer`, medium.peer, "must be the peer's IPv4 address");
      break;
    case "bcast":
      if (medium.interfaces.length === 0) list.add(`${field}.interfaces`, medium.interfaces, "name at least one interface");
      medium.interfaces.forEach((name, i) => checkInterface(name, `${field}.interfaces[${i}]`));
      break;
    case "mcast": {
      checkInterface(medium.interface, `${field}.interface`);
      const first = Number(medium.group.split(".")[0]);
      if (!isIpv4(medium.group) || first < 224 || first > 239) {
        list.add(`${field}.group`, medium.group, "must be an IPv4 multicast group, 224.0.0.0..239.255.255.255");
      }
      const ttl = medium.ttl ?? 1;
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 255) list.add(`${field}.ttl`, ttl, "must be 1..255");
      break;
    }
    case "serial":
      if (!/^\/dev\/[A-Za-z0-9/_-]+$/.test(medium.device)) {
        list.add(`${field}.device`, medium.device, "must be a device path such as /dev/ttyS0");
      }
      break;
    default:
      list.add(`${field}.kind`, (medium as { kind: unknown }).kind, "must be ucast, bcast, mcast or serial");
  }
}

function renderMedium(medium: HeartbeatMedium, udpport: number): string {
  switch (medium.kind) {
    case "ucast":
      return `ucast ${medium.interface} ${medium.peer}`;
    case "bcast":
      return `bcast ${medium.interfaces.join(" ")}`;
    case "mcast":
      return `mcast ${medium.interface} ${medium.group} ${medium.port ?? udpport} ${medium.ttl ?? 1} ${medium.loop ? 1 : 0}`;
    case "serial":
      return `serial ${medium.device}`;
  }
}

/** Renders /etc/ha.d/ha.cf. Throws a ConfigError listing every problem. */
export function renderHaCf(config: HaCfConfig): string {
  throwIfIssues(validateHaCf(config));
  const udpport = config.udpport ?? 694;
  const lines: string[] = ["# /etc/ha.d/ha.cf: generated; edit the topology, not this file.", ""];
  if (config.logfile) lines.push(`logfile ${config.logfile}`);
  const facility = config.logfacility ?? "local0";
  if (facility !== false) lines.push(`logfacility ${facility}`);
  lines.push(
    "",
    "# Timing: heartbeat every keepalive; a peer silent for deadtime is declared dead.",
    `keepalive ${config.keepalive ?? 1}`,
    `deadtime ${config.deadtime ?? 5}`,
    `warntime ${config.warntime ?? 3}`,
    `initdead ${config.initdead ?? 10}`,
    "",
    "# Media",
    `udpport ${udpport}`,
  );
  if (config.media.some((m) => m.kind === "serial")) lines.push(`baud ${config.baud ?? 19200}`);
  lines.push(...config.media.map((m) => renderMedium(m, udpport)));
  if ((config.pingNodes ?? []).length > 0) {
    lines.push("", "# Ping nodes: reachability that ipfail weighs", ...(config.pingNodes ?? []).map((ip) => `ping ${ip}`));
  }
  const respawn = [...(config.ipfail ? [{ user: "hacluster", command: `${HEARTBEAT_LIBEXEC}/ipfail` }] : []), ...(config.respawn ?? [])];
  if (respawn.length > 0) {
    lines.push("", "# Helpers Heartbeat keeps running", ...respawn.map((r) => `respawn ${r.user} ${r.command}`));
  }
  if (config.ipfail) lines.push("apiauth ipfail gid=haclient uid=hacluster");
  if (config.stonith) {
    lines.push("", "# Fence the peer before taking its resources over", `stonith ${config.stonith.type} ${config.stonith.configFile}`);
  }
  if (config.watchdog) lines.push("", "# Reset this node when heartbeat stops writing to the watchdog", `watchdog ${config.watchdog}`);
  lines.push(
    "",
    "# Whether resources move back to their preferred node when it returns",
    `auto_failback ${(config.autoFailback ?? true) ? "on" : "off"}`,
    "",
    "# Cluster nodes (uname -n)",
    ...config.nodes.map((node) => `node ${node}`),
  );
  return lines.join("\n") + "\n";
}

/** Authentication methods Heartbeat offers. crc is integrity only, not authentication. */
export type AuthMethod = "sha1" | "md5" | "crc";

export interface AuthkeysConfig {
  /**
   * The shared secret. May be a Terraform reference such as `${random_password.x.result}`,
   * which Terraform fills at apply time. Required for sha1 and md5; no default exists.
   */
  readonly secret?: string;
  /** @default "sha1" */
  readonly method?: AuthMethod;
  /** Key index used by `auth N`. @default 1 */
  readonly keyIndex?: number;
  /** crc authenticates nothing; it is only accepted when this is true. @default false */
  readonly allowInsecureCrc?: boolean;
}

export function validateAuthkeys(config: AuthkeysConfig, path = "authkeys"): ConfigIssue[] {
  const list = new IssueList(path);
  const method = config.method ?? "sha1";
  const keyIndex = config.keyIndex ?? 1;
  if (!["sha1", "md5", "crc"].includes(method)) {
    list.add("method", method, "must be sha1 (recommended), md5, or crc with allowInsecureCrc");
  }
  if (method === "crc" && !config.allowInsecureCrc) {
    list.add(
      "method",
      method,
      "crc only checks integrity and lets anyone on the link forge heartbeats; use sha1, or set allowInsecureCrc: true to accept the risk",
    );
  }
  if (method !== "crc") {
    if (config.secret === undefined || config.secret.trim() === "") {
      list.add("secret", config.secret, `${method} needs a secret: pass a Terraform reference (random_password or a sensitive variable)`);
    } else if (/\s/.test(config.secret)) {
      list.add("secret", "(hidden)", "the secret may not contain whitespace; authkeys would cut it at the first space");
    }
  }
  if (!Number.isInteger(keyIndex) || keyIndex < 1 || keyIndex > 15) {
    list.add("keyIndex", keyIndex, "must be a whole number, 1..15");
  }
  return [...list.issues];
}

/** Renders /etc/ha.d/authkeys. Write it with mode 0600: Heartbeat refuses other modes. */
export function renderAuthkeys(config: AuthkeysConfig): string {
  throwIfIssues(validateAuthkeys(config));
  const method = config.method ?? "sha1";
  const keyIndex = config.keyIndex ?? 1;
  const key = method === "crc" ? `${keyIndex} crc` : `${keyIndex} ${method} ${config.secret}`;
  return `# /etc/ha.d/authkeys: generated. Mode 0600.\nauth ${keyIndex}\n${key}\n`;
}

/** A floating address managed by the IPaddr2 resource agent. */
export interface VirtualIp {
  /** The address, such as 192.168.56.10. */
  readonly address: string;
  /** Prefix length of the subnet it lives in. */
  readonly prefix: number;
  /** Interface that carries it. */
  readonly interface: string;
  /** Optional alias label, such as `eth0:0` (must start with the interface name). */
  readonly label?: string;
}

export interface HaresourcesConfig {
  /** The node that holds the resources when it is up. */
  readonly preferredNode: string;
  /** Cluster nodes, to check that the preferred node is one of them. */
  readonly nodes: readonly string[];
  /** Floating addresses, brought up first and taken down last. */
  readonly vips: readonly VirtualIp[];
  /** Resource scripts started after the addresses, in order: `apache2`, `ipvsadm`, `ldirectord`. */
  readonly resources: readonly string[];
  /** `MailTo::<addr>` notification on failover. @default none */
  readonly mailTo?: string;
}

const RESOURCE_NAME = /^[A-Za-z0-9_.-]+(::[^\s:]+(::[^\s:]+)*)?$/;

/** Checks each VIP as IPaddr2 will read it: `vips[i].address`, `.prefix`, `.interface`, `.label`. */
function addVipIssues(list: IssueList, vips: readonly VirtualIp[]): void {
  vips.forEach((vip, i) => {
    if (!isIpv4(vip.address)) list.add(`vips[${i}].address`, vip.address, "must be an IPv4 address such as 192.168.56.10");
    if (!Number.isInteger(vip.prefix) || vip.prefix < 1 || vip.prefix > 32) {
      list.add(`vips[${i}].prefix`, vip.prefix, "must be a prefix length, 1..32");
    }
    if (!INTERFACE_NAME.test(vip.interface)) list.add(`vips[${i}].interface`, vip.interface, "must be an interface name such as eth0");
    if (vip.label !== undefined && !(vip.label.startsWith(vip.interface) && vip.label.length <= 15)) {
      list.add(`vips[${i}].label`, vip.label, `must start with the interface name (${vip.interface}:0) and be at most 15 characters`);
    }
  });
}

export function validateHaresources(config: HaresourcesConfig, path = "haresources"): ConfigIssue[] {
  const list = new IssueList(path);
  if (!config.nodes.includes(config.preferredNode)) {
    list.add(
      "preferredNode",
      config.preferredNode,
      `the resource owner must be a node of the cluster: ${config.nodes.join(", ") || "(none declared)"}`,
    );
  }
  addVipIssues(list, config.vips);
  if (config.vips.length === 0 && config.resources.length === 0) {
    list.add("resources", config.resources, "haresources needs at least one VIP or resource");
  }
  config.resources.forEach((resource, i) => {
    if (!RESOURCE_NAME.test(resource)) {
      list.add(`resources[${i}]`, resource, "must be an init script or resource name such as apache2, optionally with ::arguments");
    }
  });
  if (config.mailTo !== undefined && !/^[^\s:@]+(@[^\s:@]+)?$/.test(config.mailTo)) {
    list.add("mailTo", config.mailTo, "must be a mail address or local user such as root or ops@example.org");
  }
  return [...list.issues];
}

/**
 * The IPaddr2 resource for one VIP: `IPaddr2::<vip>/<prefix>/<iface>[:<n>]`. Debian's
 * /etc/ha.d/resource.d/IPaddr2 reads `ip/netmask/interface[:label]/broadcast`: a label is part of
 * the interface field (`eth0:0`), and a fourth field would be taken as the broadcast address.
 */
export function ipaddr2Resource(vip: VirtualIp): string {
  return `IPaddr2::${vip.address}/${vip.prefix}/${vip.label ?? vip.interface}`;
}

/** Renders /etc/ha.d/haresources: one resource group, owned by the preferred node. */
export function renderHaresources(config: HaresourcesConfig): string {
  throwIfIssues(validateHaresources(config));
  const group = [
    config.preferredNode,
    ...config.vips.map(ipaddr2Resource),
    ...config.resources,
    ...(config.mailTo ? [`MailTo::${config.mailTo}`] : []),
  ];
  return [
    "# /etc/ha.d/haresources: generated. Identical on every node.",
    "# <preferred node> <resources, started left to right and stopped right to left>",
    group.join(" "),
    "",
  ].join("\n");
}

/** Where the gratuitous-ARP refresher is installed; ha.cf respawns it. */
export const GARP_REFRESHER_PATH = "/etc/ha.d/garp-refresh";

/**
 * Renders a shell loop that re-announces each VIP this node holds with a gratuitous ARP every
 * `intervalSeconds`. IPaddr2 announces a VIP only when it brings it up; after a split brain heals,
 * the node that keeps the VIP never does that again, and clients that followed the other node's
 * announcement keep the wrong MAC. keepalived's vrrp_garp_master_refresh does the same job.
 */
export function renderGarpRefresher(vips: readonly VirtualIp[], intervalSeconds: number): string {
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1) {
    throw new ConfigError([
      {
        path: GARP_REFRESHER_PATH,
        field: "intervalSeconds",
        value: intervalSeconds,
        message: "must be a whole number of seconds, at least 1",
      },
    ]);
  }
  return [
    "#!/bin/sh",
    "# Generated. Respawned by heartbeat: re-announce each VIP while this node holds it, so a",
    "# split brain that heals leaves no client on the other node's MAC.",
    "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
    "while :; do",
    ...vips.flatMap((vip) => [
      `  if ip -o -4 addr show dev ${vip.interface} | grep -qF " ${vip.address}/"; then`,
      `    ${HEARTBEAT_LIBEXEC}/send_arp -i 200 -r 2 ${vip.interface} ${vip.address} auto not_used not_used`,
      "  fi",
    ]),
    `  sleep ${intervalSeconds}`,
    "done",
    "",
  ].join("\n");
}

/** Where the resource reclaimer is installed; the preferred node's ha.cf respawns it. */
export const RESOURCE_RECLAIMER_PATH = "/etc/ha.d/reclaim-resources";
/** Debian's heartbeat client that asks the peer to hand resources over (`hb_takeover local`). */
export const HB_TAKEOVER = "/usr/share/heartbeat/hb_takeover";
/** Shortest reclaim wait: ResourceManager's own recovery of a failed start waits 30 s. */
export const RECLAIM_MIN_SECONDS = 45;

export interface ResourceReclaimerConfig {
  /** The group's VIPs; the group counts as held when all of them are on this node. */
  readonly vips: readonly VirtualIp[];
  /** The other node of the pair, whose heartbeat must see it active before anything is asked. */
  readonly peer: string;
  /** How long heartbeat may claim the group while a VIP is missing before the reclaimer asks again. */
  readonly afterSeconds: number;
  /** Requests per episode; an episode ends when the VIPs are back or heartbeat stops claiming the group. @default 3 */
  readonly maxAttempts?: number;
  /** Seconds between checks. @default 5 */
  readonly checkSeconds?: number;
}

/**
 * Renders a shell loop for the preferred node that repairs a lost resource request. At start,
 * heartbeat asks for the group once (req_resource sends ip-request or ip-request-resp through its
 * FIFO, then reports the acquisition complete); if that message is lost, heartbeat believes this
 * node holds its group while no node does, and nothing asks again. When `cl_status rscstatus`
 * says this node holds its group, the peer is active, and a VIP has been missing for
 * `afterSeconds`, the loop runs `hb_takeover local`, which makes the peer release the group and
 * this node acquire it. Operator standby (`hb_standby`) leaves rscstatus at none or foreign,
 * so the loop never undoes it.
 */
export function renderResourceReclaimer(config: ResourceReclaimerConfig): string {
  const check = config.checkSeconds ?? 5;
  const attempts = config.maxAttempts ?? 3;
  const list = new IssueList(RESOURCE_RECLAIMER_PATH);
  if (!Number.isInteger(check) || check < 1) list.add("checkSeconds", check, "must be a whole number of seconds, at least 1");
  if (!Number.isInteger(config.afterSeconds) || config.afterSeconds < RECLAIM_MIN_SECONDS) {
    list.add(
      "afterSeconds",
      config.afterSeconds,
      `must be a whole number of seconds, at least ${RECLAIM_MIN_SECONDS}: ResourceManager hands a group whose start failed to the peer after 30 s, and the reclaimer must not race that`,
    );
  }
  if (!Number.isInteger(attempts) || attempts < 1) list.add("maxAttempts", attempts, "must be a whole number, at least 1");
  if (config.vips.length === 0) list.add("vips", config.vips, "the reclaimer needs at least one VIP to tell whether the group is held");
  addVipIssues(list, config.vips);
  if (!NODE_NAME.test(config.peer)) {
    list.add("peer", config.peer, "must be a node name as uname -n prints it: lowercase letters, digits, '-' and '.'");
  }
  throwIfIssues([...list.issues]);
  const vipMissing = config.vips.map((vip) => `! ip -o -4 addr show dev ${vip.interface} | grep -qF " ${vip.address}/"`).join(" || ");
  const names = config.vips.map((vip) => vip.address).join(" ");
  return [
    "#!/bin/sh",
    "# Generated. Respawned by heartbeat on the group's preferred node. Heartbeat asks for the group",
    "# once at start; if that message is lost it claims the group while no node holds it. Ask again.",
    "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
    "missing=0",
    "attempts=0",
    "while :; do",
    `  sleep ${check}`,
    "  # Respawned children outlive a killed heartbeat; never hand a stale request to the next one.",
    '  kill -0 "$PPID" 2>/dev/null || exit 0',
    '  case "$(cl_status rscstatus 2>/dev/null)" in',
    "    local|all) ;;",
    "    none|foreign) missing=0; attempts=0; continue ;;",
    "    *) missing=0; continue ;;  # a transition (our own request's too), or no answer",
    "  esac",
    `  if ! { ${vipMissing}; }; then`,
    "    missing=0",
    "    attempts=0",
    "    continue",
    "  fi",
    `  if [ "$(cl_status nodestatus ${config.peer} 2>/dev/null)" != active ]; then`,
    "    missing=0",
    "    continue",
    "  fi",
    `  missing=$((missing + ${check}))`,
    `  [ "$missing" -lt ${config.afterSeconds} ] && continue`,
    "  missing=0",
    `  if [ "$attempts" -ge ${attempts} ]; then`,
    `    [ "$attempts" -eq ${attempts} ] && logger -p daemon.err -t reclaim-resources "heartbeat still claims the group but ${names} is not here after ${attempts} requests; giving up until it is"`,
    `    attempts=${attempts + 1}`,
    "    continue",
    "  fi",
    "  attempts=$((attempts + 1))",
    `  logger -p daemon.warning -t reclaim-resources "heartbeat claims the group but ${names} has been missing for ${config.afterSeconds} s: hb_takeover local (request $attempts of ${attempts})"`,
    "  # The request goes through heartbeat's FIFO, which blocks if heartbeat is going away.",
    `  timeout 10 ${HB_TAKEOVER} local`,
    "done",
    "",
  ].join("\n");
}
