/**
 * A node's nftables ruleset (/etc/nftables.conf), rendered from its firewall role. Pure: the planner
 * derives the role from the topology (constructs/plan.ts, firewallFor), this file only writes it down.
 */
import { isIpv4, parseIpv4Cidr } from "./ip";
import { ConfigIssue, IssueList, throwIfIssues } from "./issues";

/** Debian's nftables: the package, its unit (loads the file at boot) and the file it loads. */
export const NFTABLES_PACKAGE = "nftables";
export const NFTABLES_SERVICE = "nftables.service";
export const NFTABLES_CONF_PATH = "/etc/nftables.conf";
/** The port sshd listens on. */
export const SSH_PORT = 22;

/** Source NAT of a private network's outbound traffic, on a NAT director. */
export interface MasqueradeRole {
  /** The private subnet whose own connections are masqueraded, such as 192.168.200.0/24. */
  readonly network: string;
  /** The NIC they leave by: the public one. */
  readonly outInterface: string;
}

/** A service this node answers. */
export interface FirewallService {
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
  readonly port: number;
  /** Only on these local addresses (a director's VIP). @default every address of the node */
  readonly to?: readonly string[];
}

/** What a failover engine exchanges with its peers: accepted from the peers' addresses only. */
export interface PeerTraffic {
  /** `udp` (Heartbeat, with `port`) or `vrrp` (IP protocol 112, keepalived). */
  readonly protocol: "udp" | "vrrp";
  /** The UDP port (Heartbeat's udpport). Required for udp. */
  readonly port?: number;
  /** The NIC the peer's packets arrive on. */
  readonly interface: string;
  /** The peer's addresses on that NIC. */
  readonly from: readonly string[];
  /** The destination, for multicast (IPVS connection sync's group). @default any */
  readonly to?: string;
}

/** A real server's replies, forwarded by a NAT director: from `address`, from the service's port. */
export interface NatReplySource {
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
  readonly address: string;
  readonly port: number;
}

/**
 * What a NAT director forwards, and nothing else: its real servers' replies, established traffic,
 * and the private network's own connections out through the public NIC. (Direct routing would add
 * no forwarding at all: its replies leave the real servers straight to the clients.)
 */
export interface NatForwardRole {
  /** The private subnet behind the director. */
  readonly network: string;
  readonly privateInterface: string;
  readonly publicInterface: string;
  readonly replies: readonly NatReplySource[];
}

/** The input filter (policy drop) and, on a director, the forward filter. */
export interface FilterRole {
  /** Addresses or subnets allowed to reach sshd. */
  readonly sshFrom: readonly string[];
  /** The services this node answers. */
  readonly services: readonly FirewallService[];
  /** The failover engine's traffic from its peers. @default none */
  readonly peers?: readonly PeerTraffic[];
  /** The failover engine's name, for the drop rule's comment. @default "failover" */
  readonly engine?: string;
  /** A NAT director's forwarding. @default nothing is forwarded */
  readonly forward?: NatForwardRole;
}

/** What one node's nftables ruleset does. */
export interface FirewallRole {
  /** Masquerade a private network's outbound traffic (a NAT director). @default none */
  readonly masquerade?: MasqueradeRole;
  /** Filter what reaches the node (policy drop). @default no filtering */
  readonly filter?: FilterRole;
}

const IFACE = /^[a-z][a-z0-9_-]{0,14}$/;

function isAddressOrSubnet(text: unknown): boolean {
  return isIpv4(text as string) || parseIpv4Cidr(text) !== undefined;
}

function validPort(port: unknown): boolean {
  return Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535;
}

