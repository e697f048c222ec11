/**
 * The direct-routing topology of the VM lab (IPVS_DR_STACK: one director, web1..web3 on the VIP's
 * segment, `forwarding: "gatewaying"`): the rules use -g, the real servers hold the VIP on lo and
 * leave ARP for it to the director, rr stays even, and the director sees only the inbound half of
 * each connection. acceptance.ts boots the guests and calls ipvsDrScenarios() with its runner.
 */
import { IPVS_DR } from "../common/ipvs-dr-stack";
import { parseCloudConfig, type LabNode } from "../common/payload";
import { sleep } from "../common/proc";
import type { ScenarioRunner } from "./ipvs-options";
import { check, now } from "./check";
import type { VmLab } from "./vm";

const O = IPVS_DR;
const WEBS: string[] = O.webServers.map((w) => w.name);
const LB = O.director.name;
const VIP_URL = `http://${O.vip}:${O.port}/`;
/** The issue's count for rr evenness. */
const RR_REQUESTS = 3000;
/** Requests of the packet-count run. */
const COUNTED_REQUESTS = 300;
/**
 * IPVS folds its per-CPU counters into what `ipvsadm -Z` zeroes and `--stats` prints only in its
 * estimator, every 2 s: wait that long before zeroing and before reading, or the previous scenario's
 * last requests count here (a first run printed 490 connections for 300 requests).
 */
const ESTIMATOR_S = 3;
/** Bound on the boot's ipvsadm init script having restored the rules after cloud-init finished. */
const RULES_LIMIT_S = 120;

const sortedLines = (text: string) => text.split("\n").filter(Boolean).sort().join("\n");

/**
 * `count` requests through one curl process, one TCP connection each (`Connection: close`); per
 * request the host that answered and the bytes the client received (headers + body).
 */
async function requests(lab: VmLab, count: number): Promise<{ hosts: string[]; bytes: number; seconds: number }> {
  const t0 = now();
  const r = await lab.client(
    [
      "curl",
      "-s",
      "--max-time",
      "30",
      "-H",
      "Connection: close",
      "-w",
      "\n<end %{size_header} %{size_download}/>\n",
      `${VIP_URL}?[1-${count}]`,
    ],
    count * 30_000,
  );
  const seconds = now() - t0;
  const hosts: string[] = [];
  let bytes = 0;
  for (const m of r.stdout.matchAll(/([\s\S]*?)\n<end (\d+) (\d+)\/>\n/g)) {
    hosts.push(/<h1>(.*?)<\/h1>/.exec(m[1])?.[1] ?? "failed");
    bytes += Number(m[2]) + Number(m[3]);
  }
  return { hosts, bytes, seconds };
}

function countHosts(hosts: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const host of hosts) counts[host] = (counts[host] ?? 0) + 1;
  return counts;
}

/** The service's line of `ipvsadm -Ln --stats --exact`: Conns InPkts OutPkts InBytes OutBytes. */
async function serviceStats(lab: VmLab): Promise<{ conns: number; inPkts: number; outPkts: number; inBytes: number; outBytes: number }> {
  const out = await lab.execOk(LB, "ipvsadm -Ln --stats --exact");
  const line = out.split("\n").find((l) => l.startsWith(`TCP  ${O.vip}:${O.port} `));
  check(line !== undefined, `no stats line for ${O.vip}:${O.port} on ${LB}:\n${out}`);
  const [conns, inPkts, outPkts, inBytes, outBytes] = line!.trim().split(/\s+/).slice(2).map(Number);
  return { conns, inPkts, outPkts, inBytes, outBytes };
}

/** The director's public NIC counters (rx/tx packets and bytes). */
async function nicCounters(lab: VmLab, nic: string): Promise<Record<string, number>> {
  const names = ["rx_packets", "tx_packets", "rx_bytes", "tx_bytes"];
  const out = await lab.execOk(LB, names.map((n) => `cat /sys/class/net/${nic}/statistics/${n}`).join("; "));
  const values = out.split("\n").filter(Boolean).map(Number);
  return Object.fromEntries(names.map((n, i) => [n, values[i]]));
}

