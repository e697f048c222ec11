import { isIpv4 } from "./ip";
import { ConfigIssue, IssueList, throwIfIssues } from "./issues";

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

/**
 * Every Heartbeat default, declared once: the renderers fall back to these, and the settings'
 * docs point here (`@default HEARTBEAT_DEFAULTS.keepalive`).
 */
export const HEARTBEAT_DEFAULTS = {
  /** Seconds between heartbeats. */
  keepalive: 1,
  /** Seconds of silence before the peer is declared dead. */
  deadtime: 5,
  /** Seconds of silence before a late heartbeat is logged. */
  warntime: 3,
  /**
   * The least deadtime right after start, while the other node may still be booting; the
   * default is twice deadtime in whole seconds (defaultInitdead), never under this.
   */
  initdeadFloor: 10,
  /** Heartbeat's own UDP port. */
  udpport: 694,
  /** Serial line speed. */
  baud: 19200,
  /** Resources move back to the preferred node when it returns. */
  autoFailback: true,
  /** Syslog facility of heartbeat's log lines. */
  logfacility: "local0",
  /**
   * The networks that carry ucast heartbeats to the peer: two paths, so that losing one link
   * (a bridge restart, a vSwitch fault) never moves the VIP.
   */
  heartbeatNetworks: ["private", "public"],
  /** authkeys method. */
  authMethod: "sha1",
  /** authkeys key index (`auth 1`). */
  keyIndex: 1,
  ipfail: false,
  /** Seconds between gratuitous-ARP refreshes of held VIPs. */
  garpRefreshSeconds: 2,
  /** Seconds a VIP may be missing on the preferred node before the group is requested again. */
  reclaimAfterSeconds: 60,
  /**
   * Service failover, when turned on with `serviceFailover: {}`: check the group's services every
   * 2 s, hand the group over after 2 failed checks in a row, and at most once a minute per node
   * (doubling while handovers keep coming, up to 15 min).
   */
  serviceFailover: { checkIntervalSeconds: 2, failuresBeforeHandover: 2, backoffSeconds: 60 },
} as const;

/** The ha.cf timers. */
export interface HeartbeatTiming {
  /** @default HEARTBEAT_DEFAULTS.keepalive */
  readonly keepalive?: HeartbeatTime;
  /** Must be more than twice keepalive. @default HEARTBEAT_DEFAULTS.deadtime */
  readonly deadtime?: HeartbeatTime;
  /** @default HEARTBEAT_DEFAULTS.warntime */
  readonly warntime?: HeartbeatTime;
  /** Must be at least deadtime. @default defaultInitdead(deadtime): twice deadtime in whole seconds, at least HEARTBEAT_DEFAULTS.initdeadFloor */
  readonly initdead?: HeartbeatTime;
}

/** The helpers Heartbeat respawns beside its resources. */
export interface HeartbeatHelperSettings {
  /**
   * Re-announce held VIPs by gratuitous ARP every this many seconds, so that after a split brain
   * heals no client stays on the other node's MAC; false turns it off. @default HEARTBEAT_DEFAULTS.garpRefreshSeconds
   */
  readonly garpRefreshSeconds?: number | false;
  /**
   * On the preferred node: if heartbeat claims the group but a VIP has been missing this many
   * seconds (its one resource request was lost at start), ask for the group again; false turns
   * it off. @default HEARTBEAT_DEFAULTS.reclaimAfterSeconds
   */
  readonly reclaimAfterSeconds?: number | false;
  /**
   * Heartbeat v1 moves the group only when a node dies. With this, the node that holds the group
   * hands it to the peer (`hb_standby all`) when one of the group's services fails its init
   * script's `status` check while the peer is active. @default false (off): see HEARTBEAT_DEFAULTS.serviceFailover for `{}`
   */
  readonly serviceFailover?: ServiceFailover | false;
}

/** When a failed service moves the group (cloud-init/helpers/service-monitor.sh). */
export interface ServiceFailover {
  /** Seconds between checks. @default HEARTBEAT_DEFAULTS.serviceFailover.checkIntervalSeconds */
  readonly checkIntervalSeconds?: number;
  /** Failed checks in a row before the handover. @default HEARTBEAT_DEFAULTS.serviceFailover.failuresBeforeHandover */
  readonly failuresBeforeHandover?: number;
  /**
   * Least seconds between two handovers from one node, doubled while they come within an hour of
   * each other (at most 900). @default HEARTBEAT_DEFAULTS.serviceFailover.backoffSeconds
   */
  readonly backoffSeconds?: number;
}

