import type { Construct } from "constructs";
import { HEARTBEAT_DEFAULTS, IssueList } from "../../../cloud-init";
import { NETWORK_ROLES } from "../../plan";
import {
  FAILOVER_ENGINE_FIELD,
  FAILOVER_GROUP_FIELDS,
  FailoverEngine,
  FailoverGroupCheck,
  FailoverGroupPlan,
  FailoverMember,
  MemberFailover,
  TopologyView,
} from "../failover-engine";
import { KEEPALIVED_CONF_PATH, renderKeepalivedConf } from "./render";
import { KEEPALIVED_DEFAULTS, KeepalivedServiceFailover, KeepalivedSettings } from "./settings";

const settingName = (field: string) => `${FAILOVER_ENGINE_FIELD}.${field}`;

/** VRRP's address count is one octet. */
const MAX_VIPS = 255;

/** Heartbeat settings keepalived has no use for, with the reason it gives when one is passed (e.g. from plain JavaScript). */
const REFUSED: Record<string, string> = {
  keepalive: "VRRP has no separate keepalive: the master's adverts are the heartbeat; use advertIntervalSeconds",
  deadtime: "keepalived declares the master down after 3 advert intervals plus skew; use advertIntervalSeconds",
  warntime: "keepalived has no late-advert warning; use advertIntervalSeconds",
  initdead: "keepalived starts as BACKUP and waits 3 advert intervals; there is no initdead",
  udpport: "VRRP is IP protocol 112, not UDP: there is no port",
  heartbeatNetworks: "one VRRP instance runs on one interface; name it with vrrpNetwork",
  extraMedia: "VRRP runs over IP only: serial and other media cannot carry it",
  reclaimAfterSeconds: "keepalived re-elects a master on every advert, so there is no lost resource request to reclaim",
  garpRefreshSeconds: "keepalived repeats gratuitous ARP itself; use garpMasterRefreshSeconds",
  secret: "VRRPv3 has no authentication; adverts are accepted only from the unicast peers (check_unicast_src)",
  authMethod: "VRRPv3 has no authentication; adverts are accepted only from the unicast peers (check_unicast_src)",
  pingNodes: "not supported by this engine yet (keepalived would need a track_script)",
  ipfail: "not supported by this engine yet (keepalived would need a track_script)",
  mailTo: "not supported by this engine (keepalived's smtp_alert needs an SMTP server in global_defs)",
  mailRelay: "not supported by this engine (keepalived's smtp_alert needs an SMTP server in global_defs)",
};
const KNOWN = new Set(Object.keys(KEEPALIVED_DEFAULTS));

/** Heartbeat's serviceFailover fields, refused with keepalived's word for them. */
const REFUSED_SERVICE_FAILOVER: Record<string, string> = {
  checkIntervalSeconds: "keepalived's vrrp_script calls it interval: use intervalSeconds",
  failuresBeforeHandover: "keepalived's vrrp_script calls it fall: use fall",
  backoffSeconds:
    "keepalived has no back-off: a node whose service failed stays in FAULT until `rise` checks pass, and nothing restarts the service there; use rise",
};
const SERVICE_FAILOVER_KEYS = ["services", ...Object.keys(KEEPALIVED_DEFAULTS.serviceFailover)];

/** The services a `serviceFailover` setting tracks: its own list, or every service of the group. */
export function trackedServices(setting: KeepalivedServiceFailover | false | undefined, resources: readonly string[]): readonly string[] {
  if (!setting) return [];
  return setting.services ?? resources;
}

/** An init script name keepalived can run as `service <name> status`: one word, no shell characters. */
const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.@-]*$/;

/** keepalived VRRP: a unicast VRRP instance carries the group's VIPs; virtual_server blocks install a director pair's rules. */
export class KeepalivedEngine implements FailoverEngine {
  readonly name = "keepalived";

  constructor(readonly settings: KeepalivedSettings) {}

