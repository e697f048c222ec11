import * as ipaddr from "ipaddr.js";

/** An IPv4 interface address with its prefix, such as `192.168.56.11/24`. */
export interface Ipv4Cidr {
  readonly address: string;
  readonly prefix: number;
}

/** True for a dotted-quad IPv4 address such as `192.168.56.10` (no shorthand, no prefix). */
export function isIpv4(value: unknown): value is string {
  return typeof value === "string" && ipaddr.IPv4.isValidFourPartDecimal(value);
}

/** Parses `a.b.c.d/nn`; returns undefined when it is not an IPv4 CIDR. */
export function parseIpv4Cidr(value: unknown): Ipv4Cidr | undefined {
  if (typeof value !== "string") return undefined;
  const [address, prefixText, ...rest] = value.split("/");
  if (rest.length > 0 || !isIpv4(address) || prefixText === undefined || !/^\d{1,2}$/.test(prefixText)) {
    return undefined;
  }
  const prefix = Number(prefixText);
  return prefix >= 1 && prefix <= 32 ? { address, prefix } : undefined;
}

export function formatCidr(cidr: Ipv4Cidr): string {
  return `${cidr.address}/${cidr.prefix}`;
}

/** The network of an interface address: `192.168.56.11/24` gives `192.168.56.0/24`. */
export function networkOf(cidr: Ipv4Cidr): string {
  const network = ipaddr.IPv4.networkAddressFromCIDR(formatCidr(cidr));
  return `${network.toString()}/${cidr.prefix}`;
}

/** True when `address` lies inside the network of `cidr`. */
export function inSubnet(address: string, cidr: Ipv4Cidr): boolean {
  return ipaddr.IPv4.parse(address).match(ipaddr.IPv4.parse(cidr.address), cidr.prefix);
}

/** True for the network or broadcast address of the subnet, which no host may use. */
export function isNetworkOrBroadcast(address: string, cidr: Ipv4Cidr): boolean {
  if (cidr.prefix >= 31) return false;
  const text = formatCidr({ address, prefix: cidr.prefix });
  return (
    ipaddr.IPv4.networkAddressFromCIDR(text).toString() === address || ipaddr.IPv4.broadcastAddressFromCIDR(text).toString() === address
  );
}

/** Numeric value of an IPv4 address, for sorting. */
export function ipv4ToNumber(address: string): number {
  return ipaddr.IPv4.parse(address)
    .toByteArray()
    .reduce((n, byte) => n * 256 + byte, 0);
}
