import { TerraformStack, Testing } from "cdktf";
import {
  cloudConfigFor,
  drRealServerBootcmd,
  DR_REAL_SERVER_SYSCTL_PATH,
  renderCloudConfig,
  renderDrRealServerSysctl,
  renderNftablesConf,
  renderNodePayload,
  validateDirectRoutingRole,
} from "../../cloud-init";
import {
  FailoverEngine,
  HaLoadBalancedWeb,
  HaLoadBalancedWebProps,
  IpvsLoadBalancer,
  IpvsLoadBalancerProps,
  LibvirtPlatform,
  PlannedNode,
} from "../../constructs";
import { checkWithCloudInit, validateUserData } from "../support/cloud-init-validate";
import { admin, networks, problems, stackWithPlatform } from "../support/topology";

const drWebs = [
  { name: "web1", publicAddress: "192.168.56.21" },
  { name: "web2", publicAddress: "192.168.56.22" },
];

function dr(props: Partial<IpvsLoadBalancerProps> = {}): IpvsLoadBalancer {
  const { stack, platform } = stackWithPlatform();
  return new IpvsLoadBalancer(stack, "lb", {
    platform,
    admin,
    networks,
    directors: [{ name: "lb1", publicAddress: "192.168.56.11" }],
    vip: "192.168.56.10",
    webServers: drWebs,
    forwarding: "gatewaying",
    ...props,
  });
}