  bind(_scope: Construct): FailoverEngine {
    return this;
  }

  checkGroup(group: FailoverGroupCheck, list: IssueList): void {
    const s = this.settings;
    for (const [key, value] of Object.entries(s)) {
      if (value === undefined || KNOWN.has(key)) continue;
      list.add(settingName(key), value, REFUSED[key] ?? `not a keepalived setting; settings: ${[...KNOWN].join(", ")}`);
    }
    if (group.ipvsRules?.kind === "ldirectord") {
      list.add(
        group.ipvsRules.field,
        "IpvsRules.ldirectord()",
        "keepalived checks the real servers itself (its virtual_server health checks) and installs the rules on both directors: use IpvsRules.staticRestore() with keepalived, or FailoverEngine.heartbeat() for ldirectord",
      );
    }
    if (group.members.length < 2) {
      list.add(
        group.fields.nodes,
        group.members.map((m) => m.name),
        "a VRRP pair needs at least 2 nodes",
      );
    }
    const network = s.vrrpNetwork ?? KEEPALIVED_DEFAULTS.vrrpNetwork;
    if (!NETWORK_ROLES.includes(network)) {
      list.add(settingName("vrrpNetwork"), network, `must be one of ${NETWORK_ROLES.join(", ")}`);
    } else {
      for (const { index, name, node } of group.members) {
        if (node && group.topology.addressOf(node, network) === undefined) {
          list.add(
            `${group.fields.nodes}[${index}]`,
            name,
            `VRRP adverts travel on the ${network} network, but this node has no ${network}Address`,
          );
        }
      }
    }
    const version = s.vrrpVersion ?? KEEPALIVED_DEFAULTS.vrrpVersion;
    if (version !== 2 && version !== 3) list.add(settingName("vrrpVersion"), version, "must be 2 or 3");
    const advert = s.advertIntervalSeconds ?? KEEPALIVED_DEFAULTS.advertIntervalSeconds;
    if (version === 2 && !(Number.isInteger(advert) && advert >= 1 && advert <= 255)) {
      list.add(
        settingName("advertIntervalSeconds"),
        advert,
        "VRRPv2 adverts are whole seconds, 1..255; for sub-second adverts set vrrpVersion: 3",
      );
    } else if (version === 3) {
      const centis = advert * 100;
      if (!(typeof advert === "number" && advert >= 0.01 && advert <= 40.95 && Math.abs(centis - Math.round(centis)) < 1e-6)) {
        list.add(settingName("advertIntervalSeconds"), advert, "VRRPv3 adverts are 0.01..40.95 s in steps of 0.01 s");
      }
    }
    const vrid = s.virtualRouterId ?? KEEPALIVED_DEFAULTS.virtualRouterId;
    if (!Number.isInteger(vrid) || vrid < 1 || vrid > 255) list.add(settingName("virtualRouterId"), vrid, "must be a whole number, 1..255");
    const preferred = s.preferredPriority ?? KEEPALIVED_DEFAULTS.preferredPriority;
    const other = s.otherPriority ?? KEEPALIVED_DEFAULTS.otherPriority;
    // 255 is reserved for the address owner and 0 for "master leaving".
    const priorityOk = (p: number) => Number.isInteger(p) && p >= 1 && p <= 254;
    if (!priorityOk(preferred)) list.add(settingName("preferredPriority"), preferred, "must be a whole number, 1..254");
    if (!priorityOk(other)) list.add(settingName("otherPriority"), other, "must be a whole number, 1..254");
    if (priorityOk(preferred) && priorityOk(other) && other >= preferred) {
      list.add(settingName("otherPriority"), other, `must be below preferredPriority (${preferred}), or the preferred node would not win`);
    }
    const garp = s.garpMasterRefreshSeconds ?? KEEPALIVED_DEFAULTS.garpMasterRefreshSeconds;
    if (!Number.isInteger(garp) || garp < 0)
      list.add(settingName("garpMasterRefreshSeconds"), garp, "must be a whole number of seconds, 0 to turn it off");
    const check = { ...KEEPALIVED_DEFAULTS.healthCheck, ...s.healthCheck };
    for (const key of ["delayLoopSeconds", "connectTimeoutSeconds"] as const) {
      if (!Number.isInteger(check[key]) || check[key] < 1)
        list.add(settingName(`healthCheck.${key}`), check[key], "must be a whole number of seconds, at least 1");
    }
    if (!Number.isInteger(check.retry) || check.retry < 0)
      list.add(settingName("healthCheck.retry"), check.retry, "must be a whole number, 0 or more");
    if (!/^\/[\w./-]*$/.test(check.path)) list.add(settingName("healthCheck.path"), check.path, "must be a URL path such as /healthz");
    if (group.vipCount > MAX_VIPS) list.add(group.fields.vips, group.vipCount, `one VRRP instance carries at most ${MAX_VIPS} addresses`);
    // keepalived runs one notify command per state change, so it can start one init script.
    if (group.resources.length > 1) {
      list.add(
        group.fields.resources ?? FAILOVER_GROUP_FIELDS.resources!,
        group.resources,
        "keepalived starts at most one init script with the group (notify_master); run the others from init on both nodes",
      );
    }
    this.checkServiceFailover(group, list);
  }

