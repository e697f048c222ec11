import {
  ConfigError,
  heartbeatFailoverRole,
  HeartbeatRole,
  heartbeatWatchdogSeconds,
  NodeSpec,
  renderHaCf,
  renderNodePayload,
  renderStonithParts,
  validateFencing,
  validateHaCf,
} from "../../cloud-init";
import { ClusterDecl, FailoverEngine, planCluster } from "../../constructs";
import { checkWithCloudInit, loadAsCloudInit, validateUserData } from "../support/cloud-init-validate";

const KEY_REF = "${TfToken[TOKEN.7]}";
const CREDSTORE_REF = "${var.vcenter_credstore}";
const KNOWN_HOSTS = "kvm1.example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyOfTheHypervisor";
const machines = [
  { node: "srv1", machine: "srv1" },
  { node: "srv2", machine: "srv2" },
];

const node: NodeSpec = {
  hostname: "srv2",
  nics: [
    { name: "public", mac: "52:54:00:00:01:01", address: "192.168.56.12/24", gateway: "192.168.56.1" },
    { name: "private", mac: "52:54:00:00:01:02", address: "192.168.200.12/24" },
  ],
  hosts: [
    { hostname: "srv1", address: "192.168.56.11" },
    { hostname: "srv2", address: "192.168.56.12" },
  ],
  admin: { sshAuthorizedKeys: ["${var.ssh_public_key}"] },
  web: { startedBy: "failover-engine" },
};

const baseRole: HeartbeatRole = {
  haCf: {
    nodes: ["srv1", "srv2"],
    media: [{ kind: "ucast", interface: "private", peer: "192.168.200.11" }],
    keepalive: "500ms",
    deadtime: 3,
    warntime: 2,
  },
  authkeys: { secret: "${random_password.authkey.result}" },
  haresources: {
    preferredNode: "srv1",
    nodes: ["srv1", "srv2"],
    vips: [{ address: "192.168.56.10", prefix: 24, interface: "public" }],
    resources: ["apache2"],
  },
};

/** srv2 with a Heartbeat role, as the Heartbeat engine hands it to the payload. */
function withRole(role: HeartbeatRole, path?: string): NodeSpec {
  return { ...node, failover: heartbeatFailoverRole(role, { hostname: node.hostname, nicNames: node.nics.map((nic) => nic.name) }, path) };
}

const base = withRole(baseRole);
const libvirtSsh = withRole({
  ...baseRole,
  fencing: {
    fencing: {
      kind: "libvirt",
      hypervisorUri: "qemu+ssh://fence@kvm1.example.org/system",
      sshPrivateKeyBase64: KEY_REF,
      sshKnownHosts: KNOWN_HOSTS,
    },
    machines,
  },
  watchdog: { timeoutSeconds: 4 },
});
const vcenter = withRole({
  ...baseRole,
  fencing: { fencing: { kind: "vcenter", server: "vcenter.example.org", credentialStoreBase64: CREDSTORE_REF }, machines },
});

beforeAll(() => {
  const payloads = [base, libvirtSsh, vcenter].map((spec) => renderNodePayload(spec));
  checkWithCloudInit({ userData: payloads.map((p) => p.userData), yaml: payloads.map((p) => p.userData) });
});

function fileOf(spec: NodeSpec, path: string): { content: string; permissions: string; encoding?: string; defer?: boolean } {
  const config = loadAsCloudInit(renderNodePayload(spec).userData);
  const file = config.write_files.find((f: { path: string }) => f.path === path);
  if (!file) throw new Error(`no ${path} in the payload`);
  return file;
}

