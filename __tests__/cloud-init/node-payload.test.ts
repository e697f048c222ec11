import * as fs from "fs";
import * as path from "path";
import { heartbeatFailoverRole, HeartbeatRole, NodeSpec, renderNodePayload } from "../../cloud-init";
import { checkWithCloudInit, loadAsCloudInit, validateUserData } from "../support/cloud-init-validate";

const SECRET_REF = "${random_password.heartbeat_authkey.result}";
const SSH_REF = "${var.ssh_public_key}";

const hosts = [
  { hostname: "srv1", address: "192.168.56.11" },
  { hostname: "srv2", address: "192.168.56.12" },
];

/** A node with its Heartbeat role rendered, as the Heartbeat engine does for each member. */
function withHeartbeat(spec: NodeSpec, role: HeartbeatRole): NodeSpec {
  return { ...spec, failover: heartbeatFailoverRole(role, { hostname: spec.hostname, nicNames: spec.nics.map((nic) => nic.name) }) };
}

const srvRole: HeartbeatRole = {
  haCf: { nodes: ["srv1", "srv2"], media: [{ kind: "ucast", interface: "private", peer: "192.168.200.12" }] },
  authkeys: { secret: SECRET_REF },
  haresources: {
    preferredNode: "srv1",
    nodes: ["srv1", "srv2"],
    vips: [{ address: "192.168.56.10", prefix: 24, interface: "public" }],
    resources: ["apache2"],
  },
};

const srv1: NodeSpec = {
  hostname: "srv1",
  nics: [
    { name: "public", mac: "52:54:00:00:01:01", address: "192.168.56.11/24", gateway: "192.168.56.1" },
    { name: "private", mac: "52:54:00:00:01:02", address: "192.168.200.11/24" },
  ],
  hosts,
  admin: { sshAuthorizedKeys: [SSH_REF] },
  web: { startedBy: "failover-engine" },
};
const heartbeatApache = withHeartbeat(srv1, srvRole);

const director: NodeSpec = {
  hostname: "lb1",
  nics: [
    { name: "public", mac: "52:54:00:00:02:01", address: "192.168.56.20/24", extraAddresses: ["192.168.56.10/24"] },
    { name: "private", mac: "52:54:00:00:02:02", address: "192.168.200.254/24" },
  ],
  hosts: [{ hostname: "lb1", address: "192.168.56.20" }],
  admin: { sshAuthorizedKeys: [SSH_REF] },
  director: {
    services: [{ address: "192.168.56.10", port: 80, realServers: [{ address: "192.168.200.11" }, { address: "192.168.200.12" }] }],
  },
};

const webServer: NodeSpec = {
  hostname: "web1",
  nics: [{ name: "private", mac: "52:54:00:00:03:01", address: "192.168.200.11/24", gateway: "192.168.200.254" }],
  hosts: [{ hostname: "web1", address: "192.168.200.11" }],
  admin: { sshAuthorizedKeys: [SSH_REF] },
  web: {},
};

/** A web server whose NICs name nameservers (one shared) and a search domain. */
const resolverWeb: NodeSpec = {
  ...webServer,
  nics: [
    { ...webServer.nics[0], nameservers: ["192.168.200.53", "192.168.200.54"], searchDomains: ["lab.example"] },
    { name: "public", mac: "52:54:00:00:03:02", address: "192.168.56.21/24", nameservers: ["192.168.56.53", "192.168.200.53"] },
  ],
};

const lbRole: HeartbeatRole = {
  haCf: { nodes: ["lb1", "lb2"], media: [{ kind: "ucast", interface: "private", peer: "192.168.200.12" }] },
  authkeys: { secret: SECRET_REF },
  haresources: {
    preferredNode: "lb1",
    nodes: ["lb1", "lb2"],
    vips: [
      { address: "192.168.56.10", prefix: 24, interface: "public" },
      { address: "192.168.200.254", prefix: 24, interface: "private" },
    ],
    resources: ["ipvsadm"],
  },
};
const haDirector = withHeartbeat(
  {
    ...srv1,
    hostname: "lb1",
    web: undefined,
    hosts: [
      { hostname: "lb1", address: "192.168.56.11" },
      { hostname: "lb2", address: "192.168.56.12" },
    ],
    director: { ...director.director!, ipvsRules: "failover-engine" },
  },
  lbRole,
);

const all = { heartbeatApache, director, webServer, haDirector };
const garpOff = withHeartbeat(srv1, { ...srvRole, garpRefreshSeconds: false });
const reclaimOff = withHeartbeat(srv1, { ...srvRole, reclaimAfterSeconds: false });
const standby = withHeartbeat({ ...srv1, hostname: "srv2" }, srvRole);

