import { ConfigError, NodeSpec } from "../../cloud-init";
import { HeartbeatSettings } from "../../index";
import { ClusterDecl, FailoverEngine, planCluster } from "../../constructs";

/** A Heartbeat + Apache pair as a topology declares it, with `extra` Heartbeat settings. */
const topology = (extra: Partial<HeartbeatSettings>, resources: string[] = ["apache2"]): ClusterDecl => ({
  networks: { public: { cidr: "192.168.56.0/24", gateway: "192.168.56.1" }, private: { cidr: "192.168.200.0/24" } },
  admin: { sshAuthorizedKeys: ["${var.ssh_public_key}"] },
  nodes: [
    { name: "srv1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.11", web: true },
    { name: "srv2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.12", web: true },
  ],
  failoverGroup: { nodes: ["srv1", "srv2"], vips: [{ address: "192.168.56.10" }], resources },
  failover: FailoverEngine.heartbeat({ secret: "${random_password.x.result}", ...extra }),
});
const mac = (n: string, r: string) => `52:54:00:00:0${r === "public" ? 1 : 2}:0${n.slice(-1)}`;
const fileIn = (spec: NodeSpec, path: string) => spec.failover!.files.find((f) => f.path === path)?.content;
const plan = (decl: ClusterDecl) => planCluster(decl, "stack/pair", mac).map((p) => p.spec);

/** The issues of the one ConfigError `fn` throws, as [field, message]. */
function issuesOf(fn: () => unknown): [string, string][] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues.map((i) => [i.field, i.message]);
  }
  throw new Error("expected a ConfigError");
}

describe("Heartbeat service failover", () => {
  it("is off by default: no monitor, no respawn line", () => {
    for (const spec of plan(topology({}))) {
      expect(fileIn(spec, "/etc/ha.d/service-monitor")).toBeUndefined();
      expect(fileIn(spec, "/etc/default/ha-service-monitor")).toBeUndefined();
      expect(fileIn(spec, "/etc/ha.d/ha.cf")).not.toContain("service-monitor");
    }
    for (const spec of plan(topology({ serviceFailover: false }))) expect(fileIn(spec, "/etc/ha.d/service-monitor")).toBeUndefined();
  });

  it("runs the monitor on both nodes, respawned by heartbeat, each knowing its peer and its class of the group", () => {
    const [srv1, srv2] = plan(topology({ serviceFailover: {} }));
    for (const [spec, peer, group] of [
      [srv1, "srv2", "local"],
      [srv2, "srv1", "foreign"],
    ] as const) {
      expect(fileIn(spec, "/etc/ha.d/ha.cf")).toMatch(/^respawn root \/etc\/ha\.d\/service-monitor$/m);
      expect(fileIn(spec, "/etc/ha.d/service-monitor")).toMatch(/^#!\/bin\/sh\n/);
      const config = fileIn(spec, "/etc/default/ha-service-monitor")!;
      expect(config).toMatch(new RegExp(`^SERVICE_PEER=${peer}$`, "m"));
      expect(config).toMatch(new RegExp(`^SERVICE_GROUP=${group}$`, "m"));
      expect(config).toMatch(/^SERVICE_RESOURCES="apache2"$/m);
      expect(config).toMatch(/^SERVICE_VIPS="192\.168\.56\.10 [a-z0-9]+"$/m);
    }
  });

  it("reports every bad setting in the topology's words, in one error", () => {
    expect(
      issuesOf(() => plan(topology({ serviceFailover: { checkIntervalSeconds: 0, failuresBeforeHandover: 1.5, backoffSeconds: 10 } }))),
    ).toEqual([
      ["failover.serviceFailover.checkIntervalSeconds", "must be a whole number of seconds, at least 1"],
      ["failover.serviceFailover.failuresBeforeHandover", "must be a whole number, at least 1"],
      ["failover.serviceFailover.backoffSeconds", expect.stringMatching(/^must be a whole number of seconds, at least 30: /)],
    ]);
  });

  it("refuses a back-off shorter than deadtime", () => {
    expect(issuesOf(() => plan(topology({ deadtime: 45, initdead: 90, serviceFailover: { backoffSeconds: 40 } })))).toEqual([
      [
        "failover.serviceFailover.backoffSeconds",
        "must be at least deadtime (45 s): a handover must be able to complete before the next one",
      ],
    ]);
  });

  it("refuses a group with no service to check", () => {
    const issues = issuesOf(() => plan(topology({ serviceFailover: {} }, [])));
    expect(issues).toContainEqual(["heartbeat.serviceFailover", expect.stringMatching(/^the group has no service to check/)]);
  });
});
