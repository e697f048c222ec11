import { isIpv4 } from "./ip";
import { ConfigIssue, IssueList, throwIfIssues } from "./issues";

/** Debian's ipvsadm: the package, and the init script that loads /etc/ipvsadm.rules on start and clears the table on stop. */
export const IPVSADM_SERVICE = "ipvsadm";

/** Every scheduler ipvsadm accepts with `-s`. */
export const IPVS_SCHEDULERS = ["rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq"] as const;
export type IpvsScheduler = (typeof IPVS_SCHEDULERS)[number];

/** masquerade = NAT (`-m`), gatewaying = direct routing (`-g`), ipip = tunnelling (`-i`). */
export type IpvsForwarding = "masquerade" | "gatewaying" | "ipip";
const FORWARDING_FLAG: Record<IpvsForwarding, string> = { masquerade: "-m", gatewaying: "-g", ipip: "-i" };

export interface IpvsRealServer {
  readonly address: string;
  /** @default the virtual service's port */
  readonly port?: number;
  /** @default "masquerade" */
  readonly forwarding?: IpvsForwarding;
  /** 0 takes the server out of rotation without removing it. @default 1 */
  readonly weight?: number;
}

export interface IpvsVirtualService {
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
  /** The VIP clients connect to. */
  readonly address: string;
  readonly port: number;
  /** @default "rr" */
  readonly scheduler?: IpvsScheduler;
  /** Persistence timeout in seconds (`-p`); a client sticks to one real server. @default none */
  readonly persistence?: number;
  readonly realServers: readonly IpvsRealServer[];
}

function validPort(port: unknown): boolean {
  return Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535;
}

export function validateIpvsServices(services: readonly IpvsVirtualService[], path = "ipvsadm.rules"): ConfigIssue[] {
  const list = new IssueList(path);
  const seen = new Set<string>();
  services.forEach((service, i) => {
    const at = `services[${i}]`;
    const protocol = service.protocol ?? "tcp";
    if (protocol !== "tcp" && protocol !== "udp") list.add(`${at}.protocol`, protocol, "must be tcp or udp");
    if (!isIpv4(service.address)) list.add(`${at}.address`, service.address, "must be an IPv4 address such as 192.168.56.10");
    if (!validPort(service.port)) list.add(`${at}.port`, service.port, "must be a port number, 1..65535");
    const scheduler = service.scheduler ?? "rr";
    if (!(IPVS_SCHEDULERS as readonly string[]).includes(scheduler)) {
      list.add(`${at}.scheduler`, scheduler, `unknown scheduler; ipvsadm accepts ${IPVS_SCHEDULERS.join(", ")}`);
    }
    if (service.persistence !== undefined && (!Number.isInteger(service.persistence) || service.persistence < 1)) {
      list.add(`${at}.persistence`, service.persistence, "must be a whole number of seconds, at least 1");
    }
    const key = `${protocol} ${service.address}:${service.port}`;
    if (seen.has(key)) list.add(at, key, "the same virtual service is declared twice");
    seen.add(key);
    if (service.realServers.length === 0) list.add(`${at}.realServers`, [], "a virtual service needs at least one real server");
    const seenReal = new Set<string>();
    service.realServers.forEach((real, j) => {
      const rat = `${at}.realServers[${j}]`;
      if (!isIpv4(real.address)) list.add(`${rat}.address`, real.address, "must be an IPv4 address");
      if (real.port !== undefined && !validPort(real.port)) list.add(`${rat}.port`, real.port, "must be a port number, 1..65535");
      const weight = real.weight ?? 1;
      if (!Number.isInteger(weight) || weight < 0 || weight > 65535) {
        list.add(`${rat}.weight`, weight, "must be a whole number, 0..65535 (0 drains the server)");
      }
      const forwarding = real.forwarding ?? "masquerade";
      if (!(forwarding in FORWARDING_FLAG)) {
        list.add(`${rat}.forwarding`, forwarding, "must be masquerade (-m, NAT), gatewaying (-g, DR) or ipip (-i, tunnel)");
      }
      const realKey = `${real.address}:${real.port ?? service.port}`;
      if (seenReal.has(realKey)) list.add(rat, realKey, "the same real server is listed twice under one service");
      seenReal.add(realKey);
    });
  });
  return [...list.issues];
}