// Every document this file reads, to cloud-init in one process.
beforeAll(() => {
  const payloads = [...Object.values(all), garpOff, reclaimOff, standby, resolverWeb].map((spec) => renderNodePayload(spec));
  checkWithCloudInit({
    userData: payloads.map((payload) => payload.userData),
    yaml: payloads.flatMap((payload) => [payload.userData, payload.metaData, payload.networkConfig]),
  });
});

describe.each(Object.entries(all))("%s payload", (_, spec) => {
  const payload = renderNodePayload(spec);

  it("passes cloud-init's own schema", () => {
    const result = validateUserData(payload.userData);
    expect(result.output).toMatch(/^Valid cloud-config/);
    expect(result.ok).toBe(true);
  });

  it("starts with #cloud-config and sets the hostname Heartbeat will see", () => {
    expect(payload.userData.startsWith("#cloud-config\n")).toBe(true);
    const config = loadAsCloudInit(payload.userData);
    expect(config.hostname).toBe(spec.hostname);
    expect(config.manage_etc_hosts).toBe(false);
    expect(loadAsCloudInit(payload.metaData)["local-hostname"]).toBe(spec.hostname);
  });

  it("has an admin user with keys only, no password", () => {
    const config = loadAsCloudInit(payload.userData);
    expect(config.users).toEqual([expect.objectContaining({ name: "admin", lock_passwd: true, ssh_authorized_keys: [SSH_REF] })]);
    expect(config.ssh_pwauth).toBe(false);
    for (const key of ["passwd", "hashed_passwd", "plain_text_passwd"]) expect(config.users[0]).not.toHaveProperty(key);
    expect(config).not.toHaveProperty("chpasswd");
    expect(config).not.toHaveProperty("password");
  });

  it("is deterministic", () => {
    expect(renderNodePayload(spec)).toEqual(payload);
  });
});

function fileOf(userData: string, path: string) {
  return loadAsCloudInit(userData).write_files.find((f: { path: string }) => f.path === path);
}