describe("ha.cf: stonith and watchdog lines", () => {
  it("writes `stonith <type> <file>` and `watchdog <device>`", () => {
    const text = renderHaCf({
      nodes: ["srv1", "srv2"],
      media: [{ kind: "ucast", interface: "private", peer: "192.168.200.11" }],
      stonith: { type: "external/libvirt", configFile: "/etc/ha.d/stonith.cfg" },
      watchdog: "/dev/watchdog",
    });
    expect(text).toContain("\nstonith external/libvirt /etc/ha.d/stonith.cfg\n");
    expect(text).toContain("\nwatchdog /dev/watchdog\n");
    expect(text).not.toContain("stonith_host");
  });

  it("refuses a bad plugin name, a relative file and a watchdog that is not a device", () => {
    const issues = validateHaCf({
      nodes: ["srv1", "srv2"],
      media: [{ kind: "ucast", interface: "private", peer: "192.168.200.11" }],
      stonith: { type: "external/libvirt; reboot", configFile: "stonith.cfg" },
      watchdog: "watchdog",
    });
    expect(issues.map((i) => i.field)).toEqual(["stonith.type", "stonith.configFile", "watchdog"]);
  });

  it("a pair without the options gets neither line (the default payload is unchanged)", () => {
    const haCf = fileOf(base, "/etc/ha.d/ha.cf").content;
    expect(haCf).not.toMatch(/^(stonith|watchdog)/m);
    const config = loadAsCloudInit(renderNodePayload(base).userData);
    expect(config.packages).toEqual(["apache2", "heartbeat"]);
  });
});

describe("libvirt fencing over ssh", () => {
  const payload = renderNodePayload(libvirtSsh);

  it("passes cloud-init's schema", () => {
    expect(validateUserData(payload.userData).ok).toBe(true);
  });

  it("points ha.cf at the config file, whose one line follows getconfignames: hostlist uri reset", () => {
    expect(fileOf(libvirtSsh, "/etc/ha.d/ha.cf").content).toContain("\nstonith external/libvirt /etc/ha.d/stonith.cfg\n");
    const cfg = fileOf(libvirtSsh, "/etc/ha.d/stonith.cfg");
    const lines = cfg.content.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
    expect(lines).toEqual(["srv1,srv2 qemu+ssh://fence@kvm1.example.org/system?keyfile=/etc/ha.d/stonith-libvirt.key power_cycle"]);
    expect(cfg.permissions).toBe("0600");
  });

  it("writes the key by reference only, base64, mode 0600, and the host key for ssh", () => {
    const key = fileOf(libvirtSsh, "/etc/ha.d/stonith-libvirt.key");
    expect(key).toMatchObject({ content: KEY_REF, encoding: "b64", permissions: "0600" });
    expect(fileOf(libvirtSsh, "/etc/ssh/ssh_known_hosts").content).toBe(`${KNOWN_HOSTS}\n`);
  });

  it("installs cluster-glue, virsh and ssh", () => {
    expect(loadAsCloudInit(payload.userData).packages).toEqual([
      "apache2",
      "cluster-glue",
      "heartbeat",
      "libvirt-clients",
      "openssh-client",
    ]);
  });

  it("keeps an existing query string on the URI", () => {
    const parts = renderStonithParts(
      {
        fencing: {
          kind: "libvirt",
          hypervisorUri: "qemu+ssh://kvm1/system?no_tty=1",
          sshPrivateKeyBase64: KEY_REF,
          sshKnownHosts: KNOWN_HOSTS,
        },
        machines,
      },
      undefined,
    );
    expect(parts.files.find((f) => f.path === "/etc/ha.d/stonith.cfg")!.content).toContain(
      "qemu+ssh://kvm1/system?no_tty=1&keyfile=/etc/ha.d/stonith-libvirt.key ",
    );
  });

  it("maps a node to a differently named domain as host:domain", () => {
    const parts = renderStonithParts(
      { fencing: { kind: "libvirt", hypervisorUri: "qemu:///system" }, machines: [machines[0], { node: "srv2", machine: "web-srv2" }] },
      undefined,
    );
    expect(parts.files[0].content).toContain("\nsrv1,srv2:web-srv2 qemu:///system power_cycle\n");
    expect(parts.packages).toEqual(["cluster-glue", "libvirt-clients"]);
  });
});

describe("vcenter fencing", () => {
  it("writes the seven parameters in getconfignames order and the credential store by reference, 0600", () => {
    const cfg = fileOf(vcenter, "/etc/ha.d/stonith.cfg");
    expect(cfg.content.split("\n")[1]).toBe("vcenter.example.org 443 https /sdk /etc/ha.d/vicredentials.xml srv1;srv2 1");
    expect(cfg.permissions).toBe("0600");
    expect(fileOf(vcenter, "/etc/ha.d/vicredentials.xml")).toMatchObject({ content: CREDSTORE_REF, encoding: "b64", permissions: "0600" });
    expect(fileOf(vcenter, "/etc/ha.d/ha.cf").content).toContain("\nstonith external/vcenter /etc/ha.d/stonith.cfg\n");
    expect(validateUserData(renderNodePayload(vcenter).userData).ok).toBe(true);
  });
});