/** `-t 192.168.56.10:80` */
function serviceSwitch(service: IpvsVirtualService): string {
  return `${(service.protocol ?? "tcp") === "udp" ? "-u" : "-t"} ${service.address}:${service.port}`;
}

/**
 * Renders /etc/ipvsadm.rules in the exact format `ipvsadm-save -n` writes and `ipvsadm-restore` reads:
 * `-A` per service, then `-a` per real server with its forwarding flag and weight.
 */
export function renderIpvsadmRules(services: readonly IpvsVirtualService[]): string {
  throwIfIssues(validateIpvsServices(services));
  const lines: string[] = [];
  for (const service of services) {
    const svc = serviceSwitch(service);
    const persistence = service.persistence !== undefined ? ` -p ${service.persistence}` : "";
    lines.push(`-A ${svc} -s ${service.scheduler ?? "rr"}${persistence}`);
    for (const real of service.realServers) {
      const flag = FORWARDING_FLAG[real.forwarding ?? "masquerade"];
      lines.push(`-a ${svc} -r ${real.address}:${real.port ?? service.port} ${flag} -w ${real.weight ?? 1}`);
    }
  }
  return lines.join("\n") + "\n";
}

export interface IpvsadmDefaults {
  /** Load /etc/ipvsadm.rules when the ipvsadm init script starts. @default true */
  readonly auto?: boolean;
  /** Connection-sync daemon role. @default "none" */
  readonly daemon?: "none" | "master" | "backup";
  /** Interface the sync daemon uses. @default "eth0" */
  readonly iface?: string;
  /** Sync id; 0 means no filtering. @default 0 */
  readonly syncId?: number;
}

export function validateIpvsadmDefaults(config: IpvsadmDefaults, path = "/etc/default/ipvsadm"): ConfigIssue[] {
  const list = new IssueList(path);
  const daemon = config.daemon ?? "none";
  if (!["none", "master", "backup"].includes(daemon)) list.add("daemon", daemon, "must be none, master or backup");
  const syncId = config.syncId ?? 0;
  if (!Number.isInteger(syncId) || syncId < 0 || syncId > 255) list.add("syncId", syncId, "must be 0..255");
  if (config.iface !== undefined && !/^[A-Za-z0-9_.:-]{1,15}$/.test(config.iface)) {
    list.add("iface", config.iface, "must be an interface name such as eth1");
  }
  return [...list.issues];
}

/** Renders /etc/default/ipvsadm, in the layout of Debian's own file. */
export function renderIpvsadmDefaults(config: IpvsadmDefaults = {}): string {
  throwIfIssues(validateIpvsadmDefaults(config));
  return [
    "# ipvsadm: generated.",
    "",
    "# if you want to start ipvsadm on boot set this to true",
    `AUTO="${(config.auto ?? true) ? "true" : "false"}"`,
    "",
    "# daemon method (none|master|backup)",
    `DAEMON="${config.daemon ?? "none"}"`,
    "",
    "# use interface (eth0,eth1...)",
    `IFACE="${config.iface ?? "eth0"}"`,
    "",
    "# syncid to use",
    "# (0 means no filtering of syncids happen, that is the default)",
    `SYNCID="${config.syncId ?? 0}"`,
    "",
  ].join("\n");
}

/**
 * Renders the sysctl drop-in a NAT director needs: it routes replies from the real servers back to
 * clients. Given its NICs, it also turns on the strict reverse-path filter and turns off ICMP
 * redirects, on `all`, `default` and each NIC: the kernel applies the higher of `all` and a NIC's
 * rp_filter (systemd's 50-default.conf sets each NIC to 2, loose) and sends redirects when either
 * `all` or the NIC says so.
 */