  private checkServiceFailover(group: FailoverGroupCheck, list: IssueList): void {
    const setting = this.settings.serviceFailover;
    if (setting === undefined || setting === false) return;
    if (typeof setting !== "object" || setting === null || Array.isArray(setting)) {
      list.add(settingName("serviceFailover"), setting, "must be an object such as {} (the defaults) or false");
      return;
    }
    for (const [key, value] of Object.entries(setting)) {
      if (value === undefined || SERVICE_FAILOVER_KEYS.includes(key)) continue;
      list.add(
        settingName(`serviceFailover.${key}`),
        value,
        REFUSED_SERVICE_FAILOVER[key] ?? `not a keepalived serviceFailover setting; settings: ${SERVICE_FAILOVER_KEYS.join(", ")}`,
      );
    }
    const d = KEEPALIVED_DEFAULTS.serviceFailover;
    const interval = setting.intervalSeconds ?? d.intervalSeconds;
    // keepalived 2.2's vrrp_script reads interval and timeout as whole seconds.
    if (!Number.isInteger(interval) || interval < 1 || interval > 3600) {
      list.add(settingName("serviceFailover.intervalSeconds"), interval, "must be a whole number of seconds, 1..3600");
    }
    for (const key of ["fall", "rise"] as const) {
      const value = setting[key] ?? d[key];
      if (!Number.isInteger(value) || value < 1 || value > 100) {
        list.add(settingName(`serviceFailover.${key}`), value, "must be a whole number of checks, 1..100");
      }
    }
    const where = group.fields.resources;
    if (setting.services !== undefined && !Array.isArray(setting.services)) {
      list.add(settingName("serviceFailover.services"), setting.services, 'must be a list of the group\'s services, such as ["apache2"]');
      return;
    }
    const services = trackedServices(setting, group.resources);
    if (services.length === 0) {
      list.add(
        settingName("serviceFailover"),
        setting,
        where
          ? `the group owns no service to track: add one to ${where}, such as "apache2"`
          : "this construct's group owns no service to track (its VIPs only)",
      );
    }
    services.forEach((service, i) => {
      const field = settingName(`serviceFailover.services[${i}]`);
      if (typeof service !== "string" || !SERVICE_NAME.test(service)) {
        list.add(field, service, "must be an init script name such as apache2");
      } else if (!group.resources.includes(service)) {
        list.add(
          field,
          service,
          `no track script for it: the group owns ${group.resources.length > 0 ? group.resources.join(", ") : "no service"}; track one of the group's ${where ?? "services"}`,
        );
      } else if (services.indexOf(service) !== i) {
        list.add(field, service, "listed twice");
      }
    });
  }

