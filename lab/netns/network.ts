/**
 * The lab's virtual switches: one bridge per subnet, all inside the dedicated
 * netns `hal-ns-lab`, so the host's own network namespace is never touched.
 */
import * as ipaddr from "ipaddr.js";
import type { LabNic } from "../common/payload";
import { run } from "../common/proc";
import type { LabResources } from "./resources";

export const LAB_NS = "hal-ns-lab";
export const CLIENT_NS = "hal-ns-client";
/** The upstream router: the outside world at the public segment's gateway address (ping node, SMTP relay). */
export const ROUTER_NS = "hal-ns-router";
const IFNAMSIZ = 15;

const ip = (...args: string[]) => run(["ip", ...args], { timeoutMs: 10_000 });

export interface Port {
  node: string;
  nic: LabNic;
  /** The veth end plugged into the bridge, in the lab netns. */
  hostIf: string;
}

export class LabNetwork {
  /** subnet -> bridge name */
  readonly bridges = new Map<string, string>();
  readonly ports: Port[] = [];

  constructor(private readonly res: LabResources) {}

  /** `segments`: subnet -> interface name that nodes use on it (for readable bridge names). */
  async create(segments: Map<string, string>): Promise<void> {
    await addNetns(this.res, LAB_NS);
    await ip("-n", LAB_NS, "link", "set", "lo", "up");
    let i = 0;
    for (const [subnet, nicName] of segments) {
      let name = `hal-br-${nicName}`.slice(0, IFNAMSIZ);
      if ([...this.bridges.values()].includes(name)) name = `hal-br${i}`;
      // STP off: ports forward at once, as an unmanaged switch would.
      await ip("-n", LAB_NS, "link", "add", name, "type", "bridge", "stp_state", "0", "forward_delay", "0");
      await ip("-n", LAB_NS, "link", "set", name, "up");
      this.bridges.set(subnet, name);
      i++;
    }
  }

  /** Veth name on the bridge side for a node's NIC, unique and at most 15 characters. */
  private portName(node: string, nodeIndex: number, nic: LabNic, nicIndex: number): string {
    const taken = new Set(this.ports.map((p) => p.hostIf));
    const readable = `hal-${node}-${nic.name.slice(0, 3)}`;
    if (readable.length <= IFNAMSIZ && !taken.has(readable)) return readable;
    return `hal-n${nodeIndex}-${nicIndex}`;
  }

  /**
   * Plugs a node's NICs in: the node end is created with a scratch name and the
   * network-config MAC, then found by that MAC and renamed, as cloud-init's
   * `match: macaddress` + `set-name` does; then addresses (with broadcast) and routes.
   */
  async plugNode(nodeNs: string, node: string, nodeIndex: number, nics: LabNic[]): Promise<void> {
    for (const [i, nic] of nics.entries()) {
      const bridge = this.bridges.get(nic.subnet);
      if (!bridge) throw new Error(`no segment for ${nic.subnet}`);
      const existing = this.ports.find((p) => p.node === node && p.nic.name === nic.name);
      const hostIf = existing?.hostIf ?? this.portName(node, nodeIndex, nic, i);
      const scratch = `hal-new${i}`;
      await ip("-n", LAB_NS, "link", "add", hostIf, "type", "veth", "peer", "name", scratch, "address", nic.mac, "netns", nodeNs);
      await ip("-n", LAB_NS, "link", "set", hostIf, "master", bridge);
      await ip("-n", LAB_NS, "link", "set", hostIf, "up");
      if (!existing) this.ports.push({ node, nic, hostIf });
    }
    const links = JSON.parse((await ip("-j", "-n", nodeNs, "link", "show")).stdout) as { ifname: string; address?: string }[];
    for (const nic of nics) {
      const link = links.find((l) => l.address?.toLowerCase() === nic.mac);
      if (!link) throw new Error(`${node}: no interface with MAC ${nic.mac}`);
      if (link.ifname !== nic.name) await ip("-n", nodeNs, "link", "set", "dev", link.ifname, "name", nic.name);
      await ip("-n", nodeNs, "link", "set", "dev", nic.name, "up");
      for (const cidr of nic.addresses) {
        // Without a broadcast address Heartbeat's bcast medium never delivers.
        const brd = ipaddr.parseCIDR(cidr)[0].kind() === "ipv4" ? ["brd", "+"] : [];
        await ip("-n", nodeNs, "addr", "add", cidr, ...brd, "dev", nic.name);
      }
      if (nic.gateway) await ip("-n", nodeNs, "route", "add", "default", "via", nic.gateway, "dev", nic.name);
    }
  }

