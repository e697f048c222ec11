import type { IConstruct } from "constructs";
import { spawnSync } from "child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { TerraformStack, Testing } from "cdktf";
import { ConfigError, IPVS_SYNC_SCRIPT, IPVS_SYNC_SCRIPT_PATH, renderIpvsSyncConfig, renderNftablesConf } from "../../cloud-init";
import { FailoverEngine, HaLoadBalancedWeb, IpvsLoadBalancer, LibvirtPlatform, SynthesizedNode, synthesizedNodes } from "../../constructs";
import { HaLbStack } from "../../stacks";
import { checkWithCloudInit, loadAsCloudInit, validateUserData } from "../support/cloud-init-validate";
import { ACCEPTED, keepalivedConfigTest } from "../support/keepalived-check";
import { admin, networks, problems, stackWithPlatform } from "../support/topology";

const directors = [
  { name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.251" },
  { name: "lb2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.252" },
];
const webServers = [
  { name: "web1", privateAddress: "192.168.200.11" },
  { name: "web2", privateAddress: "192.168.200.12" },
];

type Files = { path: string; content: string }[];
const filesOf = (nodes: SynthesizedNode[], host: string): Files =>
  loadAsCloudInit(nodes.find((n) => n.hostname === host)!.userData).write_files as Files;
const runcmdOf = (nodes: SynthesizedNode[], host: string): string[][] =>
  loadAsCloudInit(nodes.find((n) => n.hostname === host)!.userData).runcmd as string[][];
const file = (files: Files, path: string) => files.find((f) => f.path === path)?.content;

function presetNodes(props: ConstructorParameters<typeof HaLbStack>[2]): SynthesizedNode[] {
  return synthesizedNodes(JSON.parse(Testing.synth(new HaLbStack(Testing.app(), "s", props))));
}

/** The lines of the error synth throws for what `build` puts in a fresh stack, without the header. */
function problemsOf(build: (stack: TerraformStack, platform: LibvirtPlatform) => IConstruct): string[] {
  const { stack, platform } = stackWithPlatform();
  return problems(build(stack, platform));
}

const heartbeatSync = presetNodes({ connectionSync: { syncId: 7 } });
const keepalivedSync = presetNodes({ connectionSync: {}, failover: FailoverEngine.keepalived({}) });
const withoutSync = [presetNodes({}), presetNodes({ connectionSync: false })];
beforeAll(() => {
  const all = [...heartbeatSync, ...keepalivedSync, ...withoutSync.flat()].map((n) => n.userData);
  checkWithCloudInit({ userData: all, yaml: all });
});

describe("connectionSync on Heartbeat", () => {
  const nodes = heartbeatSync;

  test.each(["lb1", "lb2"])("%s: the resource script, its settings and the backup unit; ipvs-sync first in haresources", (host) => {
    const files = filesOf(nodes, host);
    // Terraform escapes `${` as `$${` in the synthesized JSON; apply gives the script back unchanged.
    expect(file(files, IPVS_SYNC_SCRIPT_PATH)!.replace(/\$\$\{/g, "${")).toBe(IPVS_SYNC_SCRIPT);
    expect(file(files, "/etc/default/ipvs-sync")).toContain('IFACE="private"\nSYNCID="7"\n');
    expect(file(files, "/etc/systemd/system/ipvs-sync-backup.service")).toContain(`ExecStart=${IPVS_SYNC_SCRIPT_PATH} boot`);
    // Started before the VIPs, stopped after them.
    expect(file(files, "/etc/ha.d/haresources")).toContain(
      "\nlb1 ipvs-sync IPaddr2::192.168.56.10/24/public IPaddr2::192.168.200.254/24/private ipvsadm\n",
    );
    const runcmd = runcmdOf(nodes, host).map((argv) => argv.join(" "));
    const backup = runcmd.indexOf("systemctl enable --now ipvs-sync-backup.service");
    expect(backup).toBeGreaterThanOrEqual(0);
    expect(backup).toBeLessThan(runcmd.indexOf("service heartbeat start"));
    expect(file(files, "/etc/default/ipvsadm")).toContain('DAEMON="none"');
  });

  test("the web servers get none of it", () => {
    for (const host of ["web1", "web2", "web3"]) {
      expect(filesOf(nodes, host).filter((f) => /ipvs-sync/.test(f.path))).toEqual([]);
    }
  });

  test("each director accepts the sync multicast from its peer only, on the private NIC", () => {
    const rules = (host: string) => file(filesOf(nodes, host), "/etc/nftables.conf")!;
    expect(rules("lb1")).toContain('iifname "private" ip saddr 192.168.200.252 ip daddr 224.0.0.81 udp dport 8848 accept');
    expect(rules("lb2")).toContain('iifname "private" ip saddr 192.168.200.251 ip daddr 224.0.0.81 udp dport 8848 accept');
    expect(rules("lb1")).toContain('udp dport 8848 counter drop comment "heartbeat: not from the peer"');
  });

  test("false is byte-identical to leaving it out", () => {
    expect(withoutSync[1].map((n) => n.userData)).toEqual(withoutSync[0].map((n) => n.userData));
  });

  test("off by default, and false is off: no file, no unit, haresources as before", () => {
    for (const plain of withoutSync) {
      for (const host of ["lb1", "lb2"]) {
        const files = filesOf(plain, host);
        expect(files.filter((f) => /ipvs-sync/.test(f.path) || f.content.includes("8848"))).toEqual([]);
        expect(file(files, "/etc/ha.d/haresources")).toContain("\nlb1 IPaddr2::");
      }
    }
  });

  test("cloud-init accepts the payloads", () => {
    for (const n of nodes) expect(validateUserData(n.userData)).toEqual({ ok: true, output: expect.any(String) });
  });
});

describe("connectionSync on keepalived", () => {
  const nodes = keepalivedSync;
  const conf = (host: string) => file(filesOf(nodes, host), "/etc/keepalived/keepalived.conf")!;

  test.each(["lb1", "lb2"])("%s: lvs_sync_daemon in global_defs, tied to the instance; no Heartbeat resource", (host) => {
    const globalDefs = conf(host).split("vrrp_instance")[0];
    expect(globalDefs).toContain("    lvs_sync_daemon private inst VI_1 id 1\n");
    expect(conf(host)).toContain("vrrp_instance VI_1 {");
    expect(filesOf(nodes, host).filter((f) => /ipvs-sync/.test(f.path))).toEqual([]);
    expect(file(filesOf(nodes, host), "/etc/nftables.conf")).toContain("ip daddr 224.0.0.81 udp dport 8848 accept");
  });

  // keepalived's own parser; it checks that interfaces exist, so it runs in a fresh network namespace.
  test.each(["lb1", "lb2"])("%s: `keepalived --config-test` accepts it", (host) => {
    expect(keepalivedConfigTest(conf(host))).toEqual(ACCEPTED);
  });
});

describe("connectionSync: bad input, in the project's error format", () => {
  const lb = (connectionSync: unknown, two = true) =>
    problemsOf(
      (stack, platform) =>
        new IpvsLoadBalancer(stack, "lb", {
          platform,
          admin,
          networks,
          directors: two ? directors : [directors[0]],
          webServers,
          vip: "192.168.56.10",
          ...(two ? { gatewayVip: "192.168.200.254" } : {}),
          connectionSync: connectionSync as never,
        }),
    );

  test("sync on a single director is refused", () => {
    expect(lb({}, false)).toEqual([
      "  - s/lb: connectionSync = {}: connection sync needs a pair of directors (a failover group); a single director has nobody to sync to",
    ]);
  });

  test.each([
    [0, "0"],
    [256, "256"],
    [1.5, "1.5"],
    ["7", '"7"'],
  ])("syncId %p is refused", (syncId, shown) => {
    expect(lb({ syncId })).toEqual([
      `  - s/lb: connectionSync.syncId = ${shown}: must be a whole number, 1..255 (0 would make the backup accept every pair's messages)`,
    ]);
  });

  test("a non-object and an unknown setting are refused, every problem in one error", () => {
    expect(lb(true)).toEqual(["  - s/lb: connectionSync = true: must be an object such as {} (the defaults) or false"]);
    expect(lb({ syncid: 3, syncId: 0 })).toEqual([
      "  - s/lb: connectionSync.syncid = 3: not a connectionSync setting; settings: syncId",
      "  - s/lb: connectionSync.syncId = 0: must be a whole number, 1..255 (0 would make the backup accept every pair's messages)",
    ]);
  });

  test("HaLoadBalancedWeb passes it on: the field as the user wrote it", () => {
    const lines = problemsOf(
      (stack, platform) =>
        new HaLoadBalancedWeb(stack, "ha", {
          platform,
          admin,
          networks,
          directors,
          webServers,
          vip: "192.168.56.10",
          gatewayVip: "192.168.200.254",
          connectionSync: { syncId: 300 },
        }),
    );
    expect(lines).toEqual([expect.stringContaining("s/ha/lb: connectionSync.syncId = 300: must be a whole number, 1..255")]);
  });

  test("the renderer refuses what the planner would", () => {
    expect(() => renderIpvsSyncConfig({ interface: "eth 1", syncId: 0 })).toThrow(ConfigError);
    expect(renderIpvsSyncConfig({ interface: "private", syncId: 255 })).toContain('SYNCID="255"');
  });

  test("the firewall refuses a bad multicast destination", () => {
    expect(() =>
      renderNftablesConf({
        filter: {
          sshFrom: ["192.168.56.0/24"],
          services: [],
          peers: [{ protocol: "udp", port: 8848, interface: "private", from: ["192.168.200.2"], to: "x" }],
        },
      }),
    ).toThrow("filter.peers[0].to");
  });
});

/**
 * The resource script with a stub ipvsadm that keeps its daemons in a state file: start, stop,
 * status and boot, as Heartbeat and the unit call them.
 */
describe("ipvs-sync.sh", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hal-ipvs-sync-"));
    writeFileSync(join(dir, "config"), 'IFACE="private"\nSYNCID="7"\n');
    writeFileSync(join(dir, "state"), "");
    const stub = [
      "#!/bin/sh",
      `state=${dir}/state`,
      'echo "ipvsadm $*" >> ' + `${dir}/calls`,
      'case "$1 $2" in',
      '  "-L --daemon") while read -r d; do [ -n "$d" ] && echo "$d sync daemon (mcast=private, syncid=7, maxlen=1472)"; done < "$state" ;;',
      '  "--start-daemon master"|"--start-daemon backup") grep -qx "$2" "$state" && exit 1; echo "$2" >> "$state" ;;',
      '  "--stop-daemon master"|"--stop-daemon backup") grep -qx "$2" "$state" || exit 1; grep -vx "$2" "$state" > "$state.new"; mv "$state.new" "$state" ;;',
      "esac",
    ].join("\n");
    writeFileSync(join(dir, "ipvsadm"), `${stub}\n`);
    writeFileSync(join(dir, "logger"), "#!/bin/sh\n");
    chmodSync(join(dir, "ipvsadm"), 0o755);
    chmodSync(join(dir, "logger"), 0o755);
    writeFileSync(join(dir, "ipvs-sync"), IPVS_SYNC_SCRIPT);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (action: string) => {
    const r = spawnSync("sh", [join(dir, "ipvs-sync"), action], {
      encoding: "utf8",
      env: { HA_HELPER_PATH: `${dir}:/usr/bin:/bin`, IPVS_SYNC_CONFIG: join(dir, "config") },
      timeout: 10_000,
    });
    return {
      code: r.status,
      stdout: r.stdout.trim(),
      daemons: readFileSync(join(dir, "state"), "utf8").split("\n").filter(Boolean).sort(),
    };
  };

  test("boot: backup; start: master instead; stop: backup again; each twice is harmless", () => {
    expect(run("boot")).toEqual({ code: 0, stdout: "", daemons: ["backup"] });
    expect(run("status")).toEqual({ code: 0, stdout: "ipvs-sync master stopped", daemons: ["backup"] });
    expect(run("start")).toEqual({ code: 0, stdout: "", daemons: ["master"] });
    expect(run("start")).toEqual({ code: 0, stdout: "", daemons: ["master"] });
    expect(run("status")).toEqual({ code: 0, stdout: "ipvs-sync master running", daemons: ["master"] });
    expect(run("boot")).toEqual({ code: 0, stdout: "", daemons: ["master"] });
    expect(run("stop")).toEqual({ code: 0, stdout: "", daemons: ["backup"] });
    expect(run("stop")).toEqual({ code: 0, stdout: "", daemons: ["backup"] });
    expect(readFileSync(join(dir, "calls"), "utf8")).toContain("ipvsadm --start-daemon master --mcast-interface private --syncid 7");
  });

  test("an unknown action is a usage error", () => {
    expect(run("restart").code).toBe(2);
  });
});
