import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { App, TerraformStack, Testing } from "cdktf";
import { ConfigError } from "../../cloud-init";
import {
  checkTopologies,
  FailoverEngine,
  HaLoadBalancedWeb,
  HeartbeatPair,
  HeartbeatPairProps,
  HeartbeatSecret,
  IpvsLoadBalancer,
  IpvsLoadBalancerProps,
  LibvirtPlatform,
  VspherePlatform,
  WebServer,
} from "../../constructs";
import { HeartbeatApacheStack } from "../../stacks";
import { admin, networks, problems, stackWithPlatform } from "../support/topology";

const pairNodes = [
  { name: "srv1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.11" },
  { name: "srv2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.12" },
];

function pair(props: Partial<HeartbeatPairProps> = {}, id = "pair", at = stackWithPlatform()): HeartbeatPair {
  return new HeartbeatPair(at.stack, id, { platform: at.platform, admin, networks, nodes: pairNodes, vips: ["192.168.56.10"], ...props });
}

function loadBalancer(props: Partial<IpvsLoadBalancerProps> = {}, at = stackWithPlatform()): IpvsLoadBalancer {
  return new IpvsLoadBalancer(at.stack, "lb", {
    platform: at.platform,
    admin,
    networks,
    directors: [{ name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.1" }],
    vip: "192.168.56.10",
    webServers: [
      { name: "web1", privateAddress: "192.168.200.11" },
      { name: "web2", privateAddress: "192.168.200.12" },
    ],
    ...props,
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

describe("one error for the whole app, at synth", () => {
  it("constructs never throw: a bad one reads as empty, and synth reports it", () => {
    const bad = pair({ vips: ["10.1.1.1"] });
    expect(bad.nodes).toEqual([]);
    expect(bad.machines).toEqual({});
    expect(() => Testing.synth(TerraformStack.of(bad))).toThrow('s/pair: vips[0].address = "10.1.1.1": is outside the public subnet');
  });

  it("lists two bad constructs in two stacks, once, and writes no stack JSON, not even the good stack's", () => {
    const outdir = mkdtempSync(join(tmpdir(), "hal-validation-"));
    try {
      const app = new App({ outdir });
      new HeartbeatApacheStack(app, "good");
      pair({ preferredNode: "srv3" }, "pair", stackWithPlatform(app, "one"));
      loadBalancer({ scheduler: "bogus" as never }, stackWithPlatform(app, "two"));
      let message = "";
      try {
        app.synth();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message.split("\n")).toEqual([
        "Invalid topology, 2 problems; nothing was written:",
        '  - one/pair: preferredNode = "srv3": the resource owner must be a node of the pair: srv1, srv2',
        '  - two/lb: scheduler = "bogus": unknown scheduler; ipvsadm accepts rr, wrr, lc, wlc, lblc, lblcr, dh, sh, sed, nq',
      ]);
      expect(filesUnder(outdir)).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it("holds for a preset alone in its app, whose prepare pass is skipped: no file, no stack folder", () => {
    const outdir = mkdtempSync(join(tmpdir(), "hal-validation-"));
    try {
      const app = new App({ outdir });
      new HeartbeatApacheStack(app, "alone", { pair: { vips: ["10.1.1.1"], preferredNode: "srv9" } });
      expect(() => app.synth()).toThrow(/^Invalid topology, 2 problems; nothing was written:/);
      expect(readdirSync(join(outdir, "stacks"))).toEqual([]);
      expect(filesUnder(outdir)).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it("turns props the types forbid into the project's error, not a TypeError", () => {
    const { stack, platform } = stackWithPlatform();
    const cases: [string, object][] = [
      ["nonetworks", { platform, admin, nodes: pairNodes, vips: [] }],
      ["nonodes", { platform, admin, networks, vips: [] }],
      ["noadmin", { platform, networks, nodes: pairNodes, vips: [] }],
      ["noplatform", { admin, networks, nodes: pairNodes, vips: [] }],
      ["nullnode", { platform, admin, networks, nodes: [pairNodes[0], null], vips: [] }],
    ];
    for (const [id, props] of cases) expect(() => new HeartbeatPair(stack, id, props as HeartbeatPairProps)).not.toThrow();
    expect(() => new IpvsLoadBalancer(stack, "noweb", { platform, admin, networks, directors: [], vip: "x" } as never)).not.toThrow();
    expect(() => new WebServer(stack, "nonode", { platform, admin, networks } as never)).not.toThrow();
    expect(problems(stack)).toEqual([
      "  - s/nonetworks: networks.public.cidr = (unset): is required: the subnet, such as 192.168.56.0/24",
      "  - s/nonetworks: networks.private.cidr = (unset): is required: the subnet, such as 192.168.56.0/24",
      "  - s/nonodes: nodes = (unset): is required: a list",
      "  - s/noadmin: admin.sshAuthorizedKeys = (unset): is required: a list of SSH public keys, or Terraform references to them",
      "  - s/noplatform: platform = (unset): is required: a LibvirtPlatform or VspherePlatform",
      "  - s/nullnode: nodes[1] = null: is empty",
      "  - s/noweb: webServers = (unset): is required: a list",
      "  - s/nonode: node = (unset): is required",
    ]);
  });
});

describe("props the types forbid, found by fuzzing: each is named, none is dropped or crashes", () => {
  it.each([
    [
      "a VIP that is a number",
      { vips: [123] },
      "  - s/pair: vips[0].address = 123: must be an IPv4 address inside 192.168.56.0/24, or { address, network }",
    ],
    [
      "a VIP without an address",
      { vips: [{}] },
      "  - s/pair: vips[0].address = {}: must be an IPv4 address inside 192.168.56.0/24, or { address, network }",
    ],
    [
      "a VIP on an unknown network",
      { vips: [{ address: "192.168.56.10", network: "dmz" }] },
      '  - s/pair: vips[0].network = "dmz": must be one of public, private',
    ],
    [
      "a host name that is a number",
      { nodes: [{ ...pairNodes[0], name: 5 }, pairNodes[1]] },
      "  - s/pair: nodes[0].name = 5: must be a string: a host name such as srv1",
    ],
    [
      "an SSH key that is a number",
      { admin: { sshAuthorizedKeys: [5] } },
      "  - s/pair: admin.sshAuthorizedKeys[0] = 5: must be a string: a public key line, or a Terraform reference to one",
    ],
    [
      "nameservers as one string",
      { networks: { ...networks, public: { ...networks.public, nameservers: "1.1.1.1" } } },
      '  - s/pair: networks.public.nameservers = "1.1.1.1": must be a list of IPv4 addresses',
    ],
    [
      "an engine that is not one",
      { failover: {} },
      '  - s/pair: failover = "(not an engine)": must be a FailoverEngine, such as FailoverEngine.heartbeat({ deadtime: 3, warntime: 2 })',
    ],
  ])("%s", (_, props, line) => {
    expect(problems(pair(props as Partial<HeartbeatPairProps>))).toEqual([line]);
  });

  it("a cidr that is no subnet is reported once, and the VIPs on it do not crash the plan", () => {
    expect(problems(pair({ networks: { ...networks, public: { cidr: "nope" } } }))).toEqual([
      '  - s/pair: networks.public.cidr = "nope": must be an IPv4 subnet such as 192.168.56.0/24',
    ]);
  });
});

describe("fields in the user's words, each mistake once", () => {
  it("names an IpvsLoadBalancer's nodes and services as its props do, addresses and rules in one round", () => {
    const lb = loadBalancer({
      webServers: [
        { name: "web1", privateAddress: "192.168.200.11" },
        { name: "web2", privateAddress: "10.0.0.1", weight: -1 },
      ],
      port: 0,
    });
    // In one round: the rules' values are not held back until the addresses are fixed.
    expect(problems(lb)).toEqual([
      '  - s/lb: webServers[1].privateAddress = "10.0.0.1": is outside the private subnet 192.168.200.0/24',
      "  - s/lb: port = 0: must be a port number, 1..65535",
      "  - s/lb: webServers[1].weight = -1: must be a whole number, 0..65535 (0 drains the server)",
    ]);
    const rules = loadBalancer({ port: 0, webServers: [{ name: "web1", privateAddress: "192.168.200.11", weight: -1 }] });
    expect(problems(rules)).toEqual([
      "  - s/lb: port = 0: must be a port number, 1..65535",
      "  - s/lb: webServers[0].weight = -1: must be a whole number, 0..65535 (0 drains the server)",
    ]);
  });

  it("reports a rule problem of a pair of directors once, not once per director", () => {
    const at = stackWithPlatform();
    const ha = new HaLoadBalancedWeb(at.stack, "ha", {
      platform: at.platform,
      admin,
      networks,
      directors: [
        { name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.251" },
        { name: "lb2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.252" },
      ],
      webServers: [{ name: "web1", privateAddress: "192.168.200.11" }],
      vip: "192.168.56.10",
      gatewayVip: "192.168.200.254",
      scheduler: "bogus" as never,
    });
    expect(problems(ha)).toEqual([
      '  - s/ha/lb: scheduler = "bogus": unknown scheduler; ipvsadm accepts rr, wrr, lc, wlc, lblc, lblcr, dh, sh, sed, nq',
    ]);
  });

  it("names interfaceNames and host names as declared, once, not per node and per file", () => {
    expect(problems(pair({ interfaceNames: { public: "bad name!" } }))).toEqual([
      '  - s/pair: interfaceNames.public = "bad name!": must be a lowercase interface name of 1..15 characters such as public or eth1',
    ]);
    expect(problems(pair({ nodes: [{ ...pairNodes[0], name: "Srv1" }, pairNodes[1]] }))).toEqual([
      "  - s/pair: nodes[0].name = \"Srv1\": must be a lowercase host name: a letter, then letters, digits or '-', not ending in '-'",
    ]);
    const at = stackWithPlatform();
    const web = new WebServer(at.stack, "web", {
      platform: at.platform,
      admin,
      networks,
      node: { name: "Web", privateAddress: "192.168.200.9" },
    });
    expect(problems(web)).toEqual([
      "  - s/web: node.name = \"Web\": must be a lowercase host name: a letter, then letters, digits or '-', not ending in '-'",
    ]);
  });

  it("never reports a default the user did not set: a deadtime below the default warntime is the deadtime's problem", () => {
    expect(problems(pair({ failover: FailoverEngine.heartbeat({ deadtime: 3 }) }))).toEqual([
      "  - s/pair: failover.deadtime = 3: warntime must be at least keepalive and less than deadtime; warntime is left at its default (3, HEARTBEAT_DEFAULTS.warntime): set warntime as well, or change deadtime",
    ]);
    // initdead's default follows deadtime (twice it, at least 10 s), so a long deadtime alone is fine.
    const slow = pair({ failover: FailoverEngine.heartbeat({ deadtime: 12 }) });
    expect(() => checkTopologies(slow)).not.toThrow();
    expect(slow.nodes[0].spec.failover!.files.find((f) => f.path === "/etc/ha.d/ha.cf")!.content).toContain("\ninitdead 24\n");
    // A timer the user set is reported as set.
    expect(problems(pair({ failover: FailoverEngine.heartbeat({ deadtime: 3, warntime: 3 }) }))).toEqual([
      "  - s/pair: failover.warntime = 3: warntime must be at least keepalive and less than deadtime",
    ]);
  });

  it("names only props that exist: crc is accepted with failover.allowInsecureCrc, as the hint says", () => {
    expect(problems(pair({ failover: FailoverEngine.heartbeat({ authMethod: "crc" }) }))[0]).toContain("set allowInsecureCrc: true");
    const crc = pair({ failover: FailoverEngine.heartbeat({ authMethod: "crc", allowInsecureCrc: true }) });
    expect(() => checkTopologies(crc)).not.toThrow();
    const authkeys = crc.nodes[0].spec.failover!.files.find((f) => f.path === "/etc/ha.d/authkeys")!;
    expect(authkeys.content).toContain("auth 1\n1 crc\n");
  });

  it("refuses mailTo without mailRelay, a relay that is no host[:port], and a relay without mailTo, in one error", () => {
    const lines = (settings: Parameters<typeof FailoverEngine.heartbeat>[0]) =>
      problems(pair({ failover: FailoverEngine.heartbeat(settings) }));
    expect(lines({ mailTo: "ops@example.org" })).toEqual([
      '  - s/pair: failover.mailTo = "ops@example.org": MailTo mails through a relay, and the nodes run no mail server of their own: set mailRelay ("smtp.example.org" or "host:port"), or leave mailTo out',
    ]);
    const hint =
      'must be an SMTP relay\'s host name or IPv4 address, with an optional port: "smtp.example.org" or "smtp.example.org:587" (port 25 by default)';
    for (const bad of [
      "smtp example.org",
      "smtp.example.org:0",
      "smtp.example.org:65536",
      "-smtp.example.org",
      "1.2.3",
      "smtp://example.org",
      "",
    ]) {
      expect(lines({ mailTo: "ops@example.org", mailRelay: bad })).toEqual([
        `  - s/pair: failover.mailRelay = ${JSON.stringify(bad)}: ${hint}`,
      ]);
    }
    expect(lines({ mailRelay: "smtp.example.org" })).toEqual([
      '  - s/pair: failover.mailRelay = "smtp.example.org": a relay is only used for mailTo: set mailTo as well, or leave mailRelay out',
    ]);
  });

  it("mails through the relay: msmtp-mta and bsd-mailx installed, /etc/msmtprc names the relay and its port", () => {
    for (const [relay, host, port] of [
      ["smtp.example.org", "smtp.example.org", 25],
      ["192.168.56.1:2525", "192.168.56.1", 2525],
    ] as const) {
      const p = pair({ failover: FailoverEngine.heartbeat({ mailTo: "ops@example.org", mailRelay: relay }) });
      expect(() => checkTopologies(p)).not.toThrow();
      const failover = p.nodes[0].spec.failover!;
      expect(failover.packages).toEqual(expect.arrayContaining(["heartbeat", "msmtp-mta", "bsd-mailx"]));
      const rc = failover.files.find((f) => f.path === "/etc/msmtprc")!;
      expect(rc.content).toBe(
        `# /etc/msmtprc: generated. msmtp-mta's sendmail hands every mail (Heartbeat's MailTo) to the relay.\ndefaults\nsyslog LOG_MAIL\naccount default\nhost ${host}\nport ${port}\ntimeout 5\nfrom heartbeat@%H\n`,
      );
      // bsd-mailx sends through ha-sendmail, which logs a mail the relay refused instead of failing the group.
      expect(failover.files.find((f) => f.path === "/etc/mail.rc")).toMatchObject({
        content: expect.stringContaining("\nset sendmail=/etc/ha.d/ha-sendmail\n"),
        defer: true,
      });
      expect(failover.files.find((f) => f.path === "/etc/ha.d/ha-sendmail")).toMatchObject({
        content: expect.stringContaining('/usr/sbin/sendmail "$@"\n'),
        permissions: "0755",
      });
      expect(failover.files.find((f) => f.path === "/etc/ha.d/haresources")!.content).toContain(" apache2 MailTo::ops@example.org\n");
    }
    const plain = pair().nodes[0].spec.failover!;
    expect(plain.packages).not.toContain("msmtp-mta");
    expect(plain.files.map((f) => f.path)).not.toEqual(expect.arrayContaining(["/etc/msmtprc"]));
    expect(plain.files.map((f) => f.path)).not.toContain("/etc/mail.rc");
  });

  it("takes an empty heartbeatNetworks with a medium in extraMedia, and refuses it with none", () => {
    const serialOnly = pair({
      failover: FailoverEngine.heartbeat({ heartbeatNetworks: [], extraMedia: [{ kind: "serial", device: "/dev/ttyS0" }] }),
    });
    expect(() => checkTopologies(serialOnly)).not.toThrow();
    const haCf = serialOnly.nodes[0].spec.failover!.files.find((f) => f.path === "/etc/ha.d/ha.cf")!.content;
    expect(haCf.split("\n").filter((l) => /^(ucast|bcast|mcast|serial|baud) /.test(l))).toEqual(["baud 19200", "serial /dev/ttyS0"]);
    expect(problems(pair({ failover: FailoverEngine.heartbeat({ heartbeatNetworks: [] }) }))).toEqual([
      '  - s/pair: failover.heartbeatNetworks = []: heartbeats need a path: name a network (["private"]) or give extraMedia',
    ]);
  });
});

describe("firewall options", () => {
  it("lists every bad admin network, in the user's words, and writes nothing", () => {
    const lb = loadBalancer({
      firewall: { adminNetworks: ["admins", "192.168.56.5/24", "10.0.0.0/33"], enabled: "yes" as unknown as boolean },
    });
    expect(problems(lb)).toEqual([
      '  - s/lb: firewall.enabled = "yes": must be true or false',
      '  - s/lb: firewall.adminNetworks[0] = "admins": must be an IPv4 subnet in CIDR form such as 192.168.56.0/24 (a host: 192.168.56.5/32)',
      '  - s/lb: firewall.adminNetworks[1] = "192.168.56.5/24": must name the network address: 192.168.56.0/24',
      '  - s/lb: firewall.adminNetworks[2] = "10.0.0.0/33": must be an IPv4 subnet in CIDR form such as 192.168.56.0/24 (a host: 192.168.56.5/32)',
    ]);
  });

  it("refuses an empty admin list: nobody could reach the directors' sshd", () => {
    expect(problems(loadBalancer({ firewall: { adminNetworks: [] } }))).toEqual([
      "  - s/lb: firewall.adminNetworks = []: no network could reach sshd on the directors: name one (a single host is a /32), or leave it out for the public subnet",
    ]);
  });
});

describe("conflicts between constructs", () => {
  const otherNodes = [
    { name: "srv3", publicAddress: "192.168.56.13", privateAddress: "192.168.200.13" },
    { name: "srv4", publicAddress: "192.168.56.14", privateAddress: "192.168.200.14" },
  ];

  describe("Heartbeat channels on the platform's networks", () => {
    const vips = ["192.168.56.20"];
    const bcast = (udpport?: number) => FailoverEngine.heartbeat({ udpport, extraMedia: [{ kind: "bcast", interfaces: ["private"] }] });
    const mcast = (group: string) =>
      FailoverEngine.heartbeat({ heartbeatNetworks: [], extraMedia: [{ kind: "mcast", interface: "public", group, port: 700 }] });
    const why =
      "two Heartbeat pairs on one network would hear each other's bcast or mcast heartbeats; give one pair another udpport (or mcast group), or use ucast";

    it("let two ucast pairs share a port: each sends only to its own peer's address", () => {
      const at = stackWithPlatform();
      pair({}, "a", at);
      expect(() => checkTopologies(pair({ nodes: otherNodes, vips }, "b", at))).not.toThrow();
    });

    it("refuse a bcast on a network where another pair listens on the same port, and accept another port", () => {
      const at = stackWithPlatform();
      pair({}, "a", at);
      const b = pair({ nodes: otherNodes, vips, failover: bcast() }, "b", at);
      expect(problems(b)).toEqual([
        `  - s/b: failover.extraMedia[0] = "UDP 694 on the private network": heartbeat channel already used by s/a (failover.udpport) in the same stack; ${why}`,
      ]);
      const other = stackWithPlatform();
      pair({}, "a", other);
      expect(() => checkTopologies(pair({ nodes: otherNodes, vips, failover: bcast(695) }, "b", other))).not.toThrow();
    });

    it("refuse one mcast group and port twice, and accept two groups", () => {
      const at = stackWithPlatform();
      pair({ failover: mcast("239.0.0.1") }, "a", at);
      const b = pair({ nodes: otherNodes, vips, failover: mcast("239.0.0.1") }, "b", at);
      expect(problems(b)).toEqual([
        `  - s/b: failover.extraMedia[0] = "mcast 239.0.0.1:700 on the public network": heartbeat channel already used by s/a (failover.extraMedia[0]) in the same stack; ${why}`,
      ]);
      const other = stackWithPlatform();
      pair({ failover: mcast("239.0.0.1") }, "a", other);
      expect(() => checkTopologies(pair({ nodes: otherNodes, vips, failover: mcast("239.0.0.2") }, "b", other))).not.toThrow();
    });

    it("ignore pairs on two platforms, whose networks are their own", () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, "s");
      pair({}, "a", { stack, platform: new LibvirtPlatform(stack, "one", { namePrefix: "one" }) });
      const b = pair({ nodes: otherNodes, vips, failover: bcast() }, "b", {
        stack,
        platform: new LibvirtPlatform(stack, "two", { namePrefix: "two" }),
      });
      expect(() => checkTopologies(b)).not.toThrow();
    });
  });

  it("refuses a node name, an address or a VIP reused by a second construct in one stack", () => {
    const at = stackWithPlatform();
    pair({}, "a", at);
    const b = pair(
      {
        nodes: [
          { ...otherNodes[0], name: "srv1" },
          { ...otherNodes[1], privateAddress: "192.168.200.11" },
        ],
      },
      "b",
      at,
    );
    const why = {
      name: "each VM needs its own name: libvirt would get two domains and volumes of that name, and vSphere one VM with the other's user-data",
      address: "two NICs or VIPs with one address on one network: traffic would reach either",
    };
    expect(problems(b)).toEqual([
      `  - s/b: nodes[0].name = "srv1": host name already used by s/a (nodes[0].name) in the same stack; ${why.name}`,
      `  - s/b: nodes[1].privateAddress = "192.168.200.11": address already used by s/a (nodes[0].privateAddress) in the same stack; ${why.address}`,
      `  - s/b: vips[0] = "192.168.56.10": address already used by s/a (vips[0]) in the same stack; ${why.address}`,
    ]);
  });

  it("refuses a load balancer's VIP that a pair on the same platform holds, across stacks", () => {
    const app = Testing.app();
    const one = stackWithPlatform(app, "one");
    pair({}, "pair", one);
    const two = new TerraformStack(app, "two");
    const lb = loadBalancer(
      {
        directors: [{ name: "lb1", publicAddress: "192.168.56.21", privateAddress: "192.168.200.1" }],
        webServers: [{ name: "web1", privateAddress: "192.168.200.21" }],
      },
      { stack: two, platform: one.platform },
    );
    expect(problems(lb)).toEqual([
      '  - two/lb: vip = "192.168.56.10": address already used by one/pair (vips[0]) on the same platform; two NICs or VIPs with one address on one network: traffic would reach either',
    ]);
  });

  it("accepts the same topology in two stacks on two platforms, and distinct constructs in one stack", () => {
    const app = Testing.app();
    pair({}, "pair", stackWithPlatform(app, "one"));
    const twin = pair({}, "pair", stackWithPlatform(app, "two"));
    expect(() => checkTopologies(twin)).not.toThrow();
    const at = stackWithPlatform();
    pair({}, "a", at);
    const b = pair({ nodes: otherNodes, vips: ["192.168.56.20"] }, "b", at);
    expect(() => checkTopologies(b)).not.toThrow();
    expect(Object.keys(b.machines)).toEqual(["srv3", "srv4"]);
  });

  it("refuses a node named like the construct's own child", () => {
    expect(problems(pair({ nodes: [{ ...pairNodes[0], name: "authkey" }, pairNodes[1]] }))).toEqual([
      '  - s/pair: nodes[0].name = "authkey": the construct already has a child of that name (HeartbeatSecret); rename the node',
    ]);
  });
});

describe("values that would break at deploy time", () => {
  it("refuses host names over 63 characters, with a dot or a leading digit", () => {
    const long = "a".repeat(64);
    const bad = pair({
      nodes: [
        { ...pairNodes[0], name: long },
        { ...pairNodes[1], name: "srv2.example.com" },
      ],
    });
    const third = pair({ nodes: [{ ...pairNodes[0], name: "1srv" }, pairNodes[1]] });
    expect(problems(bad)).toEqual([
      `  - s/pair: nodes[0].name = "${long}": is 64 characters; a host name is one label of at most 63`,
      '  - s/pair: nodes[1].name = "srv2.example.com": no dots: give the short host name (vSphere would read the rest as a domain)',
    ]);
    expect(problems(third)).toEqual([
      '  - s/pair: nodes[0].name = "1srv": must start with a letter (vSphere refuses a host name that starts with a digit)',
    ]);
    expect(() => checkTopologies(pair({ nodes: [{ ...pairNodes[0], name: "a".repeat(63) }, pairNodes[1]] }))).not.toThrow();
  });

  it("refuses a libvirt disk of 0, negative or fractional GiB", () => {
    const app = Testing.app();
    for (const [id, diskGiB] of [
      ["zero", 0],
      ["negative", -5],
      ["half", 1.5],
    ] as const) {
      new LibvirtPlatform(new TerraformStack(app, id), "libvirt", { diskGiB });
    }
    expect(problems(app)).toEqual([
      "  - zero/libvirt: diskGiB = 0: must be a whole number of GiB, at least 1",
      "  - negative/libvirt: diskGiB = -5: must be a whole number of GiB, at least 1",
      "  - half/libvirt: diskGiB = 1.5: must be a whole number of GiB, at least 1",
    ]);
  });

  it("refuses SSH keys that are empty, not keys or span lines, and takes a Terraform reference as it is", () => {
    const key = admin.sshAuthorizedKeys[0];
    const bad = pair({ admin: { sshAuthorizedKeys: ["", "~/.ssh/id_ed25519.pub", `${key}\n${key}`, "${var.ssh_public_key}", key] } });
    expect(problems(bad)).toEqual([
      '  - s/pair: admin.sshAuthorizedKeys[0] = "": is empty: give a public key line, or a Terraform reference to one',
      "  - s/pair: admin.sshAuthorizedKeys[1] = \"~/.ssh/id_ed25519.pub\": is not an OpenSSH public key line such as 'ssh-ed25519 AAAA... you@host' (a private key or a file name?)",
      `  - s/pair: admin.sshAuthorizedKeys[2] = ${JSON.stringify(`${key}\n${key}`)}: one key per entry: a newline would end authorized_keys' line there`,
    ]);
    expect(problems(pair({ admin: { sshAuthorizedKeys: [] } }))).toEqual([
      "  - s/pair: admin.sshAuthorizedKeys = []: at least one SSH public key is needed: the admin user has no password",
    ]);
    // The presets pass a variable's token; its Terraform validation checks the value at plan time.
    expect(() => Testing.synth(new HeartbeatApacheStack(Testing.app(), "preset"))).not.toThrow();
  });

  it("refuses an admin user named root or with a space", () => {
    expect(problems(pair({ admin: { ...admin, name: "root" } }))).toEqual([
      "  - s/pair: admin.name = \"root\": not root: Debian's cloud image disables root's SSH login (cloud-init's disable_root), so the key would not let anyone in; name a user such as admin",
    ]);
    expect(problems(pair({ admin: { ...admin, name: "web admin" } }))).toEqual([
      "  - s/pair: admin.name = \"web admin\": must be a Linux user name: lowercase letters, digits, '_' or '-', a letter or '_' first, at most 32 characters",
    ]);
  });

  it("refuses a literal Heartbeat secret, which would be synthesized in plain text, and never prints it", () => {
    const literal = pair({ failover: FailoverEngine.heartbeat({ secret: "hunter2hunter2" }) });
    const lines = problems(literal);
    expect(lines).toEqual([
      '  - s/pair: failover.secret = "(hidden)": a literal secret lands in plain text in the synthesized JSON: pass a Terraform reference (a sensitive variable, or a HeartbeatSecret\'s value), or leave secret out for a generated random_password',
    ]);
    expect(lines.join("\n")).not.toContain("hunter2");
    const at = stackWithPlatform();
    const variable = new HeartbeatSecret(at.stack, "secret", { variableName: "heartbeat_secret" });
    expect(() => checkTopologies(pair({ failover: FailoverEngine.heartbeat({ secret: variable.value }) }, "pair", at))).not.toThrow();
  });
});

describe("platforms", () => {
  it("refuse a second platform of one kind in a stack under the same namePrefix", () => {
    const { stack } = stackWithPlatform();
    new LibvirtPlatform(stack, "again");
    new LibvirtPlatform(stack, "other", { namePrefix: "s-other" });
    new VspherePlatform(stack, "vsphere");
    expect(problems(stack)).toEqual([
      '  - s/again: namePrefix = "s": name prefix already used by s/libvirt (namePrefix) in the same stack; two platforms in one stack would create the same networks, volumes and VMs on the host; give each its own namePrefix',
    ]);
  });
});

describe("the README's example error", () => {
  it("is what synth throws for a bad pair and a bad load balancer in two stacks", () => {
    const app = Testing.app();
    pair({ failover: FailoverEngine.heartbeat({ deadtime: 3 }) }, "pair", stackWithPlatform(app, "one"));
    loadBalancer(
      {
        admin: { name: "web admin", sshAuthorizedKeys: admin.sshAuthorizedKeys },
        webServers: [
          { name: "web1", privateAddress: "192.168.200.11" },
          { name: "web2", privateAddress: "192.168.20.12" },
        ],
      },
      stackWithPlatform(app, "two"),
    );
    let message = "";
    try {
      checkTopologies(app);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid topology, 3 problems/);
    expect(readFileSync(join(__dirname, "../../README.md"), "utf8")).toContain("```\n" + message + "\n```\n");
  });
});

describe("the secret variable", () => {
  it("carries a Terraform validation: 16 characters or more, no whitespace (terraform plan refuses 'short' and a value with a blank)", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new HeartbeatSecret(stack, "secret", { variableName: "hb_secret" });
    const variable = JSON.parse(Testing.synth(stack)).variable.hb_secret;
    expect(variable).toMatchObject({ sensitive: true, type: "string" });
    expect(variable.validation).toEqual([
      {
        condition: '${can(regex("^[^\\\\s]{16,}$", var.hb_secret))}',
        error_message: "hb_secret must be at least 16 characters with no whitespace: authkeys would cut it at the first blank.",
      },
    ]);
  });
});
