import { cloudConfigFor, ConfigError, IssueList } from "../../cloud-init";
import {
  ClusterDecl,
  FailoverEngine,
  FailoverGroupCheck,
  FailoverGroupPlan,
  FailoverMember,
  HeartbeatSettings,
  MemberFailover,
  planCluster,
  PlannedNode,
} from "../../constructs";

const mac = (node: string, role: string) => `52:54:00:00:${role === "public" ? "01" : "02"}:${node.length.toString(16).padStart(2, "0")}`;
// A MAC allocator good enough for planning tests: unique per node and role.
let counter = 0;
const uniqueMac = () => `52:54:00:00:00:${(counter++ % 256).toString(16).padStart(2, "0")}`;

const networks = {
  public: { cidr: "192.168.56.0/24", gateway: "192.168.56.1" },
  private: { cidr: "192.168.200.0/24" },
};
const admin = { sshAuthorizedKeys: ["${var.ssh_public_key}"] };
const SECRET = "${random_password.x.result}";
/** haLb with other Heartbeat settings. */
const withSettings = (settings: HeartbeatSettings): ClusterDecl => ({
  ...haLb,
  failover: FailoverEngine.heartbeat({ secret: SECRET, ...settings }),
});

const haLb: ClusterDecl = {
  networks,
  admin,
  nodes: [
    { name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.251" },
    { name: "lb2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.252" },
    { name: "web1", privateAddress: "192.168.200.11", web: true },
    { name: "web2", privateAddress: "192.168.200.12", web: true },
  ],
  failoverGroup: { nodes: ["lb1", "lb2"], vips: [{ address: "192.168.56.10" }] },
  failover: FailoverEngine.heartbeat({ secret: SECRET }),
  loadBalancer: {
    directors: ["lb1", "lb2"],
    vip: "192.168.56.10",
    gatewayVip: "192.168.200.254",
    services: [{ port: 80, realServers: [{ node: "web1" }, { node: "web2", weight: 3 }] }],
  },
};

/** A file the failover engine wrote for a node under /etc/ha.d. */
function haFile(node: PlannedNode, name: string): string {
  return node.spec.failover!.files.find((file) => file.path === `/etc/ha.d/${name}`)!.content;
}

function ucastLines(node: PlannedNode): string[] {
  return haFile(node, "ha.cf")
    .split("\n")
    .filter((line) => line.startsWith("ucast "));
}

function issuesOf(decl: ClusterDecl): { field: string; value: unknown; message: string }[] {
  try {
    planCluster(decl, "stack/topology", uniqueMac);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).issues];
  }
  throw new Error("expected a ConfigError");
}

