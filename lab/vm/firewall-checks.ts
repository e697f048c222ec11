/**
 * The directors' and real servers' nftables rulesets, proven from the client's side on the booted
 * guests (issue 10): the service answers through the VIP; a real server's sshd does not answer a
 * client that routes the private subnet through a director; a director's heartbeat port refuses the
 * client; a real server reaches the client's public address through the director's SNAT; IPVS NAT
 * replies are never masqueraded; rp_filter is strict and ICMP redirects are off. Each check counts
 * on the named rules of the generated ruleset (`comment "input: not allowed"`), read with `nft -j`.
 */
import { spawn } from "child_process";
import { sleep } from "../common/proc";
import type { VmLab } from "./vm";

export class FirewallCheckFailed extends Error {}

function check(condition: boolean, message: string): void {
  if (!condition) throw new FirewallCheckFailed(message);
}

interface NftRule {
  readonly comment?: string;
  readonly expr?: readonly Record<string, { packets?: number } | unknown>[];
}

/** Packets counted so far by the rule carrying `comment`, on `host`. */
export async function ruleCount(lab: VmLab, host: string, comment: string): Promise<number> {
  const json = JSON.parse(await lab.execOk(host, "nft -j list ruleset")) as { nftables: { rule?: NftRule }[] };
  const rule = json.nftables.flatMap((item) => (item.rule ? [item.rule] : [])).find((r) => r.comment === comment);
  if (!rule) throw new FirewallCheckFailed(`${host}: no rule "${comment}" in the live ruleset (nft list ruleset)`);
  for (const expr of rule.expr ?? []) {
    const counter = (expr as { counter?: { packets: number } }).counter;
    if (counter) return counter.packets;
  }
  throw new FirewallCheckFailed(`${host}: the rule "${comment}" has no counter`);
}

/** `sysctl -n` of each key on `host`. */
async function sysctls(lab: VmLab, host: string, keys: readonly string[]): Promise<Record<string, string>> {
  const out = await lab.execOk(host, `sysctl -n ${keys.join(" ")}`);
  const values = out.trim().split("\n");
  return Object.fromEntries(keys.map((k, i) => [k, values[i]?.trim() ?? ""]));
}

/** The kernel state the director's payload asked for: the unit enabled, strict rp_filter, no redirects, IPVS untracked. */
async function directorKernel(lab: VmLab, director: string): Promise<string> {
  const enabled = (await lab.exec(director, "systemctl is-enabled nftables.service")).stdout.trim();
  check(
    enabled === "enabled",
    `${director}: nftables.service is ${enabled || "unknown"}, not enabled (the ruleset would be gone after a reboot)`,
  );
  const keys = [
    "net.ipv4.ip_forward",
    "net.ipv4.conf.all.rp_filter",
    "net.ipv4.conf.public.rp_filter",
    "net.ipv4.conf.private.rp_filter",
    "net.ipv4.conf.all.send_redirects",
    "net.ipv4.conf.public.send_redirects",
    "net.ipv4.conf.private.send_redirects",
    "net.ipv4.vs.conntrack",
  ];
  const want: Record<string, string> = { "net.ipv4.ip_forward": "1", "net.ipv4.vs.conntrack": "0" };
  const values = await sysctls(lab, director, keys);
  for (const key of keys) {
    const expected = want[key] ?? (key.endsWith("rp_filter") ? "1" : "0");
    check(values[key] === expected, `${director}: ${key} = ${values[key]}, expected ${expected}`);
  }
  return "nftables enabled, rp_filter 1 (all, public, private), send_redirects 0, ip_forward 1, vs.conntrack 0";
}

/** Reads the banner of host:port from the client, or "" after `seconds`: a TCP connect that does or does not answer. */
async function banner(lab: VmLab, address: string, port: number, seconds: number): Promise<string> {
  const r = await lab.client(
    ["timeout", String(seconds), "bash", "-c", `exec 3<>/dev/tcp/${address}/${port} && head -c 7 <&3`],
    (seconds + 10) * 1000,
  );
  return r.stdout.trim();
}

/** Sends `count` UDP datagrams from the client to address:port (bash's /dev/udp: no reply is awaited). */
async function sendUdp(lab: VmLab, address: string, port: number, count: number): Promise<void> {
  await lab.client(
    ["bash", "-c", `for i in $(seq 1 ${count}); do echo "hal-fw-probe $i" > /dev/udp/${address}/${port} || true; done`],
    60_000,
  );
}