export function renderDirectorSysctl(hardenedInterfaces?: readonly string[]): string {
  const lines = ["# IPVS NAT director: forward between the client and real-server networks.", "net.ipv4.ip_forward = 1"];
  if (hardenedInterfaces) {
    const scopes = ["all", "default", ...hardenedInterfaces];
    lines.push(
      "# Strict reverse path: a packet is accepted only on the NIC its source is routed through,",
      "# so a public neighbour cannot pass for the private network.",
      ...scopes.map((scope) => `net.ipv4.conf.${scope}.rp_filter = 1`),
      "# No ICMP redirects: a router does not tell its neighbours about its other networks, nor take routes from them.",
      ...scopes.map((scope) => `net.ipv4.conf.${scope}.send_redirects = 0`),
      ...scopes.map((scope) => `net.ipv4.conf.${scope}.accept_redirects = 0`),
    );
  }
  return lines.join("\n") + "\n";
}

/** The sysctl drop-in of a direct-routing real server. */
export const DR_REAL_SERVER_SYSCTL_PATH = "/etc/sysctl.d/60-ipvs-dr-realserver.conf";

/**
 * A direct-routing (`-g`) real server: it holds the VIPs on `lo`, so it accepts the packets the
 * director hands it unchanged and answers clients from the VIP through its own default route, and it
 * never answers ARP for them (only the director may: clients must reach the VIP through it).
 */
export interface DirectRoutingRole {
  /** The VIPs of the load balancers this node serves, as plain addresses. */
  readonly vips: readonly string[];
}

export function validateDirectRoutingRole(role: DirectRoutingRole, path = "directRouting"): ConfigIssue[] {
  const list = new IssueList(path);
  if (role.vips.length === 0) list.add("vips", [], "a direct-routing real server needs the VIP it serves");
  role.vips.forEach((vip, i) => {
    if (!isIpv4(vip)) list.add(`vips[${i}]`, vip, "must be an IPv4 address such as 192.168.56.10");
  });
  return [...list.issues];
}

/**
 * The ARP settings of a DR real server (ip-sysctl.rst): arp_ignore 1 answers only for addresses of
 * the NIC asked on (the VIP is on lo), arp_announce 2 never uses the VIP as an ARP source. The kernel
 * takes the higher of `all` and a NIC's value, so `all` covers NICs named later.
 */
export const DR_REAL_SERVER_SYSCTLS: readonly string[] = ["net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2"];

/** Renders the real server's sysctl drop-in, which systemd-sysctl applies at every boot. */
export function renderDrRealServerSysctl(): string {
  return [
    "# IPVS direct-routing real server: hold the VIP on lo without answering ARP for it.",
    ...DR_REAL_SERVER_SYSCTLS.map((line) => line.replace("=", " = ")),
    "",
  ].join("\n");
}

/**
 * Boot commands of a DR real server, run at every boot: the ARP settings first, then the VIPs on lo
 * (`replace`: idempotent), so the VIP is never on the node while it would still answer ARP for it.
 */
export function drRealServerBootcmd(role: DirectRoutingRole): string[][] {
  throwIfIssues(validateDirectRoutingRole(role));
  return [["sysctl", "-w", ...DR_REAL_SERVER_SYSCTLS], ...role.vips.map((vip) => ["ip", "addr", "replace", `${vip}/32`, "dev", "lo"])];
}

/**
 * Boot commands of a director with direct-routing real servers, run at every boot. The director sees
 * only the client's half of each connection, so its entries linger in FIN_WAIT; the client's next
 * connection from a reused port then hits the old entry and goes to the same real server (the VM lab
 * measured rr 1002/998/1000 over 3000 requests). conn_reuse_mode bit 2 (ipvs-sysctl.rst) reschedules a
 * SYN that finds such an entry of a DR/TUN connection; bit 1 is the default's. The key exists only
 * once ip_vs is loaded, hence the modprobe first.
 */
export const DR_DIRECTOR_BOOTCMD: readonly (readonly string[])[] = [
  ["modprobe", "ip_vs"],
  ["sysctl", "-w", "net.ipv4.vs.conn_reuse_mode=3"],
];