describe("Heartbeat + Apache node", () => {
  const { userData } = renderNodePayload(heartbeatApache);
  let config: any;
  beforeAll(() => (config = loadAsCloudInit(userData)));

  it("installs apache2 and heartbeat", () => {
    expect(config.packages).toEqual(["apache2", "heartbeat"]);
  });

  it("writes authkeys 0600 root with the secret reference, never a value", () => {
    const authkeys = fileOf(userData, "/etc/ha.d/authkeys");
    expect(authkeys).toMatchObject({ permissions: "0600", owner: "root:root", defer: true });
    expect(authkeys.content).toContain(`1 sha1 ${SECRET_REF}`);
  });

  it("writes haresources with the VIP and apache2, and ha.cf with the node lines", () => {
    expect(fileOf(userData, "/etc/ha.d/haresources").content).toMatch(/^srv1 IPaddr2::192\.168\.56\.10\/24\/public apache2$/m);
    expect(fileOf(userData, "/etc/ha.d/ha.cf").content).toMatch(/^node srv1\nnode srv2\n$/m);
  });

  it("writes an index page naming the host, after the apache2 package", () => {
    expect(fileOf(userData, "/var/www/html/index.html")).toMatchObject({ defer: true, content: expect.stringContaining("<h1>srv1</h1>") });
  });

  it("hands apache2 to Heartbeat and starts Heartbeat last", () => {
    expect(config.runcmd).toEqual([
      ["update-rc.d", "apache2", "disable"],
      ["service", "apache2", "stop"],
      ["update-rc.d", "heartbeat", "enable"],
      ["service", "heartbeat", "start"],
    ]);
  });

  it("installs the gratuitous-ARP refresher as shipped, 0755, respawned by Heartbeat, with its settings", () => {
    const refresher = fileOf(userData, "/etc/ha.d/garp-refresh");
    expect(refresher).toMatchObject({ permissions: "0755", owner: "root:root", defer: true });
    expect(refresher.content).toBe(fs.readFileSync(path.join(__dirname, "../../cloud-init/helpers/garp-refresh.sh"), "utf8"));
    const settings = fileOf(userData, "/etc/default/ha-garp-refresh");
    expect(settings).toMatchObject({ permissions: "0644", owner: "root:root", defer: true });
    expect(settings.content).toContain(
      '\nGARP_INTERVAL=2\n# The group\'s VIPs: address interface, for each.\nGARP_VIPS="192.168.56.10 public"\n',
    );
    expect(fileOf(userData, "/etc/ha.d/ha.cf").content).toMatch(/^respawn root \/etc\/ha\.d\/garp-refresh$/m);
  });

  it("leaves the refresher out when asked to", () => {
    const off = loadAsCloudInit(renderNodePayload(garpOff).userData);
    expect(off.write_files.map((f: { path: string }) => f.path)).not.toContain("/etc/ha.d/garp-refresh");
    expect(off.write_files.map((f: { path: string }) => f.path)).not.toContain("/etc/default/ha-garp-refresh");
    expect(off.write_files.find((f: { path: string }) => f.path === "/etc/ha.d/ha.cf").content).not.toContain("garp-refresh");
  });

  it("gives the preferred node a reclaimer for a lost resource request, 0755, respawned by Heartbeat", () => {
    const reclaimer = fileOf(userData, "/etc/ha.d/reclaim-resources");
    expect(reclaimer).toMatchObject({ permissions: "0755", owner: "root:root", defer: true });
    expect(reclaimer.content).toBe(fs.readFileSync(path.join(__dirname, "../../cloud-init/helpers/reclaim-resources.sh"), "utf8"));
    const settings = fileOf(userData, "/etc/default/ha-reclaim-resources").content;
    expect(settings).toContain("\nRECLAIM_PEER=srv2\n");
    expect(settings).toContain("\nRECLAIM_AFTER=60\n");
    expect(fileOf(userData, "/etc/ha.d/ha.cf").content).toMatch(/^respawn root \/etc\/ha\.d\/reclaim-resources$/m);
  });

  it("leaves the reclaimer off the standby node, and off entirely when asked to", () => {
    const paths = (spec: NodeSpec) => loadAsCloudInit(renderNodePayload(spec).userData).write_files.map((f: { path: string }) => f.path);
    expect(paths(standby)).not.toContain("/etc/ha.d/reclaim-resources");
    expect(paths(standby)).not.toContain("/etc/default/ha-reclaim-resources");
    // The refresher runs on both; on the standby the group is among heartbeat's foreign resources.
    expect(fileOf(renderNodePayload(standby).userData, "/etc/default/ha-garp-refresh").content).toMatch(/^GARP_GROUP=foreign$/m);
    expect(fileOf(userData, "/etc/default/ha-garp-refresh").content).toMatch(/^GARP_GROUP=local$/m);
    expect(fileOf(renderNodePayload(standby).userData, "/etc/ha.d/ha.cf").content).not.toContain("reclaim-resources");
    expect(paths(reclaimOff)).not.toContain("/etc/ha.d/reclaim-resources");
  });

  it.each([30, 45.5])("rejects a reclaim wait of %p, naming the field and what is valid", (seconds) => {
    expect(() => withHeartbeat(srv1, { ...srvRole, reclaimAfterSeconds: seconds })).toThrow(
      `heartbeat.reclaimAfterSeconds = ${seconds}: must be a whole number of seconds, at least 45 (ResourceManager's own recovery of a failed start waits 30 s), or false`,
    );
  });

  it("double-quotes Terraform references so substituted values cannot break the YAML", () => {
    expect(userData).toContain(`- "${SSH_REF}"`);
  });

  it.each([0, 1.5, -2])("rejects a refresher interval of %p, naming the field and what is valid", (seconds) => {
    expect(() => withHeartbeat(srv1, { ...srvRole, garpRefreshSeconds: seconds })).toThrow(
      `heartbeat.garpRefreshSeconds = ${seconds}: must be a whole number of seconds, at least 1, or false`,
    );
  });
});

describe("standalone NAT director", () => {
  const { userData } = renderNodePayload(director);
  let config: any;
  beforeAll(() => (config = loadAsCloudInit(userData)));

  it("enables forwarding, then restores the rules", () => {
    expect(config.runcmd).toEqual([
      ["sysctl", "-p", "/etc/sysctl.d/60-ipvs-director.conf"],
      ["sh", "-c", "ipvsadm-restore < /etc/ipvsadm.rules"],
    ]);
    expect(fileOf(userData, "/etc/sysctl.d/60-ipvs-director.conf").content).toContain("net.ipv4.ip_forward = 1");
    expect(fileOf(userData, "/etc/ipvsadm.rules").content).toContain("-A -t 192.168.56.10:80 -s rr");
    expect(fileOf(userData, "/etc/default/ipvsadm").content).toContain('AUTO="true"');
    expect(config.packages).toEqual(["ipvsadm"]);
  });
});

