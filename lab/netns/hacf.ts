/** Reads the parts of Heartbeat's ha.cf and haresources that the lab needs to know what to expect. */
import * as ipaddr from "ipaddr.js";

/** A medium line as read from ha.cf (the product writes a HeartbeatMedium). */
export interface ParsedMedium {
  kind: "ucast" | "bcast" | "mcast" | "serial";
  /** The interface, or for serial the device: the link name `cl_status listhblinks` prints. */
  iface: string;
  /** mcast only: the UDP port of its group. */
  port?: number;
}

export interface HaConfig {
  nodes: string[];
  /** 'legacy' is Heartbeat's third value; the lab only runs on and off. */
  autoFailback: boolean | "legacy";
  keepaliveS: number;
  deadtimeS: number;
  initdeadS: number;
  media: ParsedMedium[];
  /** `udpport`, 694 when not given. */
  udpport: number;
  /** `ping` nodes. */
  pingNodes: string[];
  /** ipfail is respawned. */
  ipfail: boolean;
}

export interface HaResources {
  /** First word of the haresources line: the node that owns the group when both are up. */
  preferred: string;
  vip: string;
  prefix?: number;
  /** Interface named in IPaddr2::ip/prefix/iface, if given. */
  iface?: string;
  /** Alias label in IPaddr2::ip/prefix/iface:n (`labelIndex`), if given. */
  label?: string;
  /** Every address of the group, `vip` first. */
  vips: string[];
  /** The interface IPaddr2::ip/prefix/iface names for each address that names one (label stripped). */
  vipInterfaces: Record<string, string>;
  /** The MailTo resource's address, if the group has one. */
  mailTo?: string;
  resources: string[];
}

/** Heartbeat time values: plain seconds, or with an `ms`/`s` suffix. */
function parseSeconds(value: string, key: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value);
  if (!m) throw new Error(`ha.cf: ${key} ${value} is not a duration`);
  return m[2] === "ms" ? Number(m[1]) / 1000 : Number(m[1]);
}

function directives(text: string): [string, string[]][] {
  return text
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter((l) => l !== "")
    .map((l): [string, string[]] => {
      const [key, ...args] = l.split(/\s+/);
      return [key.toLowerCase(), args];
    });
}

export function parseHaCf(text: string): HaConfig {
  const cfg: HaConfig = {
    nodes: [],
    autoFailback: "legacy",
    keepaliveS: 2,
    deadtimeS: 5,
    initdeadS: 0,
    media: [],
    udpport: 694,
    pingNodes: [],
    ipfail: false,
  };
  let deadtimeSet = false;
  for (const [key, args] of directives(text)) {
    switch (key) {
      case "node":
        cfg.nodes.push(...args);
        break;
      case "keepalive":
        cfg.keepaliveS = parseSeconds(args[0], key);
        break;
      case "deadtime":
        cfg.deadtimeS = parseSeconds(args[0], key);
        deadtimeSet = true;
        break;
      case "initdead":
        cfg.initdeadS = parseSeconds(args[0], key);
        break;
      case "auto_failback": {
        const v = (args[0] ?? "").toLowerCase();
        if (["on", "yes", "true", "1"].includes(v)) cfg.autoFailback = true;
        else if (["off", "no", "false", "0"].includes(v)) cfg.autoFailback = false;
        else if (v === "legacy") cfg.autoFailback = "legacy";
        else throw new Error(`ha.cf: auto_failback ${v} is not on/off/legacy`);
        break;
      }
      case "udpport":
        cfg.udpport = Number(args[0]);
        break;
      case "ping":
        cfg.pingNodes.push(...args);
        break;
      case "respawn":
        if (/\/ipfail$/.test(args[1] ?? "")) cfg.ipfail = true;
        break;
      case "ucast":
      case "bcast":
      case "mcast":
      case "serial":
        if (!args[0]) throw new Error(`ha.cf: ${key} without an interface`);
        cfg.media.push({ kind: key, iface: args[0], ...(key === "mcast" ? { port: Number(args[2]) } : {}) });
        // `bcast` may list several interfaces.
        if (key === "bcast") for (const extra of args.slice(1)) cfg.media.push({ kind: key, iface: extra });
        break;
    }
  }
  if (!deadtimeSet) cfg.deadtimeS = cfg.keepaliveS * 2 + 1;
  if (cfg.nodes.length === 0) throw new Error("ha.cf: no node lines");
  if (cfg.media.length === 0) throw new Error("ha.cf: no ucast/bcast/mcast/serial medium");
  if (!(cfg.deadtimeS > 2 * cfg.keepaliveS)) {
    throw new Error(`ha.cf: heartbeat refuses deadtime ${cfg.deadtimeS}s <= 2 x keepalive ${cfg.keepaliveS}s`);
  }
  return cfg;
}

export function parseHaResources(text: string): HaResources {
  const lines = text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter((l) => l !== "");
  if (lines.length !== 1) throw new Error(`haresources: the lab expects one resource group line, found ${lines.length}`);
  const [preferred, ...resources] = lines[0].split(/\s+/);
  const vips = resources.flatMap((r) => {
    const m = /^IPaddr2?::([^/:]+)/.exec(r);
    return m && ipaddr.IPv4.isValidFourPartDecimal(m[1]) ? [m[1]] : [];
  });
  const vipInterfaces = Object.fromEntries(
    resources.flatMap((r) => {
      const m = /^IPaddr2?::([^/:]+)\/\d+\/([^/:]+)/.exec(r);
      return m ? [[m[1], m[2]]] : [];
    }),
  );
  const mailTo = resources.map((r) => /^MailTo::([^:]+)/.exec(r)?.[1]).find((x) => x !== undefined);
  for (const r of resources) {
    // Forms: IPaddr2::ip[/prefix[/iface]], IPaddr::ip[/...], or a bare IPv4 address.
    const m = /^(?:IPaddr2?::)?([^/:]+)(?:\/(\d+))?(?:\/([^/]+))?/.exec(r);
    if (!m || !ipaddr.IPv4.isValidFourPartDecimal(m[1])) continue;
    if (!r.startsWith("IPaddr") && r !== m[0]) continue;
    const res: HaResources = { preferred, vip: m[1], vips: vips.includes(m[1]) ? vips : [m[1], ...vips], vipInterfaces, resources };
    if (mailTo !== undefined) res.mailTo = mailTo;
    if (m[2]) res.prefix = Number(m[2]);
    // `public:0`: the IPaddr2 wrapper reads a label as part of the interface field
    if (m[3]) res.iface = m[3].split(":")[0];
    if (m[3]?.includes(":")) res.label = m[3];
    return res;
  }
  throw new Error(`haresources: no IPaddr2/IPaddr address in "${lines[0]}"`);
}
