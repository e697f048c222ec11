import { ipv4ToNumber, isIpv4, parseIpv4Cidr } from "./ip";
import { ConfigIssue, IssueList, throwIfIssues } from "./issues";
import { NODE_NAME } from "./heartbeat";
import { toCloudInitYaml } from "./cloud-config";

/** One NIC of a VM, matched by MAC so that any hypervisor's naming gives the same interface. */
export interface NicConfig {
  /** Interface name set by cloud-init (`set-name`), used by ha.cf and haresources. */
  readonly name: string;
  /** MAC address the platform gives this NIC. */
  readonly mac: string;
  /** Primary address with prefix, such as 192.168.56.11/24. */
  readonly address: string;
  /** Further static addresses (a standalone director's VIP), with prefix. @default none */
  readonly extraAddresses?: readonly string[];
  /** Default gateway through this NIC. @default none */
  readonly gateway?: string;
  /** @default none */
  readonly nameservers?: readonly string[];
  /** @default none */
  readonly searchDomains?: readonly string[];
}

const MAC = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/;

export function validateNics(nics: readonly NicConfig[], path = "network-config"): ConfigIssue[] {
  const list = new IssueList(path);
  if (nics.length === 0) list.add("nics", nics, "a VM needs at least one NIC");
  const names = new Set<string>();
  const macs = new Set<string>();
  nics.forEach((nic, i) => {
    const at = `nics[${i}]`;
    if (!/^[a-z][a-z0-9_-]{0,14}$/.test(nic.name)) {
      list.add(`${at}.name`, nic.name, "must be a lowercase interface name of 1..15 characters such as public or eth1");
    }
    if (names.has(nic.name)) list.add(`${at}.name`, nic.name, "two NICs of one VM have the same name");
    names.add(nic.name);
    if (!MAC.test(nic.mac)) list.add(`${at}.mac`, nic.mac, "must be a lowercase MAC address such as 52:54:00:12:34:56");
    if (macs.has(nic.mac)) list.add(`${at}.mac`, nic.mac, "two NICs of one VM have the same MAC");
    macs.add(nic.mac);
    for (const [j, cidr] of [nic.address, ...(nic.extraAddresses ?? [])].entries()) {
      const field = j === 0 ? `${at}.address` : `${at}.extraAddresses[${j - 1}]`;
      if (!parseIpv4Cidr(cidr)) list.add(field, cidr, "must be an IPv4 address with prefix such as 192.168.56.11/24");
    }
    if (nic.gateway !== undefined && !isIpv4(nic.gateway)) list.add(`${at}.gateway`, nic.gateway, "must be an IPv4 address");
    (nic.nameservers ?? []).forEach((ns, j) => {
      if (!isIpv4(ns)) list.add(`${at}.nameservers[${j}]`, ns, "must be an IPv4 address");
    });
  });
  if (nics.filter((nic) => nic.gateway !== undefined).length > 1) {
    list.add(
      "gateway",
      nics.map((nic) => nic.gateway ?? null),
      "only one NIC may carry the default route",
    );
  }
  return [...list.issues];
}

/** Renders a cloud-init network-config version 2 document: static addresses, NICs matched by MAC. */
export function renderNetworkConfig(nics: readonly NicConfig[]): string {
  throwIfIssues(validateNics(nics));
  const ethernets: Record<string, unknown> = {};
  for (const nic of nics) {
    const entry: Record<string, unknown> = {
      match: { macaddress: nic.mac },
      "set-name": nic.name,
      addresses: [nic.address, ...(nic.extraAddresses ?? [])],
    };
    // gateway4, not routes: cloud-init's ifupdown renderer turns routes into `route add`, which
    // needs net-tools and fails silently without it; gateway4 becomes ifupdown's own `gateway` line.
    if (nic.gateway) entry.gateway4 = nic.gateway;
    const nameservers: Record<string, unknown> = {};
    if (nic.nameservers?.length) nameservers.addresses = [...nic.nameservers];
    if (nic.searchDomains?.length) nameservers.search = [...nic.searchDomains];
    if (Object.keys(nameservers).length > 0) entry.nameservers = nameservers;
    ethernets[nic.name] = entry;
  }
  return toCloudInitYaml({ version: 2, ethernets });
}

/**
 * Renders /etc/resolv.conf from the NICs' nameservers and search domains (each once, in NIC order),
 * or undefined when no NIC has any. cloud-init's ifupdown renderer turns `nameservers` into
 * `dns-nameservers` lines, which only the resolvconf package reads; without it (Debian 12's cloud
 * images, the VM lab's image) the addresses never reached the resolver, as the VM lab found.
 * glibc reads the first three nameservers.
 */
export function renderResolvConf(nics: readonly NicConfig[]): string | undefined {
  throwIfIssues(validateNics(nics));
  const servers = [...new Set(nics.flatMap((nic) => nic.nameservers ?? []))];
  const search = [...new Set(nics.flatMap((nic) => nic.searchDomains ?? []))];
  if (servers.length === 0 && search.length === 0) return undefined;
  return [
    "# /etc/resolv.conf: generated from the topology's networks.",
    ...servers.map((ns) => `nameserver ${ns}`),
    ...(search.length > 0 ? [`search ${search.join(" ")}`] : []),
    "",
  ].join("\n");
}

export interface HostsEntry {
  readonly hostname: string;
  readonly address: string;
  /** Further names for the same address. @default none */
  readonly aliases?: readonly string[];
}

export function validateHosts(entries: readonly HostsEntry[], path = "/etc/hosts"): ConfigIssue[] {
  const list = new IssueList(path);
  const names = new Set<string>();
  entries.forEach((entry, i) => {
    if (!isIpv4(entry.address)) list.add(`hosts[${i}].address`, entry.address, "must be an IPv4 address");
    for (const name of [entry.hostname, ...(entry.aliases ?? [])]) {
      if (!NODE_NAME.test(name)) list.add(`hosts[${i}].hostname`, name, "must be a lowercase host name (letters, digits, '-', '.')");
      if (names.has(name)) list.add(`hosts[${i}].hostname`, name, "the same host name appears twice");
      names.add(name);
    }
  });
  return [...list.issues];
}

/**
 * Renders /etc/hosts: localhost, then the given nodes at their addresses, sorted by address.
 * No `127.0.1.1 <self>` line: a node's own name resolves to its real address, as on its peers.
 */
export function renderHosts(entries: readonly HostsEntry[]): string {
  throwIfIssues(validateHosts(entries));
  const sorted = [...entries].sort((a, b) => ipv4ToNumber(a.address) - ipv4ToNumber(b.address));
  return [
    "# /etc/hosts: generated from the topology; every node is declared once.",
    "127.0.0.1\tlocalhost",
    "::1\tlocalhost ip6-localhost ip6-loopback",
    "ff02::1\tip6-allnodes",
    "ff02::2\tip6-allrouters",
    "",
    ...sorted.map((e) => [e.address, e.hostname, ...(e.aliases ?? [])].join("\t")),
    "",
  ].join("\n");
}
