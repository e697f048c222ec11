import { Fn, Testing, TerraformStack, TerraformVariable } from "cdktf";
import { checkTopologies, FailoverEngine, HeartbeatPair, LibvirtPlatform, synthesizedNodes } from "../../constructs";

/** The pair both tests build on libvirt, with the given failover engine. */
function libvirtPair(stack: TerraformStack, failover: FailoverEngine): HeartbeatPair {
  return new HeartbeatPair(stack, "pair", {
    platform: new LibvirtPlatform(stack, "libvirt"),
    admin: { sshAuthorizedKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHalTestKeyNotForUse000000000000000000000 test"] },
    networks: { public: { cidr: "192.168.56.0/24", gateway: "192.168.56.1" }, private: { cidr: "192.168.200.0/24" } },
    nodes: [
      { name: "srv1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.11" },
      { name: "srv2", publicAddress: "192.168.56.12", privateAddress: "192.168.200.12" },
    ],
    vips: ["192.168.56.10"],
    failover,
  });
}

/** A pair with libvirt fencing over ssh; its key comes from a sensitive variable. */
function synthFencedPair(): string {
  const app = Testing.app();
  const stack = new TerraformStack(app, "fenced");
  const key = new TerraformVariable(stack, "fence_ssh_key", { type: "string", sensitive: true });
  libvirtPair(
    stack,
    FailoverEngine.heartbeat({
      fencing: {
        kind: "libvirt",
        hypervisorUri: "qemu+ssh://fence@kvm1.example.org/system",
        sshPrivateKeyBase64: Fn.base64encode(key.stringValue),
        sshKnownHosts: "kvm1.example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyOfTheHypervisor",
      },
      watchdog: true,
    }),
  );
  return Testing.synth(stack);
}

describe("fencing and the watchdog through HeartbeatPair", () => {
  const json = synthFencedPair();
  const nodes = synthesizedNodes(JSON.parse(json));

  it("reaches both nodes' payloads: stonith and watchdog lines, the key file by reference", () => {
    expect(nodes.map((n) => n.hostname).sort()).toEqual(["srv1", "srv2"]);
    for (const node of nodes) {
      expect(node.userData).toContain("stonith external/libvirt /etc/ha.d/stonith.cfg");
      expect(node.userData).toContain("watchdog /dev/watchdog");
      expect(node.userData).toContain(
        "srv1:fenced-srv1,srv2:fenced-srv2 qemu+ssh://fence@kvm1.example.org/system?keyfile=/etc/ha.d/stonith-libvirt.key power_cycle",
      );
      expect(node.userData).toMatch(
        /path: \/etc\/ha\.d\/stonith-libvirt\.key\n\s+owner: root:root\n\s+permissions: "0600"\n\s+defer: true\n\s+encoding: b64\n\s+content: "\$\{base64encode\(var\.fence_ssh_key\)\}"/,
      );
    }
  });

  it("declares the key's variable sensitive and holds no key material", () => {
    const doc = JSON.parse(json);
    expect(doc.variable.fence_ssh_key).toMatchObject({ sensitive: true });
    expect(json).not.toMatch(/PRIVATE KEY/);
  });

  it("is byte-identical on a second synth", () => {
    expect(synthFencedPair()).toBe(json);
  });
});

describe("fencing must match the platform", () => {
  it("refuses vcenter fencing for libvirt machines, in the project's error format", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "mismatch");
    libvirtPair(
      stack,
      FailoverEngine.heartbeat({
        fencing: { kind: "vcenter", server: "vc.example.org", credentialStoreBase64: "${var.credstore}" },
      }),
    );
    // Constructors record problems; the whole app's are reported at synth (checkTopologies runs that check).
    expect(() => checkTopologies(stack)).toThrow(
      'Invalid topology, 1 problem; nothing was written:\n  - mismatch/pair: failover.fencing.kind = "vcenter": the nodes run on libvirt, so only "libvirt" can reset them',
    );
  });
});