describe("Heartbeat director pair member", () => {
  let config: any;
  beforeAll(() => (config = loadAsCloudInit(renderNodePayload(haDirector).userData)));

  it("leaves the rules to Heartbeat: sysctl, then ipvsadm off the init system, Heartbeat last", () => {
    expect(config.runcmd).toEqual([
      ["sysctl", "-p", "/etc/sysctl.d/60-ipvs-director.conf"],
      ["update-rc.d", "ipvsadm", "disable"],
      ["service", "ipvsadm", "stop"],
      ["update-rc.d", "heartbeat", "enable"],
      ["service", "heartbeat", "start"],
    ]);
    expect(config.packages).toEqual(["heartbeat", "ipvsadm"]);
  });
});

describe("web server", () => {
  it("restarts apache2 once its page is written, and routes through the director", () => {
    const payload = renderNodePayload(webServer);
    expect(loadAsCloudInit(payload.userData).runcmd).toEqual([["service", "apache2", "restart"]]);
    expect(loadAsCloudInit(payload.networkConfig).ethernets.private.gateway4).toBe("192.168.200.254");
  });
});

describe("director pair refresher", () => {
  it("re-announces both the public VIP and the private gateway VIP", () => {
    const content = fileOf(renderNodePayload(haDirector).userData, "/etc/default/ha-garp-refresh").content;
    expect(content).toContain('\nGARP_VIPS="192.168.56.10 public 192.168.200.254 private"\n');
  });
});

describe("node validation", () => {
  it("refuses a Listen port that is 80, out of range or repeated: each would stop apache2", () => {
    expect(() => renderNodePayload({ ...webServer, web: { listenPorts: [8080, 80, 0, 8080] } }, "s/web1")).toThrow(
      [
        "Invalid topology, 3 problems; nothing was written:",
        "  - s/web1: web.listenPorts[1] = 80: must be a port number, 1..65535, other than 80 (ports.conf listens there)",
        "  - s/web1: web.listenPorts[2] = 0: must be a port number, 1..65535, other than 80 (ports.conf listens there)",
        "  - s/web1: web.listenPorts[3] = 8080: is listed twice: apache2 refuses to start on a repeated Listen",
      ].join("\n"),
    );
  });

  it("gives each role's service one starter: init, or the failover engine that exists", () => {
    expect(() => renderNodePayload({ ...webServer, web: { startedBy: "failover-engine" } }, "s/web1")).toThrow(
      's/web1: web.startedBy = "failover-engine": no failover engine runs on this node to start it',
    );
    expect(() => renderNodePayload({ ...heartbeatApache, web: {} }, "s/srv1")).toThrow(
      's/srv1: failover.starts[0] = "apache2": the web role starts this from init too',
    );
    expect(() => renderNodePayload({ ...haDirector, director: director.director }, "s/lb1")).toThrow(
      's/lb1: failover.starts[0] = "ipvsadm": the director role starts this from init too',
    );
  });

  it("lists every problem of a node with its path", () => {
    expect(() => renderNodePayload({ ...heartbeatApache, hostname: "Srv_1", admin: { sshAuthorizedKeys: [] } }, "stack/pair/srv1")).toThrow(
      /stack\/pair\/srv1: hostname = "Srv_1"[\s\S]*admin\.sshAuthorizedKeys/,
    );
  });

  it("lists every problem of a member's Heartbeat role with its path", () => {
    const role = {
      ...srvRole,
      haresources: { ...srvRole.haresources, vips: [{ address: "192.168.56.10", prefix: 24, interface: "eth0" }] },
    };
    expect(() => heartbeatFailoverRole(role, { hostname: "Srv_1", nicNames: ["public", "private"] }, "stack/pair/srv1")).toThrow(
      /this node \(Srv_1\) must be one of the cluster nodes[\s\S]*stack\/pair\/srv1: heartbeat\.haresources\.vips\[0\]\.interface = "eth0": no NIC of Srv_1 has this name; NICs: public, private/,
    );
  });
});

describe("/etc/resolv.conf", () => {
  // cloud-init's ifupdown renderer only writes dns-nameservers, which nothing reads without the
  // resolvconf package: the VM lab's guests kept the image's resolver (vm.ipvs-options.guest-settings).
  it("is written, not deferred, from every NIC's nameservers and search domains, each once", () => {
    const payload = renderNodePayload(resolverWeb);
    const file = fileOf(payload.userData, "/etc/resolv.conf");
    expect(file.content).toBe(
      [
        "# /etc/resolv.conf: generated from the topology's networks.",
        "nameserver 192.168.200.53",
        "nameserver 192.168.200.54",
        "nameserver 192.168.56.53",
        "search lab.example",
        "",
      ].join("\n"),
    );
    expect(file.defer).toBeUndefined();
  });

  it("is left alone when no NIC names a nameserver", () => {
    expect(renderNodePayload(webServer).userData).not.toContain("/etc/resolv.conf");
  });
});