/** The client's address on a subnet, without its prefix. */
function clientAddress(lab: VmLab, subnet: string): string {
  const cidr = lab.clientAddresses[subnet];
  if (!cidr) throw new Error(`the client has no address on ${subnet}`);
  return cidr.split("/")[0];
}

/**
 * A real server's sshd, reached by the client through the director: the client routes that one
 * address via the director's public address for the check (the lab's own ssh uses the client's
 * private address, which the route leaves alone for every other guest). Without the forward filter
 * the director would route it and web1 answer through the gateway; with it, the director drops it.
 */
async function realServerSshThroughDirector(lab: VmLab, director: string, directorPublic: string, realServer: string, realAddress: string) {
  const direct = await banner(lab, realAddress, 22, 10);
  check(direct.startsWith("SSH-"), `${realServer}'s sshd does not answer the client on the admin network (got "${direct}")`);
  const before = await ruleCount(lab, director, "forward: not allowed");
  const add = await lab.client(["ip", "route", "add", `${realAddress}/32`, "via", directorPublic]);
  check(add.code === 0, `the client could not route ${realAddress} via ${directorPublic}: ${add.stderr.trim()}`);
  let routed: string;
  try {
    routed = await banner(lab, realAddress, 22, 6);
  } finally {
    await lab.client(["ip", "route", "del", `${realAddress}/32`, "via", directorPublic]);
  }
  const dropped = (await ruleCount(lab, director, "forward: not allowed")) - before;
  check(routed === "", `${realServer}'s sshd answered the client through ${director}: "${routed}"`);
  check(dropped >= 1, `${director}'s forward drop rule counted ${dropped} packets for the client's ssh`);
  return `${realServer}:22 via ${director} ${directorPublic}: no answer, ${dropped} packet(s) on "forward: not allowed" (direct from the admin network: ${direct})`;
}

/** A real server's own input filter: UDP to a port it does not serve is dropped and counted. */
async function realServerDrops(lab: VmLab, realServer: string, realAddress: string): Promise<string> {
  const before = await ruleCount(lab, realServer, "input: not allowed");
  await sendUdp(lab, realAddress, 9, 10);
  await sleep(500);
  const dropped = (await ruleCount(lab, realServer, "input: not allowed")) - before;
  check(dropped >= 10, `${realServer} counted ${dropped} of 10 UDP probes to port 9 on "input: not allowed"`);
  return `${realServer}: ${dropped} UDP probes to :9 dropped`;
}

/**
 * SNAT: a real server's own connection to the client's public address goes through the director,
 * which masquerades it. A tiny HTTP listener in the client's namespace answers with the source it
 * sees; it is stopped by its PID.
 */
async function realServerOutbound(lab: VmLab, realServer: string, directorsPublic: readonly string[], publicSubnet: string) {
  const listen = clientAddress(lab, publicSubnet);
  const port = 8089;
  const program = `require("http").createServer((q, s) => s.end(q.socket.remoteAddress + "\\n")).listen(${port}, "${listen}", () => console.log("listening"))`;
  const child = spawn("ip", ["netns", "exec", lab.netns, process.execPath, "-e", program], { stdio: ["ignore", "pipe", "pipe"] });
  try {
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 15_000);
      child.stdout.on("data", (d: Buffer) => {
        if (d.toString().includes("listening")) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.on("exit", () => resolve(false));
    });
    check(ready, `the client's listener on ${listen}:${port} did not start`);
    const seen = (await lab.exec(realServer, `curl -s --max-time 15 http://${listen}:${port}/`, { asRoot: false })).stdout.trim();
    check(
      directorsPublic.includes(seen),
      `${realServer} -> ${listen}:${port}: the client saw "${seen || "no connection"}", not a director's public address (${directorsPublic.join(", ")})`,
    );
    return `${realServer} reached ${listen}:${port}, seen from ${seen}`;
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, "SIGTERM");
  }
}

