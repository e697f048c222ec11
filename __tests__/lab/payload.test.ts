import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  applyValues,
  freeAddress,
  parseCloudConfig,
  parseNics,
  readLabNodeDir,
  segmentsOf,
  subnetOf,
  type LabNode,
} from "../../lab/common/payload";
import {
  BCAST_OPTIONS_STACK,
  FAILBACK_OFF_STACK,
  FAST_PROFILE_STACK,
  labNodesOf,
  MCAST_OPTIONS_STACK,
  SERIAL_OPTIONS_STACK,
  UCAST_OPTIONS_STACK,
  synthesizeLabStacks,
} from "../../lab/common/stacks";
import { parseHaCf, parseHaResources } from "../../lab/netns/hacf";
import { analysePair } from "../../lab/netns/lab";
import { HEARTBEAT_SCENARIOS, NETNS_SCENARIOS } from "../../lab/netns/scenarios";
import { ClientProbe, hostOfPage } from "../../lab/netns/probe";
import { median } from "../../lab/netns/failover";

// The lab runs on the project's real output: the synthesized libvirt stacks.
const outdir = synthesizeLabStacks();
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
const pairNodes = (autoFailback = true): LabNode[] =>
  labNodesOf(outdir, autoFailback ? "heartbeat-apache-libvirt" : FAILBACK_OFF_STACK, {
    sshPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 lab",
    authkeySecret: "secret",
  });

const NETWORK_CONFIG = `version: 2
ethernets:
  public:
    match:
      macaddress: '52:54:00:AA:00:11'
    set-name: public
    addresses: ['192.168.56.11/24']
    routes:
      - to: default
        via: 192.168.56.1
    nameservers:
      addresses: [192.168.56.1]
  eth1:
    match: { macaddress: '52:54:00:c8:00:11' }
    addresses: [192.168.200.11/24, 10.9.0.5/16]
`;

const USER_DATA = `#cloud-config
hostname: srv1
manage_etc_hosts: false
packages: [heartbeat, apache2, [ipvsadm, '1:1.31-1']]
write_files:
  - path: /etc/ha.d/authkeys
    permissions: '0600'
    owner: root:root
    content: |
      auth 1
      1 sha1 \${random_password.ha_key.result}
  - path: /var/www/html/index.html
    permissions: 0644
    defer: true
    content: <h1>srv1</h1>
  - path: /etc/motd
    encoding: b64
    content: aGVsbG8K
runcmd:
  - [update-rc.d, apache2, disable]
  - [sysctl, -p, /etc/sysctl.d/60-lvs.conf]
  - ipvsadm-restore < /etc/ipvsadm.rules
`;

describe("parseNics", () => {
  it("reads names, MACs, addresses, subnets and the default gateway", () => {
    expect(parseNics(NETWORK_CONFIG)).toEqual([
      { name: "public", mac: "52:54:00:aa:00:11", addresses: ["192.168.56.11/24"], subnet: "192.168.56.0/24", gateway: "192.168.56.1" },
      { name: "eth1", mac: "52:54:00:c8:00:11", addresses: ["192.168.200.11/24", "10.9.0.5/16"], subnet: "192.168.200.0/24" },
    ]);
  });

  it("accepts the network:-wrapped form", () => {
    const wrapped = `network:\n${NETWORK_CONFIG.replace(/^/gm, "  ")}`;
    expect(parseNics(wrapped).map((n) => n.name)).toEqual(["public", "eth1"]);
  });

  it("rejects what the labs cannot reproduce", () => {
    expect(() => parseNics("version: 1\nconfig: []")).toThrow(/version must be 2/);
    expect(() => parseNics('version: 2\nethernets:\n  e0:\n    dhcp4: true\n    match: {macaddress: "52:54:00:00:00:01"}')).toThrow(
      /no addresses/,
    );
    expect(() => parseNics("version: 2\nethernets:\n  e0:\n    addresses: [10.0.0.1/24]")).toThrow(/macaddress/);
    expect(() =>
      parseNics('version: 2\nethernets:\n  e0:\n    match: {macaddress: "52:54:00:00:00:01"}\n    addresses: [10.0.0.1]'),
    ).toThrow(/address\/prefix/);
    expect(() =>
      parseNics(
        'version: 2\nethernets:\n  e0:\n    match: {macaddress: "52:54:00:00:00:01"}\n    set-name: averyverylongname\n    addresses: [10.0.0.1/8]',
      ),
    ).toThrow(/15 characters/);
  });
});

