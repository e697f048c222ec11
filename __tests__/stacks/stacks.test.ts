import { spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { App, Testing } from "cdktf";
import { parse } from "yaml";
import { Domain } from "../../.gen/providers/libvirt/domain";
import { CloudinitDisk } from "../../.gen/providers/libvirt/cloudinit-disk";
import { Network } from "../../.gen/providers/libvirt/network";
import { VirtualMachine } from "@cdktf/provider-vsphere/lib/virtual-machine";
import { HostVirtualSwitch } from "@cdktf/provider-vsphere/lib/host-virtual-switch";
import { Password } from "@cdktf/provider-random/lib/password";
import { HaLbStack, HeartbeatApacheStack, IpvsNatStack, PLATFORMS, PRESET_STACKS } from "../../stacks";
import { FailoverEngine, HEARTBEAT_FAST_PROFILE, HEARTBEAT_LAB_PROFILE, synthesizedNodes } from "../../constructs";
import { HeartbeatTime, heartbeatTimeMs } from "../../cloud-init";
import { renderStackDiagrams, TOPOLOGY_FILE } from "../../constructs/validation";
import { checkWithCloudInit, loadAsCloudInit, validateUserData } from "../support/cloud-init-validate";

type Kind = (typeof PLATFORMS)[number];

function synth(preset: keyof typeof PRESET_STACKS, kind: Kind): string {
  const app = Testing.app();
  const Stack = PRESET_STACKS[preset];
  return Testing.synth(new Stack(app, `${preset}-${kind}`, { platform: { kind } }));
}

const cases = Object.keys(PRESET_STACKS).flatMap((preset) => PLATFORMS.map((kind) => [preset, kind] as [keyof typeof PRESET_STACKS, Kind]));
const outputs = new Map(cases.map(([preset, kind]) => [`${preset}-${kind}`, synth(preset, kind)]));
const output = (preset: string, kind: Kind) => outputs.get(`${preset}-${kind}`)!;
const nodesOf = (preset: string, kind: Kind) => synthesizedNodes(JSON.parse(output(preset, kind)));

beforeAll(() => {
  const userData = cases.flatMap(([preset, kind]) => nodesOf(preset, kind).map((node) => node.userData));
  checkWithCloudInit({ userData, yaml: userData });
});

describe.each(cases)("%s on %s", (preset, kind) => {
  it("matches the reviewed snapshot", () => {
    expect(output(preset, kind)).toMatchSnapshot();
  });

  it("is byte-identical on a second synth", () => {
    expect(synth(preset, kind)).toBe(output(preset, kind));
  });

  it("passes cloud-init's schema for every user-data", () => {
    const nodes = nodesOf(preset, kind);
    expect(nodes.length).toBeGreaterThanOrEqual(2);
    for (const node of nodes) {
      const result = validateUserData(node.userData);
      expect([node.hostname, result.output]).toEqual([node.hostname, expect.stringMatching(/^Valid cloud-config/)]);
    }
  });

  it("keeps the authkeys secret a reference, never a value", () => {
    const text = output(preset, kind);
    expect(text).not.toMatch(/"result"\s*:/);
    for (const node of nodesOf(preset, kind)) {
      const authkeys = loadAsCloudInit(node.userData).write_files.find((f: { path: string }) => f.path === "/etc/ha.d/authkeys");
      if (authkeys) {
        expect(authkeys.permissions).toBe("0600");
        expect(authkeys.content).toMatch(/^1 sha1 \$\{random_password\.[a-z0-9_]+_[0-9A-F]{8}\.result\}$/im);
      }
    }
  });

  it("writes no absolute path of this machine", () => {
    expect(output(preset, kind)).not.toContain(process.cwd());
  });
});

describe("libvirt machines", () => {
  const out = output("heartbeat-apache", "libvirt");

  it("are 2 vCPU / 2 GiB KVM domains with two virtio NICs: host bridge, then the private network", () => {
    expect(out).toHaveResourceWithProperties(Domain, {
      name: "heartbeat-apache-libvirt-srv1",
      type: "kvm",
      vcpu: 2,
      memory: 2048,
      memory_unit: "MiB",
      devices: expect.objectContaining({
        interfaces: [
          expect.objectContaining({ source: { bridge: { bridge: "br0" } }, mac: { address: expect.stringMatching(/^52:54:00:/) } }),
          expect.objectContaining({ source: { network: { network: expect.stringMatching(/^\$\{libvirt_network\..*\.name\}$/) } } }),
        ],
      }),
    });
  });

  it("attach the cloud-init disk as a cdrom", () => {
    const domain = Object.values<any>(JSON.parse(out).resource.libvirt_domain)[0];
    expect(domain.devices.disks.map((d: any) => d.device)).toEqual(["disk", "cdrom"]);
    expect(out).toHaveResourceWithProperties(CloudinitDisk, { name: "heartbeat-apache-libvirt-srv1-cloud-init" });
  });

  it("match NICs by the MACs the domain declares", () => {
    const json = JSON.parse(out);
    const domain = Object.values<any>(json.resource.libvirt_domain).find((d) => d.name === "heartbeat-apache-libvirt-srv1");
    const node = nodesOf("heartbeat-apache", "libvirt").find((n) => n.hostname === "srv1")!;
    const ethernets = parse(node.networkConfig).ethernets;
    expect(domain.devices.interfaces.map((i: any) => i.mac.address)).toEqual([
      ethernets.public.match.macaddress,
      ethernets.private.match.macaddress,
    ]);
  });

  it("create an isolated private network (no forward)", () => {
    expect(out).toHaveResourceWithProperties(Network, { name: "heartbeat-apache-libvirt-private" });
    expect(Object.values<any>(JSON.parse(out).resource.libvirt_network)[0]).not.toHaveProperty("forward");
  });

  it("generate the authkeys secret with random_password", () => {
    expect(out).toHaveResourceWithProperties(Password, { length: 40, special: false });
  });

  it("carry the VIP in haresources", () => {
    for (const node of nodesOf("heartbeat-apache", "libvirt")) {
      const hr = loadAsCloudInit(node.userData).write_files.find((f: any) => f.path === "/etc/ha.d/haresources");
      expect(hr.content).toMatch(/^srv1 IPaddr2::192\.168\.56\.10\/24\/public apache2$/m);
    }
  });
});

describe("vSphere machines", () => {
  const out = output("ha-lb", "vsphere");

  it("get cloud-init through gzip+base64 guestinfo, encoded by Terraform", () => {
    expect(out).toHaveResourceWithProperties(VirtualMachine, {
      name: "ha-lb-vsphere-lb1",
      num_cpus: 2,
      memory: 2048,
      extra_config: {
        "guestinfo.userdata": "${base64gzip(local.lb1_user_data)}",
        "guestinfo.userdata.encoding": "gzip+base64",
        "guestinfo.metadata": "${base64gzip(local.lb1_metadata)}",
        "guestinfo.metadata.encoding": "gzip+base64",
      },
    });
  });

  it("ask cloud-init to clear the secret-bearing guestinfo.userdata once read, and only that", () => {
    const vms = Object.values<any>(JSON.parse(out).resource.vsphere_virtual_machine);
    for (const node of nodesOf("ha-lb", "vsphere")) {
      expect(parse(node.metaData).redact).toEqual(["userdata"]);
      // The installed cloud-init's own redact_keys, with vmware-rpctool recorded instead of run.
      const run = spawnSync("/usr/bin/python3", [join(__dirname, "../support/vmware_redact.py")], {
        input: node.metaData,
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual([
        ["vmware-rpctool", "info-set guestinfo.userdata ---"],
        ["vmware-rpctool", "info-set guestinfo.userdata.encoding  "],
      ]);
      // The key it clears is the one the VM's user-data travels in.
      const vm = vms.find((v) => v.name === `ha-lb-vsphere-${node.hostname}`);
      expect(vm.extra_config["guestinfo.userdata"]).toBe(`\${base64gzip(local.${node.hostname}_user_data)}`);
    }
    // libvirt's seed ISO has no such channel: its meta-data stays as it was.
    for (const node of nodesOf("ha-lb", "libvirt")) expect(parse(node.metaData)).not.toHaveProperty("redact");
  });

  it("use static MACs in VMware's range, on VM Network and the private port group", () => {
    const vm = Object.values<any>(JSON.parse(out).resource.vsphere_virtual_machine).find((v) => v.name === "ha-lb-vsphere-lb1");
    expect(vm.network_interface).toHaveLength(2);
    for (const nic of vm.network_interface) {
      expect(nic).toMatchObject({ use_static_mac: true, mac_address: expect.stringMatching(/^00:50:56:[0-3][0-9a-f]:/) });
    }
    expect(vm.network_interface[0].network_id).toMatch(/vsphere_network\.vsphere_public_network/);
    expect(vm.network_interface[1].network_id).toMatch(/vsphere_network\.vsphere_private_network/);
  });

  it("create the private port group on a vSwitch with no uplinks", () => {
    expect(out).toHaveResourceWithProperties(HostVirtualSwitch, { network_adapters: [], active_nics: [] });
  });

  it("attach a per-VM copy of the base disk on a standalone ESXi host", () => {
    const vm = Object.values<any>(JSON.parse(out).resource.vsphere_virtual_machine).find((v) => v.name === "ha-lb-vsphere-web1");
    expect(vm.disk).toEqual([expect.objectContaining({ attach: true, path: "ha-lb-vsphere/web1.vmdk" })]);
    expect(vm.network_interface).toHaveLength(1);
  });

  it("clone a template on vCenter", () => {
    const stack = new HeartbeatApacheStack(Testing.app(), "t", {
      platform: { kind: "vsphere", props: { image: { kind: "vcenter-template", template: "debian-12-template" } } },
    });
    const vm = Object.values<any>(JSON.parse(Testing.synth(stack)).resource.vsphere_virtual_machine)[0];
    expect(vm.clone).toEqual({ template_uuid: expect.stringContaining("data.vsphere_virtual_machine") });
  });

  it("carry the ipvsadm rules and both VIPs on the directors", () => {
    const lb1 = nodesOf("ha-lb", "vsphere").find((n) => n.hostname === "lb1")!;
    const files = loadAsCloudInit(lb1.userData).write_files;
    expect(files.find((f: any) => f.path === "/etc/ipvsadm.rules").content).toBe(
      "-A -t 192.168.56.10:80 -s rr\n" + ["11", "12", "13"].map((n) => `-a -t 192.168.56.10:80 -r 192.168.200.${n}:80 -m -w 1\n`).join(""),
    );
    expect(files.find((f: any) => f.path === "/etc/ha.d/haresources").content).toContain(
      "lb1 IPaddr2::192.168.56.10/24/public IPaddr2::192.168.200.254/24/private ipvsadm",
    );
  });
});

describe("the failover preset option", () => {
  const pair = Testing.synth(
    new HeartbeatApacheStack(Testing.app(), "fast", { failover: FailoverEngine.heartbeat(HEARTBEAT_FAST_PROFILE) }),
  );
  const lb = Testing.synth(new HaLbStack(Testing.app(), "fast-lb", { failover: FailoverEngine.heartbeat(HEARTBEAT_FAST_PROFILE) }));
  beforeAll(() => {
    const userData = [pair, lb].flatMap((out) => synthesizedNodes(JSON.parse(out)).map((node) => node.userData));
    checkWithCloudInit({ userData, yaml: userData });
  });
  const haCfOf = (out: string, host: string) => {
    const node = synthesizedNodes(JSON.parse(out)).find((n) => n.hostname === host)!;
    return loadAsCloudInit(node.userData).write_files.find((f: { path: string }) => f.path === "/etc/ha.d/ha.cf").content as string;
  };
  const directives = (text: string) => text.split("\n").filter((l) => /^(keepalive|deadtime|warntime|initdead|ucast) /.test(l));

  it.each([
    ["lab", HEARTBEAT_LAB_PROFILE],
    ["fast", HEARTBEAT_FAST_PROFILE],
  ])("%s profile: Heartbeat's timing rules, with initdead at least twice deadtime, on two paths", (_name, profile) => {
    const ms = (t: HeartbeatTime) => heartbeatTimeMs(t)!;
    expect(ms(profile.warntime)).toBeLessThan(ms(profile.deadtime));
    expect(ms(profile.deadtime)).toBeGreaterThan(2 * ms(profile.keepalive));
    expect(ms(profile.initdead)).toBeGreaterThanOrEqual(2 * ms(profile.deadtime));
    expect([...profile.heartbeatNetworks].sort()).toEqual(["private", "public"]);
  });

  it("defaults to the lab profile: the presets' output is what the explicit HEARTBEAT_LAB_PROFILE gives", () => {
    const explicit = (Stack: typeof HeartbeatApacheStack | typeof HaLbStack, id: string) =>
      Testing.synth(
        new Stack(Testing.app(), id, { platform: { kind: "libvirt" }, failover: FailoverEngine.heartbeat(HEARTBEAT_LAB_PROFILE) }),
      );
    expect(explicit(HeartbeatApacheStack, "heartbeat-apache-libvirt")).toBe(output("heartbeat-apache", "libvirt"));
    expect(explicit(HaLbStack, "ha-lb-libvirt")).toBe(output("ha-lb", "libvirt"));
    expect(directives(haCfOf(output("heartbeat-apache", "libvirt"), "srv1"))).toEqual([
      "keepalive 500ms",
      "deadtime 3",
      "warntime 2",
      "initdead 10",
      "ucast private 192.168.200.12",
      "ucast public 192.168.56.12",
    ]);
  });

  it("fast: ucast to the peer's private and public address, with the profile's timings, on both presets", () => {
    const timing = ["keepalive 100ms", "deadtime 300ms", "warntime 200ms", "initdead 10"];
    expect(directives(haCfOf(pair, "srv1"))).toEqual([...timing, "ucast private 192.168.200.12", "ucast public 192.168.56.12"]);
    expect(directives(haCfOf(pair, "srv2"))).toEqual([...timing, "ucast private 192.168.200.11", "ucast public 192.168.56.11"]);
    expect(directives(haCfOf(lb, "lb1"))).toEqual([...timing, "ucast private 192.168.200.252", "ucast public 192.168.56.12"]);
    for (const node of synthesizedNodes(JSON.parse(pair))) {
      const result = validateUserData(node.userData);
      expect([node.hostname, result.output]).toEqual([node.hostname, expect.stringMatching(/^Valid cloud-config/)]);
    }
  });

  it("rejects a sub-second deadtime on one path, and a network named twice, with path, field, value and hint", () => {
    const onePath = () =>
      Testing.synth(
        new HeartbeatApacheStack(Testing.app(), "one", {
          failover: FailoverEngine.heartbeat({ ...HEARTBEAT_FAST_PROFILE, heartbeatNetworks: ["private"] }),
        }),
      );
    expect(onePath).toThrow(/^Invalid topology, 1 problem; nothing was written:/);
    expect(onePath).toThrow('one/pair: failover.deadtime = "300ms": a deadtime under 1 s needs at least two media');
    const twice = () =>
      Testing.synth(
        new HaLbStack(Testing.app(), "twice", {
          failover: FailoverEngine.heartbeat({ ...HEARTBEAT_FAST_PROFILE, heartbeatNetworks: ["public", "public"] }),
        }),
      );
    expect(twice).toThrow('twice/ha/lb: failover.heartbeatNetworks[1] = "public": listed twice');
    expect(twice).toThrow('twice/ha/lb: failover.deadtime = "300ms": a deadtime under 1 s needs at least two media');
  });
});

describe("the presets side by side", () => {
  /** Every name a stack gives something on the host: libvirt domains, volumes, networks and bridges; vSphere VMs, disks, port groups, vSwitches. */
  function hostNames(text: string): string[] {
    const resource = JSON.parse(text).resource;
    const names: string[] = [];
    for (const type of [
      "libvirt_domain",
      "libvirt_volume",
      "libvirt_cloudinit_disk",
      "libvirt_network",
      "vsphere_virtual_machine",
      "vsphere_host_port_group",
      "vsphere_host_virtual_switch",
    ]) {
      for (const r of Object.values<any>(resource[type] ?? {})) names.push(`${type}:${r.name}`);
    }
    for (const r of Object.values<any>(resource.libvirt_network ?? {})) names.push(`bridge:${r.bridge.name}`);
    for (const r of Object.values<any>(resource.vsphere_file ?? {})) names.push(`file:${r.destination_file}`);
    return names;
  }

  it("share no VM, volume, network, bridge or disk name on one host", () => {
    for (const kind of PLATFORMS) {
      const all = Object.keys(PRESET_STACKS).flatMap((preset) => hostNames(output(preset, kind)));
      expect(all.length).toBeGreaterThan(20);
      expect(all.filter((name, i) => all.indexOf(name) !== i)).toEqual([]);
    }
    expect(hostNames(output("ha-lb", "libvirt"))).toEqual(
      expect.arrayContaining([
        "libvirt_domain:ha-lb-libvirt-web1",
        "libvirt_volume:ha-lb-libvirt-debian-12-base.qcow2",
        "libvirt_network:ha-lb-libvirt-private",
      ]),
    );
  });

  it("derive the names from the stack id, deterministically, and keep bridge names within Linux's 15 characters", () => {
    const bridges = cases.flatMap(([preset, kind]) => hostNames(output(preset, kind)).filter((n) => n.startsWith("bridge:")));
    expect(bridges).toHaveLength(3);
    for (const bridge of bridges) expect(bridge.slice("bridge:".length).length).toBeLessThanOrEqual(15);
    const renamed = Testing.synth(new HeartbeatApacheStack(Testing.app(), "other"));
    expect(hostNames(renamed)).toEqual(expect.arrayContaining(["libvirt_domain:other-srv1", "libvirt_network:other-private"]));
  });
});

describe("the topology diagram", () => {
  it("in the README is the one HaLbStack draws", () => {
    const diagram = new HaLbStack(Testing.app(), "ha-lb-libvirt").web.diagram();
    expect(diagram).toMatch(/^flowchart LR\n/);
    expect(diagram).toContain("node_lb1 <-.->|heartbeat udp 694: ucast private, ucast public| node_lb2");
    expect(diagram).toContain("vip_192_168_56_10 -.->|held by| node_lb1");
    expect(readFileSync(join(__dirname, "../../README.md"), "utf8")).toContain("```mermaid\n" + diagram + "```\n");
  });

  it("is written beside each stack's JSON at synth, the same bytes every time", () => {
    const outdir = mkdtempSync(join(tmpdir(), "hal-diagram-"));
    try {
      const app = new App({ outdir });
      const stack = new HaLbStack(app, "ha-lb-libvirt");
      new IpvsNatStack(app, "ipvs-nat-vsphere", { platform: { kind: "vsphere" } });
      app.synth();
      const file = readFileSync(join(outdir, "stacks/ha-lb-libvirt", TOPOLOGY_FILE), "utf8");
      expect(file).toBe(renderStackDiagrams(stack));
      expect(file).toBe("# Topology of stack ha-lb-libvirt\n\n## ha-lb-libvirt/ha/lb\n\n```mermaid\n" + stack.web.diagram() + "```\n");
      expect(readFileSync(join(outdir, "stacks/ipvs-nat-vsphere", TOPOLOGY_FILE), "utf8")).toContain("vip_192_168_56_10 -.->|on| node_lb1");
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it("names the pair's Heartbeat port and every path", () => {
    const failover = FailoverEngine.heartbeat({
      udpport: 695,
      heartbeatNetworks: ["private"],
      extraMedia: [
        { kind: "bcast", interfaces: ["public"] },
        { kind: "mcast", interface: "private", group: "239.0.0.1" },
      ],
    });
    const diagram = new HeartbeatApacheStack(Testing.app(), "hb", { failover }).pair.diagram();
    expect(diagram).toContain("node_srv1 <-.->|heartbeat udp 695: ucast private, bcast public, mcast private 239.0.0.1| node_srv2");
  });

  it("shows a single director holding its VIP, without a failover link", () => {
    const diagram = new IpvsNatStack(Testing.app(), "ipvs-nat-libvirt").loadBalancer.diagram();
    expect(diagram).toContain("vip_192_168_56_10 -.->|on| node_lb1");
    expect(diagram).not.toContain("<-.->");
  });
});

describe("bad topologies", () => {
  it("fail at synth, not at construction, with the construct path, field, value and hint", () => {
    const stack = () =>
      new HeartbeatApacheStack(Testing.app(), "bad", {
        pair: { vips: ["10.1.1.1"], failover: FailoverEngine.heartbeat({ ...HEARTBEAT_LAB_PROFILE, keepalive: 2, deadtime: 3 }) },
      });
    expect(stack).not.toThrow();
    const build = () => Testing.synth(stack());
    expect(build).toThrow(/^Invalid topology, 2 problems; nothing was written:/);
    expect(build).toThrow('bad/pair: vips[0].address = "10.1.1.1": is outside the public subnet 192.168.56.0/24');
    expect(build).toThrow(
      "bad/pair: failover.deadtime = 3: deadtime must be more than twice keepalive (2); heartbeat refuses to start otherwise",
    );
  });

  it("write nothing, not even the good stacks", () => {
    const outdir = mkdtempSync(join(tmpdir(), "hal-synth-"));
    try {
      expect(() => {
        const app = new App({ outdir });
        new HeartbeatApacheStack(app, "good");
        new HeartbeatApacheStack(app, "bad", { pair: { preferredNode: "srv3" } });
        app.synth();
      }).toThrow(/bad\/pair: preferredNode = "srv3"/);
      // cdktf's App makes an empty stacks/ folder when constructed; no file may follow.
      const files = readdirSync(outdir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      expect(files.map((f) => f.name)).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it("refuse a payload over vSphere's guestinfo limit", () => {
    const huge = "x".repeat(200_000).replace(/x/g, () => String.fromCharCode(97 + Math.floor(Math.random() * 26)));
    const big = new HeartbeatApacheStack(Testing.app(), "big", { platform: { kind: "vsphere" }, pair: { subtitle: huge } });
    expect(() => Testing.synth(big)).toThrow(
      /big\/pair\/srv1: guestinfo\.userdata = "\d+ bytes after gzip\+base64": exceeds the 65536-byte guestinfo value limit/,
    );
  });
});
