import { ConfigError, defaultInitdead, HaCfConfig, heartbeatTimeMs, renderAuthkeys, renderHaCf, renderHaresources } from "../../cloud-init";

/** ha.cf from lab 002: serial + broadcast media, the timing values the lab types. */
const lab002: HaCfConfig = {
  nodes: ["nico.test.local", "dracofeu"],
  media: [
    { kind: "bcast", interfaces: ["eth0"] },
    { kind: "serial", device: "/dev/ttyS0" },
  ],
  keepalive: 2,
  deadtime: 10,
  warntime: 6,
  initdead: 60,
  udpport: 694,
  autoFailback: true,
  logfacility: "local0",
};

function directives(text: string): string[] {
  return text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
}

describe("ha.cf", () => {
  it("writes the lab's directives line by line", () => {
    expect(directives(renderHaCf(lab002))).toEqual([
      "logfacility local0",
      "keepalive 2",
      "deadtime 10",
      "warntime 6",
      "initdead 60",
      "udpport 694",
      "baud 19200",
      "bcast eth0",
      "serial /dev/ttyS0",
      "auto_failback on",
      "node nico.test.local",
      "node dracofeu",
    ]);
  });

  it("defaults to one ucast medium per peer, 1 s keepalive and auto_failback on", () => {
    const text = renderHaCf({ nodes: ["srv1", "srv2"], media: [{ kind: "ucast", interface: "private", peer: "192.168.200.12" }] });
    expect(directives(text)).toEqual(
      expect.arrayContaining(["keepalive 1", "deadtime 5", "ucast private 192.168.200.12", "auto_failback on"]),
    );
    expect(text).not.toContain("baud");
  });

  it("accepts millisecond times, mcast, ping nodes, ipfail, logfile and auto_failback off", () => {
    const text = renderHaCf({
      nodes: ["lb1", "lb2"],
      media: [{ kind: "mcast", interface: "eth1", group: "239.0.0.43", ttl: 1 }],
      keepalive: "500ms",
      deadtime: 2,
      warntime: 1,
      initdead: 10,
      udpport: 695,
      autoFailback: false,
      logfile: "/var/log/ha-log",
      pingNodes: ["192.168.56.1"],
      ipfail: true,
    });
    const lines = directives(text);
    expect(lines).toEqual(
      expect.arrayContaining([
        "logfile /var/log/ha-log",
        "keepalive 500ms",
        "deadtime 2",
        "mcast eth1 239.0.0.43 695 1 0",
        "ping 192.168.56.1",
        "respawn hacluster /usr/libexec/heartbeat/ipfail",
        "apiauth ipfail gid=haclient uid=hacluster",
        "auto_failback off",
      ]),
    );
  });

  it("writes respawn lines and checks them", () => {
    const text = renderHaCf({ ...lab002, respawn: [{ user: "root", command: "/etc/ha.d/garp-refresh" }] });
    expect(directives(text)).toContain("respawn root /etc/ha.d/garp-refresh");
    expect(() => renderHaCf({ ...lab002, respawn: [{ user: "root", command: "garp" }] })).toThrow(
      /respawn\[0\]\.command = "garp": must start with an absolute path/,
    );
  });

  it("parses heartbeat times", () => {
    expect(heartbeatTimeMs(2)).toBe(2000);
    expect(heartbeatTimeMs("500ms")).toBe(500);
    expect(heartbeatTimeMs("0ms")).toBeUndefined();
    expect(heartbeatTimeMs(1.5)).toBeUndefined();
    expect(heartbeatTimeMs("2s")).toBeUndefined();
  });

  it("refuses deadtime not more than twice keepalive, saying why", () => {
    expect(() => renderHaCf({ ...lab002, keepalive: 1, deadtime: 2, warntime: 1 })).toThrow(
      /deadtime = 2: deadtime must be more than twice keepalive \(1\); heartbeat refuses to start otherwise/,
    );
    expect(() => renderHaCf({ ...lab002, keepalive: "500ms", deadtime: 1, warntime: 1 })).toThrow(/deadtime/);
  });

  it("refuses a warntime not under deadtime, or under keepalive", () => {
    expect(() => renderHaCf({ ...lab002, warntime: 10 })).toThrow(
      /warntime = 10: warntime must be at least keepalive and less than deadtime/,
    );
    expect(() => renderHaCf({ ...lab002, keepalive: 3, warntime: 2 })).toThrow(/warntime = 2/);
    expect(() => renderHaCf({ ...lab002, warntime: 9 })).not.toThrow();
  });

  it("defaults initdead to twice deadtime in whole seconds, at least 10, and checks the default too", () => {
    const initdead = (config: Partial<HaCfConfig>) =>
      directives(renderHaCf({ ...lab002, initdead: undefined, ...config })).find((l) => l.startsWith("initdead"));
    expect(initdead({ deadtime: undefined, warntime: undefined, keepalive: undefined })).toBe("initdead 10");
    expect(initdead({ deadtime: 8, warntime: 3 })).toBe("initdead 16");
    expect(initdead({ keepalive: "100ms", deadtime: "300ms", warntime: "200ms", media: [...lab002.media, ...lab002.media] })).toBe(
      "initdead 10",
    );
    expect(initdead({ keepalive: 2, deadtime: "7500ms", warntime: 6 })).toBe("initdead 15");
    for (const deadtime of [1, 3, 5, 8, 30, "2500ms"] as const) {
      const ms = heartbeatTimeMs(deadtime)!;
      expect(heartbeatTimeMs(defaultInitdead(deadtime))).toBeGreaterThanOrEqual(2 * ms);
    }
  });

  it("refuses an initdead shorter than deadtime, as heartbeat does", () => {
    expect(() => renderHaCf({ ...lab002, initdead: 8 })).toThrow(
      /initdead = 8: initdead must be at least deadtime \(10\); heartbeat refuses to start otherwise/,
    );
    expect(() => renderHaCf({ ...lab002, initdead: 10 })).not.toThrow();
  });

  it("writes sub-second timings over two paths, and refuses them over one", () => {
    const fast = {
      nodes: ["srv1", "srv2"],
      keepalive: "100ms",
      deadtime: "600ms",
      warntime: "300ms",
      initdead: 10,
    } as const;
    const twoPaths: HaCfConfig = {
      ...fast,
      media: [
        { kind: "ucast", interface: "private", peer: "192.168.200.12" },
        { kind: "ucast", interface: "public", peer: "192.168.56.12" },
      ],
    };
    expect(directives(renderHaCf(twoPaths))).toEqual(
      expect.arrayContaining([
        "keepalive 100ms",
        "deadtime 600ms",
        "warntime 300ms",
        "ucast private 192.168.200.12",
        "ucast public 192.168.56.12",
      ]),
    );
    expect(() => renderHaCf({ ...twoPaths, media: twoPaths.media.slice(0, 1) })).toThrow(
      /deadtime = "600ms": a deadtime under 1 s needs at least two media/,
    );
    expect(() => renderHaCf({ ...twoPaths, media: twoPaths.media.slice(0, 1), deadtime: "1000ms" })).not.toThrow();
  });

  it("lists every problem at once", () => {
    let error: ConfigError | undefined;
    try {
      renderHaCf({ ...lab002, keepalive: "2s" as never, udpport: 70000, nodes: ["Web_1"], media: [] });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.issues.map((i) => i.field)).toEqual(expect.arrayContaining(["keepalive", "udpport", "nodes", "nodes[0]", "media"]));
    expect(error!.message).toMatch(/udpport = 70000: must be a UDP port number, 1\.\.65535/);
  });

  it("rejects bad media", () => {
    expect(() => renderHaCf({ ...lab002, media: [{ kind: "ucast", interface: "eth1", peer: "192.168.1" }] })).toThrow(
      /media\[0\]\.peer = "192\.168\.1": must be the peer's IPv4 address/,
    );
    expect(() => renderHaCf({ ...lab002, media: [{ kind: "mcast", interface: "eth1", group: "10.0.0.1" }] })).toThrow(/multicast group/);
    expect(() => renderHaCf({ ...lab002, baud: 1234 })).toThrow(/baud = 1234/);
  });
});