describe("planCluster: derived facts", () => {
  const nodes = planCluster(haLb, "stack/topology", mac);
  const byName = Object.fromEntries(nodes.map((n) => [n.name, n]));

  it("derives the pair's haresources: both VIPs and ipvsadm, owned by lb1", () => {
    const hr = haFile(byName.lb1, "haresources");
    expect(hr).toContain("\nlb1 IPaddr2::192.168.56.10/24/public IPaddr2::192.168.200.254/24/private ipvsadm\n");
    expect(haFile(byName.lb2, "haresources")).toBe(hr);
    expect(byName.lb1.spec.failover!.starts).toEqual(["ipvsadm"]);
    expect(byName.lb1.spec.director!.ipvsRules).toBe("failover-engine");
  });

  it("points each director's ucast at its peer on the private and the public network, by default", () => {
    expect(ucastLines(byName.lb1)).toEqual(["ucast private 192.168.200.252", "ucast public 192.168.56.12"]);
    expect(ucastLines(byName.lb2)).toEqual(["ucast private 192.168.200.251", "ucast public 192.168.56.11"]);
  });

  it("lists the web servers as NAT real servers with their weights", () => {
    expect(byName.lb1.spec.director!.services[0].realServers).toEqual([
      { address: "192.168.200.11", port: undefined, weight: undefined, forwarding: "masquerade" },
      { address: "192.168.200.12", port: undefined, weight: 3, forwarding: "masquerade" },
    ]);
  });

  it("routes the web servers through the floating gateway, on their only NIC", () => {
    expect(byName.web1.spec.nics).toEqual([
      { name: "private", mac: mac("web1", "private"), address: "192.168.200.11/24", gateway: "192.168.200.254" },
    ]);
    expect(byName.web1.nics).toEqual([{ role: "private", mac: mac("web1", "private") }]);
  });

  it("gives directors two NICs, 2 vCPU and 2 GiB by default", () => {
    expect(byName.lb1.nics.map((n) => n.role)).toEqual(["public", "private"]);
    expect([byName.lb1.cpus, byName.lb1.memoryMiB]).toEqual([2, 2048]);
  });

  it("names in each /etc/hosts only the node itself and those it works with", () => {
    // A director: itself, its Heartbeat peer and its real servers.
    expect(byName.lb1.spec.hosts.map((h) => h.hostname)).toEqual(["lb1", "lb2", "web1", "web2"]);
    // A real server: itself and its directors, never the other web servers.
    expect(byName.web2.spec.hosts.map((h) => h.hostname)).toEqual(["lb1", "lb2", "web2"]);
    expect(byName.web1.spec.hosts).toEqual([
      { hostname: "lb1", address: "192.168.56.11" },
      { hostname: "lb2", address: "192.168.56.12" },
      { hostname: "web1", address: "192.168.200.11" },
    ]);
  });

  it("gives a Heartbeat pair without a load balancer itself and its peer", () => {
    const pair = planCluster(
      { ...haLb, loadBalancer: undefined, nodes: [...haLb.nodes.slice(0, 2), { name: "other", privateAddress: "192.168.200.20" }] },
      "s",
      mac,
    );
    const hostsOf = (name: string) => pair.find((n) => n.name === name)!.spec.hosts.map((h) => h.hostname);
    expect(hostsOf("lb1")).toEqual(["lb1", "lb2"]);
    expect(hostsOf("other")).toEqual(["other"]);
  });

  it("puts a standalone director's VIP on its public NIC", () => {
    const single = planCluster(
      {
        ...haLb,
        failoverGroup: undefined,
        failover: undefined,
        nodes: haLb.nodes.filter((n) => n.name !== "lb2"),
        loadBalancer: { directors: ["lb1"], vip: "192.168.56.10", services: [{ port: 80, realServers: [{ node: "web1" }] }] },
      },
      "s",
      mac,
    );
    const lb1 = single.find((n) => n.name === "lb1")!;
    expect(lb1.spec.nics[0].extraAddresses).toEqual(["192.168.56.10/24"]);
    expect(single.find((n) => n.name === "web1")!.spec.nics[0].gateway).toBe("192.168.200.251");
  });
});