export async function ipvsDrScenarios(lab: VmLab, nodes: readonly LabNode[], run: ScenarioRunner): Promise<void> {
  const directorNode = nodes.find((n) => n.hostname === LB);
  if (!directorNode) throw new Error(`the ipvs-dr stack has no ${LB}`);
  const declared = parseCloudConfig(directorNode.userData).files.find((f) => f.path === "/etc/ipvsadm.rules")?.content;
  if (declared === undefined) throw new Error(`${LB}: the payload writes no /etc/ipvsadm.rules`);

  await run("vm.ipvs-dr.rr", `10 ipvs-dr: -g rules, VIP on the real servers' lo, ${RR_REQUESTS} requests rr over web1..web3`, async () => {
    const t0 = now();
    for (;;) {
      const live = await lab.execOk(LB, "ipvsadm-save -n");
      if (sortedLines(live) === sortedLines(declared)) break;
      check(now() - t0 < RULES_LIMIT_S, `ipvsadm-save -n on ${LB} differs from the payload's rules:\n${live || "(no rules)"}`);
      await sleep(3000);
    }
    check(/ -g /.test(declared) && !/ -m /.test(declared), `the rules do not direct-route:\n${declared}`);
    const facts: string[] = [];
    for (const web of WEBS) {
      const lo = await lab.execOk(web, "ip -o -4 addr show dev lo");
      check(lo.includes(` ${O.vip}/32 `), `${web}: the VIP is not on lo:\n${lo}`);
      const arp = (await lab.execOk(web, "sysctl -n net.ipv4.conf.all.arp_ignore net.ipv4.conf.all.arp_announce")).split("\n");
      check(arp[0] === "1" && arp[1] === "2", `${web}: arp_ignore/arp_announce are ${arp.join("/")}, want 1/2`);
      const route = (await lab.execOk(web, "ip -4 route show default")).trim().replace(/ (proto|onlink|metric).*$/, "");
      check(route.startsWith("default via 192.168.56.1 "), `${web}: default route '${route}', want the public gateway`);
      facts.push(`${web}: ${O.vip}/32 on lo, arp 1/2, ${route}`);
    }
    const { hosts, seconds } = await requests(lab, RR_REQUESTS);
    const counts = countHosts(hosts);
    const values = WEBS.map((w) => counts[w] ?? 0);
    const figures = `${WEBS.map((w) => `${w} ${counts[w] ?? 0}`).join(", ")}; max - min ${Math.max(...values) - Math.min(...values)}; ${(RR_REQUESTS / seconds).toFixed(0)} req/s`;
    check(
      hosts.length === RR_REQUESTS && values.reduce((a, b) => a + b, 0) === RR_REQUESTS,
      `lost or foreign pages: ${JSON.stringify(counts)}`,
    );
    check(Math.max(...values) - Math.min(...values) <= 1, `uneven: ${figures}`);
    // Only the director answers ARP for the VIP: the client's neighbour entry is the director's MAC.
    const lbMac = (await lab.execOk(LB, "cat /sys/class/net/public/address")).trim();
    const neigh = (await lab.client(["ip", "neigh", "show", O.vip])).stdout.trim();
    check(neigh.includes(`lladdr ${lbMac}`), `the client reaches the VIP at '${neigh}', not at ${LB}'s ${lbMac}`);
    // On qemu the generated rulesets are loaded, so the pages above went through them; UML cannot load them.
    const filtered: string[] = [];
    for (const host of [LB, ...WEBS]) {
      if ((await lab.exec(host, "nft list tables 2>/dev/null | grep -qx 'table inet filter'")).code === 0) filtered.push(host);
    }
    const firewall =
      filtered.length > 0
        ? `nftables rulesets loaded on ${filtered.join(", ")}`
        : `no nftables ruleset loaded (${lab.tier} kernel: NOT PROVEN)`;
    return {
      figures,
      detail: `ipvsadm-save -n matches the payload (-g); ${facts.join("; ")}; client's ARP for the VIP: ${LB} (${lbMac}); ${firewall}`,
    };
  });

  await run(
    "vm.ipvs-dr.inbound-only",
    `11 ipvs-dr: the director sees only the inbound packets (${COUNTED_REQUESTS} requests)`,
    async () => {
      await sleep(ESTIMATOR_S * 1000);
      await lab.execOk(LB, "ipvsadm -Z");
      const nicBefore = await nicCounters(lab, "public");
      const { hosts, bytes } = await requests(lab, COUNTED_REQUESTS);
      await sleep(ESTIMATOR_S * 1000);
      const stats = await serviceStats(lab);
      const nicAfter = await nicCounters(lab, "public");
      const d = (k: string) => nicAfter[k] - nicBefore[k];
      const served = hosts.filter((h) => WEBS.includes(h)).length;
      const figures =
        `IPVS: conns ${stats.conns}, InPkts ${stats.inPkts}, OutPkts ${stats.outPkts}, InBytes ${stats.inBytes}, OutBytes ${stats.outBytes}; ` +
        `client received ${bytes} B of responses; ${LB} public NIC: rx ${d("rx_packets")} pkts/${d("rx_bytes")} B, tx ${d("tx_packets")} pkts/${d("tx_bytes")} B`;
      check(served === COUNTED_REQUESTS, `${served}/${COUNTED_REQUESTS} pages came back: ${JSON.stringify(countHosts(hosts))}`);
      check(stats.conns >= COUNTED_REQUESTS, `IPVS counted ${stats.conns} connections for ${COUNTED_REQUESTS} requests: ${figures}`);
      // A connection is at least SYN, ACK + request, ACK of the reply's FIN: 3 inbound packets.
      check(stats.inPkts >= 3 * COUNTED_REQUESTS, `fewer inbound packets than ${3 * COUNTED_REQUESTS}: ${figures}`);
      check(stats.outPkts === 0 && stats.outBytes === 0, `replies passed the director: ${figures}`);
      return {
        figures,
        detail: `${served}/${COUNTED_REQUESTS} pages; OutPkts 0: no reply went through ${LB} (NAT counts every reply there)`,
      };
    },
  );
}