export function validateFirewallRole(role: FirewallRole, path = NFTABLES_CONF_PATH): ConfigIssue[] {
  const list = new IssueList(path);
  const iface = (field: string, name: string) => {
    if (!IFACE.test(name)) list.add(field, name, "must be an interface name such as public");
  };
  if (role.masquerade) {
    if (!parseIpv4Cidr(role.masquerade.network)) {
      list.add("masquerade.network", role.masquerade.network, "must be an IPv4 subnet such as 192.168.200.0/24");
    }
    iface("masquerade.outInterface", role.masquerade.outInterface);
  }
  const filter = role.filter;
  if (filter) {
    filter.sshFrom.forEach((source, i) => {
      if (!isAddressOrSubnet(source)) list.add(`filter.sshFrom[${i}]`, source, "must be an IPv4 address or subnet such as 192.168.56.0/24");
    });
    filter.services.forEach((service, i) => {
      if (!validPort(service.port)) list.add(`filter.services[${i}].port`, service.port, "must be a port number, 1..65535");
      (service.to ?? []).forEach((to, j) => {
        if (!isIpv4(to)) list.add(`filter.services[${i}].to[${j}]`, to, "must be an IPv4 address");
      });
    });
    (filter.peers ?? []).forEach((peer, i) => {
      const at = `filter.peers[${i}]`;
      if (peer.protocol === "udp" && !validPort(peer.port)) list.add(`${at}.port`, peer.port, "must be a UDP port number, 1..65535");
      iface(`${at}.interface`, peer.interface);
      if (peer.from.length === 0)
        list.add(
          `${at}.from`,
          [],
          "no peer address on this NIC (a medium on a NIC outside the topology's networks?): the engine's traffic is accepted from the peer only; move the medium, or set firewall.enabled: false",
        );
      peer.from.forEach((from, j) => {
        if (!isIpv4(from)) list.add(`${at}.from[${j}]`, from, "must be an IPv4 address");
      });
      if (peer.to !== undefined && !isIpv4(peer.to)) list.add(`${at}.to`, peer.to, "must be an IPv4 address");
    });
    if (filter.forward) {
      const fwd = filter.forward;
      if (!parseIpv4Cidr(fwd.network)) list.add("filter.forward.network", fwd.network, "must be an IPv4 subnet");
      iface("filter.forward.privateInterface", fwd.privateInterface);
      iface("filter.forward.publicInterface", fwd.publicInterface);
      fwd.replies.forEach((reply, i) => {
        if (!isIpv4(reply.address)) list.add(`filter.forward.replies[${i}].address`, reply.address, "must be an IPv4 address");
        if (!validPort(reply.port)) list.add(`filter.forward.replies[${i}].port`, reply.port, "must be a port number, 1..65535");
      });
    }
  }
  return [...list.issues];
}

/** True when the role asks for any rule: the node then gets nftables and the file. */
export function hasFirewall(role: FirewallRole | undefined): role is FirewallRole {
  return role?.masquerade !== undefined || role?.filter !== undefined;
}

/** `192.168.56.12` or `{ 192.168.56.11, 192.168.56.12 }`, sorted and without duplicates. */
function setOf(items: readonly string[]): string {
  const unique = [...new Set(items)].sort();
  return unique.length === 1 ? unique[0] : `{ ${unique.join(", ")} }`;
}