  configureMember(group: FailoverGroupPlan, member: FailoverMember, topology: TopologyView): MemberFailover {
    const issues = new IssueList(member.path);
    // The planner checked the declared group; a director pair's own VIPs are added after that.
    if (group.vips.length > MAX_VIPS) issues.add("vips", group.vips.length, `one VRRP instance carries at most ${MAX_VIPS} addresses`);
    if (issues.issues.length > 0) return { issues: issues.issues };
    const s = this.settings;
    const tracked = trackedServices(s.serviceFailover, group.resources);
    const check = { ...KEEPALIVED_DEFAULTS.serviceFailover, ...(s.serviceFailover || {}) };
    const network = s.vrrpNetwork ?? KEEPALIVED_DEFAULTS.vrrpNetwork;
    const self = topology.node(member.name)!;
    const peers = group.members.filter((n) => n !== member.name).map((n) => topology.addressOf(topology.node(n)!, network)!);
    const iface = topology.interfaceName(network);
    const isPreferred = member.name === group.preferredNode;
    const preempt = group.autoFailback ?? HEARTBEAT_DEFAULTS.autoFailback;
    const vips = group.vips.map(({ network: _network, ...vip }) => vip);
    const content = renderKeepalivedConf({
      routerId: member.name,
      vrrpVersion: s.vrrpVersion ?? KEEPALIVED_DEFAULTS.vrrpVersion,
      advertIntervalSeconds: s.advertIntervalSeconds ?? KEEPALIVED_DEFAULTS.advertIntervalSeconds,
      virtualRouterId: s.virtualRouterId ?? KEEPALIVED_DEFAULTS.virtualRouterId,
      priority: isPreferred
        ? (s.preferredPriority ?? KEEPALIVED_DEFAULTS.preferredPriority)
        : (s.otherPriority ?? KEEPALIVED_DEFAULTS.otherPriority),
      // nopreempt needs BACKUP on both: a MASTER state would take the VIP back at start.
      state: preempt && isPreferred ? "MASTER" : "BACKUP",
      nopreempt: !preempt,
      interface: iface,
      unicastSrcIp: topology.addressOf(self, network)!,
      unicastPeers: peers,
      vips,
      // A master that loses a VIP's link goes to FAULT, so the VIP moves to a node that can carry it.
      trackInterfaces: [...new Set(vips.map((v) => v.interface))].filter((i) => i !== iface).sort(),
      garpMasterRefreshSeconds: s.garpMasterRefreshSeconds ?? KEEPALIVED_DEFAULTS.garpMasterRefreshSeconds,
      // A tracked service runs from init on both nodes: a backup must pass its own check to take over.
      service: group.resources.find((r) => !tracked.includes(r)),
      trackScripts: tracked.map((service) => ({ service, intervalSeconds: check.intervalSeconds, fall: check.fall, rise: check.rise })),
      virtualServers: group.ipvsRules ? (group.ipvsServices ?? []) : [],
      // keepalived switches the sync daemons itself: master with the instance, backup otherwise.
      ...(group.connectionSync ? { lvsSyncDaemon: group.connectionSync } : {}),
      healthCheck: { ...KEEPALIVED_DEFAULTS.healthCheck, ...s.healthCheck },
    });
    return {
      role: {
        engine: this.name,
        packages: ["keepalived"],
        files: [{ path: KEEPALIVED_CONF_PATH, content, permissions: "0644", defer: true }],
        starts: group.resources.filter((r) => !tracked.includes(r)),
        // restart: the package's own start found no configuration (it is written deferred).
        runcmd: [
          ["update-rc.d", "keepalived", "enable"],
          ["service", "keepalived", "restart"],
        ],
        peerTraffic: [{ protocol: "vrrp", interface: iface, from: peers }],
      },
      issues: [],
    };
  }
}