function drPair(props: Partial<HaLoadBalancedWebProps> = {}): HaLoadBalancedWeb {
  const { stack, platform } = stackWithPlatform();
  return new HaLoadBalancedWeb(stack, "ha", {
    platform,
    admin,
    networks,
    directors: [
      { name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.251" },
      { name: "lb2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.252" },
    ],
    vip: "192.168.56.10",
    webServers: drWebs,
    forwarding: "gatewaying",
    ...props,
  });
}

const node = (nodes: readonly PlannedNode[], name: string) => nodes.find((n) => n.name === name)!;
const file = (n: PlannedNode, path: string) => cloudConfigFor(n.spec).writeFiles.find((f) => f.path === path)?.content;

describe('forwarding: "gatewaying" (direct routing)', () => {
  const lb = dr();
  const lb1 = node(lb.nodes, "lb1");
  const web1 = node(lb.nodes, "web1");

  it("writes -g rules to the real servers' public addresses, port unchanged", () => {
    expect(file(lb1, "/etc/ipvsadm.rules")).toBe(
      [
        "-A -t 192.168.56.10:80 -s rr",
        "-a -t 192.168.56.10:80 -r 192.168.56.21:80 -g -w 1",
        "-a -t 192.168.56.10:80 -r 192.168.56.22:80 -g -w 1",
        "",
      ].join("\n"),
    );
  });

  it("gives the director no forwarding, no SNAT, no private NIC; the VIP stays on its public NIC", () => {
    expect(file(lb1, "/etc/sysctl.d/60-ipvs-director.conf")).toBeUndefined();
    expect(lb1.spec.firewall?.masquerade).toBeUndefined();
    expect(lb1.spec.firewall?.filter?.forward).toBeUndefined();
    expect(lb1.spec.firewall?.filter?.services).toEqual([{ protocol: "tcp", port: 80, to: ["192.168.56.10"] }]);
    expect(lb1.spec.nics.map((n) => [n.name, n.address, n.extraAddresses])).toEqual([["public", "192.168.56.11/24", ["192.168.56.10/24"]]]);
    const nft = renderNftablesConf(lb1.spec.firewall!);
    expect(nft).toContain('\t\tcounter drop comment "forward: not allowed"');
    expect(nft).not.toMatch(/masquerade|sport 80/);
    expect(cloudConfigFor(lb1.spec).runcmd).not.toContainEqual(["sysctl", "-p", "/etc/sysctl.d/60-ipvs-director.conf"]);
  });

  it("reschedules a client's reused port on the director (conn_reuse_mode 3), at every boot", () => {
    expect(cloudConfigFor(lb1.spec).bootcmd).toEqual([
      ["modprobe", "ip_vs"],
      ["sysctl", "-w", "net.ipv4.vs.conn_reuse_mode=3"],
    ]);
  });

  it("puts the VIP on each real server's lo after the ARP settings, at every boot, and routes it by the public gateway", () => {
    expect(web1.spec.directRouting).toEqual({ vips: ["192.168.56.10"] });
    const config = cloudConfigFor(web1.spec);
    expect(config.bootcmd).toEqual([
      ["sysctl", "-w", "net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2"],
      ["ip", "addr", "replace", "192.168.56.10/32", "dev", "lo"],
    ]);
    expect(file(web1, DR_REAL_SERVER_SYSCTL_PATH)).toBe(renderDrRealServerSysctl());
    expect(web1.spec.nics).toEqual([expect.objectContaining({ name: "public", address: "192.168.56.21/24", gateway: "192.168.56.1" })]);
    const userData = renderNodePayload(web1.spec).userData;
    expect(userData).toContain("bootcmd:\n  - [sysctl, -w, net.ipv4.conf.all.arp_ignore=1, net.ipv4.conf.all.arp_announce=2]\n");
    expect(userData).toContain("  - [ip, addr, replace, 192.168.56.10/32, dev, lo]\n");
  });

  it("passes cloud-init's own schema, bootcmd included, on the director and a real server", () => {
    const userData = [lb1, web1].map((n) => renderNodePayload(n.spec).userData);
    checkWithCloudInit({ userData });
    for (const doc of userData) expect(validateUserData(doc)).toEqual({ ok: true, output: expect.stringMatching(/^Valid cloud-config: /) });
  });

  it("lets the real servers accept the service on any local address (the VIP on lo, health checks), ssh from the directors' public side", () => {
    const { stack, platform } = stackWithPlatform();
    const lb = new IpvsLoadBalancer(stack, "lb", {
      platform,
      admin,
      networks,
      directors: [{ name: "lb1", publicAddress: "192.168.56.11" }],
      vip: "192.168.56.10",
      webServers: drWebs,
      forwarding: "gatewaying",
      firewall: { adminNetworks: ["10.0.0.0/8"] },
    });
    expect(node(lb.nodes, "web2").spec.firewall).toEqual({
      filter: { sshFrom: ["10.0.0.0/8", "192.168.56.11"], services: [{ protocol: "tcp", port: 80 }] },
    });
  });

  it("with the firewall off, writes no ruleset at all (nothing to masquerade)", () => {
    const lb = dr({ firewall: { enabled: false } });
    expect(node(lb.nodes, "lb1").spec.firewall).toBeUndefined();
    expect(node(lb.nodes, "web1").spec.firewall).toBeUndefined();
  });

  it("a pair needs no gateway VIP: the group owns the public VIP and the rules; keepalived says lvs_method DR", () => {
    const ha = drPair();
    const hb = node(ha.loadBalancer.nodes, "lb1");
    const haresources = hb.spec.failover!.files.find((f) => f.path === "/etc/ha.d/haresources")!.content;
    expect(haresources).toContain("\nlb1 IPaddr2::192.168.56.10/24/public ipvsadm\n");
    const ka = drPair({ failover: FailoverEngine.keepalived() });
    const conf = node(ka.loadBalancer.nodes, "lb2").spec.failover!.files.find((f) => f.path === "/etc/keepalived/keepalived.conf")!;
    expect(conf.content).toContain("    lvs_method DR\n");
    expect(conf.content).toContain("    real_server 192.168.56.21 80 {\n");
    expect(node(ka.loadBalancer.nodes, "web1").spec.directRouting).toEqual({ vips: ["192.168.56.10"] });
  });

  it("leaves NAT as it was when forwarding is masquerade, given or not", () => {
    const { stack, platform } = stackWithPlatform();
    const props = {
      platform,
      admin,
      networks,
      directors: [{ name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.1" }],
      vip: "192.168.56.10",
      webServers: [{ name: "web1", privateAddress: "192.168.200.11" }],
    };
    const plain = new IpvsLoadBalancer(stack, "a", props);
    const explicit = new IpvsLoadBalancer(new TerraformStack(Testing.app(), "t"), "a", {
      ...props,
      platform: new LibvirtPlatform(stack, "other"),
      forwarding: "masquerade",
    });
    // MACs (network-config, instance-id) come from the construct's path; the user-data does not.
    const payloads = (lb: IpvsLoadBalancer) => lb.nodes.map((n) => renderNodePayload(n.spec).userData);
    expect(payloads(explicit)).toEqual(payloads(plain));
    expect(node(plain.nodes, "web1").spec.directRouting).toBeUndefined();
    expect(renderNodePayload(node(plain.nodes, "web1").spec).userData).not.toContain("bootcmd");
  });
});

describe("direct routing: one error lists every problem, in the props' words", () => {
  it("refuses real servers off the VIP's segment, a gateway VIP and a remapped port", () => {
    const lb = dr({
      webServers: [
        { name: "web1", publicAddress: "192.168.56.21" },
        { name: "web2", privateAddress: "192.168.200.12" },
        { name: "web3", publicAddress: "10.0.0.3" },
      ],
      gatewayVip: "192.168.200.254",
      extraServices: [{ port: 8080, realServers: [{ node: "web1", port: 80 }] }],
    });
    expect(problems(lb)).toEqual([
      '  - s/lb: webServers[2].publicAddress = "10.0.0.3": is outside the public subnet 192.168.56.0/24',
      '  - s/lb: gatewayVip = "192.168.200.254": direct-routing real servers answer clients through the public gateway, not through the directors; leave gatewayVip out',
      '  - s/lb: webServers[1].name = "web2": direct-routing real servers must share the VIP\'s segment 192.168.56.0/24 with the directors; give web2 a publicAddress in it',
      "  - s/lb: extraServices[0].realServers[0].port = 80: direct routing cannot remap ports: the real server receives the packet as sent, to port 8080; leave port out",
    ]);
  });

  it("refuses a public network without a gateway, a director off the segment and an unknown mode", () => {
    const noGateway = dr({
      networks: { ...networks, public: { cidr: "192.168.56.0/24" } },
      directors: [{ name: "lb1", privateAddress: "192.168.200.1" }],
    });
    expect(problems(noGateway)).toEqual([
      '  - s/lb: directors[0] = "lb1": a direct-routing director needs a publicAddress on the VIP\'s segment 192.168.56.0/24, where its real servers are',
      "  - s/lb: networks.public.gateway = (unset): direct-routing real servers answer clients through their own default route: give the public network a gateway",
    ]);
    expect(problems(dr({ forwarding: "ipip" as never }))).toContain('  - s/lb: forwarding = "ipip": must be one of masquerade, gatewaying');
  });

  it("refuses a director that is also a real server", () => {
    const { stack, platform } = stackWithPlatform();
    const lb = new IpvsLoadBalancer(stack, "lb", {
      platform,
      admin,
      networks,
      directors: [{ name: "lb1", publicAddress: "192.168.56.11" }],
      vip: "192.168.56.10",
      webServers: drWebs,
      forwarding: "gatewaying",
      extraServices: [{ port: 81, realServers: [{ node: "lb1" }] }],
    });
    expect(problems(lb)).toContainEqual(
      expect.stringContaining('extraServices[0].realServers[0].node = "lb1": a director cannot be its own direct-routing real server'),
    );
  });
});

describe("DR real server renderers", () => {
  it("writes the ARP sysctls on `all`", () => {
    expect(renderDrRealServerSysctl()).toBe(
      "# IPVS direct-routing real server: hold the VIP on lo without answering ARP for it.\nnet.ipv4.conf.all.arp_ignore = 1\nnet.ipv4.conf.all.arp_announce = 2\n",
    );
  });

  it("refuses a role without a VIP or with a bad one", () => {
    expect(validateDirectRoutingRole({ vips: [] })).toEqual([expect.objectContaining({ path: "directRouting", field: "vips", value: [] })]);
    expect(() => drRealServerBootcmd({ vips: ["192.168.56.300"] })).toThrow(/vips\[0\] = "192.168.56.300": must be an IPv4 address/);
  });

  it("renders bootcmd only when there is one", () => {
    const base = { hostname: "h", users: [], packages: [], writeFiles: [], runcmd: [] };
    expect(renderCloudConfig(base)).not.toContain("bootcmd");
    expect(renderCloudConfig({ ...base, bootcmd: [] })).not.toContain("bootcmd");
    expect(renderCloudConfig({ ...base, bootcmd: [["sysctl", "-p"]] })).toContain("bootcmd:\n  - [sysctl, -p]\npackages:");
  });
});