describe("no secret in plain text", () => {
  it("every secret-bearing file holds only the reference", () => {
    for (const spec of [libvirtSsh, vcenter]) {
      const files = loadAsCloudInit(renderNodePayload(spec).userData).write_files as {
        path: string;
        content: string;
        permissions: string;
      }[];
      for (const file of files.filter((f) => /key|credentials|vicredentials|stonith\.cfg|authkeys/.test(f.path))) {
        expect(file.permissions).toBe("0600");
        expect(file.content).not.toMatch(/PRIVATE KEY|<password>/);
      }
    }
  });

  it("refuses literal credentials, naming the field and hiding the value", () => {
    const issues = [
      ...validateFencing(
        { kind: "libvirt", hypervisorUri: "qemu+ssh://kvm1/system", sshPrivateKeyBase64: "LS0tLS1CRUdJTi...", sshKnownHosts: KNOWN_HOSTS },
        "stack/pair",
      ),
      ...validateFencing({ kind: "vcenter", server: "vc", credentialStoreBase64: "<viCredentials>…</viCredentials>" }, "stack/pair"),
    ];
    expect(issues.map((i) => [i.field, i.value])).toEqual([
      ["fencing.sshPrivateKeyBase64", "(hidden)"],
      ["fencing.credentialStoreBase64", "(hidden)"],
    ]);
    expect(JSON.stringify(issues)).not.toContain("LS0tLS1CRUdJTi");
  });
});

describe("fencing validation", () => {
  it.each([
    [{ kind: "libvirt", hypervisorUri: "kvm1" }, "fencing.hypervisorUri"],
    [{ kind: "libvirt", hypervisorUri: "qemu+ssh://kvm1/system?keyfile=/root/k", sshKnownHosts: KNOWN_HOSTS }, "fencing.hypervisorUri"],
    [{ kind: "libvirt", hypervisorUri: "qemu+ssh://kvm1/system" }, "fencing.sshKnownHosts"],
    [{ kind: "libvirt", hypervisorUri: "qemu+ssh://kvm1/system", sshKnownHosts: "kvm1" }, "fencing.sshKnownHosts"],
    [{ kind: "libvirt", hypervisorUri: "qemu:///system", sshKnownHosts: KNOWN_HOSTS }, "fencing.sshKnownHosts"],
    [{ kind: "libvirt", hypervisorUri: "qemu:///system", sshPrivateKeyBase64: KEY_REF }, "fencing.sshPrivateKeyBase64"],
    [{ kind: "vcenter", server: "vc example", credentialStoreBase64: CREDSTORE_REF }, "fencing.server"],
    [{ kind: "vcenter", server: "vc", port: 0, credentialStoreBase64: CREDSTORE_REF }, "fencing.port"],
    [{ kind: "ipmi" }, "fencing.kind"],
  ])("%j -> %s", (fencing, field) => {
    const issues = validateFencing(fencing as never, "stack/pair");
    expect(issues.map((i) => i.field)).toEqual([field]);
    expect(issues[0].path).toBe("stack/pair");
  });
});

describe("watchdog", () => {
  it("loads softdog at boot and on first boot before heartbeat, with the margin and nowayout=0", () => {
    const config = loadAsCloudInit(renderNodePayload(libvirtSsh).userData);
    expect(fileOf(libvirtSsh, "/etc/modules-load.d/softdog.conf").content).toMatch(/^softdog$/m);
    expect(fileOf(libvirtSsh, "/etc/modprobe.d/softdog.conf").content).toMatch(/^options softdog soft_margin=4 nowayout=0$/m);
    expect(fileOf(libvirtSsh, "/etc/ha.d/ha.cf").content).toContain("\nwatchdog /dev/watchdog\n");
    const runcmd = config.runcmd.map((argv: string[]) => argv.join(" "));
    expect(runcmd.indexOf("modprobe softdog")).toBeGreaterThanOrEqual(0);
    expect(runcmd.indexOf("modprobe softdog")).toBeLessThan(runcmd.indexOf("service heartbeat start"));
  });

  it("uses the timeout heartbeat sets: deadtime + 10 ms, rounded up to seconds", () => {
    expect(heartbeatWatchdogSeconds(300)).toBe(1);
    expect(heartbeatWatchdogSeconds(3000)).toBe(4);
    expect(heartbeatWatchdogSeconds(5000)).toBe(6);
  });

  it("refuses a timeout that is not a whole number of seconds, 1..3600", () => {
    for (const timeout of [0, 1.5, 7200]) {
      try {
        withRole({ ...baseRole, watchdog: { timeoutSeconds: timeout } }, "stack/pair/srv2");
        throw new Error("expected a ConfigError");
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        const issues = (error as ConfigError).issues;
        expect(issues.map((i) => [i.path, i.field, i.value])).toEqual([["stack/pair/srv2", "heartbeat.watchdog.timeoutSeconds", timeout]]);
      }
    }
  });
});

