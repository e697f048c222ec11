/**
 * A Mermaid picture of a topology, from its declaration: networks, nodes with their addresses, the
 * failover group with its VIPs and its engine's link, and the load balancer's real servers. Pure: the
 * same declaration gives the same text, for a README or a review.
 */
import { HEARTBEAT_DEFAULTS } from "../cloud-init";
import { HeartbeatEngine } from "./engines/heartbeat/engine";
import { ClusterDecl, NETWORK_ROLES, NetworkRole } from "./plan";

/** Mermaid ids: letters, digits and '_' only. */
function id(kind: string, name: string): string {
  return `${kind}_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
}

/** Renders `decl` as a Mermaid flowchart (`flowchart LR`). */
export function renderTopologyDiagram(decl: ClusterDecl): string {
  const lines = ["flowchart LR"];
  const group = decl.failoverGroup;
  const lb = decl.loadBalancer;
  for (const role of NETWORK_ROLES) {
    const net = decl.networks[role];
    lines.push(`  ${id("net", role)}[("${role} ${net.cidr}")]`);
  }
  const vips = [
    ...(group?.vips ?? []).map((vip) => ({ address: vip.address, network: vip.network ?? "public" })),
    ...(lb && !group?.vips.some((v) => v.address === lb.vip) ? [{ address: lb.vip, network: "public" as NetworkRole }] : []),
    ...(lb?.gatewayVip ? [{ address: lb.gatewayVip, network: "private" as NetworkRole }] : []),
  ];
  const owner = group ? group.nodes.join("/") : lb?.directors.join("/");
  for (const vip of vips) {
    lines.push(`  ${id("vip", vip.address)}{{"VIP ${vip.address}"}}`);
    lines.push(`  ${id("vip", vip.address)} -.- ${id("net", vip.network)}`);
  }
  for (const node of decl.nodes) {
    const roles = [
      group?.nodes.includes(node.name) ? "failover" : undefined,
      lb?.directors.includes(node.name) ? "IPVS director" : undefined,
      node.web ? "Apache" : undefined,
    ].filter((r) => r !== undefined);
    lines.push(`  ${id("node", node.name)}["${node.name}<br/>${roles.join(", ")}"]`);
    if (node.publicAddress) lines.push(`  ${id("node", node.name)} ---|${node.publicAddress}| ${id("net", "public")}`);
    if (node.privateAddress) lines.push(`  ${id("node", node.name)} ---|${node.privateAddress}| ${id("net", "private")}`);
  }
  if (group && owner) {
    for (const vip of vips) lines.push(`  ${id("vip", vip.address)} -.->|held by| ${id("node", group.preferredNode ?? group.nodes[0])}`);
    const [a, b] = group.nodes;
    if (a && b) lines.push(`  ${id("node", a)} <-.->|${failoverLink(decl)}| ${id("node", b)}`);
  } else if (lb) {
    lines.push(`  ${id("vip", lb.vip)} -.->|on| ${id("node", lb.directors[0])}`);
  }
  if (lb) {
    const realServers = [...new Set(lb.services.flatMap((s) => s.realServers.map((r) => r.node)))];
    for (const real of realServers) {
      for (const director of lb.directors) lines.push(`  ${id("node", director)} ==>|NAT| ${id("node", real)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The pair's link: the engine, and for Heartbeat its port and paths (`heartbeat udp 694: ucast private, ucast public`). */
function failoverLink(decl: ClusterDecl): string {
  const engine = decl.failover;
  if (engine !== undefined && !(engine instanceof HeartbeatEngine)) return engine.name;
  const hb = engine?.settings ?? {};
  const names: Record<string, string> = { public: "public", private: "private", ...decl.interfaceNames };
  const role = (iface: string) => NETWORK_ROLES.find((r) => names[r] === iface) ?? iface;
  const paths = [
    ...(hb.heartbeatNetworks ?? HEARTBEAT_DEFAULTS.heartbeatNetworks).map((r) => `ucast ${r}`),
    ...(hb.extraMedia ?? []).map((m) => {
      switch (m.kind) {
        case "ucast":
          return `ucast ${role(m.interface)}`;
        case "bcast":
          return `bcast ${m.interfaces.map(role).join("+")}`;
        case "mcast":
          return `mcast ${role(m.interface)} ${m.group}`;
        case "serial":
          return `serial ${m.device}`;
      }
    }),
  ];
  // No ';' in a Mermaid label: it ends a statement.
  return `heartbeat udp ${hb.udpport ?? HEARTBEAT_DEFAULTS.udpport}: ${paths.join(", ")}`;
}
