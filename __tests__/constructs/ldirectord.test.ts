import { Testing, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import {
  FailoverEngine,
  HaLoadBalancedWeb,
  HaLoadBalancedWebProps,
  IpvsLoadBalancer,
  IpvsLoadBalancerProps,
  IpvsRules,
  LibvirtPlatform,
  synthesizedNodes,
} from "../../constructs";
import { checkWithCloudInit, loadAsCloudInit, validateUserData } from "../support/cloud-init-validate";
import { admin, networks, problems } from "../support/topology";

const webServers = [
  { name: "web1", privateAddress: "192.168.200.11" },
  { name: "web2", privateAddress: "192.168.200.12" },
];
const sorry = { name: "sorry1", privateAddress: "192.168.200.30" };

function single(props: Partial<IpvsLoadBalancerProps> = {}): IpvsLoadBalancer {
  const stack = new TerraformStack(Testing.app(), "s");
  return new IpvsLoadBalancer(stack, "lb", {
    platform: new LibvirtPlatform(stack, "libvirt"),
    admin,
    networks,
    directors: [{ name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.254" }],
    vip: "192.168.56.10",
    webServers,
    ...props,
  });
}

function pair(props: Partial<HaLoadBalancedWebProps> = {}): HaLoadBalancedWeb {
  const stack = new TerraformStack(Testing.app(), "p");
  return new HaLoadBalancedWeb(stack, "ha", {
    platform: new LibvirtPlatform(stack, "libvirt"),
    admin,
    networks,
    directors: [
      { name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.251" },
      { name: "lb2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.252" },
    ],
    vip: "192.168.56.10",
    gatewayVip: "192.168.200.254",
    webServers,
    ...props,
  });
}

interface Doc {
  packages: string[];
  runcmd: string[][];
  write_files: { path: string; content: string }[];
}

/** Synthesized user-data by host; parsed when a test asks, after cloud-init has checked every document. */
const synthesized: string[] = [];
function nodes(construct: IConstruct): { get(host: string): Doc | undefined; entries(): [string, string][] } {
  const json = JSON.parse(Testing.synth(TerraformStack.of(construct)));
  const byHost = new Map(synthesizedNodes(json).map((n) => [n.hostname, n.userData]));
  synthesized.push(...byHost.values());
  return {
    get: (host) => (byHost.has(host) ? (loadAsCloudInit(byHost.get(host)!) as Doc) : undefined),
    entries: () => [...byHost.entries()],
  };
}

const file = (doc: Doc, path: string) => doc.write_files.find((f) => f.path === path)?.content;

const lb = nodes(
  single({
    rules: IpvsRules.ldirectord({
      check: { intervalSeconds: 2, connectTimeoutSeconds: 2, responseTimeoutSeconds: 2 },
      fallback: { server: sorry },
    }),
  }),
);
const byDefault = nodes(single());
const named = nodes(single({ rules: IpvsRules.staticRestore() }));
const quiescedLb = nodes(single({ persistence: 300, rules: IpvsRules.ldirectord({ onFailure: "quiesce" }) }));
const ha = nodes(pair({ rules: IpvsRules.ldirectord({ fallback: { server: sorry } }) }));
const otherPorts = nodes(
  single({
    extraServices: [{ port: 8080, realServers: [{ node: "web1", port: 8081 }, { node: "web2" }] }],
    rules: IpvsRules.ldirectord({ fallback: { server: sorry, port: 8088 } }),
  }),
);

beforeAll(() => checkWithCloudInit({ userData: synthesized, yaml: synthesized }));

it("cloud-init accepts every document", () => {
  for (const text of synthesized) expect(validateUserData(text)).toMatchObject({ ok: true });
});

describe("IpvsRules.ldirectord on one director", () => {
  const lb1 = () => lb.get("lb1")!;

  it("writes ldirectord.cf instead of the static rules, and runs ldirectord as a service", () => {
    expect(file(lb1(), "/etc/ha.d/ldirectord.cf")).toContain("\treal=192.168.200.12:80 masq 1\n\tfallback=192.168.200.30:80 masq\n");
    expect(file(lb1(), "/etc/ha.d/ldirectord.cf")).toContain("checkinterval=2\n");
    expect(file(lb1(), "/etc/ipvsadm.rules")).toBeUndefined();
    expect(file(lb1(), "/etc/default/ipvsadm")).toContain('AUTO="false"');
    expect(lb1().packages).toEqual(["ipvsadm", "ldirectord", "nftables"]);
    expect(lb1().runcmd.map((c) => c.join(" "))).toEqual(
      expect.arrayContaining(["update-rc.d ldirectord enable", "/usr/local/lib/hal/ldirectord-settle restart"]),
    );
    expect(lb1().runcmd.flat().join(" ")).not.toContain("ipvsadm-restore");
  });

  it("creates the fallback as a web node routed through the director, and the firewall lets its replies through", () => {
    const sorry1 = lb.get("sorry1")!;
    expect(file(sorry1, "/var/www/html/healthz")).toBe("ok sorry1\n");
    expect(file(sorry1, "/var/www/html/index.html")).toContain("sorry1");
    expect(file(sorry1, "/etc/nftables.conf")).toContain("tcp dport 80 accept");
    expect(file(lb1(), "/etc/nftables.conf")).toContain("ip saddr { 192.168.200.11, 192.168.200.12, 192.168.200.30 } tcp sport 80 accept");
  });

  it("makes Apache listen where the director sends requests: a fallback port, a remapped port, the service's own", () => {
    const listen = (host: string) => file(otherPorts.get(host)!, "/etc/apache2/conf-available/hal-listen.conf");
    expect(listen("sorry1")).toMatch(/^Listen 8088$/m);
    expect(listen("web1")?.match(/^Listen .*$/gm)).toEqual(["Listen 8081"]);
    expect(listen("web2")?.match(/^Listen .*$/gm)).toEqual(["Listen 8080"]);
    // Port 80 is ports.conf's: a second Listen 80 would stop apache2.
    expect(listen("lb1")).toBeUndefined();
    expect(file(otherPorts.get("sorry1")!, "/etc/nftables.conf")).toContain("tcp dport 8088 accept");
    expect(file(otherPorts.get("lb1")!, "/etc/ha.d/ldirectord.cf")).toContain("\tfallback=192.168.200.30:8088 masq\n");
    const commands = otherPorts
      .get("web1")!
      .runcmd.map((c) => c.join(" "))
      .filter((c) => /apache2|a2enconf/.test(c));
    expect(commands).toEqual(["a2enconf -q hal-listen", "service apache2 restart"]);
    for (const host of ["web1", "sorry1"]) {
      expect(file(lb.get(host)!, "/etc/apache2/conf-available/hal-listen.conf")).toBeUndefined();
      expect(lb.get(host)!.runcmd.flat()).not.toContain("a2enconf");
    }
  });

  it("keeps the default static restore byte-identical when named", () => {
    expect(named.entries()).toEqual(byDefault.entries());
  });

  it("sets expire_quiescent_template for quiesced servers with persistence", () => {
    const quiesced = quiescedLb.get("lb1")!;
    expect(file(quiesced, "/etc/sysctl.d/61-ipvs-quiescent.conf")).toContain("net.ipv4.vs.expire_quiescent_template = 1");
    expect(file(quiesced, "/etc/ha.d/ldirectord.cf")).toContain("quiescent=yes\n");
  });
});

describe("IpvsRules.ldirectord on a Heartbeat pair", () => {
  it("hands ldirectord to Heartbeat in place of the ipvsadm resource", () => {
    for (const host of ["lb1", "lb2"]) {
      const doc = ha.get(host)!;
      expect(file(doc, "/etc/ha.d/haresources")).toMatch(
        /^lb1 IPaddr2::192\.168\.56\.10\/24\/public IPaddr2::192\.168\.200\.254\/24\/private ldirectord::ldirectord\.cf$/m,
      );
      expect(file(doc, "/etc/ha.d/haresources")).not.toMatch(/ ipvsadm\b/);
      const commands = doc.runcmd.map((c) => c.join(" "));
      // Off init, and stopped for good (the pid file gone) before heartbeat starts it.
      const stop = commands.indexOf("/usr/local/lib/hal/ldirectord-settle stop");
      expect(commands.indexOf("update-rc.d ldirectord disable")).toBeGreaterThanOrEqual(0);
      expect(stop).toBeGreaterThan(commands.indexOf("update-rc.d ldirectord disable"));
      expect(stop).toBeLessThan(commands.indexOf("service heartbeat start"));
      expect(commands).not.toContain("update-rc.d ipvsadm disable");
    }
  });
});

describe("IpvsRules validation, in the props' words", () => {
  it("keepalived refuses ldirectord, with the reason", () => {
    const found = problems(pair({ rules: IpvsRules.ldirectord(), failover: FailoverEngine.keepalived() }));
    expect(found).toEqual([
      '  - p/ha/lb: rules = "IpvsRules.ldirectord()": keepalived checks the real servers itself (its virtual_server health checks) and installs the rules on both directors: use IpvsRules.staticRestore() with keepalived, or FailoverEngine.heartbeat() for ldirectord',
    ]);
  });

  it("lists every problem: interval 0, a timeout past the interval, a fallback that is a real server", () => {
    const found = problems(
      single({
        rules: IpvsRules.ldirectord({
          check: { intervalSeconds: 0, expect: 'a"b' },
          fallback: { server: { name: "web2", privateAddress: "192.168.200.12" } },
        }),
      }),
    );
    expect(found).toEqual([
      '  - s/lb: rules.fallback.server.name = "web2": duplicate host name: each node needs its own',
      '  - s/lb: rules.fallback.server.privateAddress = "192.168.200.12": duplicate address: already used by web2',
      "  - s/lb: rules.check.intervalSeconds = 0: must be a whole number, 1..3600 (ldirectord reads whole seconds and refuses 0)",
      '  - s/lb: rules.check.expect = "a\\"b": no double quotes or line breaks: ldirectord.cf writes it as receive="..." on one line',
      '  - s/lb: rules.fallback.server.name = "web2": is also a real server: the fallback gets traffic only when every real server is down, so it must be another node',
    ]);
  });

  it("a timeout longer than the interval", () => {
    expect(
      problems(
        single({ rules: IpvsRules.ldirectord({ check: { intervalSeconds: 2, connectTimeoutSeconds: 1, responseTimeoutSeconds: 4 } }) }),
      ),
    ).toEqual([
      "  - s/lb: rules.check.responseTimeoutSeconds = 4: longer than intervalSeconds (2): checks run one after another, so a hung server would delay the next round; at most 2",
    ]);
  });

  it("a fallback with a public address is not reached through the director", () => {
    expect(
      problems(single({ rules: IpvsRules.ldirectord({ fallback: { server: { ...sorry, publicAddress: "192.168.56.30" } } }) })),
    ).toEqual([
      '  - s/lb: rules.fallback.server = "sorry1": a fallback server is reached like a NAT real server: give it a privateAddress in the private network and no publicAddress',
    ]);
  });

  it("direct routing refuses ldirectord, with the reason", () => {
    expect(problems(single({ forwarding: "gatewaying", rules: IpvsRules.ldirectord() }))).toContain(
      '  - s/lb: rules = "IpvsRules.ldirectord()": needs forwarding "masquerade" (NAT); with "gatewaying", use IpvsRules.staticRestore()',
    );
  });

  it("rules must be an IpvsRules", () => {
    expect(problems(single({ rules: "ldirectord" as never }))).toEqual([
      '  - s/lb: rules = "ldirectord": must be IpvsRules.staticRestore() or IpvsRules.ldirectord({ ... })',
    ]);
  });
});
