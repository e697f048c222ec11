/**
 * The whole-topology planner: one declaration of nodes, networks, the failover group and IPVS in, one
 * NodeSpec per VM out. Every derived fact (the group's members, VIPs and rule ownership, real servers,
 * gateways, /etc/hosts, NICs) comes from the declaration here, so nothing is typed twice; the failover
 * engine turns the group into each member's files through one hook. Pure: no cdktf.
 */
import {
  AdminUserConfig,
  APACHE_DEFAULT_PORT,
  APACHE_SERVICE,
  FirewallRole,
  PeerTraffic,
  isTerraformReference,
  IpvsRuleSource,
  ServiceStarter,
  ConfigIssue,
  HostsEntry,
  inSubnet,
  IpvsForwarding,
  IpvsScheduler,
  IpvsVirtualService,
  isIpv4,
  isNetworkOrBroadcast,
  IssueList,
  NicConfig,
  NodeSpec,
  parseIpv4Cidr,
  validateIpvsServices,
  validateNodeSpec,
  Ipv4Cidr,
  throwIfIssues,
  networkOf,
  LdirectordConfig,
  validateHealthCheck,
  addConnectionSyncIssues,
  ConnectionSyncOptions,
  IPVS_SYNC_DEFAULTS,
  IpvsSyncConfig,
  ipvsSyncPeerTraffic,
} from "../cloud-init";
import { IpvsRules } from "./ipvs-rules";
import {
  FAILOVER_GROUP_FIELDS,
  FailoverEngine,
  FailoverGroupFields,
  FailoverGroupPlan,
  HypervisorView,
  TopologyView,
} from "./engines/failover-engine";

export type NetworkRole = "public" | "private";
export const NETWORK_ROLES: readonly NetworkRole[] = ["public", "private"];

export interface NetworkDecl {
  /** The subnet, such as 192.168.56.0/24. */
  readonly cidr: string;
  /** Default gateway for nodes whose default route is on this network. @default none */
  readonly gateway?: string;
  /**
   * Resolvers for the nodes' NICs on this network.
   * @default none; a private-only node (no publicAddress) falls back to `networks.public.nameservers`:
   * its outbound traffic leaves through a director's SNAT, so it reaches the public network's resolvers
   */
  readonly nameservers?: readonly string[];
}

export interface NodeDecl {
  /** Host name; Heartbeat's node name (`uname -n`). */
  readonly name: string;
  /** Address on the public "VM Network". @default no public NIC */
  readonly publicAddress?: string;
  /** Address on the private bridge. @default no private NIC */
  readonly privateAddress?: string;
  /** @default 2 */
  readonly cpus?: number;
  /** @default 2048 */
  readonly memoryMiB?: number;
}

export interface WebNodeDecl extends NodeDecl {
  /** Serve Apache with a page naming the host. @default false */
  readonly web?: boolean;
}

export interface VipDecl {
  readonly address: string;
  /** @default "public" */
  readonly network?: NetworkRole;
  /** IP alias label suffix: 0 gives `<iface>:0`. @default no label */
  readonly labelIndex?: number;
}

/** A failover group: engine-neutral facts. The engine and its settings are `ClusterDecl.failover`. */
export interface FailoverGroupDecl {
  /** The member nodes, by name. */
  readonly nodes: readonly string[];
  /** The node that holds the group when it is up. @default the first node */
  readonly preferredNode?: string;
  /** Floating addresses the group carries. */
  readonly vips: readonly VipDecl[];
  /** Init scripts the group starts after its VIPs, such as apache2. @default none */
  readonly resources?: readonly string[];
  /** Move the group back to the preferred node when it returns. @default HEARTBEAT_DEFAULTS.autoFailback */
  readonly autoFailback?: boolean;
}

export interface RealServerDecl {
  /** A node of the topology, by name; its private address is used. */
  readonly node: string;
  /** @default the service port */
  readonly port?: number;
  /** @default 1 */
  readonly weight?: number;
}

export interface ServiceDecl {
  readonly port: number;
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
  /** @default "rr" */
  readonly scheduler?: IpvsScheduler;
  /** @default none */
  readonly persistence?: number;
  readonly realServers: readonly RealServerDecl[];
}

/**
 * How a director passes a connection to its real server: `masquerade` (NAT, `ipvsadm -m`) rewrites
 * the destination and takes the replies back through the director; `gatewaying` (direct routing,
 * `-g`) hands the packet unchanged to the real server on the VIP's segment, which holds the VIP on
 * lo and answers the client itself.
 */
export type LoadBalancerForwarding = Extract<IpvsForwarding, "masquerade" | "gatewaying">;
export const LOAD_BALANCER_FORWARDINGS: readonly LoadBalancerForwarding[] = ["masquerade", "gatewaying"];

export interface LoadBalancerDecl {
  /** One director, or both members of the failover group. */
  readonly directors: readonly string[];
  /**
   * NAT through the directors, or direct routing: replies bypass the directors, which then see only
   * the inbound half; real servers need a publicAddress on the VIP's segment and the port is not remapped.
   * @default "masquerade"
   */
  readonly forwarding?: LoadBalancerForwarding;
  /** The public VIP clients connect to. */
  readonly vip: string;
  /**
   * The private address real servers route replies through (NAT needs it). With one director it is
   * the director's private address; with a Heartbeat pair it is a floating private VIP.
   * @default the director's private address (one director); required for a pair
   */
  readonly gatewayVip?: string;
  readonly services: readonly ServiceDecl[];
  /**
   * Who installs the directors' IPVS rules. With `IpvsRules.ldirectord`, its fallback server must be a
   * declared web node (IpvsLoadBalancer declares it for you). @default IpvsRules.staticRestore()
   */
  readonly rules?: IpvsRules;
  /**
   * IPVS connection sync between a pair of directors, on the private network: the standby learns the
   * active director's connections, so established ones survive a director failover. `{}` for the defaults.
   * @default false (IPVS_SYNC_DEFAULTS once on)
   */
  readonly connectionSync?: ConnectionSyncOptions | false;
}