describe("parseCloudConfig", () => {
  const cc = parseCloudConfig(USER_DATA);

  it("reads hostname and packages (pinned versions reduced to the name)", () => {
    expect(cc.hostname).toBe("srv1");
    expect(cc.packages).toEqual(["heartbeat", "apache2", "ipvsadm"]);
  });

  it("reads write_files with defaults, YAML 1.1 octal modes, base64 and defer", () => {
    expect(cc.files).toEqual([
      {
        path: "/etc/ha.d/authkeys",
        content: "auth 1\n1 sha1 ${random_password.ha_key.result}\n",
        permissions: "0600",
        owner: "root:root",
        defer: false,
      },
      { path: "/var/www/html/index.html", content: "<h1>srv1</h1>", permissions: "0644", owner: "root:root", defer: true },
      { path: "/etc/motd", content: "hello\n", permissions: "0644", owner: "root:root", defer: false },
    ]);
  });

  it("turns runcmd strings into sh -c", () => {
    expect(cc.runcmd).toEqual([
      ["update-rc.d", "apache2", "disable"],
      ["sysctl", "-p", "/etc/sysctl.d/60-lvs.conf"],
      ["sh", "-c", "ipvsadm-restore < /etc/ipvsadm.rules"],
    ]);
  });

  it("rejects non cloud-config input", () => {
    expect(() => parseCloudConfig("hostname: x")).toThrow(/#cloud-config/);
    expect(() => parseCloudConfig("#cloud-config\nwrite_files: []")).toThrow(/hostname/);
    expect(() => parseCloudConfig("#cloud-config\nhostname: a\nwrite_files:\n  - path: rel/path")).toThrow(/absolute/);
    expect(() => parseCloudConfig("#cloud-config\nhostname: a\nruncmd:\n  - {a: 1}")).toThrow(/runcmd\[0\]/);
  });
});

describe("applyValues", () => {
  const node = (userData: string): LabNode => ({ hostname: "a", userData, metaData: "local-hostname: a\n", networkConfig: "version: 2\n" });

  it("fills every random_password reference of every node with one value, and the lab's key", () => {
    const filled = applyValues([node("${random_password.x.result} ${var.ssh_public_key}"), node("${random_password.y_2.result}")], {
      sshPublicKey: "ssh-ed25519 K",
      authkeySecret: "S3",
    });
    expect(filled.map((n) => n.userData)).toEqual(["S3 ssh-ed25519 K", "S3"]);
  });

  it("makes one fresh secret per call when none is given", () => {
    const [a, b] = applyValues([node("${random_password.x.result}"), node("${random_password.z.result}")], {});
    expect(a.userData).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(b.userData).toBe(a.userData);
  });

  it("leaves no reference it has no value for", () => {
    expect(() => applyValues([node("${var.ssh_public_key}")], { authkeySecret: "s" })).toThrow("${var.ssh_public_key}");
  });
});

describe("segmentsOf", () => {
  it("groups nodes by subnet, one segment per distinct subnet", () => {
    const nodes = pairNodes();
    expect([...segmentsOf(nodes)]).toEqual([
      ["192.168.56.0/24", { nodes: ["srv1", "srv2"] }],
      ["192.168.200.0/24", { nodes: ["srv1", "srv2"] }],
    ]);
  });

  it("computes network addresses", () => {
    expect(subnetOf("10.1.2.3/8")).toBe("10.0.0.0/8");
    expect(subnetOf("fd00::5/64")).toBe("fd00::/64");
  });
});

describe("readLabNodeDir", () => {
  it("reads the three NoCloud files and takes local-hostname", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "labnode-"));
    fs.writeFileSync(path.join(dir, "user-data"), USER_DATA);
    fs.writeFileSync(path.join(dir, "meta-data"), "instance-id: srv1\nlocal-hostname: srv1\n");
    fs.writeFileSync(path.join(dir, "network-config"), NETWORK_CONFIG);
    const n = readLabNodeDir(dir);
    expect(n.hostname).toBe("srv1");
    expect(n.userData).toBe(USER_DATA);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("heartbeat config", () => {
  it("parses ha.cf", () => {
    const cfg = parseHaCf(
      "logfacility local0\nkeepalive 500ms\ndeadtime 3\ninitdead 10\nudpport 694\nucast private 192.168.200.12 # peer\nauto_failback off\nnode srv1\nnode srv2\n",
    );
    expect(cfg).toEqual({
      nodes: ["srv1", "srv2"],
      autoFailback: false,
      keepaliveS: 0.5,
      deadtimeS: 3,
      initdeadS: 10,
      media: [{ kind: "ucast", iface: "private" }],
      udpport: 694,
      pingNodes: [],
      ipfail: false,
    });
  });

  it("parses the option stacks' media, udpport, ping nodes and ipfail", () => {
    const cfg = parseHaCf(
      "keepalive 250ms\ndeadtime 1\nudpport 1694\nbaud 19200\nserial /dev/ttyS0\nmcast private 239.0.0.43 1694 1 0\nbcast private public\nping 192.168.56.1\nrespawn hacluster /usr/libexec/heartbeat/ipfail\nnode a\nnode b\n",
    );
    expect(cfg).toMatchObject({
      udpport: 1694,
      pingNodes: ["192.168.56.1"],
      ipfail: true,
      media: [
        { kind: "serial", iface: "/dev/ttyS0" },
        { kind: "mcast", iface: "private" },
        { kind: "bcast", iface: "private" },
        { kind: "bcast", iface: "public" },
      ],
    });
  });

  it("refuses what heartbeat refuses", () => {
    expect(() => parseHaCf("keepalive 2\ndeadtime 4\nucast p 1.2.3.4\nnode a")).toThrow(/refuses/);
  });

  it("parses haresources", () => {
    expect(parseHaResources("srv1 IPaddr2::192.168.56.10/24/public apache2\n")).toEqual({
      preferred: "srv1",
      vip: "192.168.56.10",
      prefix: 24,
      iface: "public",
      vips: ["192.168.56.10"],
      vipInterfaces: { "192.168.56.10": "public" },
      resources: ["IPaddr2::192.168.56.10/24/public", "apache2"],
    });
    expect(
      parseHaResources("srv2 IPaddr2::192.168.56.10/24/public IPaddr2::192.168.200.20/24/private apache2 MailTo::ops@example.org\n"),
    ).toMatchObject({
      preferred: "srv2",
      vip: "192.168.56.10",
      vips: ["192.168.56.10", "192.168.200.20"],
      vipInterfaces: { "192.168.56.10": "public", "192.168.200.20": "private" },
      mailTo: "ops@example.org",
    });
    expect(parseHaResources("srv1 IPaddr2::192.168.56.10/24/public:0 apache2\n")).toMatchObject({ iface: "public", label: "public:0" });
    expect(parseHaResources("a 10.0.0.9 apache2").vip).toBe("10.0.0.9");
    expect(() => parseHaResources("a apache2")).toThrow(/no IPaddr2/);
  });
});

describe("analysePair", () => {
  it("accepts the synthesized pair and finds VIP, segments and heartbeat path", () => {
    const { pair, filled } = analysePair(pairNodes(true), "secret", true);
    expect(pair.res.vip).toBe("192.168.56.10");
    expect(pair.res.preferred).toBe("srv1");
    expect(pair.vipSubnet).toBe("192.168.56.0/24");
    expect([...pair.hbSubnets].sort()).toEqual(["192.168.200.0/24", "192.168.56.0/24"]);
    expect(filled[0].userData).toContain("1 sha1 secret");
  });

  it("cuts both networks to partition the fast-profile pair, whose heartbeats use both", () => {
    const nodes = labNodesOf(outdir, FAST_PROFILE_STACK, { sshPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 lab", authkeySecret: "secret" });
    const { pair } = analysePair(nodes, undefined, true);
    expect([...pair.hbSubnets].sort()).toEqual(["192.168.200.0/24", "192.168.56.0/24"]);
    expect([pair.ha.keepaliveS, pair.ha.deadtimeS, pair.ha.initdeadS]).toEqual([0.1, 0.3, 10]);
  });

  it("reads each option stack's medium alone, its udpport, authkeys method, VIPs, ping node and relay", () => {
    const key = { sshPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 lab", authkeySecret: "secret" };
    const read = (stack: string) => analysePair(labNodesOf(outdir, stack, key), undefined, true).pair;
    const bcast = read(BCAST_OPTIONS_STACK);
    expect([bcast.ha.media, bcast.ha.udpport, bcast.authMethod, bcast.res.preferred, bcast.res.vipInterfaces]).toEqual([
      [{ kind: "bcast", iface: "private" }],
      1694,
      "md5",
      "srv2",
      { "192.168.56.10": "public", "192.168.200.20": "private" },
    ]);
    const mcast = read(MCAST_OPTIONS_STACK);
    expect([
      mcast.ha.media,
      mcast.authMethod,
      mcast.ha.pingNodes,
      mcast.ha.ipfail,
      mcast.gateway,
      mcast.mailRelay,
      mcast.res.mailTo,
    ]).toEqual([
      [{ kind: "mcast", iface: "private", port: 694 }],
      "crc",
      ["192.168.56.1"],
      true,
      "192.168.56.1",
      { host: "192.168.56.1", port: 2525 },
      "ops@example.org",
    ]);
    const serial = read(SERIAL_OPTIONS_STACK);
    expect([serial.ha.media, serial.hbSubnets, serial.authMethod]).toEqual([[{ kind: "serial", iface: "/dev/ttyS0" }], [], "sha1"]);
    const ucast = read(UCAST_OPTIONS_STACK);
    expect([ucast.ha.media, ucast.ha.udpport, [...ucast.hbSubnets].sort()]).toEqual([
      [
        { kind: "ucast", iface: "public" },
        { kind: "ucast", iface: "public" },
        { kind: "mcast", iface: "private", port: 1695 },
      ],
      694,
      ["192.168.200.0/24", "192.168.56.0/24"],
    ]);
  });

  it("names every scenario once", () => {
    expect(new Set(HEARTBEAT_SCENARIOS).size).toBe(HEARTBEAT_SCENARIOS.length);
    expect(new Set(NETNS_SCENARIOS).size).toBe(NETNS_SCENARIOS.length);
  });

  it("insists that the expected auto_failback matches ha.cf", () => {
    expect(() => analysePair(pairNodes(true), "s", false)).toThrow(/auto_failback/);
    expect(() => analysePair(pairNodes(false), "s", false)).not.toThrow();
  });

  it("fails loudly on unresolved references and bad authkeys modes", () => {
    const nodes = pairNodes();
    const withVar: LabNode[] = [{ ...nodes[0], userData: nodes[0].userData.replace("192.168.56.10/24", "${var.vip}/24") }, nodes[1]];
    expect(() => analysePair(withVar, "s", true)).toThrow("${var.vip}");
    const badMode: LabNode[] = [nodes[0], { ...nodes[1], userData: nodes[1].userData.replace('"0600"', '"0644"') }];
    expect(() => analysePair(badMode, "s", true)).toThrow(/0600/);
  });
});

describe("lab helpers", () => {
  it("identifies the host from its page", () => {
    expect(hostOfPage("<html><h1>srv2</h1></html>", ["srv1", "srv2"])).toBe("srv2");
    expect(hostOfPage("served by srv10", ["srv1", "srv10"])).toBe("srv10");
    expect(hostOfPage("nothing", ["srv1"])).toBeNull();
  });

  it("counts flips between answering nodes, ignoring failed requests and samples outside the window", () => {
    const probe = new ClientProbe("192.168.56.10", ["srv1", "srv2"]);
    const hosts = ["srv1", null, "srv2", "srv2", null, "srv1", "srv2"];
    probe.samples.push(...hosts.map((host, i) => ({ t: i, host })));
    expect(probe.flips(0, 6)).toBe(3);
    expect(probe.flips(2, 4)).toBe(0);
    expect(probe.outage(0, 6)).toBeCloseTo(4, 5);
  });

  it("takes the median of an odd or even number of runs", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it("picks the client address from the top of the subnet", () => {
    expect(freeAddress("192.168.56.0/24", ["192.168.56.254"])).toBe("192.168.56.253/24");
  });
});
