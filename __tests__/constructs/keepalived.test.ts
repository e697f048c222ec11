import { ConfigError, renderNodePayload } from "../../cloud-init";
import { TerraformStack, Testing } from "cdktf";
import {
  checkTopologies,
  ClusterDecl,
  FailoverEngine,
  HeartbeatPair,
  HeartbeatPairProps,
  KEEPALIVED_FAST_PROFILE,
  keepalivedServiceFailoverSeconds,
  KeepalivedSettings,
  LibvirtPlatform,
  planCluster,
  PlannedNode,
  synthesizedNodes,
} from "../../constructs";
import { HaLbStack, HeartbeatApacheStack } from "../../stacks";
import { checkWithCloudInit, loadAsCloudInit, validateUserData } from "../support/cloud-init-validate";
import { ACCEPTED, keepalivedConfigTest } from "../support/keepalived-check";

let counter = 0;
const uniqueMac = () => `52:54:00:00:01:${(counter++ % 256).toString(16).padStart(2, "0")}`;

const networks = {
  public: { cidr: "192.168.56.0/24", gateway: "192.168.56.1" },
  private: { cidr: "192.168.200.0/24" },
};
const admin = { sshAuthorizedKeys: ["${var.ssh_public_key}"] };

/** A web pair: apache2 is the group's resource, the public VIP with a label. */
const webPair = (settings: KeepalivedSettings = {}, autoFailback?: boolean): ClusterDecl => ({
  networks,
  admin,
  nodes: [
    { name: "node1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.11", web: true },
    { name: "node2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.12", web: true },
  ],
  failoverGroup: {
    nodes: ["node1", "node2"],
    preferredNode: "node2",
    vips: [{ address: "192.168.56.10", labelIndex: 0 }],
    resources: ["apache2"],
    autoFailback,
  },
  failover: FailoverEngine.keepalived(settings),
});