/** The nftables rulesets of a load balancer's nodes (directors and real servers). */
export interface FirewallOptions {
  /**
   * Filter what reaches the nodes (policy drop), harden the directors' rp_filter and ICMP redirects.
   * Off, the directors still masquerade the private network (its outbound traffic needs it).
   * @default FIREWALL_DEFAULTS.enabled
   */
  readonly enabled?: boolean;
  /**
   * Subnets (CIDR, such as 10.0.0.0/8) whose hosts may reach sshd on every node. Real servers also
   * accept ssh from the directors' private addresses, so an admin reaches them through a director
   * (`ssh -J admin@<director> admin@<real server>`).
   * @default - the public subnet (networks.public.cidr): the network admins reach the nodes on
   */
  readonly adminNetworks?: readonly string[];
}

/** Every firewall default, declared once. */
export const FIREWALL_DEFAULTS = {
  /** The rulesets are on: directors are not open routers. */
  enabled: true,
} as const;

export interface ClusterDecl {
  readonly networks: { readonly public: NetworkDecl; readonly private: NetworkDecl };
  readonly nodes: readonly WebNodeDecl[];
  /** The failover group: its members, VIPs and resources. @default none */
  readonly failoverGroup?: FailoverGroupDecl;
  /** The engine that runs the failover group, with its settings. @default FailoverEngine.heartbeat() */
  readonly failover?: FailoverEngine;
  readonly loadBalancer?: LoadBalancerDecl;
  readonly admin: AdminUserConfig;
  /** Interface names cloud-init gives the NICs. @default { public: "public", private: "private" } */
  readonly interfaceNames?: { readonly public?: string; readonly private?: string };
  /** Line under the host name on index pages. @default none */
  readonly subtitle?: string;
  /** The load balancer's nftables rulesets. @default - on (FIREWALL_DEFAULTS), ssh from the public subnet */
  readonly firewall?: FirewallOptions;
}

export interface PlannedNic {
  readonly role: NetworkRole;
  readonly mac: string;
}

export interface PlannedNode {
  readonly name: string;
  readonly cpus: number;
  readonly memoryMiB: number;
  readonly nics: readonly PlannedNic[];
  readonly spec: NodeSpec;
}

export type MacAllocator = (node: string, role: NetworkRole) => string;

export interface PlanOptions {
  /** The names the caller gave the failover group's facts, for messages. @default FAILOVER_GROUP_FIELDS */
  readonly groupFields?: FailoverGroupFields;
  /** The hypervisor the nodes run on, for engines that reach it (fencing). @default unknown */
  readonly hypervisor?: HypervisorView;
  /**
   * The caller's name for a ClusterDecl field, such as `webServers[1].privateAddress` for
   * `nodes[3].privateAddress`. @default - ClusterDecl's own names
   */
  readonly fieldName?: (field: string) => string;
}

const DEFAULT_CPUS = 2;
const DEFAULT_MEMORY_MIB = 2048;

interface Networks {
  readonly public?: Ipv4Cidr;
  readonly private?: Ipv4Cidr;
}

function checkNetworks(decl: ClusterDecl, list: IssueList): Networks {
  const result: { public?: Ipv4Cidr; private?: Ipv4Cidr } = {};
  for (const role of NETWORK_ROLES) {
    const net = decl.networks[role];
    const cidr = parseIpv4Cidr(net.cidr);
    if (!cidr) {
      list.add(`networks.${role}.cidr`, net.cidr, "must be an IPv4 subnet such as 192.168.56.0/24");
      continue;
    }
    if (networkOf(cidr) !== net.cidr) {
      list.add(`networks.${role}.cidr`, net.cidr, `must name the network address: ${networkOf(cidr)}`);
    }
    result[role] = cidr;
    if (net.gateway !== undefined && !(isIpv4(net.gateway) && inSubnet(net.gateway, cidr))) {
      list.add(`networks.${role}.gateway`, net.gateway, `must be an address inside ${net.cidr}`);
    }
    if (net.nameservers !== undefined && !Array.isArray(net.nameservers)) {
      list.add(`networks.${role}.nameservers`, net.nameservers, "must be a list of IPv4 addresses");
    }
    (Array.isArray(net.nameservers) ? net.nameservers : []).forEach((ns, i) => {
      if (!isIpv4(ns)) list.add(`networks.${role}.nameservers[${i}]`, ns, "must be an IPv4 address");
    });
  }
  const pub = result.public;
  const priv = result.private;
  if (pub && priv && (inSubnet(priv.address, pub) || inSubnet(pub.address, priv))) {
    list.add("networks", [decl.networks.public.cidr, decl.networks.private.cidr], "the public and private subnets overlap");
  }
  return result;
}

/** Checks one address against its network; records it so duplicates across the plan are found. */
class AddressBook {
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly list: IssueList,
    private readonly networks: Networks,
    private readonly decl: ClusterDecl,
  ) {}

  claim(field: string, address: string | undefined, role: NetworkRole, owner: string): boolean {
    if (address === undefined) return false;
    if (!isIpv4(address)) {
      this.list.add(field, address, `must be an IPv4 address inside ${this.decl.networks[role].cidr}`);
      return false;
    }
    const net = this.networks[role];
    if (net && !inSubnet(address, net)) {
      this.list.add(field, address, `is outside the ${role} subnet ${this.decl.networks[role].cidr}`);
      return false;
    }
    if (net && isNetworkOrBroadcast(address, net)) {
      this.list.add(field, address, `is the network or broadcast address of ${this.decl.networks[role].cidr}`);
      return false;
    }
    const previous = this.owners.get(address);
    if (previous !== undefined) {
      this.list.add(field, address, `duplicate address: already used by ${previous}`);
      return false;
    }
    this.owners.set(address, owner);
    return true;
  }
}

