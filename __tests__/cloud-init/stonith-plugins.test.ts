/**
 * The generated stonith.cfg read by cluster-glue's real stonith(8) through the same R1 path
 * heartbeat uses (stonith_set_config_file: one line, split in getconfignames order), driving the
 * real external/libvirt and external/vcenter plugins. Only virsh and VMware's Perl SDK are
 * stand-ins (__tests__/support), recording what the plugins ask of them.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { FencingRole, renderStonithParts, STONITH_CONFIG_PATH } from "../../cloud-init";

const SUPPORT = join(__dirname, "..", "support");
const machines = [
  { node: "srv1", machine: "srv1" },
  { node: "srv2", machine: "srv2" },
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hal-stonith-"));
  copyFileSync(join(SUPPORT, "virsh-log.sh"), join(dir, "virsh"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `stonith -t <type> -F <generated stonith.cfg> -T reset srv2`; returns its status and output. */
function resetSrv2(role: FencingRole, env: Record<string, string>): { status: number | null; output: string } {
  if (!existsSync("/usr/sbin/stonith")) throw new Error("cluster-glue is not installed: apt-get install -y cluster-glue");
  const parts = renderStonithParts(role, undefined);
  const cfg = join(dir, "stonith.cfg");
  writeFileSync(cfg, parts.files.find((f) => f.path === STONITH_CONFIG_PATH)!.content);
  const run = spawnSync("/usr/sbin/stonith", ["-t", parts.stonith!.type, "-F", cfg, "-T", "reset", "srv2"], {
    encoding: "utf8",
    env: { PATH: `${dir}:/usr/sbin:/usr/bin:/sbin:/bin`, LANG: "C", ...env },
    timeout: 30_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("cluster-glue's real plugins read the generated stonith.cfg", () => {
  it("external/libvirt: destroys then starts srv2 through the URI with the key file", () => {
    const log = join(dir, "virsh.log");
    const r = resetSrv2(
      {
        fencing: {
          kind: "libvirt",
          hypervisorUri: "qemu+ssh://fence@kvm1.example.org/system",
          sshPrivateKeyBase64: "${var.fence_key}",
          sshKnownHosts: "kvm1.example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyOfTheHypervisor",
        },
        machines,
      },
      { HAL_VIRSH_LOG: log },
    );
    expect(r).toMatchObject({ status: 0 });
    const uri = "qemu+ssh://fence@kvm1.example.org/system?keyfile=/etc/ha.d/stonith-libvirt.key";
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([`-c ${uri} destroy srv2`, `-c ${uri} start srv2`]);
  });

  it("external/vcenter: connects with the seven parameters in order and resets the VM named srv2", () => {
    const log = join(dir, "vi.log");
    const r = resetSrv2(
      { fencing: { kind: "vcenter", server: "vcenter.example.org", credentialStoreBase64: "${var.credstore}" }, machines },
      { HAL_VI_LOG: log, PERL5LIB: join(SUPPORT, "vmware-stub") },
    );
    expect(r).toMatchObject({ status: 0 });
    const calls = readFileSync(log, "utf8").trim().split("\n");
    expect(calls[0]).toBe(
      "Opts::parse VI_SERVER=vcenter.example.org VI_PORTNUMBER=443 VI_PROTOCOL=https VI_SERVICEPATH=/sdk" +
        " VI_CREDSTORE=/etc/ha.d/vicredentials.xml HOSTLIST=srv1;srv2 RESETPOWERON=1",
    );
    expect(calls).toContain("ResetVM srv2");
    expect(calls).not.toContain("ResetVM srv1");
  });

  it("a line with a word missing is refused, as heartbeat would refuse to start; the full line works", () => {
    const status = (line: string) => {
      const cfg = join(dir, "status.cfg");
      writeFileSync(cfg, `${line}\n`);
      return spawnSync("/usr/sbin/stonith", ["-t", "external/libvirt", "-F", cfg, "-S"], {
        encoding: "utf8",
        env: { PATH: `${dir}:/usr/sbin:/usr/bin:/sbin:/bin`, HAL_VIRSH_LOG: join(dir, "status.log") },
        timeout: 30_000,
      }).status;
    };
    expect(status("srv1,srv2 qemu:///system power_cycle")).toBe(0);
    expect(status("srv1,srv2 qemu:///system")).not.toBe(0);
  });
});