/** A NAT director pair: keepalived carries both VIPs and installs the rules. */
const haLb = (settings: KeepalivedSettings = {}): ClusterDecl => ({
  networks,
  admin,
  nodes: [
    { name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.251" },
    { name: "lb2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.252" },
    { name: "web1", privateAddress: "192.168.200.11", web: true },
    { name: "web2", privateAddress: "192.168.200.12", web: true },
  ],
  failoverGroup: { nodes: ["lb1", "lb2"], vips: [] },
  failover: FailoverEngine.keepalived(settings),
  loadBalancer: {
    directors: ["lb1", "lb2"],
    vip: "192.168.56.10",
    gatewayVip: "192.168.200.254",
    services: [{ port: 80, scheduler: "wlc", persistence: 300, realServers: [{ node: "web1" }, { node: "web2", weight: 3 }] }],
  },
});

const plan = (decl: ClusterDecl) => planCluster(decl, "Stack/Topology", uniqueMac);
const node = (nodes: PlannedNode[], name: string) => nodes.find((n) => n.name === name)!;
const conf = (n: PlannedNode) => n.spec.failover!.files.find((f) => f.path === "/etc/keepalived/keepalived.conf")!.content;
/** The lines of a config, trimmed, for facts that do not depend on indentation. */
const lines = (text: string) => text.split("\n").map((l) => l.trim());
/** The trimmed lines inside `name { ... }` (first occurrence), nested blocks included. */
function block(text: string, name: string): string[] {
  const all = lines(text);
  const start = all.indexOf(`${name} {`);
  if (start < 0) throw new Error(`no block ${name}`);
  let depth = 1;
  const inside: string[] = [];
  for (const line of all.slice(start + 1)) {
    depth += (line.endsWith("{") ? 1 : 0) - (line === "}" ? 1 : 0);
    if (depth === 0) return inside;
    inside.push(line);
  }
  throw new Error(`block ${name} is not closed`);
}
function issuesOf(decl: ClusterDecl): { field: string; value: unknown; message: string }[] {
  try {
    plan(decl);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map(({ field, value, message }) => ({ field, value, message }));
    throw e;
  }
  throw new Error("planned without error");
}

const PROFILES: Record<string, ClusterDecl> = {
  "web pair": webPair(),
  "web pair, nopreempt, fast": webPair({ vrrpVersion: 3, advertIntervalSeconds: 0.05 }, false),
  "web pair, VRRPv2": webPair({ vrrpVersion: 2, advertIntervalSeconds: 1, vrrpNetwork: "public" }),
  "director pair": haLb(),
  "web pair, service failover": webPair({ serviceFailover: { intervalSeconds: 2, fall: 3, rise: 4 } }),
};
const pair = JSON.parse(
  Testing.synth(new HeartbeatApacheStack(Testing.app(), "ka", { failover: FailoverEngine.keepalived(KEEPALIVED_FAST_PROFILE) })),
);
const lb = JSON.parse(Testing.synth(new HaLbStack(Testing.app(), "ka-lb", { failover: FailoverEngine.keepalived() })));
const presetNodes = [...synthesizedNodes(pair), ...synthesizedNodes(lb)];

const planned = Object.entries(PROFILES).map(([name, decl]) => ({ name, nodes: plan(decl) }));
const members = planned.flatMap(({ name, nodes }) => nodes.filter((n) => n.spec.failover).map((n) => ({ name: `${name}: ${n.name}`, n })));

beforeAll(() =>
  checkWithCloudInit({
    userData: [...members.map(({ n }) => renderNodePayload(n.spec).userData), ...presetNodes.map((n) => n.userData)],
    yaml: presetNodes.map((n) => n.userData),
  }),
);

describe("FailoverEngine.keepalived: the web pair", () => {
  const nodes = plan(webPair());

  test("the preferred node has the higher priority and starts as MASTER; both preempt by default", () => {
    const preferred = block(conf(node(nodes, "node2")), "vrrp_instance VI_1");
    const other = block(conf(node(nodes, "node1")), "vrrp_instance VI_1");
    expect(preferred).toEqual(expect.arrayContaining(["state MASTER", "priority 150"]));
    expect(other).toEqual(expect.arrayContaining(["state BACKUP", "priority 100"]));
    expect([...preferred, ...other]).not.toContain("nopreempt");
  });

  test("the VIP with its interface and label; adverts unicast on the private network", () => {
    const n1 = conf(node(nodes, "node1"));
    expect(block(n1, "virtual_ipaddress")).toEqual(["192.168.56.10/24 dev public label public:0"]);
    expect(lines(n1)).toEqual(expect.arrayContaining(["interface private", "unicast_src_ip 192.168.200.11", "check_unicast_src"]));
    expect(block(n1, "unicast_peer")).toEqual(["192.168.200.12"]);
    expect(block(conf(node(nodes, "node2")), "unicast_peer")).toEqual(["192.168.200.11"]);
    // The VIP's own link is tracked: a master without it goes to FAULT.
    expect(block(n1, "track_interface")).toEqual(["public"]);
  });

  test("the defaults: VRRPv3, advert_int 1, garp_master_refresh 2", () => {
    const text = lines(conf(node(nodes, "node1")));
    expect(text).toEqual(expect.arrayContaining(["vrrp_version 3", "advert_int 1", "garp_master_refresh 2", "virtual_router_id 51"]));
  });

  test("apache2 is the group's: off init, started as master and stopped otherwise by notify commands", () => {
    const n1 = node(nodes, "node1");
    expect(n1.spec.failover).toMatchObject({ engine: "keepalived", packages: ["keepalived"], starts: ["apache2"] });
    expect(block(conf(n1), "vrrp_instance VI_1")).toEqual(
      expect.arrayContaining([
        'notify_master "/usr/sbin/service apache2 start"',
        'notify_backup "/usr/sbin/service apache2 stop"',
        'notify_fault "/usr/sbin/service apache2 stop"',
        'notify_stop "/usr/sbin/service apache2 stop"',
      ]),
    );
    const payload = renderNodePayload(n1.spec).userData;
    expect(payload).toContain("update-rc.d, apache2, disable");
    expect(payload).toContain("service, keepalived, restart");
    expect(payload).not.toContain("heartbeat");
  });

  test("autoFailback: false gives nopreempt with state BACKUP on both nodes", () => {
    const off = plan(webPair({}, false));
    for (const n of off.filter((x) => x.spec.failover)) {
      expect(block(conf(n), "vrrp_instance VI_1")).toEqual(expect.arrayContaining(["state BACKUP", "nopreempt"]));
    }
  });

  test("the fast profile: VRRPv3 with a sub-second advert_int", () => {
    const fast = plan(webPair({ vrrpVersion: 3, advertIntervalSeconds: 0.05 }));
    expect(lines(conf(node(fast, "node1")))).toEqual(expect.arrayContaining(["vrrp_version 3", "advert_int 0.05"]));
  });

  test("output is deterministic", () => {
    expect(plan(webPair()).map(conf)).toEqual(nodes.map(conf));
  });
});

describe("FailoverEngine.keepalived: serviceFailover (track_script)", () => {
  const nodes = plan(webPair({ serviceFailover: {} }));

  test("off by default: no vrrp_script, apache2 started and stopped by notify commands", () => {
    for (const n of plan(webPair()).filter((x) => x.spec.failover)) {
      expect(lines(conf(n)).filter((l) => /vrrp_script|track_script/.test(l))).toEqual([]);
    }
  });

  test("{}: one vrrp_script per group service, weight 0 (FAULT), checked every 1 s, fall 2, rise 2", () => {
    for (const n of nodes) {
      expect(block(conf(n), "vrrp_script chk_apache2")).toEqual([
        'script "/usr/sbin/service apache2 status"',
        "interval 1",
        "timeout 1",
        "weight 0",
        "fall 2",
        "rise 2",
      ]);
      expect(block(conf(n), "track_script")).toEqual(["chk_apache2"]);
    }
  });

  test("a tracked service runs from init on both nodes: no notify commands, not taken off init", () => {
    for (const n of nodes) {
      expect(lines(conf(n)).filter((l) => l.startsWith("notify_"))).toEqual([]);
      expect(n.spec.failover?.starts).toEqual([]);
      expect(n.spec.web?.startedBy).toBe("init");
      const payload = renderNodePayload(n.spec).userData;
      expect(payload).not.toContain("update-rc.d, apache2, disable");
      expect(payload).toContain("service, apache2, restart");
    }
  });

  test("its timers as the user set them, and the bound they give: interval × fall + advert_int + 0.5 s", () => {
    const settings: KeepalivedSettings = { advertIntervalSeconds: 0.05, serviceFailover: { intervalSeconds: 2, fall: 3, rise: 4 } };
    const [n1] = plan(webPair(settings));
    expect(block(conf(n1), "vrrp_script chk_apache2").slice(1)).toEqual(["interval 2", "timeout 2", "weight 0", "fall 3", "rise 4"]);
    expect(keepalivedServiceFailoverSeconds(settings)).toBeCloseTo(6.55);
    expect(keepalivedServiceFailoverSeconds({ serviceFailover: {} })).toBe(3.5);
  });

  test("autoFailback still decides the return: nopreempt on both with it off", () => {
    for (const n of plan(webPair({ serviceFailover: {} }, false))) {
      expect(block(conf(n), "vrrp_instance VI_1")).toEqual(expect.arrayContaining(["state BACKUP", "nopreempt", "track_script {"]));
    }
  });
});

describe("FailoverEngine.keepalived: the director pair", () => {
  const nodes = plan(haLb());
  const lb1 = conf(node(nodes, "lb1"));

  test("both VIPs, and virtual_server blocks with HTTP_GET checks of /healthz", () => {
    expect(block(lb1, "virtual_ipaddress")).toEqual(["192.168.56.10/24 dev public", "192.168.200.254/24 dev private"]);
    expect(block(lb1, "virtual_server 192.168.56.10 80").slice(0, 5)).toEqual([
      "delay_loop 5",
      "lvs_sched wlc",
      "lvs_method NAT",
      "protocol TCP",
      "persistence_timeout 300",
    ]);
    expect(block(lb1, "real_server 192.168.200.12 80")).toEqual([
      "weight 3",
      "HTTP_GET {",
      "url {",
      "path /healthz",
      "status_code 200",
      "}",
      "connect_timeout 3",
      "retry 1",
      "delay_before_retry 1",
      "}",
    ]);
  });

  test("keepalived installs the rules: no ipvsadm-restore, ipvsadm taken off init", () => {
    const n = node(nodes, "lb1");
    expect(n.spec.director?.ipvsRules).toBe("failover-engine");
    const payload = renderNodePayload(n.spec).userData;
    expect(payload).not.toContain("ipvsadm-restore");
    expect(payload).toContain("update-rc.d, ipvsadm, disable");
    expect(n.spec.failover?.starts).toEqual([]);
  });

  test("real servers get no keepalived", () => {
    expect(node(nodes, "web1").spec.failover).toBeUndefined();
  });
});

describe("FailoverEngine.keepalived: bad input", () => {
  test("advert_int off the VRRPv3 grid, a VRRPv2 fraction, priorities out of range, all in one error", () => {
    expect(issuesOf(webPair({ advertIntervalSeconds: 0.005, preferredPriority: 255, otherPriority: 0, virtualRouterId: 256 }))).toEqual([
      { field: "failover.advertIntervalSeconds", value: 0.005, message: "VRRPv3 adverts are 0.01..40.95 s in steps of 0.01 s" },
      { field: "failover.virtualRouterId", value: 256, message: "must be a whole number, 1..255" },
      { field: "failover.preferredPriority", value: 255, message: "must be a whole number, 1..254" },
      { field: "failover.otherPriority", value: 0, message: "must be a whole number, 1..254" },
    ]);
    expect(issuesOf(webPair({ advertIntervalSeconds: 0.055 }))[0]).toMatchObject({ field: "failover.advertIntervalSeconds", value: 0.055 });
    expect(issuesOf(webPair({ vrrpVersion: 2, advertIntervalSeconds: 0.5 }))[0]).toMatchObject({
      field: "failover.advertIntervalSeconds",
      message: expect.stringContaining("vrrpVersion: 3"),
    });
    expect(issuesOf(webPair({ preferredPriority: 100, otherPriority: 100 }))).toEqual([
      { field: "failover.otherPriority", value: 100, message: expect.stringContaining("must be below preferredPriority (100)") },
    ]);
  });

  test("Heartbeat's options are refused with the reason", () => {
    const settings = { reclaimAfterSeconds: 60, extraMedia: [{ kind: "serial", device: "/dev/ttyS0" }], deadtime: 3 } as KeepalivedSettings;
    expect(issuesOf(webPair(settings)).map((i) => [i.field, i.message])).toEqual([
      ["failover.reclaimAfterSeconds", expect.stringContaining("no lost resource request to reclaim")],
      ["failover.extraMedia", expect.stringContaining("serial and other media cannot carry it")],
      ["failover.deadtime", expect.stringContaining("use advertIntervalSeconds")],
    ]);
  });

  test("more than 255 VIPs in one instance", () => {
    const many = Array.from({ length: 256 }, (_, i) => ({
      address: `10.0.${Math.floor(i / 250)}.${(i % 250) + 2}`,
      network: "public" as const,
    }));
    const decl = webPair();
    const wide = { ...decl, networks: { ...networks, public: { cidr: "10.0.0.0/16" } } };
    const nodes = [
      { ...decl.nodes[0], publicAddress: "10.0.9.11" },
      { ...decl.nodes[1], publicAddress: "10.0.9.12" },
    ];
    const issues = issuesOf({ ...wide, nodes, failoverGroup: { ...decl.failoverGroup!, vips: many } });
    expect(issues).toContainEqual({ field: "failoverGroup.vips", value: 256, message: "one VRRP instance carries at most 255 addresses" });
  });

  test("serviceFailover: an interval of 0, fall/rise below 1, a track script for a service the group does not own", () => {
    expect(issuesOf(webPair({ serviceFailover: { intervalSeconds: 0, fall: 0, rise: 0.5, services: ["nginx"] } }))).toEqual([
      { field: "failover.serviceFailover.intervalSeconds", value: 0, message: "must be a whole number of seconds, 1..3600" },
      { field: "failover.serviceFailover.fall", value: 0, message: "must be a whole number of checks, 1..100" },
      { field: "failover.serviceFailover.rise", value: 0.5, message: "must be a whole number of checks, 1..100" },
      {
        field: "failover.serviceFailover.services[0]",
        value: "nginx",
        message: "no track script for it: the group owns apache2; track one of the group's failoverGroup.resources",
      },
    ]);
  });

  test("serviceFailover: a group without services, and Heartbeat's field names, refused with keepalived's word", () => {
    const decl = webPair({ serviceFailover: { checkIntervalSeconds: 2, backoffSeconds: 60 } as never });
    expect(issuesOf({ ...decl, failoverGroup: { ...decl.failoverGroup!, resources: [] } })).toEqual([
      { field: "failover.serviceFailover.checkIntervalSeconds", value: 2, message: expect.stringContaining("use intervalSeconds") },
      { field: "failover.serviceFailover.backoffSeconds", value: 60, message: expect.stringContaining("keepalived has no back-off") },
      {
        field: "failover.serviceFailover",
        value: { checkIntervalSeconds: 2, backoffSeconds: 60 },
        message: 'the group owns no service to track: add one to failoverGroup.resources, such as "apache2"',
      },
    ]);
  });

  test("a member without an address on the VRRP network", () => {
    const decl = webPair({ vrrpNetwork: "private" });
    const issues = issuesOf({ ...decl, nodes: [decl.nodes[0], { name: "node2", publicAddress: "192.168.56.12", web: true }] });
    expect(issues).toContainEqual({
      field: "failoverGroup.nodes[1]",
      value: "node2",
      message: "VRRP adverts travel on the private network, but this node has no privateAddress",
    });
  });
});

describe("the errors in the construct's words: HeartbeatPair with keepalived", () => {
  const pairNodes = [
    { name: "srv1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.11" },
    { name: "srv2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.12" },
  ];
  /** checkTopologies' whole message for a HeartbeatPair "pair" in stack "s". */
  function synthError(props: Partial<HeartbeatPairProps>): string {
    const stack = new TerraformStack(Testing.app(), "s");
    const platform = new LibvirtPlatform(stack, "libvirt");
    const construct = new HeartbeatPair(stack, "pair", { platform, admin, networks, nodes: pairNodes, vips: ["192.168.56.10"], ...props });
    try {
      checkTopologies(construct);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error("expected a ConfigError");
  }
  const keepalived = (settings: KeepalivedSettings) => ({ failover: FailoverEngine.keepalived(settings) });

  test.each([
    [
      "an advert below 0.01 s for VRRPv3",
      keepalived({ advertIntervalSeconds: 0.005 }),
      "s/pair: failover.advertIntervalSeconds = 0.005: VRRPv3 adverts are 0.01..40.95 s in steps of 0.01 s",
    ],
    [
      "an advert off the 0.01 s grid for VRRPv3",
      keepalived({ vrrpVersion: 3, advertIntervalSeconds: 0.125 }),
      "s/pair: failover.advertIntervalSeconds = 0.125: VRRPv3 adverts are 0.01..40.95 s in steps of 0.01 s",
    ],
    [
      "a priority of 255",
      keepalived({ preferredPriority: 255 }),
      "s/pair: failover.preferredPriority = 255: must be a whole number, 1..254",
    ],
    ["a priority of 0", keepalived({ otherPriority: 0 }), "s/pair: failover.otherPriority = 0: must be a whole number, 1..254"],
    [
      "a track script for a service the pair does not own",
      keepalived({ serviceFailover: { services: ["nginx"] } }),
      's/pair: failover.serviceFailover.services[0] = "nginx": no track script for it: the group owns apache2; track one of the group\'s resources',
    ],
    [
      "a track script for a pair that owns no service",
      { ...keepalived({ serviceFailover: {} }), resources: [] },
      's/pair: failover.serviceFailover = {}: the group owns no service to track: add one to resources, such as "apache2"',
    ],
    [
      "a check interval of 0",
      keepalived({ serviceFailover: { intervalSeconds: 0 } }),
      "s/pair: failover.serviceFailover.intervalSeconds = 0: must be a whole number of seconds, 1..3600",
    ],
    [
      "fall below 1",
      keepalived({ serviceFailover: { fall: 0 } }),
      "s/pair: failover.serviceFailover.fall = 0: must be a whole number of checks, 1..100",
    ],
    [
      "rise below 1",
      keepalived({ serviceFailover: { rise: 0 } }),
      "s/pair: failover.serviceFailover.rise = 0: must be a whole number of checks, 1..100",
    ],
    [
      "two services for one instance",
      { ...keepalived({}), resources: ["apache2", "ldirectord"] },
      's/pair: resources = ["apache2","ldirectord"]: keepalived starts at most one init script with the group',
    ],
  ])("%s", (_name, props, line) => {
    expect(synthError(props)).toContain(`  - ${line}`);
  });

  test("more than 255 VIPs in one instance, under the pair's vips", () => {
    const wide = { public: { cidr: "10.0.0.0/16" }, private: networks.private };
    const vips = Array.from({ length: 256 }, (_, i) => `10.0.${Math.floor(i / 250)}.${(i % 250) + 2}`);
    const nodes = [
      { ...pairNodes[0], publicAddress: "10.0.9.11" },
      { ...pairNodes[1], publicAddress: "10.0.9.12" },
    ];
    expect(synthError({ ...keepalived({}), networks: wide, nodes, vips })).toContain(
      "  - s/pair: vips = 256: one VRRP instance carries at most 255 addresses",
    );
  });
});

describe("every generated keepalived.conf", () => {
  test.each(members)("$name: cloud-init accepts the payload", ({ n }) => {
    expect(validateUserData(renderNodePayload(n.spec).userData)).toEqual({ ok: true, output: expect.any(String) });
  });

  // keepalived checks that the interfaces exist, so the test runs it in a fresh network namespace
  // holding the two interface names (needs root and keepalived, as the labs do; CI installs it).
  test.each(members)("$name: `keepalived --config-test` accepts it", ({ n }) => {
    expect(keepalivedConfigTest(conf(n))).toEqual(ACCEPTED);
  });
});

describe("the presets with keepalived as their engine: one line changed", () => {
  const filesOf = (stack: any, host: string) =>
    loadAsCloudInit(synthesizedNodes(stack).find((n) => n.hostname === host)!.userData).write_files as { path: string; content: string }[];

  test("the web pair: keepalived.conf on both members, no Heartbeat files, no authkeys secret", () => {
    const hosts = synthesizedNodes(pair).map((n) => n.hostname);
    const members = hosts.filter((h) => filesOf(pair, h).some((f) => f.path === "/etc/keepalived/keepalived.conf"));
    expect(members).toHaveLength(2);
    for (const h of hosts) expect(filesOf(pair, h).filter((f) => f.path.startsWith("/etc/ha.d/"))).toEqual([]);
    expect(pair.resource?.random_password).toBeUndefined();
    const text = filesOf(pair, members[0]).find((f) => f.path === "/etc/keepalived/keepalived.conf")!.content;
    expect(lines(text)).toEqual(expect.arrayContaining(["advert_int 0.05", 'notify_master "/usr/sbin/service apache2 start"']));
  });

  test("cloud-init accepts every preset payload", () => {
    for (const node of presetNodes) expect([node.hostname, validateUserData(node.userData).ok]).toEqual([node.hostname, true]);
  });

  test("the director pair: virtual_server blocks instead of ipvsadm-restore", () => {
    const files = filesOf(lb, "lb1");
    const text = files.find((f) => f.path === "/etc/keepalived/keepalived.conf")!.content;
    expect(text).toContain("virtual_server 192.168.56.10 80 {");
    expect(lines(text).filter((l) => l.startsWith("real_server "))).toEqual([
      "real_server 192.168.200.11 80 {",
      "real_server 192.168.200.12 80 {",
      "real_server 192.168.200.13 80 {",
    ]);
  });
});