function checkNodes(decl: ClusterDecl, list: IssueList, book: AddressBook): Map<string, WebNodeDecl> {
  const byName = new Map<string, WebNodeDecl>();
  const gateways = NETWORK_ROLES.flatMap((role) => (decl.networks[role].gateway ? [[role, decl.networks[role].gateway!] as const] : []));
  for (const [role, gateway] of gateways) book.claim(`networks.${role}.gateway`, gateway, role, `the ${role} gateway`);
  decl.nodes.forEach((node, i) => {
    const at = `nodes[${i}]`;
    const nameProblem = hostNameProblem(node.name);
    if (nameProblem) list.add(`${at}.name`, node.name, nameProblem);
    if (byName.has(node.name)) list.add(`${at}.name`, node.name, "duplicate host name: each node needs its own");
    byName.set(node.name, node);
    if (node.publicAddress === undefined && node.privateAddress === undefined) {
      list.add(at, node.name, "a node needs a publicAddress, a privateAddress or both");
    }
    book.claim(`${at}.publicAddress`, node.publicAddress, "public", node.name);
    book.claim(`${at}.privateAddress`, node.privateAddress, "private", node.name);
    const cpus = node.cpus ?? DEFAULT_CPUS;
    if (!Number.isInteger(cpus) || cpus < 1 || cpus > 64) list.add(`${at}.cpus`, cpus, "must be a whole number of vCPUs, 1..64");
    const memory = node.memoryMiB ?? DEFAULT_MEMORY_MIB;
    if (!Number.isInteger(memory) || memory < 512) list.add(`${at}.memoryMiB`, memory, "must be a whole number of MiB, at least 512");
  });
  return byName;
}

/**
 * A host name is one DNS label: `uname -n`, Heartbeat's node name, the libvirt domain and the vSphere
 * VM name. vSphere's guest customization takes a dotted name as host plus domain, and refuses a
 * label that starts with a digit; Linux caps the host name at 64 characters, DNS a label at 63.
 */
const HOST_NAME = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

function hostNameProblem(name: unknown): string | undefined {
  if (name === undefined || name === "") return "a host name is required";
  if (typeof name !== "string") return "must be a string: a host name such as srv1";
  if (HOST_NAME.test(name)) return undefined;
  if (name.length > 63) return `is ${name.length} characters; a host name is one label of at most 63`;
  if (name.includes(".")) return "no dots: give the short host name (vSphere would read the rest as a domain)";
  if (/^[0-9]/.test(name)) return "must start with a letter (vSphere refuses a host name that starts with a digit)";
  return "must be a lowercase host name: a letter, then letters, digits or '-', not ending in '-'";
}

/** The interface names cloud-init's set-name and ha.cf accept. */
const NIC_NAME = /^[a-z][a-z0-9_-]{0,14}$/;

function checkInterfaceNames(decl: ClusterDecl, list: IssueList): void {
  for (const role of NETWORK_ROLES) {
    const name = decl.interfaceNames?.[role];
    if (name !== undefined && !NIC_NAME.test(name)) {
      list.add(`interfaceNames.${role}`, name, "must be a lowercase interface name of 1..15 characters such as public or eth1");
    }
  }
  const [pub, priv] = NETWORK_ROLES.map((role) => interfaceName(decl, role));
  if (pub === priv) list.add("interfaceNames.private", priv, "the public and private NICs need different names");
}

/** An OpenSSH public key line: type, base64 body, optional comment; one line. */
const SSH_KEY =
  /^(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,3}( [^\n\r]*)?$/;

function checkFirewall(decl: ClusterDecl, list: IssueList): void {
  const fw = decl.firewall;
  if (fw === undefined) return;
  if (fw === null || typeof fw !== "object") {
    list.add("firewall", fw, 'must be an object such as { adminNetworks: ["10.0.0.0/8"] }, or left out');
    return;
  }
  if (!decl.loadBalancer) {
    list.add("firewall", fw, "only a load balancer's nodes (directors, real servers) get a ruleset so far; leave firewall out");
  }
  if (fw.enabled !== undefined && typeof fw.enabled !== "boolean") list.add("firewall.enabled", fw.enabled, "must be true or false");
  if (fw.adminNetworks === undefined) return;
  if (!Array.isArray(fw.adminNetworks)) {
    list.add("firewall.adminNetworks", fw.adminNetworks, 'must be a list of subnets such as ["192.168.56.0/24"]');
    return;
  }
  if (fw.adminNetworks.length === 0) {
    list.add(
      "firewall.adminNetworks",
      [],
      "no network could reach sshd on the directors: name one (a single host is a /32), or leave it out for the public subnet",
    );
  }
  fw.adminNetworks.forEach((net, i) => {
    const cidr = parseIpv4Cidr(net);
    if (!cidr)
      list.add(
        `firewall.adminNetworks[${i}]`,
        net,
        "must be an IPv4 subnet in CIDR form such as 192.168.56.0/24 (a host: 192.168.56.5/32)",
      );
    else if (networkOf(cidr) !== net) list.add(`firewall.adminNetworks[${i}]`, net, `must name the network address: ${networkOf(cidr)}`);
  });
}

function checkAdmin(decl: ClusterDecl, list: IssueList): void {
  const admin = decl.admin;
  const name = admin.name ?? "admin";
  if (name === "root") {
    list.add(
      "admin.name",
      name,
      "not root: Debian's cloud image disables root's SSH login (cloud-init's disable_root), so the key would not let anyone in; name a user such as admin",
    );
  } else if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(name)) {
    list.add(
      "admin.name",
      name,
      "must be a Linux user name: lowercase letters, digits, '_' or '-', a letter or '_' first, at most 32 characters",
    );
  }
  const keys = admin.sshAuthorizedKeys;
  if (keys.length === 0) list.add("admin.sshAuthorizedKeys", [], "at least one SSH public key is needed: the admin user has no password");
  keys.forEach((key, i) => {
    const field = `admin.sshAuthorizedKeys[${i}]`;
    if (typeof key !== "string") list.add(field, key, "must be a string: a public key line, or a Terraform reference to one");
    else if (key.trim() === "") list.add(field, key, "is empty: give a public key line, or a Terraform reference to one");
    else if (isTerraformReference(key)) return;
    else if (/[\r\n]/.test(key)) list.add(field, key, "one key per entry: a newline would end authorized_keys' line there");
    else if (!SSH_KEY.test(key.trim())) {
      list.add(field, key, "is not an OpenSSH public key line such as 'ssh-ed25519 AAAA... you@host' (a private key or a file name?)");
    }
  });
}

/**
 * Checks that the props have the shape their type promises before anything reads them, so a missing
 * field is a ConfigError, not a TypeError: a platform, both networks with a cidr, the admin's keys,
 * and the lists the construct reads.
 */