/** IPVS NAT replies are untracked, so the masquerade rule never counts them: its counter barely moves over `requests` pages. */
async function ipvsRepliesNotMasqueraded(lab: VmLab, director: string, vipUrl: string, requests: number) {
  const before = await ruleCount(lab, director, "snat: private network out");
  const r = await lab.client(
    ["curl", "-s", "--max-time", "30", "-H", "Connection: close", "-o", "/dev/null", "-w", "%{http_code}\\n", `${vipUrl}?[1-${requests}]`],
    requests * 30_000,
  );
  const ok = r.stdout.split("\n").filter((l) => l.trim() === "200").length;
  const counted = (await ruleCount(lab, director, "snat: private network out")) - before;
  check(ok === requests, `${ok}/${requests} pages through the VIP`);
  // Masqueraded replies would count at least one packet per connection.
  check(counted < requests / 2, `the masquerade rule counted ${counted} packets over ${requests} IPVS connections`);
  return `${requests}/${requests} pages through the VIP, masquerade counted ${counted} packet(s) meanwhile`;
}

/** Heartbeat's port on each of the director's heartbeat addresses refuses the client, and counts it. */
async function heartbeatRefusesClient(lab: VmLab, director: string, addresses: readonly string[], udpport: number) {
  const before = await ruleCount(lab, director, "heartbeat: not from the peer");
  for (const address of addresses) await sendUdp(lab, address, udpport, 20);
  await sleep(500);
  const dropped = (await ruleCount(lab, director, "heartbeat: not from the peer")) - before;
  check(dropped >= 20 * addresses.length, `${director} counted ${dropped} of ${20 * addresses.length} client datagrams to udp ${udpport}`);
  return `${director}: ${dropped}/${20 * addresses.length} client datagrams to udp ${udpport} (${addresses.join(", ")}) dropped by "heartbeat: not from the peer"`;
}

export interface FirewallTopology {
  readonly vipUrl: string;
  readonly publicSubnet: string;
  /** The director that holds the VIP now, with its public address. */
  readonly director: { readonly name: string; readonly publicAddress: string };
  readonly directorsPublic: readonly string[];
  readonly realServer: { readonly name: string; readonly address: string };
  /** The director's heartbeat addresses and udpport, for a Heartbeat pair. @default none */
  readonly heartbeat?: { readonly addresses: readonly string[]; readonly udpport: number };
}

/**
 * Whether the guest kernel can hold the ruleset at all. Debian's user-mode Linux 6.1 is built
 * without the ip and inet nf_tables families (CONFIG_NF_TABLES_IPV4, CONFIG_NF_TABLES_INET unset),
 * so on the uml tier `nft -f /etc/nftables.conf` fails and the guests run unfiltered; the qemu tier
 * boots Debian's own kernel, which has them.
 */
async function kernelHasInetTables(lab: VmLab, host: string): Promise<boolean> {
  const r = await lab.exec(host, "nft add table inet hal_probe && nft delete table inet hal_probe");
  return r.code === 0;
}

/** Every check above on one topology; the detail lists what each saw. */
export async function checkFirewall(lab: VmLab, t: FirewallTopology): Promise<{ figures: string; detail: string }> {
  const tables = await lab.execOk(t.director.name, "nft list tables");
  if (!tables.includes("table inet filter")) {
    check(
      !(await kernelHasInetTables(lab, t.director.name)),
      `${t.director.name}: the kernel has nf_tables inet, but the generated ruleset is not loaded:\n${tables}`,
    );
    return {
      figures: "NOT PROVEN",
      detail: `the ${lab.tier} guest kernel has no nf_tables ip/inet family (the ruleset cannot load): run --tier qemu`,
    };
  }
  const parts = [await directorKernel(lab, t.director.name)];
  parts.push(await ipvsRepliesNotMasqueraded(lab, t.director.name, t.vipUrl, 100));
  parts.push(await realServerSshThroughDirector(lab, t.director.name, t.director.publicAddress, t.realServer.name, t.realServer.address));
  parts.push(await realServerDrops(lab, t.realServer.name, t.realServer.address));
  if (t.heartbeat) parts.push(await heartbeatRefusesClient(lab, t.director.name, t.heartbeat.addresses, t.heartbeat.udpport));
  parts.push(await realServerOutbound(lab, t.realServer.name, t.directorsPublic, t.publicSubnet));
  return { figures: "-", detail: parts.join("; ") };
}
