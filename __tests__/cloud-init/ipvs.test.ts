import { renderDirectorSysctl, renderIpvsadmDefaults, renderIpvsadmRules } from "../../cloud-init";

describe("ipvsadm.rules", () => {
  it("writes lab 001's service in ipvsadm-save -n format: rr, NAT, weight 1", () => {
    const rules = renderIpvsadmRules([
      {
        address: "192.16.193.30",
        port: 80,
        scheduler: "rr",
        realServers: [
          { address: "172.16.193.10", port: 80, forwarding: "masquerade", weight: 1 },
          { address: "172.16.193.40", port: 80, forwarding: "masquerade", weight: 1 },
        ],
      },
    ]);
    expect(rules).toBe(
      [
        "-A -t 192.16.193.30:80 -s rr",
        "-a -t 192.16.193.30:80 -r 172.16.193.10:80 -m -w 1",
        "-a -t 192.16.193.30:80 -r 172.16.193.40:80 -m -w 1",
        "",
      ].join("\n"),
    );
  });

  it("puts three real servers under one VIP (lab 000)", () => {
    const rules = renderIpvsadmRules([
      {
        address: "192.168.56.10",
        port: 80,
        realServers: ["192.168.200.11", "192.168.200.12", "192.168.200.13"].map((address) => ({ address })),
      },
    ]).split("\n");
    expect(rules[0]).toBe("-A -t 192.168.56.10:80 -s rr");
    expect(rules.filter((l) => l.startsWith("-a -t 192.168.56.10:80 -r 192.168.200.1"))).toHaveLength(3);
    expect(rules.slice(1, 4).every((l) => l.endsWith(":80 -m -w 1"))).toBe(true);
  });

  it("supports udp, persistence, weights, gatewaying and ipip", () => {
    const rules = renderIpvsadmRules([
      {
        protocol: "udp",
        address: "10.0.0.1",
        port: 53,
        scheduler: "wlc",
        persistence: 300,
        realServers: [
          { address: "10.0.1.1", forwarding: "gatewaying", weight: 3 },
          { address: "10.0.1.2", port: 5353, forwarding: "ipip", weight: 0 },
        ],
      },
    ]);
    expect(rules.split("\n")).toEqual([
      "-A -u 10.0.0.1:53 -s wlc -p 300",
      "-a -u 10.0.0.1:53 -r 10.0.1.1:53 -g -w 3",
      "-a -u 10.0.0.1:53 -r 10.0.1.2:5353 -i -w 0",
      "",
    ]);
  });

  it.each(["rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq"])("accepts scheduler %s", (scheduler) => {
    expect(
      renderIpvsadmRules([{ address: "10.0.0.1", port: 80, scheduler: scheduler as never, realServers: [{ address: "10.0.1.1" }] }]),
    ).toContain(`-s ${scheduler}`);
  });

  it("names the field, the value and the valid choices on bad input", () => {
    const render = (service: object) => () =>
      renderIpvsadmRules([{ address: "10.0.0.1", port: 80, realServers: [{ address: "10.0.1.1" }], ...service }]);
    expect(render({ scheduler: "roundrobin" })).toThrow(
      /services\[0\]\.scheduler = "roundrobin": unknown scheduler; ipvsadm accepts rr, wrr, lc, wlc, lblc, lblcr, dh, sh, sed, nq/,
    );
    expect(render({ realServers: [{ address: "10.0.1.1", weight: 70000 }] })).toThrow(
      /services\[0\]\.realServers\[0\]\.weight = 70000: must be a whole number, 0\.\.65535/,
    );
    expect(render({ address: "10.0.0.256" })).toThrow(/services\[0\]\.address = "10\.0\.0\.256": must be an IPv4 address/);
    expect(render({ realServers: [] })).toThrow(/needs at least one real server/);
    expect(render({ port: 0 })).toThrow(/port = 0/);
  });
});

describe("/etc/default/ipvsadm and sysctl", () => {
  it("writes Debian's variables", () => {
    const text = renderIpvsadmDefaults({ auto: true, daemon: "master", iface: "eth1", syncId: 3 });
    expect(text.split("\n").filter((l) => /^[A-Z]/.test(l))).toEqual(['AUTO="true"', 'DAEMON="master"', 'IFACE="eth1"', 'SYNCID="3"']);
    expect(() => renderIpvsadmDefaults({ daemon: "both" as never })).toThrow(/daemon = "both": must be none, master or backup/);
  });

  it("turns on forwarding for NAT directors", () => {
    expect(renderDirectorSysctl()).toMatch(/^net\.ipv4\.ip_forward = 1$/m);
  });
});