export function shapeIssues(
  path: string,
  platform: unknown,
  props: object | undefined,
  lists: Readonly<Record<string, unknown>>,
  objects: Readonly<Record<string, unknown>> = {},
): ConfigIssue[] {
  const list = new IssueList(path);
  const p = (props ?? {}) as Record<string, any>;
  if (typeof (platform as { macAddress?: unknown } | undefined)?.macAddress !== "function") {
    list.add("platform", platform === undefined ? undefined : "(not a platform)", "is required: a LibvirtPlatform or VspherePlatform");
  }
  for (const role of NETWORK_ROLES) {
    const net = p.networks?.[role];
    if (typeof net?.cidr !== "string") {
      list.add(`networks.${role}.cidr`, net?.cidr, "is required: the subnet, such as 192.168.56.0/24");
    }
  }
  if (!Array.isArray(p.admin?.sshAuthorizedKeys)) {
    list.add(
      "admin.sshAuthorizedKeys",
      p.admin?.sshAuthorizedKeys,
      "is required: a list of SSH public keys, or Terraform references to them",
    );
  }
  for (const [field, value] of Object.entries(objects)) {
    if (value === null || typeof value !== "object") list.add(field, value, "is required");
  }
  for (const [field, value] of Object.entries(lists)) {
    if (!Array.isArray(value)) {
      list.add(field, value, "is required: a list");
      continue;
    }
    value.forEach((item, i) => {
      if (item === null || item === undefined) list.add(`${field}[${i}]`, item, "is empty");
    });
  }
  return [...list.issues];
}

/**
 * The issues as the user wrote the props: fields renamed through `options.fieldName`, the
 * directors' ipvsadm rules reported as the construct's services (once, not once per director), and
 * every repeat dropped.
 */
