/**
 * Reads the cloud-init payloads (user-data, network-config v2) the project
 * generates, so that the labs (netns, qemu) can reproduce what a VM would do.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ipaddr from "ipaddr.js";
import { parse } from "yaml";
import { resolveTerraformText } from "../../constructs/synthesized";

export interface LabNode {
  hostname: string;
  userData: string;
  metaData: string;
  networkConfig: string;
}

export interface LabNic {
  /** Interface name after cloud-init renames it (set-name, else the ethernets key). */
  name: string;
  mac: string;
  /** CIDRs, e.g. 192.168.56.11/24. */
  addresses: string[];
  /** Network CIDR of the first address, e.g. 192.168.56.0/24. */
  subnet: string;
  gateway?: string;
}

export interface CloudConfigFile {
  path: string;
  content: string;
  /** Octal string such as '0644'. */
  permissions: string;
  owner: string;
  defer: boolean;
}

/** user-data as the lab reads it back (the product writes a CloudConfig). */
export interface ParsedCloudConfig {
  hostname: string;
  files: CloudConfigFile[];
  /** argv lists; shell-string items become ['sh', '-c', item]. */
  runcmd: string[][];
  packages: string[];
  /** `users` entries that log in with a key, by name (the admin user the payload creates). */
  sshUsers: string[];
}

type Dict = Record<string, unknown>;

function isDict(v: unknown): v is Dict {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** cloud-init reads YAML with PyYAML, i.e. YAML 1.1 (unquoted 0644 is octal, `on` is true). */
function parseYaml(text: string, what: string): unknown {
  try {
    return parse(text, { version: "1.1" });
  } catch (e) {
    throw new Error(`${what}: invalid YAML: ${(e as Error).message}`);
  }
}

function scalarString(v: unknown, what: string): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw new Error(`${what}: expected a scalar, got ${JSON.stringify(v)}`);
}

/** Network CIDR holding `cidr`, e.g. 192.168.56.11/24 -> 192.168.56.0/24. */
export function subnetOf(cidr: string): string {
  if (!ipaddr.isValidCIDR(cidr)) throw new Error(`not an address/prefix: ${cidr}`);
  const [addr, prefix] = ipaddr.parseCIDR(cidr);
  const net = addr.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return `${net.toString()}/${prefix}`;
}