describe("authkeys", () => {
  const secret = "${random_password.heartbeat.result}";

  it("defaults to sha1 with key 1 and carries the secret reference verbatim", () => {
    expect(renderAuthkeys({ secret }).split("\n").slice(1)).toEqual(["auth 1", `1 sha1 ${secret}`, ""]);
  });

  it("allows md5", () => {
    expect(renderAuthkeys({ secret, method: "md5", keyIndex: 2 })).toContain(`auth 2\n2 md5 ${secret}\n`);
  });

  it("has no default secret", () => {
    expect(() => renderAuthkeys({})).toThrow(/secret = \(unset\): sha1 needs a secret/);
  });

  it("refuses crc unless explicitly marked insecure", () => {
    expect(() => renderAuthkeys({ method: "crc" })).toThrow(/method = "crc": crc only checks integrity/);
    expect(renderAuthkeys({ method: "crc", allowInsecureCrc: true })).toContain("auth 1\n1 crc\n");
  });

  it("never echoes a secret in an error", () => {
    expect(() => renderAuthkeys({ secret: "two words" })).toThrow(/secret = "\(hidden\)"/);
    expect(() => renderAuthkeys({ secret: "two words" })).not.toThrow(/two words/);
  });
});

describe("haresources", () => {
  it("writes the lab 002 resource group: IPaddr2 on eth0:0, apache2, MailTo", () => {
    const text = renderHaresources({
      preferredNode: "nico.test.local",
      nodes: ["nico.test.local", "dracofeu"],
      vips: [{ address: "192.168.1.236", prefix: 24, interface: "eth0", label: "eth0:0" }],
      resources: ["apache2"],
      mailTo: "root",
    });
    expect(directives(text)).toEqual(["nico.test.local IPaddr2::192.168.1.236/24/eth0:0 apache2 MailTo::root"]);
  });

  it("puts several VIPs before the resources, for a NAT director pair", () => {
    const text = renderHaresources({
      preferredNode: "lb1",
      nodes: ["lb1", "lb2"],
      vips: [
        { address: "192.168.56.10", prefix: 24, interface: "public" },
        { address: "192.168.200.254", prefix: 24, interface: "private" },
      ],
      resources: ["ipvsadm"],
    });
    expect(directives(text)).toEqual(["lb1 IPaddr2::192.168.56.10/24/public IPaddr2::192.168.200.254/24/private ipvsadm"]);
  });

  it("rejects an owner that is not a node, a VIP that is not IPv4, and a bad label", () => {
    expect(() =>
      renderHaresources({
        preferredNode: "web3",
        nodes: ["web1", "web2"],
        vips: [{ address: "192.168.56.300", prefix: 24, interface: "eth0", label: "eth1:0" }],
        resources: ["apache2"],
      }),
    ).toThrow(
      /preferredNode = "web3": the resource owner must be a node of the cluster: web1, web2[\s\S]*vips\[0\]\.address = "192\.168\.56\.300": must be an IPv4 address[\s\S]*vips\[0\]\.label/,
    );
  });
});