export interface HaCfConfig extends HeartbeatTiming {
  /** Cluster node names, as `uname -n` prints them on each node. */
  readonly nodes: readonly string[];
  /** Media that carry the heartbeats. At least one. */
  readonly media: readonly HeartbeatMedium[];
  /** @default HEARTBEAT_DEFAULTS.udpport */
  readonly udpport?: number;
  /** Serial line speed; only written when a serial medium is used. @default HEARTBEAT_DEFAULTS.baud */
  readonly baud?: number;
  /** @default HEARTBEAT_DEFAULTS.autoFailback */
  readonly autoFailback?: boolean;
  /** @default HEARTBEAT_DEFAULTS.logfacility (false writes no logfacility) */
  readonly logfacility?: string | false;
  /** @default no logfile (syslog only) */
  readonly logfile?: string;
  /** `ping` nodes: addresses whose reachability ipfail weighs. @default none */
  readonly pingNodes?: readonly string[];
  /** Respawn ipfail, so a node that loses its ping nodes gives up resources. Needs pingNodes. @default HEARTBEAT_DEFAULTS.ipfail */
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

/**
 * initdead when none is given: Heartbeat's documented recommendation of at least twice deadtime
 * (a booting peer's network may take that long), in whole seconds, and never under the floor.
 */
export function defaultInitdead(deadtime: HeartbeatTime | undefined): number {
  const ms = heartbeatTimeMs(deadtime ?? HEARTBEAT_DEFAULTS.deadtime);
  const floor = HEARTBEAT_DEFAULTS.initdeadFloor;
  return ms === undefined ? floor : Math.max(floor, Math.ceil((2 * ms) / 1000));
}

/** Names a checked field: the renderer's own name, or the caller's (`failover.deadtime`). */
export type FieldName = (field: string) => string;

const ownName: FieldName = (field) => field;

/**
 * Checks the ha.cf timers against each other and against the number of media (`mediaCount`): a
 * sub-second deadtime needs two. The planner calls it with the user's own field names.
 */
export function addHeartbeatTimingIssues(list: IssueList, timing: HeartbeatTiming, mediaCount: number, name: FieldName = ownName): void {
  const times = {
    keepalive: timing.keepalive ?? HEARTBEAT_DEFAULTS.keepalive,
    deadtime: timing.deadtime ?? HEARTBEAT_DEFAULTS.deadtime,
    warntime: timing.warntime ?? HEARTBEAT_DEFAULTS.warntime,
    initdead: timing.initdead ?? defaultInitdead(timing.deadtime),
  };
  const ms: Record<string, number | undefined> = {};
  for (const [field, value] of Object.entries(times)) {
    ms[field] = heartbeatTimeMs(value);
    if (ms[field] === undefined) {
      list.add(name(field), value, 'must be a positive whole number of seconds (2) or of milliseconds ("500ms")');
    }
  }
  const { keepalive, deadtime, warntime } = ms;
  if (keepalive !== undefined && deadtime !== undefined && deadtime <= 2 * keepalive) {
    list.add(
      name("deadtime"),
      times.deadtime,
      `deadtime must be more than twice keepalive (${times.keepalive}); heartbeat refuses to start otherwise`,
    );
  }
  if (warntime !== undefined && deadtime !== undefined && keepalive !== undefined) {
    if (warntime >= deadtime || warntime < keepalive) {
      list.add(name("warntime"), times.warntime, "warntime must be at least keepalive and less than deadtime");
    }
  }
  if (ms.initdead !== undefined && deadtime !== undefined && ms.initdead < deadtime) {
    list.add(
      name("initdead"),
      times.initdead,
      `initdead must be at least deadtime (${times.deadtime}); heartbeat refuses to start otherwise`,
    );
  }
  if (deadtime !== undefined && deadtime < SUBSECOND_DEADTIME_MS && mediaCount < 2) {
    list.add(
      name("deadtime"),
      times.deadtime,
      `a deadtime under ${SUBSECOND_DEADTIME_MS / 1000} s needs at least two media (such as ucast on two networks), so that one late burst on one link does not declare the peer dead`,
    );
  }
}

export function addUdpportIssues(list: IssueList, udpport: number | undefined, name: FieldName = ownName): void {
  const port = udpport ?? HEARTBEAT_DEFAULTS.udpport;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    list.add(name("udpport"), port, "must be a UDP port number, 1..65535 (Heartbeat's own is 694)");
  }
}

export function addPingNodeIssues(list: IssueList, pingNodes: readonly string[] | undefined, name: FieldName = ownName): void {
  (pingNodes ?? []).forEach((node, i) => {
    if (!isIpv4(node)) list.add(name(`pingNodes[${i}]`), node, "must be an IPv4 address such as 192.168.56.1");
  });
}

export function addIpfailIssues(list: IssueList, config: Pick<HaCfConfig, "ipfail" | "pingNodes">, name: FieldName = ownName): void {
  if (config.ipfail && (config.pingNodes ?? []).length === 0) {
    list.add(name("ipfail"), config.ipfail, "ipfail needs at least one ping node to weigh connectivity");
  }
}

export function validateHaCf(config: HaCfConfig, path = "ha.cf"): ConfigIssue[] {
  const list = new IssueList(path);
  addHeartbeatTimingIssues(list, config, config.media.length);
  addUdpportIssues(list, config.udpport);
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
  addPingNodeIssues(list, config.pingNodes);
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
  addIpfailIssues(list, config);
  return [...list.issues];
}

