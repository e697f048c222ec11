import { ConfigError, IpvsVirtualService, LDIRECTORD_DEFAULTS, renderLdirectordCf, validateLdirectordConfig } from "../../cloud-init";

const services: IpvsVirtualService[] = [
  {
    address: "192.168.56.10",
    port: 80,
    scheduler: "rr",
    realServers: [
      { address: "192.168.200.11", weight: 1 },
      { address: "192.168.200.12", weight: 3 },
    ],
  },
];

function messages(config: Parameters<typeof validateLdirectordConfig>[0]): string[] {
  return validateLdirectordConfig(config, "lb1/ldirectord.cf").map((i) => `${i.field} = ${JSON.stringify(i.value)}: ${i.message}`);
}

describe("renderLdirectordCf", () => {
  it("writes every global value, so neither the POD's nor the code's defaults apply", () => {
    const text = renderLdirectordCf({ services });
    expect(text).toBe(
      [
        "# /etc/ha.d/ldirectord.cf: generated. ldirectord checks the real servers and installs the IPVS rules.",
        "checkinterval=5",
        "checktimeout=3",
        "negotiatetimeout=3",
        "failurecount=1",
        "autoreload=no",
        "fork=no",
        "quiescent=no",
        "readdquiescent=no",
        "cleanstop=yes",
        'logfile="daemon"',
        "",
        "virtual=192.168.56.10:80",
        "\tprotocol=tcp",
        "\tscheduler=rr",
        "\tservice=http",
        "\tchecktype=negotiate",
        "\thttpmethod=GET",
        '\trequest="healthz"',
        '\treceive="^ok "',
        "\treal=192.168.200.11:80 masq 1",
        "\treal=192.168.200.12:80 masq 3",
        "",
      ].join("\n"),
    );
  });

  it("renders the check, quiesce, persistence, scheduler and the fallback", () => {
    const text = renderLdirectordCf({
      services: [{ ...services[0], scheduler: "wlc", persistence: 300 }],
      check: {
        path: "/status/ok",
        expect: "^up$",
        intervalSeconds: 2,
        connectTimeoutSeconds: 1,
        responseTimeoutSeconds: 2,
        failuresBeforeDown: 3,
      },
      onFailure: "quiesce",
      fallback: { address: "192.168.200.30" },
    });
    for (const line of [
      "checkinterval=2",
      "checktimeout=1",
      "negotiatetimeout=2",
      "failurecount=3",
      "quiescent=yes",
      "\tscheduler=wlc",
      "\tpersistent=300",
      '\trequest="status/ok"',
      '\treceive="^up$"',
      "\tfallback=192.168.200.30:80 masq",
    ]) {
      expect(text.split("\n")).toContain(line);
    }
  });

  it("gives the fallback its own port, and DR real servers the gate method", () => {
    const dr: IpvsVirtualService = {
      address: "192.168.56.10",
      port: 80,
      realServers: [{ address: "192.168.56.21", forwarding: "gatewaying" }],
    };
    const text = renderLdirectordCf({ services: [dr], fallback: { address: "192.168.56.30", port: 8080 } });
    expect(text).toContain("\treal=192.168.56.21:80 gate 1\n");
    expect(text).toContain("\tfallback=192.168.56.30:8080 gate\n");
  });

  it("defaults are the declared ones", () => {
    expect(LDIRECTORD_DEFAULTS).toMatchObject({
      path: "/healthz",
      expect: "^ok ",
      intervalSeconds: 5,
      responseTimeoutSeconds: 3,
      onFailure: "remove",
    });
  });
});

describe("validateLdirectordConfig: the issue's bad values", () => {
  it("a check interval of 0", () => {
    expect(messages({ services, check: { intervalSeconds: 0 } })).toEqual([
      "check.intervalSeconds = 0: must be a whole number, 1..3600 (ldirectord reads whole seconds and refuses 0)",
    ]);
  });

  it("a timeout longer than the interval", () => {
    expect(messages({ services, check: { intervalSeconds: 2, connectTimeoutSeconds: 1, responseTimeoutSeconds: 5 } })).toEqual([
      "check.responseTimeoutSeconds = 5: longer than intervalSeconds (2): checks run one after another, so a hung server would delay the next round; at most 2",
    ]);
    // The defaults (3 s) against a shorter interval count too.
    expect(messages({ services, check: { intervalSeconds: 2 } }).map((m) => m.split(":")[0])).toEqual([
      "check.connectTimeoutSeconds = 3",
      "check.responseTimeoutSeconds = 3",
    ]);
  });

  it("a fallback that is also a real server", () => {
    expect(messages({ services, fallback: { address: "192.168.200.12" } })).toEqual([
      'fallback.address = "192.168.200.12:80": is also a real server of services[0]: the fallback only gets traffic when every real server is down, so it must be another server',
    ]);
    // The same address on another port is another server.
    expect(messages({ services, fallback: { address: "192.168.200.12", port: 8080 } })).toEqual([]);
  });

  it.each([
    ["", "must be a non-empty regular expression"],
    ['say "ok"', "no double quotes or line breaks"],
    ["ok\nfine", "no double quotes or line breaks"],
    ["(ok", "is not a regular expression"],
  ])("a bad expect string %j", (expect_, message) => {
    const found = messages({ services, check: { expect: expect_ } });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  it("bad paths, fractions, udp and an unknown onFailure, all in one list", () => {
    const found = messages({
      services: [{ ...services[0], protocol: "udp" }],
      check: { path: "healthz", failuresBeforeDown: 1.5 },
      onFailure: "drop" as never,
    });
    expect(found.map((m) => m.split(" = ")[0])).toEqual(["check.failuresBeforeDown", "check.path", "services[0].protocol", "onFailure"]);
  });

  it("the renderer throws one ConfigError, in the project's format", () => {
    expect(() => renderLdirectordCf({ services, check: { intervalSeconds: 0 } })).toThrow(ConfigError);
    expect(() => renderLdirectordCf({ services, check: { intervalSeconds: 0 } })).toThrow(
      "Invalid topology, 1 problem; nothing was written:\n  - /etc/ha.d/ldirectord.cf: check.intervalSeconds = 0:",
    );
  });
});