describe("planCluster: one error lists every problem", () => {
  it("finds a VIP outside its subnet", () => {
    const issues = issuesOf({ ...haLb, failoverGroup: { ...haLb.failoverGroup!, vips: [{ address: "10.0.0.10" }] } });
    expect(issues).toContainEqual(
      expect.objectContaining({
        field: "failoverGroup.vips[0].address",
        value: "10.0.0.10",
        message: expect.stringContaining("outside the public subnet 192.168.56.0/24"),
      }),
    );
  });

  it("finds duplicate addresses and host names", () => {
    const issues = issuesOf({
      ...haLb,
      nodes: [...haLb.nodes, { name: "web1", privateAddress: "192.168.200.12", web: true }],
    });
    expect(issues).toContainEqual(
      expect.objectContaining({ field: "nodes[4].name", value: "web1", message: expect.stringContaining("duplicate host name") }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ field: "nodes[4].privateAddress", message: "duplicate address: already used by web2" }),
    );
  });

  it("finds a resource owner that is not a node of the pair", () => {
    const issues = issuesOf({ ...haLb, failoverGroup: { ...haLb.failoverGroup!, preferredNode: "web1" } });
    expect(issues).toContainEqual(
      expect.objectContaining({
        field: "failoverGroup.preferredNode",
        value: "web1",
        message: "the resource owner must be a node of the pair: lb1, lb2",
      }),
    );
  });

  it("refuses an engine without a group to run", () => {
    expect(issuesOf({ ...haLb, failoverGroup: undefined, loadBalancer: undefined })).toEqual([
      expect.objectContaining({ field: "failover", value: "heartbeat", message: expect.stringContaining("no failover group") }),
    ]);
  });

  it("names the group's facts as the caller's props do", () => {
    const decl: ClusterDecl = {
      ...haLb,
      nodes: haLb.nodes.map((n) => (n.name === "lb2" ? { ...n, privateAddress: undefined } : n)),
      failoverGroup: { ...haLb.failoverGroup!, preferredNode: "web1" },
    };
    let issues: readonly { field: string }[] = [];
    try {
      planCluster(decl, "s", uniqueMac, { groupFields: { nodes: "directors", vips: "vip", preferredNode: "primary" } });
    } catch (error) {
      issues = (error as ConfigError).issues;
    }
    expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(["primary", "directors[1]"]));
    expect(issues.map((i) => i.field).filter((f) => f.startsWith("failoverGroup"))).toEqual([]);
  });

  it("finds a Heartbeat pair that is not exactly two nodes", () => {
    const issues = issuesOf({ ...haLb, failoverGroup: { ...haLb.failoverGroup!, nodes: ["lb1", "lb2", "web1"] } });
    expect(issues).toContainEqual(
      expect.objectContaining({ field: "failoverGroup.nodes", message: expect.stringContaining("exactly 2 nodes") }),
    );
  });

  it("finds NAT real servers off the director's private network, or reachable directly", () => {
    const issues = issuesOf({
      ...haLb,
      nodes: haLb.nodes.map((n) => (n.name === "web2" ? { ...n, privateAddress: undefined, publicAddress: "192.168.56.30" } : n)),
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        field: "loadBalancer.services[0].realServers[1].node",
        value: "web2",
        message: expect.stringContaining("must be on the director's private network 192.168.200.0/24"),
      }),
    );
  });

  it("finds heartbeat networks named twice, unknown or none at all", () => {
    const withNetworks = (heartbeatNetworks: readonly string[], extra = {}) =>
      issuesOf(withSettings({ heartbeatNetworks: heartbeatNetworks as never, ...extra }));
    expect(withNetworks(["private", "private"])).toEqual([
      expect.objectContaining({
        field: "failover.heartbeatNetworks[1]",
        value: "private",
        message: expect.stringContaining("listed twice"),
      }),
    ]);
    expect(withNetworks(["dmz"])).toContainEqual(
      expect.objectContaining({ field: "failover.heartbeatNetworks[0]", value: "dmz", message: "must be one of public, private" }),
    );
    expect(withNetworks([])).toEqual([
      expect.objectContaining({ field: "failover.heartbeatNetworks", message: expect.stringContaining("heartbeats need a path") }),
    ]);
    // A serial link is a path too.
    expect(() =>
      planCluster(withSettings({ heartbeatNetworks: [], extraMedia: [{ kind: "serial", device: "/dev/ttyS0" }] }), "s", uniqueMac),
    ).not.toThrow();
  });

  it("sends heartbeats on both networks by default, and says so when a node lacks one of them", () => {
    const noPublic = { ...haLb, nodes: haLb.nodes.map((n) => (n.name === "lb2" ? { ...n, publicAddress: undefined } : n)) };
    expect(issuesOf(noPublic)).toContainEqual(
      expect.objectContaining({
        field: "failoverGroup.nodes[1]",
        value: "lb2",
        message:
          "heartbeats travel on the public network (by default on both), but this node has no publicAddress; give it one, or set heartbeatNetworks",
      }),
    );
  });

  it("counts each heartbeat network as a path for a sub-second deadtime", () => {
    const fast = { keepalive: "100ms", deadtime: "600ms", warntime: "300ms" } as const;
    const nodes = planCluster(withSettings({ ...fast, heartbeatNetworks: ["private", "public"] }), "s", mac);
    expect(ucastLines(nodes[0])).toEqual(["ucast private 192.168.200.252", "ucast public 192.168.56.12"]);
    expect(issuesOf(withSettings({ ...fast, heartbeatNetworks: ["private"] }))).toEqual([
      expect.objectContaining({
        field: "failover.deadtime",
        value: "600ms",
        message: expect.stringContaining("needs at least two media"),
      }),
    ]);
  });

  it("finds a pair of directors without a floating gateway", () => {
    const issues = issuesOf({ ...haLb, loadBalancer: { ...haLb.loadBalancer!, gatewayVip: undefined } });
    expect(issues).toContainEqual(
      expect.objectContaining({ field: "loadBalancer.gatewayVip", message: expect.stringContaining("floating private VIP") }),
    );
  });

  it("reports timing, sizing and address problems together, with the construct path", () => {
    let message = "";
    try {
      planCluster(
        {
          ...withSettings({ keepalive: 1, deadtime: 2, warntime: 1 }),
          nodes: haLb.nodes.map((n) => (n.name === "lb1" ? { ...n, cpus: 0, publicAddress: "192.168.56.255" } : n)),
        },
        "ha-lb-libvirt/ha/lb",
        mac,
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid topology, 3 problems; nothing was written:/);
    expect(message).toContain(
      'ha-lb-libvirt/ha/lb: nodes[0].publicAddress = "192.168.56.255": is the network or broadcast address of 192.168.56.0/24',
    );
    expect(message).toContain("ha-lb-libvirt/ha/lb: nodes[0].cpus = 0: must be a whole number of vCPUs, 1..64");
    expect(message).toContain(
      "ha-lb-libvirt/ha/lb: failover.deadtime = 2: deadtime must be more than twice keepalive (1); heartbeat refuses to start otherwise",
    );
  });
});

