/**
 * What the client hears about the VIP: an nftables counter in the client's namespace for each node's
 * MAC announcing the VIP (ARP with the VIP as sender address, gratuitous or a reply), and the client's
 * own neighbour entry. Used by the split-brain scenarios to tell who announces the VIP after a cut.
 */
import { run } from "../common/proc";
import { CLIENT_NS } from "./network";

const TABLE = "hal_garp";
const nft = (...args: string[]) => run(["ip", "netns", "exec", CLIENT_NS, "nft", ...args], { timeoutMs: 10_000 });

export class ClientArpWatch {
  private installed = false;

  /** `macs`: node name -> the MAC of its NIC on the VIP's segment. */
  constructor(
    private readonly vip: string,
    private readonly macs: ReadonlyMap<string, string>,
  ) {}

  /** Adds the table once; it lives and dies with the client's namespace. */
  private async install(): Promise<void> {
    if (this.installed) return;
    await nft("add", "table", "arp", TABLE);
    await nft("add", "chain", "arp", TABLE, "in", "{ type filter hook input priority 0; policy accept; }");
    for (const [node, mac] of this.macs) {
      await nft(
        "add",
        "rule",
        "arp",
        TABLE,
        "in",
        "arp",
        "saddr",
        "ip",
        this.vip,
        "arp",
        "saddr",
        "ether",
        mac,
        "counter",
        "comment",
        `"${node}"`,
      );
    }
    this.installed = true;
  }

  /** ARP packets that announced the VIP so far, per node. */
  async counts(): Promise<Map<string, number>> {
    await this.install();
    const text = (await nft("list", "chain", "arp", TABLE, "in")).stdout;
    const counts = new Map<string, number>();
    for (const m of text.matchAll(/counter packets (\d+) bytes \d+ comment "([^"]+)"/g)) counts.set(m[2], Number(m[1]));
    for (const node of this.macs.keys()) if (!counts.has(node)) throw new Error(`no ARP counter for ${node} in the client's ${TABLE}`);
    return counts;
  }

  /** Packets per node between two readings of counts(). */
  static delta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
    return new Map([...after].map(([node, n]) => [node, n - (before.get(node) ?? 0)]));
  }

  static describe(counts: Map<string, number>): string {
    return [...counts].map(([node, n]) => `${node} ${n}`).join(", ");
  }

  /** The MAC the client sends VIP traffic to, if it has an entry. */
  async clientMac(): Promise<string | undefined> {
    const r = await run(["ip", "-n", CLIENT_NS, "neigh", "show", this.vip], { allowFail: true, timeoutMs: 5000 });
    return /lladdr (\S+)/.exec(r.stdout)?.[1]?.toLowerCase();
  }

  /** The node whose MAC the client's entry names, or the MAC itself when it is no node's, or undefined. */
  async clientNode(): Promise<string | undefined> {
    const mac = await this.clientMac();
    if (mac === undefined) return undefined;
    return [...this.macs].find(([, m]) => m === mac)?.[0] ?? mac;
  }
}