/** Groups items by a key, in the order keys first appear. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.entries()];
}

function inputChain(filter: FilterRole): string[] {
  const rules = [
    'iif "lo" accept',
    "ct state established,related accept",
    "meta l4proto { icmp, ipv6-icmp } accept",
    "# ssh: the admin networks",
    `ip saddr ${setOf(filter.sshFrom)} tcp dport ${SSH_PORT} accept`,
  ];
  if (filter.services.length > 0) {
    // No `ct state` here: IPVS marks a connection's packets untracked, so its later packets are new again.
    rules.push(
      filter.services.some((s) => s.to)
        ? "# the virtual services, on the VIP: IPVS takes them at LOCAL_IN, after this hook"
        : "# the services this node answers",
    );
    for (const [, group] of groupBy(filter.services, (s) => `${s.protocol ?? "tcp"} ${s.port} ${(s.to ?? []).join(",")}`)) {
      const { protocol = "tcp", port, to } = group[0];
      rules.push(`${to?.length ? `ip daddr ${setOf(to)} ` : ""}${protocol} dport ${port} accept`);
    }
  }
  const peers = filter.peers ?? [];
  if (peers.length > 0) {
    const engine = filter.engine ?? "failover";
    rules.push(`# ${engine}: only from the peer, on each of its networks`);
    for (const peer of peers) {
      const what = peer.protocol === "udp" ? `udp dport ${peer.port}` : "ip protocol vrrp";
      const to = peer.to !== undefined ? ` ip daddr ${peer.to}` : "";
      rules.push(`iifname "${peer.interface}" ip saddr ${setOf(peer.from)}${to} ${what} accept`);
    }
    const drops = [...new Set(peers.map((p) => (p.protocol === "udp" ? `udp dport ${p.port}` : "ip protocol vrrp")))];
    for (const what of drops) rules.push(`${what} counter drop comment "${engine}: not from the peer"`);
  }
  rules.push('counter drop comment "input: not allowed"');
  return chain("input", "filter", "drop", rules);
}

function forwardChain(forward: NatForwardRole | undefined): string[] {
  const rules: string[] = [];
  if (forward) {
    const path = `iifname "${forward.privateInterface}" oifname "${forward.publicInterface}"`;
    rules.push(
      "ct state established,related accept",
      "# IPVS NAT: the real servers' replies, before IPVS gives them the VIP as source (it runs after this hook).",
      "# No `ct state`: IPVS leaves them untracked, so conntrack sees each one as new (or a SYN-ACK as invalid).",
    );
    for (const [, group] of groupBy(forward.replies, (r) => `${r.protocol ?? "tcp"} ${r.port}`)) {
      const { protocol = "tcp", port } = group[0];
      rules.push(`${path} ip saddr ${setOf(group.map((r) => r.address))} ${protocol} sport ${port} accept`);
    }
    rules.push("# the private network's own connections out (masqueraded)", `${path} ip saddr ${forward.network} ct state new accept`);
  }
  rules.push('counter drop comment "forward: not allowed"');
  return chain("forward", "filter", "drop", rules);
}

function chain(name: string, type: string, policy: string, rules: readonly string[]): string[] {
  return [
    `\tchain ${name} {`,
    `\t\ttype ${type} hook ${name} priority ${type}; policy ${policy};`,
    ...rules.map((rule) => `\t\t${rule}`),
    "\t}",
  ];
}

/**
 * Renders /etc/nftables.conf, the file Debian's nftables.service loads at boot (`nft -f`). It
 * starts with `flush ruleset`, as Debian's own does, so loading it twice gives the same tables.
 * Drops are counted by named rules (`comment "input: not allowed"`), so `nft list ruleset` shows what was refused.
 */
export function renderNftablesConf(role: FirewallRole): string {
  throwIfIssues(validateFirewallRole(role));
  const lines = [
    "#!/usr/sbin/nft -f",
    "# /etc/nftables.conf: generated by cloud-init/firewall.ts from the topology; edit the topology, not this file.",
    "flush ruleset",
  ];
  if (role.filter) {
    lines.push(
      "",
      "table inet filter {",
      ...inputChain(role.filter),
      ...forwardChain(role.filter.forward),
      "\tchain output {",
      "\t\ttype filter hook output priority filter; policy accept;",
      "\t}",
      "}",
    );
  }
  if (role.masquerade) {
    const { network, outInterface } = role.masquerade;
    lines.push(
      "",
      "table ip nat {",
      "\tchain postrouting {",
      "\t\ttype nat hook postrouting priority srcnat; policy accept;",
      "\t\t# The private network's own connections leave with this director's public address, so replies",
      "\t\t# come back to it. IPVS NAT replies never match: IPVS marks its packets untracked",
      "\t\t# (net.ipv4.vs.conntrack=0) and rewrites their source to the VIP before this hook.",
      `\t\toifname "${outInterface}" ip saddr ${network} counter masquerade comment "snat: private network out"`,
      "\t}",
      "}",
    );
  }
  return lines.join("\n") + "\n";
}