describe("the FailoverEngine seam", () => {
  /** An engine of its own: what a second engine plugs in, with no change to the planner or the payload. */
  class RecordingEngine implements FailoverEngine {
    readonly name = "recording";
    readonly groups: FailoverGroupPlan[] = [];
    readonly checked: string[][] = [];
    bind(): FailoverEngine {
      return this;
    }
    checkGroup(group: FailoverGroupCheck, list: IssueList): void {
      this.checked.push(group.members.map((m) => m.name));
      if (group.members.length > 3) list.add("failover.members", group.members.length, "at most 3");
    }
    configureMember(group: FailoverGroupPlan, member: FailoverMember): MemberFailover {
      this.groups.push(group);
      return {
        issues: [],
        role: {
          engine: this.name,
          packages: ["recorder"],
          files: [
            { path: "/etc/recorder.conf", content: `${member.name} ${group.vips.map((v) => v.address).join(" ")}\n`, permissions: "0644" },
          ],
          starts: group.resources,
          runcmd: [["service", "recorder", "start"]],
        },
      };
    }
  }

  it("hands the engine the planned group, once per member, and merges its share into each payload", () => {
    const engine = new RecordingEngine();
    const nodes = planCluster({ ...haLb, failover: engine }, "s", mac);
    expect(engine.checked).toEqual([["lb1", "lb2"]]);
    expect(engine.groups).toHaveLength(2);
    expect(engine.groups[0]).toEqual({
      members: ["lb1", "lb2"],
      preferredNode: "lb1",
      vips: [
        { address: "192.168.56.10", prefix: 24, interface: "public", network: "public" },
        { address: "192.168.200.254", prefix: 24, interface: "private", network: "private" },
      ],
      resources: [],
      ipvsRules: true,
      // The rules themselves, for an engine that installs them (keepalived's virtual_server).
      ipvsServices: [
        expect.objectContaining({
          address: "192.168.56.10",
          port: 80,
          realServers: [
            expect.objectContaining({ address: "192.168.200.11" }),
            expect.objectContaining({ address: "192.168.200.12", weight: 3 }),
          ],
        }),
      ],
      autoFailback: undefined,
    });
    const lb1 = nodes.find((n) => n.name === "lb1")!;
    const config = cloudConfigFor(lb1.spec);
    expect(config.packages).toEqual(["ipvsadm", "nftables", "recorder"]);
    expect(config.writeFiles.at(-1)).toEqual({
      path: "/etc/recorder.conf",
      content: "lb1 192.168.56.10 192.168.200.254\n",
      permissions: "0644",
    });
    expect(config.runcmd.slice(-3)).toEqual([
      ["update-rc.d", "ipvsadm", "disable"],
      ["service", "ipvsadm", "stop"],
      ["service", "recorder", "start"],
    ]);
  });

  it("reports the engine's own issues with the rest, in one error", () => {
    const issues = issuesOf({
      ...haLb,
      failoverGroup: { ...haLb.failoverGroup!, nodes: ["lb1", "lb2", "web1", "web2"] },
      failover: new RecordingEngine(),
    });
    expect(issues).toContainEqual(expect.objectContaining({ field: "failover.members", value: 4, message: "at most 3" }));
  });
});