/** Checks one medium; its issues go under `field` (`media[0]`, or the caller's `failover.extraMedia[0]`). */
export function validateMedium(list: IssueList, field: string, medium: HeartbeatMedium): void {
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
  const udpport = config.udpport ?? HEARTBEAT_DEFAULTS.udpport;
  const lines: string[] = ["# /etc/ha.d/ha.cf: generated; edit the topology, not this file.", ""];
  if (config.logfile) lines.push(`logfile ${config.logfile}`);
  const facility = config.logfacility ?? HEARTBEAT_DEFAULTS.logfacility;
  if (facility !== false) lines.push(`logfacility ${facility}`);
  lines.push(
    "",
    "# Timing: heartbeat every keepalive; a peer silent for deadtime is declared dead.",
    `keepalive ${config.keepalive ?? HEARTBEAT_DEFAULTS.keepalive}`,
    `deadtime ${config.deadtime ?? HEARTBEAT_DEFAULTS.deadtime}`,
    `warntime ${config.warntime ?? HEARTBEAT_DEFAULTS.warntime}`,
    `initdead ${config.initdead ?? defaultInitdead(config.deadtime)}`,
    "",
    "# Media",
    `udpport ${udpport}`,
  );
  if (config.media.some((m) => m.kind === "serial")) lines.push(`baud ${config.baud ?? HEARTBEAT_DEFAULTS.baud}`);
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
    `auto_failback ${(config.autoFailback ?? HEARTBEAT_DEFAULTS.autoFailback) ? "on" : "off"}`,
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
  /** @default HEARTBEAT_DEFAULTS.authMethod */
  readonly method?: AuthMethod;
  /** Key index used by `auth N`. @default HEARTBEAT_DEFAULTS.keyIndex */
  readonly keyIndex?: number;
  /** crc authenticates nothing; it is only accepted when this is true. @default false */
  readonly allowInsecureCrc?: boolean;
}

/** Checks the method and the secret; the planner calls it with the user's field names (`failover.authMethod`). */
export function addAuthIssues(
  list: IssueList,
  config: Pick<AuthkeysConfig, "secret" | "method" | "allowInsecureCrc">,
  name: FieldName = ownName,
): void {
  const method = config.method ?? HEARTBEAT_DEFAULTS.authMethod;
  if (!["sha1", "md5", "crc"].includes(method)) {
    list.add(name("method"), method, "must be sha1 (recommended), md5, or crc with allowInsecureCrc");
  }
  if (method === "crc" && !config.allowInsecureCrc) {
    list.add(
      name("method"),
      method,
      "crc only checks integrity and lets anyone on the link forge heartbeats; use sha1, or set allowInsecureCrc: true to accept the risk",
    );
  }
  if (method !== "crc") {
    if (config.secret === undefined || config.secret.trim() === "") {
      list.add(
        name("secret"),
        config.secret,
        `${method} needs a secret: pass a Terraform reference (random_password or a sensitive variable)`,
      );
    } else if (/\s/.test(config.secret)) {
      list.add(name("secret"), "(hidden)", "the secret may not contain whitespace; authkeys would cut it at the first space");
    }
  }
}

export function validateAuthkeys(config: AuthkeysConfig, path = "authkeys"): ConfigIssue[] {
  const list = new IssueList(path);
  addAuthIssues(list, config);
  const keyIndex = config.keyIndex ?? HEARTBEAT_DEFAULTS.keyIndex;
  if (!Number.isInteger(keyIndex) || keyIndex < 1 || keyIndex > 15) {
    list.add("keyIndex", keyIndex, "must be a whole number, 1..15");
  }
  return [...list.issues];
}

/** Renders /etc/ha.d/authkeys. Write it with mode 0600: Heartbeat refuses other modes. */
export function renderAuthkeys(config: AuthkeysConfig): string {
  throwIfIssues(validateAuthkeys(config));
  const method = config.method ?? HEARTBEAT_DEFAULTS.authMethod;
  const keyIndex = config.keyIndex ?? HEARTBEAT_DEFAULTS.keyIndex;
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
  /** Resource scripts started before the addresses and stopped after them (`ipvs-sync`). @default none */
  readonly beforeVips?: readonly string[];
  /** `MailTo::<addr>` notification on failover; the Heartbeat engine mails it through `mailRelay`, which it needs. @default none */
  readonly mailTo?: string;
}

const RESOURCE_NAME = /^[A-Za-z0-9_.-]+(::[^\s:]+(::[^\s:]+)*)?$/;

/** Checks each VIP as IPaddr2 will read it: `vips[i].address`, `.prefix`, `.interface`, `.label`. */
export function addVipIssues(list: IssueList, vips: readonly VirtualIp[]): void {
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
  (config.beforeVips ?? []).forEach((resource, i) => {
    if (!RESOURCE_NAME.test(resource)) list.add(`beforeVips[${i}]`, resource, "must be a resource name such as ipvs-sync");
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
    ...(config.beforeVips ?? []),
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