/** Highest host address of `subnet` not in `used`: where the labs put their client. */
export function freeAddress(subnet: string, used: string[]): string {
  const [net, prefix] = ipaddr.IPv4.parseCIDR(subnet);
  const base = net.toByteArray().reduce((a, b) => a * 256 + b, 0);
  const size = 2 ** (32 - prefix);
  const usedSet = new Set(used);
  for (let off = size - 2; off >= 1; off--) {
    const n = base + off;
    const addr = [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
    if (!usedSet.has(addr)) return `${addr}/${prefix}`;
  }
  throw new Error(`no free address left in ${subnet}`);
}

export function parseNics(networkConfig: string): LabNic[] {
  let doc = parseYaml(networkConfig, "network-config");
  // Accept both the bare v2 document and the `network:`-wrapped form.
  if (isDict(doc) && isDict(doc.network)) doc = doc.network;
  if (!isDict(doc)) throw new Error("network-config: not a mapping");
  if (doc.version !== 2) throw new Error(`network-config: version must be 2, got ${String(doc.version)}`);
  const ethernets = doc.ethernets;
  if (!isDict(ethernets)) throw new Error("network-config: no ethernets mapping");

  return Object.entries(ethernets).map(([key, raw]): LabNic => {
    if (!isDict(raw)) throw new Error(`network-config: ethernets.${key} is not a mapping`);
    const name = raw["set-name"] === undefined ? key : scalarString(raw["set-name"], `ethernets.${key}.set-name`);
    if (name.length > 15) throw new Error(`network-config: interface name ${name} is longer than 15 characters`);
    const match = raw.match;
    const mac = isDict(match) && typeof match.macaddress === "string" ? match.macaddress.toLowerCase() : undefined;
    if (!mac || !/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(mac)) {
      throw new Error(`network-config: ethernets.${key} has no valid match.macaddress`);
    }
    const addresses = raw.addresses;
    if (!Array.isArray(addresses) || addresses.length === 0) {
      throw new Error(`network-config: ethernets.${key} has no addresses (the labs need static addresses)`);
    }
    const cidrs = addresses.map((a, i) => {
      const s = scalarString(a, `ethernets.${key}.addresses[${i}]`);
      if (!ipaddr.isValidCIDR(s)) throw new Error(`network-config: ethernets.${key}: ${s} is not address/prefix`);
      return s;
    });
    let gateway: string | undefined;
    if (Array.isArray(raw.routes)) {
      for (const r of raw.routes) {
        if (isDict(r) && (r.to === "default" || r.to === "0.0.0.0/0" || r.to === "::/0") && typeof r.via === "string") {
          gateway = r.via;
          break;
        }
      }
    }
    if (gateway === undefined && typeof raw.gateway4 === "string") gateway = raw.gateway4;
    if (gateway !== undefined && !ipaddr.isValid(gateway)) {
      throw new Error(`network-config: ethernets.${key}: gateway ${gateway} is not an address`);
    }
    const nic: LabNic = { name, mac, addresses: cidrs, subnet: subnetOf(cidrs[0]) };
    if (gateway !== undefined) nic.gateway = gateway;
    return nic;
  });
}

function parseFile(raw: unknown, i: number): CloudConfigFile {
  if (!isDict(raw)) throw new Error(`user-data: write_files[${i}] is not a mapping`);
  if (typeof raw.path !== "string" || !raw.path.startsWith("/")) {
    throw new Error(`user-data: write_files[${i}] needs an absolute path`);
  }
  let content = raw.content === undefined ? "" : scalarString(raw.content, `write_files[${i}].content`);
  const encoding = raw.encoding === undefined ? "text/plain" : scalarString(raw.encoding, `write_files[${i}].encoding`);
  if (["b64", "base64"].includes(encoding)) content = Buffer.from(content, "base64").toString("utf8");
  else if (encoding !== "text/plain") throw new Error(`user-data: write_files[${i}] (${raw.path}): encoding ${encoding} not supported`);
  // YAML 1.1 turns an unquoted 0644 into the number 420.
  let permissions = "0644";
  if (typeof raw.permissions === "number") permissions = "0" + raw.permissions.toString(8);
  else if (typeof raw.permissions === "string") permissions = raw.permissions;
  if (!/^0?[0-7]{3,4}$/.test(permissions)) {
    throw new Error(`user-data: write_files[${i}] (${raw.path}): bad permissions ${String(raw.permissions)}`);
  }
  if (permissions.length === 3) permissions = "0" + permissions;
  const owner = raw.owner === undefined ? "root:root" : scalarString(raw.owner, `write_files[${i}].owner`);
  return { path: raw.path, content, permissions, owner, defer: raw.defer === true };
}

export function parseCloudConfig(userData: string): ParsedCloudConfig {
  if (!userData.startsWith("#cloud-config")) throw new Error("user-data: must start with #cloud-config");
  const doc = parseYaml(userData, "user-data");
  if (!isDict(doc)) throw new Error("user-data: not a mapping");
  if (typeof doc.hostname !== "string" || doc.hostname === "") throw new Error("user-data: no hostname");

  const writeFiles = doc.write_files ?? [];
  if (!Array.isArray(writeFiles)) throw new Error("user-data: write_files is not a list");
  const files = writeFiles.map(parseFile);

  const rawRuncmd = doc.runcmd ?? [];
  if (!Array.isArray(rawRuncmd)) throw new Error("user-data: runcmd is not a list");
  const runcmd = rawRuncmd.map((item, i): string[] => {
    if (typeof item === "string") return ["sh", "-c", item];
    if (Array.isArray(item) && item.length > 0) return item.map((a, j) => scalarString(a, `runcmd[${i}][${j}]`));
    throw new Error(`user-data: runcmd[${i}] must be a string or a non-empty list`);
  });

  const rawPackages = doc.packages ?? [];
  if (!Array.isArray(rawPackages)) throw new Error("user-data: packages is not a list");
  // cloud-init also accepts [name, version] pairs.
  const packages = rawPackages.map((p, i) =>
    Array.isArray(p) ? scalarString(p[0], `packages[${i}][0]`) : scalarString(p, `packages[${i}]`),
  );

  const users = Array.isArray(doc.users) ? doc.users : [];
  const sshUsers = users
    .filter((u): u is Dict => isDict(u) && typeof u.name === "string" && Array.isArray(u.ssh_authorized_keys))
    .map((u) => u.name as string);

  return { hostname: doc.hostname, files, runcmd, packages, sshUsers };
}

export interface ApplyValues {
  /** Public key for var.ssh_public_key; the reference is an error without it. */
  readonly sshPublicKey?: string;
  /** Value for every random_password result (the Heartbeat authkeys secret); a fresh labSecret() when omitted. */
  readonly authkeySecret?: string;
}

/** A fresh secret, as random_password (letters and digits, 40 characters) would make. */
export function labSecret(): string {
  return randomBytes(30)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .padEnd(40, "0")
    .slice(0, 40);
}

/**
 * The lab's one Terraform-reference filler: `nodes`' documents as `terraform apply` would pass them,
 * with one secret for every random_password (as one apply makes). Throws on any reference left.
 */
export function applyValues(nodes: readonly LabNode[], values: ApplyValues): LabNode[] {
  const fills: [RegExp, string][] = [[/^random_password\.[A-Za-z0-9_-]+\.result$/, values.authkeySecret ?? labSecret()]];
  if (values.sshPublicKey !== undefined) fills.push([/^var\.ssh_public_key$/, values.sshPublicKey]);
  const resolve = (text: string) => resolveTerraformText(text, fills);
  return nodes.map((node) => ({
    hostname: node.hostname,
    userData: resolve(node.userData),
    metaData: resolve(node.metaData),
    networkConfig: resolve(node.networkConfig),
  }));
}

/** One segment (bridge) per distinct subnet, listing the nodes with a NIC in it, in input order. */
export function segmentsOf(nodes: LabNode[]): Map<string, { nodes: string[] }> {
  const segments = new Map<string, { nodes: string[] }>();
  for (const node of nodes) {
    for (const nic of parseNics(node.networkConfig)) {
      const seg = segments.get(nic.subnet) ?? { nodes: [] };
      if (!seg.nodes.includes(node.hostname)) seg.nodes.push(node.hostname);
      segments.set(nic.subnet, seg);
    }
  }
  return segments;
}

/**
 * A node from a directory holding the three NoCloud files `user-data`,
 * `meta-data` and `network-config`; the hostname is meta-data's local-hostname.
 */
export function readLabNodeDir(dir: string): LabNode {
  const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
  const metaData = read("meta-data");
  const meta = parse(metaData) as Record<string, unknown> | null;
  const hostname = meta?.["local-hostname"];
  if (typeof hostname !== "string" || hostname === "") throw new Error(`${dir}/meta-data: no local-hostname`);
  return { hostname, userData: read("user-data"), metaData, networkConfig: read("network-config") };
}