describe("outbound traffic of the private network", () => {
  const withResolvers = (pub?: string[], priv?: string[]): ClusterDecl => ({
    ...haLb,
    networks: { public: { ...networks.public, nameservers: pub }, private: { ...networks.private, nameservers: priv } },
  });
  const nics = (decl: ClusterDecl, node: string) => planCluster(decl, "t", uniqueMac).find((n) => n.name === node)!.spec.nics;

  it("gives private-only nodes the public network's resolvers, unless the private network names its own", () => {
    expect(nics(withResolvers(["192.168.56.1"]), "web1").map((nic) => nic.nameservers)).toEqual([["192.168.56.1"]]);
    expect(nics(withResolvers(["192.168.56.1"], ["192.168.200.53"]), "web1").map((nic) => nic.nameservers)).toEqual([["192.168.200.53"]]);
    expect(nics(withResolvers(), "web1").map((nic) => nic.nameservers)).toEqual([undefined]);
    // a node with both NICs keeps each network's own: none on its private NIC
    expect(nics(withResolvers(["192.168.56.1"]), "lb1").map((nic) => nic.nameservers)).toEqual([["192.168.56.1"], undefined]);
  });

  it("masquerades the private subnet on each director's public NIC, and only there", () => {
    const nodes = planCluster({ ...haLb, interfaceNames: { public: "wan" } }, "t", uniqueMac);
    for (const name of ["lb1", "lb2"]) {
      expect(nodes.find((n) => n.name === name)!.spec.firewall?.masquerade).toEqual({ network: "192.168.200.0/24", outInterface: "wan" });
    }
    expect(nodes.find((n) => n.name === "web1")!.spec.firewall?.masquerade).toBeUndefined();
  });
});

describe("firewall", () => {
  const plan = (decl: ClusterDecl) => planCluster(decl, "t", uniqueMac);
  const spec = (nodes: PlannedNode[], name: string) => nodes.find((n) => n.name === name)!.spec;

  it("on by default: ssh from the public subnet; real servers also from the directors, and their service port", () => {
    const nodes = plan(haLb);
    const lb1 = spec(nodes, "lb1").firewall!;
    expect(lb1.filter?.sshFrom).toEqual(["192.168.56.0/24"]);
    expect(lb1.filter?.services).toEqual([{ protocol: "tcp", port: 80, to: ["192.168.56.10"] }]);
    expect(lb1.filter?.peers).toEqual([
      { protocol: "udp", port: 694, interface: "private", from: ["192.168.200.252"] },
      { protocol: "udp", port: 694, interface: "public", from: ["192.168.56.12"] },
    ]);
    expect(lb1.filter?.forward?.replies.map((r) => r.address)).toEqual(["192.168.200.11", "192.168.200.12"]);
    const web1 = spec(nodes, "web1").firewall!;
    expect(web1.masquerade).toBeUndefined();
    expect(web1.filter?.sshFrom).toEqual(["192.168.56.0/24", "192.168.200.251", "192.168.200.252"]);
    expect(web1.filter?.services).toEqual([{ protocol: "tcp", port: 80 }]);
  });

  it("takes the admin networks given, and keepalived's VRRP from the peer", () => {
    const nodes = plan({
      ...haLb,
      failover: FailoverEngine.keepalived(),
      firewall: { adminNetworks: ["10.1.0.0/16", "192.168.200.0/24"] },
    });
    expect(spec(nodes, "lb2").firewall?.filter?.sshFrom).toEqual(["10.1.0.0/16", "192.168.200.0/24"]);
    expect(spec(nodes, "lb2").firewall?.filter?.peers).toEqual([{ protocol: "vrrp", interface: "private", from: ["192.168.200.251"] }]);
    // the directors are inside an admin network already
    expect(spec(nodes, "web2").firewall?.filter?.sshFrom).toEqual(["10.1.0.0/16", "192.168.200.0/24"]);
  });

  it("off: no filter anywhere, no hardening, but the directors still masquerade", () => {
    const nodes = plan({ ...haLb, firewall: { enabled: false } });
    expect(spec(nodes, "lb1").firewall).toEqual({ masquerade: { network: "192.168.200.0/24", outInterface: "public" } });
    expect(spec(nodes, "web1").firewall).toBeUndefined();
    const sysctl = cloudConfigFor(spec(nodes, "lb1")).writeFiles.find((f) => f.path === "/etc/sysctl.d/60-ipvs-director.conf")!;
    expect(sysctl.content).not.toContain("rp_filter");
  });

  it("is refused without a load balancer, where it would do nothing", () => {
    const { loadBalancer: _lb, ...pairOnly } = haLb;
    expect(() => plan({ ...pairOnly, firewall: {} })).toThrow(/firewall = \{\}: only a load balancer's nodes/);
  });
});