export function inUserWords(issues: readonly ConfigIssue[], path: string, options: PlanOptions): ConfigIssue[] {
  const rename = options.fieldName ?? ((field: string) => field);
  const rules = new RegExp(`^${escapeRegExp(path)}/[^/]+/ipvsadm\\.rules$`);
  const seen = new Set<string>();
  const result: ConfigIssue[] = [];
  for (const issue of issues) {
    let { path: where, field } = issue;
    if (rules.test(where) && field.startsWith("services[")) {
      where = path;
      field = `loadBalancer.${field}`;
    }
    if (where === path) field = rename(field);
    const key = JSON.stringify([where, field, issue.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ ...issue, path: where, field });
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function interfaceName(decl: ClusterDecl, role: NetworkRole): string {
  return decl.interfaceNames?.[role] ?? role;
}

function topologyView(decl: ClusterDecl, byName: Map<string, WebNodeDecl>, hypervisor?: HypervisorView): TopologyView {
  return { node: (name) => byName.get(name), addressOf, interfaceName: (role) => interfaceName(decl, role), hypervisor };
}

function engineOf(decl: ClusterDecl): FailoverEngine {
  return decl.failover ?? FailoverEngine.heartbeat();
}

function planFailoverGroup(
  decl: ClusterDecl,
  list: IssueList,
  book: AddressBook,
  byName: Map<string, WebNodeDecl>,
  fields: FailoverGroupFields,
  hypervisor: HypervisorView | undefined,
): FailoverGroupPlan | undefined {
  const group = decl.failoverGroup;
  if (!group) {
    if (decl.failover !== undefined) {
      list.add(
        "failover",
        decl.failover.name,
        "no failover group runs on this engine: declare the group (two nodes), or leave failover out",
      );
    }
    return undefined;
  }
  group.nodes.forEach((name, i) => {
    if (!byName.has(name)) list.add(`${fields.nodes}[${i}]`, name, `not a declared node; nodes: ${[...byName.keys()].join(", ")}`);
  });
  const preferredNode = group.preferredNode ?? group.nodes[0];
  if (!group.nodes.includes(preferredNode)) {
    list.add(fields.preferredNode, preferredNode, `the resource owner must be a node of the pair: ${group.nodes.join(", ")}`);
  }
  const topology = topologyView(decl, byName, hypervisor);
  // The engine checks its own settings against the real members, in the user's words.
  const members = group.nodes.map((name, index) => ({ index, name, node: byName.get(name) }));
  // A pair of directors is the group: it carries the load balancer's VIP and gateway, and installs the rules.
  const ownsDirectors = decl.loadBalancer !== undefined && sameMembers(decl.loadBalancer.directors, group.nodes);
  const rules = ownsDirectors ? decl.loadBalancer!.rules : undefined;
  engineOf(decl).checkGroup(
    {
      members,
      vipCount: group.vips.length,
      resources: group.resources ?? [],
      topology,
      fields,
      ...(rules instanceof IpvsRules ? { ipvsRules: { kind: rules.kind, field: "loadBalancer.rules" } } : {}),
    },
    list,
  );
  const declaredVips: { vip: VipDecl; field: string }[] = group.vips.map((vip, i) => ({ vip, field: `${fields.vips}[${i}].address` }));
  if (ownsDirectors && !group.vips.some((vip) => vip.address === decl.loadBalancer!.vip)) {
    declaredVips.push({ vip: { address: decl.loadBalancer!.vip, network: "public" }, field: "loadBalancer.vip" });
  }
  if (ownsDirectors && decl.loadBalancer!.gatewayVip !== undefined) {
    declaredVips.push({ vip: { address: decl.loadBalancer!.gatewayVip, network: "private" }, field: "loadBalancer.gatewayVip" });
  }
  const vips: FailoverGroupPlan["vips"][number][] = [];
  for (const { vip, field } of declaredVips) {
    const role = vip.network ?? "public";
    if (typeof vip?.address !== "string") {
      // claim() passes over an unset address, as a node's optional one; a VIP without one is a mistake.
      list.add(field, vip?.address ?? vip, `must be an IPv4 address inside ${decl.networks.public.cidr}, or { address, network }`);
      continue;
    }
    if (!NETWORK_ROLES.includes(role)) {
      list.add(field.replace(/\.address$/, ".network"), role, `must be one of ${NETWORK_ROLES.join(", ")}`);
      continue;
    }
    // With its network's cidr unparsable (reported there), the VIP has no prefix to render.
    const cidr = parseIpv4Cidr(decl.networks[role].cidr);
    if (book.claim(field, vip.address, role, `a VIP of ${group.nodes.join("/")}`) && cidr) {
      const iface = interfaceName(decl, role);
      vips.push({
        address: vip.address,
        prefix: cidr.prefix,
        interface: iface,
        ...(vip.labelIndex !== undefined ? { label: `${iface}:${vip.labelIndex}` } : {}),
        network: role,
      });
      group.nodes.forEach((name, j) => {
        const node = byName.get(name);
        if (node && addressOf(node, role) === undefined) {
          list.add(`${fields.nodes}[${j}]`, name, `must have a ${role}Address to carry the VIP ${vip.address}`);
        }
      });
    }
  }
  return {
    members: group.nodes,
    preferredNode,
    vips,
    resources: group.resources ?? [],
    ipvsRules: ownsDirectors,
    ...(ownsDirectors && decl.loadBalancer!.rules?.kind === "ldirectord" ? { ipvsInstaller: "ldirectord" as const } : {}),
    autoFailback: group.autoFailback,
  };
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function addressOf(node: NodeDecl, role: NetworkRole): string | undefined {
  return role === "public" ? node.publicAddress : node.privateAddress;
}

interface LoadBalancerPlan {
  readonly directors: readonly string[];
  readonly services: readonly IpvsVirtualService[];
  /** Where real servers send replies. */
  readonly gateway?: string;
  readonly realServerNodes: ReadonlySet<string>;
  /** A standalone director carries the VIP as a static address; a pair leaves it to its failover group. */
  readonly staticVip: boolean;
  readonly forwarding: LoadBalancerForwarding;
  /** ldirectord's settings, when it installs the rules. */
  readonly healthChecks?: Omit<LdirectordConfig, "services">;
  /** The pair's connection sync. @default none */
  readonly connectionSync?: IpvsSyncConfig;
}

function planLoadBalancer(
  decl: ClusterDecl,
  list: IssueList,
  book: AddressBook,
  byName: Map<string, WebNodeDecl>,
  group: FailoverGroupPlan | undefined,
): LoadBalancerPlan | undefined {
  const lb = decl.loadBalancer;
  if (!lb) return undefined;
  const pair = group?.ipvsRules ?? false;
  const forwarding = lb.forwarding ?? "masquerade";
  const dr = forwarding === "gatewaying";
  if (!LOAD_BALANCER_FORWARDINGS.includes(forwarding)) {
    list.add("loadBalancer.forwarding", forwarding, `must be one of ${LOAD_BALANCER_FORWARDINGS.join(", ")}`);
  }
  if (!(lb.directors.length === 1 || pair)) {
    list.add("loadBalancer.directors", lb.directors, "must be one node, or exactly the members of the failover group");
  }
  lb.directors.forEach((name, i) => {
    const node = byName.get(name);
    if (!node) {
      list.add(`loadBalancer.directors[${i}]`, name, `not a declared node; nodes: ${[...byName.keys()].join(", ")}`);
    } else if (dr && node.publicAddress === undefined) {
      list.add(
        `loadBalancer.directors[${i}]`,
        name,
        `a direct-routing director needs a publicAddress on the VIP's segment ${decl.networks.public.cidr}, where its real servers are`,
      );
    } else if (!dr && (node.publicAddress === undefined || node.privateAddress === undefined)) {
      list.add(
        `loadBalancer.directors[${i}]`,
        name,
        "a NAT director needs both a publicAddress (clients) and a privateAddress (real servers)",
      );
    }
  });
  // A pair's public VIP is a VIP of its failover group (claimed there); a single director's is claimed here.
  if (!pair) book.claim("loadBalancer.vip", lb.vip, "public", `the VIP of ${lb.directors.join("/")}`);
  let gateway = lb.gatewayVip;
  if (dr) {
    // Real servers answer clients themselves: nothing routes through the directors.
    if (lb.gatewayVip !== undefined) {
      list.add(
        "loadBalancer.gatewayVip",
        lb.gatewayVip,
        "direct-routing real servers answer clients through the public gateway, not through the directors; leave gatewayVip out",
      );
    }
    if (decl.networks.public.gateway === undefined) {
      list.add(
        "networks.public.gateway",
        undefined,
        "direct-routing real servers answer clients through their own default route: give the public network a gateway",
      );
    }
    gateway = undefined;
  } else if (!pair) {
    const director = byName.get(lb.directors[0]);
    if (lb.gatewayVip !== undefined) {
      list.add(
        "loadBalancer.gatewayVip",
        lb.gatewayVip,
        "only a Heartbeat pair of directors needs a floating gateway; one director routes through its own private address",
      );
    }
    gateway = director?.privateAddress;
  } else if (gateway === undefined) {
    list.add(
      "loadBalancer.gatewayVip",
      gateway,
      "a pair of NAT directors needs a floating private VIP that real servers use as their gateway",
    );
  }

  const realServerNodes = new Set<string>();
  const privateNet = parseIpv4Cidr(decl.networks.private.cidr);
  const services: IpvsVirtualService[] = lb.services.map((service, i) => ({
    protocol: service.protocol,
    address: lb.vip,
    port: service.port,
    scheduler: service.scheduler,
    persistence: service.persistence,
    realServers: service.realServers.map((real, j) => {
      const field = `loadBalancer.services[${i}].realServers[${j}]`;
      const node = byName.get(real.node);
      realServerNodes.add(real.node);
      if (dr && real.port !== undefined && real.port !== service.port) {
        list.add(
          `${field}.port`,
          real.port,
          `direct routing cannot remap ports: the real server receives the packet as sent, to port ${service.port}; leave port out`,
        );
      }
      if (!node) {
        list.add(`${field}.node`, real.node, `not a declared node; nodes: ${[...byName.keys()].join(", ")}`);
      } else if (lb.directors.includes(real.node)) {
        list.add(`${field}.node`, real.node, `a director cannot be its own ${dr ? "direct-routing" : "NAT"} real server`);
      } else if (dr) {
        // A public address outside the subnet is reported once, under the node's publicAddress.
        if (node.publicAddress === undefined) {
          list.add(
            `${field}.node`,
            real.node,
            `direct-routing real servers must share the VIP's segment ${decl.networks.public.cidr} with the directors; give ${real.node} a publicAddress in it`,
          );
        }
      } else if (node.privateAddress === undefined) {
        // A private address outside the subnet is reported once, under the node's privateAddress.
        list.add(
          `${field}.node`,
          real.node,
          `NAT real servers must be on the director's private network ${decl.networks.private.cidr}, so replies return through it`,
        );
      } else if (node.publicAddress !== undefined && (!privateNet || inSubnet(node.privateAddress, privateNet))) {
        list.add(
          `${field}.node`,
          real.node,
          "a NAT real server with a public address would answer clients directly, bypassing the director; remove its publicAddress",
        );
      }
      const address = (dr ? node?.publicAddress : node?.privateAddress) ?? "0.0.0.0";
      return { address, port: real.port, weight: real.weight, forwarding };
    }),
  }));
  // The rules' own values (ports, scheduler, persistence, weights) are checked now, with the addresses,
  // so that one round reports them all; duplicates and addresses wait for the directors' payloads,
  // which are only rendered from valid nodes.
  for (const issue of validateIpvsServices(services, "")) {
    if (/\.(protocol|port|scheduler|persistence|weight|forwarding)$|\.realServers$/.test(issue.field)) {
      list.add(`loadBalancer.${issue.field}`, issue.value, issue.message);
    }
  }
  const healthChecks = planHealthChecks(lb, list, byName, realServerNodes);
  const connectionSync = planConnectionSync(decl, list, pair);
  return {
    directors: lb.directors,
    services,
    gateway,
    realServerNodes,
    staticVip: !pair,
    forwarding,
    ...(healthChecks ? { healthChecks } : {}),
    ...(connectionSync ? { connectionSync } : {}),
  };
}

/**
 * ldirectord's settings from `loadBalancer.rules`, checked; undefined for static rules. The fallback
 * server joins `realServerNodes`: like a real server it routes through the directors and is reached by them.
 */
function planHealthChecks(
  lb: LoadBalancerDecl,
  list: IssueList,
  byName: Map<string, WebNodeDecl>,
  realServerNodes: Set<string>,
): Omit<LdirectordConfig, "services"> | undefined {
  const rules = lb.rules;
  if (rules === undefined) return undefined;
  if (!(rules instanceof IpvsRules)) {
    list.add("loadBalancer.rules", rules, "must be IpvsRules.staticRestore() or IpvsRules.ldirectord({ ... })");
    return undefined;
  }
  if (rules.kind !== "ldirectord") return undefined;
  if ((lb.forwarding ?? "masquerade") !== "masquerade") {
    // Its checks and fallback are proven behind NAT only (the VM lab's ld-lb); DR's fallback would need the VIP's segment.
    list.add(
      "loadBalancer.rules",
      "IpvsRules.ldirectord()",
      `needs forwarding "masquerade" (NAT); with "${lb.forwarding}", use IpvsRules.staticRestore()`,
    );
    return undefined;
  }
  const props = rules.ldirectordProps ?? {};
  validateHealthCheck(props.check, "loadBalancer.rules.check", list);
  if (props.onFailure !== undefined && props.onFailure !== "remove" && props.onFailure !== "quiesce") {
    list.add("loadBalancer.rules.onFailure", props.onFailure, "must be remove (deleted from the table) or quiesce (kept at weight 0)");
  }
  lb.services.forEach((service, i) => {
    if ((service.protocol ?? "tcp") !== "tcp") {
      list.add(`loadBalancer.services[${i}].protocol`, service.protocol, "ldirectord checks every service over HTTP, which needs tcp");
    }
  });
  let fallback: LdirectordConfig["fallback"];
  if (props.fallback !== undefined) {
    const at = "loadBalancer.rules.fallback";
    const name = props.fallback.server?.name;
    const node = byName.get(name);
    const port = props.fallback.port;
    if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
      list.add(`${at}.port`, port, "must be a port number, 1..65535");
    }
    if (!node) {
      list.add(`${at}.server.name`, name, `not a declared node; nodes: ${[...byName.keys()].join(", ")}`);
    } else if (lb.directors.includes(name)) {
      list.add(`${at}.server.name`, name, "a director cannot be the fallback server: it is reached through the director's NAT");
    } else if (realServerNodes.has(name)) {
      list.add(
        `${at}.server.name`,
        name,
        "is also a real server: the fallback gets traffic only when every real server is down, so it must be another node",
      );
    } else if (node.privateAddress === undefined || node.publicAddress !== undefined) {
      list.add(
        `${at}.server`,
        name,
        `a fallback server is reached like a NAT real server: give it a privateAddress in ${"the private network"} and no publicAddress`,
      );
    } else if (!node.web) {
      list.add(`${at}.server.name`, name, "must be a web node: it serves the sorry page");
    } else {
      realServerNodes.add(name);
      fallback = { address: node.privateAddress, ...(port !== undefined ? { port } : {}) };
    }
  }
  return {
    ...(props.check !== undefined ? { check: props.check } : {}),
    ...(props.onFailure !== undefined ? { onFailure: props.onFailure } : {}),
    ...(fallback ? { fallback } : {}),
  };
}

/** The pair's sync settings, resolved; a single director has nobody to sync to. */
function planConnectionSync(decl: ClusterDecl, list: IssueList, pair: boolean): IpvsSyncConfig | undefined {
  const setting = decl.loadBalancer!.connectionSync;
  const before = list.issues.length;
  addConnectionSyncIssues(list, "loadBalancer.connectionSync", setting);
  if (setting === undefined || setting === false || list.issues.length > before) return undefined;
  if (!pair) {
    list.add(
      "loadBalancer.connectionSync",
      setting,
      "connection sync needs a pair of directors (a failover group); a single director has nobody to sync to",
    );
    return undefined;
  }
  // Directors always have a private address (checked above): the sync daemons bind to it.
  return { interface: interfaceName(decl, "private"), syncId: setting.syncId ?? IPVS_SYNC_DEFAULTS.syncId };
}

/**
 * Each node's /etc/hosts names only the nodes it works with, so payload size stays constant per web
 * server and the topology's output grows linearly (a full list is quadratic: 300 web servers made
 * 4 MB). Nothing resolves names to reach a peer (ha.cf ucast, ipvsadm rules and routes use
 * addresses); the names serve what does look them up, and the admin:
 * - every node: itself (sudo, Apache's ServerName, Heartbeat's `uname -n`);
 * - a failover group member: its peer, which ha.cf and the logs name;
 * - a director: its real servers (`ipvsadm -L` shows them by name);
 * - a real server: its directors, the owners of the gateway its replies take.
 * The address is the node's public one if it has one, else its private one.
 */
function hostsFor(
  decl: ClusterDecl,
  group: FailoverGroupPlan | undefined,
  lb: LoadBalancerPlan | undefined,
): (node: string) => HostsEntry[] {
  const index = new Map(decl.nodes.map((node, i) => [node.name, i]));
  const entries = decl.nodes.map((node) => {
    const address = node.publicAddress ?? node.privateAddress;
    return address !== undefined && isIpv4(address) ? { hostname: node.name, address } : undefined;
  });
  const realServers = [...(lb?.realServerNodes ?? [])];
  return (name) => {
    const names = new Set([name]);
    if (group?.members.includes(name)) group.members.forEach((n) => names.add(n));
    if (lb?.directors.includes(name)) realServers.forEach((n) => names.add(n));
    if (lb?.realServerNodes.has(name)) lb.directors.forEach((n) => names.add(n));
    // Declaration order, as before: renderHosts sorts by address anyway.
    return [...names]
      .map((n) => index.get(n)!)
      .sort((a, b) => a - b)
      .flatMap((i) => (entries[i] ? [entries[i]!] : []));
  };
}

function nicsFor(
  decl: ClusterDecl,
  node: WebNodeDecl,
  macAddress: MacAllocator,
  lbPlan: LoadBalancerPlan | undefined,
): { nics: NicConfig[]; planned: PlannedNic[] } {
  const nics: NicConfig[] = [];
  const planned: PlannedNic[] = [];
  // NAT real servers route through the directors; direct-routing ones through the public gateway.
  const routesViaDirector = (lbPlan?.realServerNodes.has(node.name) ?? false) && lbPlan?.forwarding === "masquerade";
  for (const role of NETWORK_ROLES) {
    const address = addressOf(node, role);
    if (address === undefined) continue;
    const net = decl.networks[role];
    const prefix = parseIpv4Cidr(net.cidr)?.prefix ?? 24;
    const mac = macAddress(node.name, role);
    const isStandaloneDirector = lbPlan?.staticVip === true && lbPlan.directors.includes(node.name) && role === "public";
    // A private-only node has no NIC on the public network to take its resolvers from.
    const nameservers =
      net.nameservers ?? (role === "private" && node.publicAddress === undefined ? decl.networks.public.nameservers : undefined);
    let gateway: string | undefined;
    if (routesViaDirector) gateway = role === "private" ? lbPlan?.gateway : undefined;
    else if (role === "public" || node.publicAddress === undefined) gateway = net.gateway;
    nics.push({
      name: interfaceName(decl, role),
      mac,
      address: `${address}/${prefix}`,
      ...(isStandaloneDirector ? { extraAddresses: [`${lbPlan!.services[0]?.address}/${prefix}`] } : {}),
      ...(gateway ? { gateway } : {}),
      ...(nameservers?.length ? { nameservers } : {}),
    });
    planned.push({ role, mac });
  }
  return { nics, planned };
}

/** A syncing director also accepts the sync messages of its peer, on the sync NIC. */
function withSyncTraffic(
  peerTraffic: readonly PeerTraffic[] | undefined,
  name: string,
  lb: LoadBalancerPlan | undefined,
  byName: Map<string, WebNodeDecl>,
): readonly PeerTraffic[] | undefined {
  if (!lb?.connectionSync || !lb.directors.includes(name)) return peerTraffic;
  const peers = lb.directors.filter((d) => d !== name).flatMap((d) => byName.get(d)?.privateAddress ?? []);
  return [...(peerTraffic ?? []), ipvsSyncPeerTraffic(lb.connectionSync, peers)];
}

/**
 * The address the rules send a node's requests to: a NAT real server's private one, a DR real
 * server's public one.
 */
function ruleAddress(lb: LoadBalancerPlan, node: NodeDecl | undefined): string | undefined {
  return lb.forwarding === "masquerade" ? node?.privateAddress : node?.publicAddress;
}

/** The ports a real server or the fallback server answers on (rules address `own`): the service's, or its own remapped one. */
function servedPorts(lb: LoadBalancerPlan, own: string | undefined): { protocol: "tcp" | "udp"; port: number }[] {
  const fallback = lb.healthChecks?.fallback;
  return lb.services.flatMap((s) => [
    ...s.realServers.filter((r) => r.address === own).map((r) => ({ protocol: s.protocol ?? "tcp", port: r.port ?? s.port })),
    ...(fallback && fallback.address === own ? [{ protocol: s.protocol ?? "tcp", port: fallback.port ?? s.port }] : []),
  ]);
}

/** The TCP ports a web node's Apache must listen on besides 80: where the directors send it requests. */
function apacheListenPorts(lb: LoadBalancerPlan | undefined, node: NodeDecl): number[] {
  if (!lb) return [];
  const tcp = servedPorts(lb, ruleAddress(lb, node)).flatMap((s) =>
    s.protocol === "tcp" && s.port !== APACHE_DEFAULT_PORT ? [s.port] : [],
  );
  return [...new Set(tcp)].sort((a, b) => a - b);
}

/**
 * A load balancer node's nftables role (DESIGN.md: deny by default on the wire). Directors: ssh from
 * the admin networks, the virtual services on the VIP, the engine's traffic from the peer; they
 * forward their real servers' replies and the private network's own connections out, which they
 * masquerade. Real servers: the service ports, ssh from the admin networks and the directors (the
 * hop to a node with no public address). Other nodes get none.
 */
function firewallFor(
  decl: ClusterDecl,
  node: WebNodeDecl,
  lb: LoadBalancerPlan | undefined,
  byName: Map<string, WebNodeDecl>,
  peerTraffic: readonly PeerTraffic[] | undefined,
  engine: string | undefined,
): FirewallRole | undefined {
  if (!lb) return undefined;
  const isDirector = lb.directors.includes(node.name);
  const isRealServer = lb.realServerNodes.has(node.name);
  const fallback = lb.healthChecks?.fallback;
  const enabled = decl.firewall?.enabled ?? FIREWALL_DEFAULTS.enabled;
  const pub = interfaceName(decl, "public");
  const priv = interfaceName(decl, "private");
  const nat = lb.forwarding === "masquerade";
  // A NAT director masquerades the private network's own outbound traffic (apt, DNS), so its replies
  // come back. Direct-routing real servers sit on the public network and need no router.
  const masquerade = isDirector && nat ? { masquerade: { network: decl.networks.private.cidr, outInterface: pub } } : {};
  if (!enabled || !(isDirector || isRealServer)) return isDirector && nat ? masquerade : undefined;
  const admins = decl.firewall?.adminNetworks ?? [decl.networks.public.cidr];
  if (isDirector) {
    // Direct routing forwards nothing: IPVS sends the requests on from LOCAL_IN, replies bypass the director.
    const forward = nat
      ? {
          network: decl.networks.private.cidr,
          privateInterface: priv,
          publicInterface: pub,
          replies: lb.services.flatMap((s) => [
            ...s.realServers.map((r) => ({ protocol: s.protocol ?? "tcp", address: r.address, port: r.port ?? s.port })),
            ...(fallback ? [{ protocol: s.protocol ?? "tcp", address: fallback.address, port: fallback.port ?? s.port }] : []),
          ]),
        }
      : undefined;
    return {
      ...masquerade,
      filter: {
        sshFrom: admins,
        services: lb.services.map((s) => ({ protocol: s.protocol ?? "tcp", port: s.port, to: [s.address] })),
        ...(peerTraffic?.length ? { peers: peerTraffic, engine } : {}),
        ...(forward ? { forward } : {}),
      },
    };
  }
  // The service rule names no address, so a DR real server accepts the VIP (on lo) and health checks alike.
  // The directors' addresses, unless an admin network already holds them.
  const adminNets = admins.flatMap((net) => parseIpv4Cidr(net) ?? []);
  const directorAddresses = lb.directors
    .flatMap((d) => ruleAddress(lb, byName.get(d)) ?? [])
    .filter((address) => !adminNets.some((net) => inSubnet(address, net)));
  return {
    filter: {
      sshFrom: [...admins, ...directorAddresses],
      services: servedPorts(lb, ruleAddress(lb, byName.get(node.name))),
    },
  };
}

/**
 * Plans every VM of a topology. Validates the whole plan first and throws one ConfigError that lists
 * every problem, each under `path`; nothing is planned when anything is wrong.
 */
export function planCluster(decl: ClusterDecl, path: string, macAddress: MacAllocator, options: PlanOptions = {}): PlannedNode[] {
  const list = new IssueList(path);
  const networks = checkNetworks(decl, list);
  const book = new AddressBook(list, networks, decl);
  const byName = checkNodes(decl, list, book);
  checkInterfaceNames(decl, list);
  checkAdmin(decl, list);
  checkFirewall(decl, list);
  const group = planFailoverGroup(decl, list, book, byName, options.groupFields ?? FAILOVER_GROUP_FIELDS, options.hypervisor);
  const lb = planLoadBalancer(decl, list, book, byName, group);
  list.throwIfAny();

  const hostsOf = hostsFor(decl, group, lb);
  const engine = engineOf(decl);
  const topology = topologyView(decl, byName, options.hypervisor);
  const memberIssues: ConfigIssue[] = [];
  const engineGroup =
    group && lb && group.ipvsRules
      ? { ...group, ipvsServices: lb.services, ...(lb.connectionSync ? { connectionSync: lb.connectionSync } : {}) }
      : group;
  const listenPortsOf = (node: NodeDecl) => {
    const ports = apacheListenPorts(lb, node);
    return ports.length ? { listenPorts: ports } : {};
  };
  const planned = decl.nodes.map((node): PlannedNode => {
    const { nics, planned: nicPlan } = nicsFor(decl, node, macAddress, lb);
    const isDirector = lb?.directors.includes(node.name) ?? false;
    const nodePath = `${path}/${node.name}`;
    const failover = group?.members.includes(node.name)
      ? engine.configureMember(engineGroup!, { name: node.name, path: nodePath, nicNames: nics.map((nic) => nic.name) }, topology)
      : undefined;
    memberIssues.push(...(failover?.issues ?? []));
    const member = failover?.role !== undefined;
    // The engine starts Apache when it says so (keepalived's tracked services run from init), and installs a director pair's rules.
    const webStarter: ServiceStarter = failover?.role?.starts.includes(APACHE_SERVICE) ? "failover-engine" : "init";
    const ipvsRules: IpvsRuleSource = member && group!.ipvsRules ? "failover-engine" : "static-restore";
    const firewall = firewallFor(
      decl,
      node,
      lb,
      byName,
      withSyncTraffic(failover?.role?.peerTraffic, node.name, lb, byName),
      failover?.role?.engine,
    );
    const spec: NodeSpec = {
      hostname: node.name,
      nics,
      hosts: hostsOf(node.name),
      admin: decl.admin,
      ...(node.web ? { web: { subtitle: decl.subtitle, startedBy: webStarter, ...listenPortsOf(node) } } : {}),
      ...(isDirector
        ? {
            director: {
              services: lb!.services,
              defaults: { auto: true, iface: interfaceName(decl, node.privateAddress !== undefined ? "private" : "public") },
              ipvsRules,
              ...(lb!.healthChecks ? { healthChecks: lb!.healthChecks } : {}),
            },
          }
        : {}),
      ...(lb?.forwarding === "gatewaying" && lb.realServerNodes.has(node.name)
        ? { directRouting: { vips: [lb.services[0].address] } }
        : {}),
      ...(failover?.role ? { failover: failover.role } : {}),
      ...(firewall ? { firewall } : {}),
    };
    return {
      name: node.name,
      cpus: node.cpus ?? DEFAULT_CPUS,
      memoryMiB: node.memoryMiB ?? DEFAULT_MEMORY_MIB,
      nics: nicPlan,
      spec,
    };
  });
  const nodeIssues: ConfigIssue[] = planned.flatMap((node) => validateNodeSpec(node.spec, `${path}/${node.name}`));
  throwIfIssues([...memberIssues, ...nodeIssues]);
  return planned;
}
