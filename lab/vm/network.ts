/**
 * The VM lab's network, inside one private namespace: one bridge per subnet of the payloads (no
 * STP, no forward delay, no multicast snooping: Heartbeat may use bcast/mcast), the test client as
 * an address on each bridge it should reach, and one tap per guest NIC on its subnet's bridge.
 */
import { freeAddress, type LabNic, type LabNode } from "../common/payload";
import { runSync } from "../common/proc";

/** `ip -n netns ...`, throwing on failure. */
export function ipn(netns: string, ...args: string[]): void {
  runSync(["ip", "-n", netns, ...args]);
}

/**
 * subnet -> the client's address (CIDR) there, for each IPv4 subnet in `wanted` (default: all):
 * the highest host address no payload names.
 */
export function clientAddressesFor(
  nodes: readonly LabNode[],
  subnets: readonly string[],
  wanted?: readonly string[],
): Record<string, string> {
  const used = new Set<string>();
  for (const n of nodes) {
    for (const text of [n.userData, n.networkConfig]) {
      for (const m of text.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)) used.add(m[0]);
    }
  }
  const addresses: Record<string, string> = {};
  for (const s of (wanted ?? subnets).filter((s) => subnets.includes(s) && !s.includes(":"))) addresses[s] = freeAddress(s, [...used]);
  return addresses;
}

/** Creates the namespace and its bridges, with the client's addresses; returns subnet -> bridge. */
export function createNetwork(netns: string, subnets: readonly string[], clientAddresses: Record<string, string>): Map<string, string> {
  runSync(["ip", "netns", "add", netns]);
  ipn(netns, "link", "set", "lo", "up");
  const bridgeOf = new Map<string, string>();
  subnets.forEach((s, i) => {
    const br = `hvbr${i}`;
    bridgeOf.set(s, br);
    ipn(netns, "link", "add", br, "type", "bridge", "stp_state", "0", "forward_delay", "0", "mcast_snooping", "0");
    ipn(netns, "link", "set", br, "up");
    if (clientAddresses[s]) ipn(netns, "addr", "add", clientAddresses[s], "dev", br);
  });
  return bridgeOf;
}

export interface Tap {
  readonly nic: LabNic;
  readonly tap: string;
}

/** One tap per NIC of guest number `index`, up, on its subnet's bridge. */
export function addTaps(netns: string, index: number, nics: readonly LabNic[], bridgeOf: Map<string, string>): Tap[] {
  const taps = nics.map((nic, ni) => ({ nic, tap: `hv${index}n${ni}` }));
  for (const { nic, tap } of taps) {
    ipn(netns, "tuntap", "add", "dev", tap, "mode", "tap");
    ipn(netns, "link", "set", tap, "master", bridgeOf.get(nic.subnet)!);
    ipn(netns, "link", "set", tap, "up");
  }
  return taps;
}
