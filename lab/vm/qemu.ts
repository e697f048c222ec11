/**
 * The qemu tier: a full VM under TCG, booting the image's own kernel and initrd, with virtio disks
 * and NICs. What only a full VM shows (the image's kernel, initrd and boot, virtio NICs) is tested
 * here; it costs 3-4x the UML tier's boot time.
 */
import * as fs from "fs";
import * as path from "path";
import { runSync } from "../common/proc";
import { cmdline, GuestSpec, pssMiB, Tier } from "./tier";

/**
 * Kernel command line: names eth0.. until cloud-init renames by MAC; the module blacklist skips
 * drivers for emulated hardware the lab never uses (loading modules is slow under TCG).
 */
export const KERNEL_CMDLINE = [
  "root=/dev/vda",
  "rw",
  "console=ttyS0",
  "net.ifnames=0",
  "modprobe.blacklist=floppy",
  "module_blacklist=floppy,kvm,kvm_amd,kvm_intel,irqbypass,ccp,pcspkr,psmouse,serio_raw,ata_piix,pata_acpi,libata,dm_mod,fuse,loop",
].join(" ");

/** True when pid is a qemu we started: its command line names our work dir. */
function isOurQemu(pid: number, workDir: string): boolean {
  const cmd = cmdline(pid);
  return cmd.includes("qemu-system") && cmd.includes(workDir + "/");
}

const overlay = (g: GuestSpec) => path.join(g.dir, "disk.qcow2");

export function qemuTier(opts: { cpu?: string } = {}): Tier {
  return {
    name: "qemu",
    tools: ["qemu-system-x86_64", "qemu-img"],
    createDisk(g) {
      runSync(["qemu-img", "create", "-q", "-f", "qcow2", "-F", "raw", "-b", g.image.raw, overlay(g)]);
    },
    launch(g) {
      const pidFile = path.join(g.dir, "qemu.pid");
      fs.rmSync(pidFile, { force: true });
      const args = [
        "-name",
        g.hostname,
        "-machine",
        "pc",
        "-accel",
        "tcg,thread=multi,tb-size=256",
        "-cpu",
        opts.cpu ?? process.env.HAL_VM_CPU ?? "max",
        "-smp",
        "1",
        "-m",
        String(g.memoryMiB),
        "-nodefaults",
        "-display",
        "none",
        "-serial",
        `file:${g.consoleLog}`,
        "-daemonize",
        "-pidfile",
        pidFile,
        "-kernel",
        g.image.kernel,
        "-initrd",
        g.image.initrd,
        "-append",
        KERNEL_CMDLINE,
        "-drive",
        `file=${overlay(g)},if=virtio,format=qcow2`,
        "-drive",
        `file=${g.seed},if=virtio,format=raw,readonly=on`,
        "-device",
        "virtio-rng-pci",
      ];
      g.nics.forEach(({ mac, tap }, i) => {
        args.push("-netdev", `tap,id=n${i},ifname=${tap},script=no,downscript=no`);
        args.push("-device", `virtio-net-pci,netdev=n${i},mac=${mac}`);
      });
      runSync(["ip", "netns", "exec", g.netns, "qemu-system-x86_64", ...args]);
      return Number(fs.readFileSync(pidFile, "utf8").trim());
    },
    running: isOurQemu,
    kill(pid, workDir, signal) {
      if (!isOurQemu(pid, workDir)) return false;
      try {
        process.kill(pid, signal);
        return true;
      } catch {
        return false;
      }
    },
    memoryMiB: (pid, workDir) => (isOurQemu(pid, workDir) ? Math.round(pssMiB(pid)) : 0),
  };
}