  /** The client: its own netns on one segment, nothing else reachable from it. */
  async createClient(subnet: string, cidr: string): Promise<void> {
    await this.attachHost(CLIENT_NS, "hal-client", subnet, cidr);
    // Keep ARP entries like a router does (minutes to hours) instead of Linux's
    // 15-45 s, so a VIP move that is not announced by gratuitous ARP shows up
    // as an outage instead of healing by chance.
    await run(["ip", "netns", "exec", CLIENT_NS, "sysctl", "-q", "-w", "net.ipv4.neigh.eth0.base_reachable_time_ms=3600000"], {
      timeoutMs: 10_000,
    });
  }

  /**
   * The upstream router: its own netns on the gateway's segment, holding the gateway address that
   * the nodes' default route (network-config) points at. Nothing lies beyond it: traffic stays here.
   */
  async createRouter(subnet: string, cidr: string): Promise<void> {
    await this.attachHost(ROUTER_NS, "hal-router", subnet, cidr);
  }

  /** A namespace of its own with one NIC (eth0, `cidr`) on the segment's bridge, through veth `port`. */
  private async attachHost(ns: string, port: string, subnet: string, cidr: string): Promise<void> {
    const bridge = this.bridges.get(subnet);
    if (!bridge) throw new Error(`no segment for ${subnet}`);
    await addNetns(this.res, ns);
    await ip("-n", LAB_NS, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
    await ip("-n", LAB_NS, "link", "set", port, "master", bridge);
    await ip("-n", LAB_NS, "link", "set", port, "up");
    await ip("-n", ns, "link", "set", "lo", "up");
    await ip("-n", ns, "link", "set", "eth0", "up");
    await ip("-n", ns, "addr", "add", cidr, "brd", "+", "dev", "eth0");
  }

  /**
   * Cuts (or restores) one node's link to the router: the router drops every IP packet from the
   * node's MAC (ARP still passes, as on a link whose upstream port filters), so pings from it go
   * unanswered while the node's other paths stay as they are.
   */
  async cutFromRouter(mac: string, on: boolean): Promise<void> {
    const nft = (script: string) => run(["ip", "netns", "exec", ROUTER_NS, "nft", "-f", "-"], { input: script, timeoutMs: 10_000 });
    if (on) {
      await nft(`table inet hal_cut {\n chain input { type filter hook input priority 0; ether saddr ${mac} drop; }\n}\n`);
    } else {
      await nft("delete table inet hal_cut\n");
    }
  }

  /**
   * Cuts (or restores) the node-to-node path on the given segments without
   * touching carrier or the client: isolated bridge ports cannot reach each
   * other but still reach non-isolated ones.
   */
  async isolate(subnets: string[], on: boolean): Promise<void> {
    for (const p of this.ports.filter((q) => subnets.includes(q.nic.subnet))) {
      await run(["bridge", "-n", LAB_NS, "link", "set", "dev", p.hostIf, "isolated", on ? "on" : "off"], { timeoutMs: 10_000 });
    }
  }
}

export async function addNetns(res: LabResources, name: string): Promise<void> {
  await ip("netns", "add", name);
  res.addNetns(name);
}

export async function deleteNetns(res: LabResources, name: string): Promise<void> {
  await ip("netns", "delete", name);
  res.dropNetns(name);
}