describe("planCluster: fencing and watchdog from the topology", () => {
  const settings = { secret: "${random_password.x.result}", deadtime: 3, keepalive: "500ms", warntime: 2 } as const;
  const topology = (fencingAndWatchdog: object): ClusterDecl => ({
    networks: { public: { cidr: "192.168.56.0/24", gateway: "192.168.56.1" }, private: { cidr: "192.168.200.0/24" } },
    admin: { sshAuthorizedKeys: ["${var.ssh_public_key}"] },
    nodes: [
      { name: "srv1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.11", web: true },
      { name: "srv2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.12", web: true },
    ],
    failoverGroup: { nodes: ["srv1", "srv2"], vips: [{ address: "192.168.56.10" }], resources: ["apache2"] },
    failover: FailoverEngine.heartbeat({ ...settings, ...fencingAndWatchdog }),
  });
  const mac = (n: string, r: string) => `52:54:00:00:0${r === "public" ? 1 : 2}:0${n.slice(-1)}`;
  const fileIn = (spec: NodeSpec, path: string) => spec.failover!.files.find((f) => f.path === path)?.content;

  it("derives the machines from the node names (both platforms name each VM after its node) and heartbeat's watchdog timeout", () => {
    const nodes = planCluster(
      topology({ fencing: { kind: "libvirt", hypervisorUri: "qemu:///system" }, watchdog: true }),
      "stack/pair",
      mac,
    );
    expect(nodes).toHaveLength(2);
    for (const planned of nodes) {
      expect(fileIn(planned.spec, "/etc/ha.d/stonith.cfg")).toContain("\nsrv1,srv2 qemu:///system power_cycle\n");
      expect(fileIn(planned.spec, "/etc/modprobe.d/softdog.conf")).toContain("options softdog soft_margin=4 nowayout=0");
    }
  });

  it("names the platform's machines when it knows them", () => {
    const hypervisor = { kind: "libvirt" as const, machineName: (n: string) => `lab-${n}` };
    const nodes = planCluster(topology({ fencing: { kind: "libvirt", hypervisorUri: "qemu:///system" } }), "stack/pair", mac, {
      hypervisor,
    });
    expect(fileIn(nodes[0].spec, "/etc/ha.d/stonith.cfg")).toContain("\nsrv1:lab-srv1,srv2:lab-srv2 qemu:///system power_cycle\n");
  });

  it("reports fencing and watchdog problems in the topology's words, in one error", () => {
    const bad = topology({
      fencing: { kind: "vcenter", server: "vc", credentialStoreBase64: "plain" },
      watchdog: { timeoutSeconds: 2 } as never,
    });
    try {
      planCluster(bad, "stack/pair", () => "52:54:00:00:00:01", { hypervisor: { kind: "libvirt", machineName: (n) => n } });
      throw new Error("expected a ConfigError");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const issues = (error as ConfigError).issues;
      expect(issues.map((i) => [i.path, i.field])).toEqual([
        ["stack/pair", "failover.fencing.credentialStoreBase64"],
        ["stack/pair", "failover.fencing.kind"],
        ["stack/pair", "failover.watchdog"],
      ]);
      expect((error as ConfigError).message).toMatch(/^Invalid topology, 3 problems; nothing was written:/);
      expect((error as ConfigError).message).not.toContain('"plain"');
    }
  });
});
