/**
 * The user-mode Linux tier (default): Debian's linux.uml (6.1) runs the guest kernel as host
 * processes, booting the same raw image as the qemu tier through a copy-on-write file per guest,
 * with the image's copy of the UML modules (ip_vs*, isofs for the seed). No CPU emulation: a
 * topology boots in a third to a half of TCG's time. Fork-heavy shell (Heartbeat's resource
 * agents) gains little: every guest fork and system call goes through ptrace on the host.
 *
 * What it does not show (the qemu tier does): the image's own kernel, initrd and boot loader path,
 * virtio NICs and disks, disk growth.
 *
 * UML runs as several host processes (kernel, I/O helpers, one per guest address space) in one
 * process group whose leader is the pid we spawn (setsid here; linux.uml calls setsid() itself as
 * well). A guest is signalled as that group, after checking the group is one of ours: killing
 * just the leader leaves about nine helper processes behind.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { UML_KERNEL } from "./image";
import { cmdline, GuestSpec, Tier } from "./tier";

/** Pids whose process group is `pgid`. */
function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const f of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(f)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${f}/stat`, "utf8");
    } catch {
      continue;
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] !== "Z" && Number(fields[2]) === pgid) out.push(Number(f));
  }
  return out;
}

const isOurUml = (pid: number, workDir: string) => {
  const cmd = cmdline(pid);
  // includes: for the first moments the leader is still `ip netns exec … linux.uml …`
  return cmd.includes(UML_KERNEL + "\0") && cmd.includes(workDir + "/");
};

/**
 * The live members of process group `pgid` when that group is one of our guests: its leader (or,
 * once the leader is gone, any member) is linux.uml with our work dir on its command line. A
 * process group id is not reused while any member lives, so the members found belong to it.
 */
function ourGroup(pgid: number, workDir: string): number[] {
  const members = groupMembers(pgid);
  return members.some((p) => isOurUml(p, workDir)) ? members : [];
}

/**
 * Host memory of a guest: the pages allocated in its physical-memory file (an unlinked tmpfs file
 * the kernel process maps; its address-space processes map the same pages) plus the kernel
 * process's own anonymous memory. Summing each process's PSS instead counts the kernel's memory
 * three times: its I/O helpers are clone()s sharing its address space.
 */
function umlMemoryMiB(leader: number): number {
  let bytes = 0;
  try {
    for (const fd of fs.readdirSync(`/proc/${leader}/fd`)) {
      const link = path.join(`/proc/${leader}/fd`, fd);
      let target: string;
      try {
        target = fs.readlinkSync(link);
      } catch {
        continue;
      }
      if (target.endsWith(" (deleted)")) bytes += fs.statSync(link).blocks * 512;
    }
    const anon = fs.readFileSync(`/proc/${leader}/smaps_rollup`, "utf8").match(/^Pss_Anon:\s+(\d+) kB/m);
    if (anon) bytes += Number(anon[1]) * 1024;
  } catch {
    return 0;
  }
  return bytes / 1024 / 1024;
}

export function umlTier(): Tier {
  return {
    name: "uml",
    tools: ["linux.uml"],
    // UML makes the COW file itself on first boot (ubd0=<cow>,<backing>)
    createDisk: () => undefined,
    launch(g: GuestSpec) {
      const args = [
        `mem=${g.memoryMiB}M`,
        `ubd0=${path.join(g.dir, "root.cow")},${g.image.raw}`,
        `ubd1r=${g.seed}`,
        "root=/dev/ubda",
        "rw",
        // tty0 (kernel, systemd, cloud-init's final message) to stdout = the console log; nothing reads input
        "con=null",
        "con0=null,fd:1",
        "ssl=null",
        // pid file and mconsole socket in the guest's folder, not ~/.uml
        `umid=${g.hostname}`,
        `uml_dir=${g.dir}`,
        // a guest that reboots or panics exits instead of starting over
        "noreboot",
        ...g.nics.map(({ mac, tap }, i) => `vec${i}:transport=tap,ifname=${tap},mac=${mac}`),
      ];
      const out = fs.openSync(g.consoleLog, "a");
      try {
        // detached: setsid, so the guest's pid is its process group; no pipes to us
        const child = spawn("ip", ["netns", "exec", g.netns, UML_KERNEL, ...args], { detached: true, stdio: ["ignore", out, out] });
        child.on("error", () => undefined);
        child.unref();
        if (child.pid === undefined) throw new Error(`${g.hostname}: could not start ${UML_KERNEL}`);
        return child.pid;
      } finally {
        fs.closeSync(out);
      }
    },
    running(pgid, workDir) {
      if (ourGroup(pgid, workDir).length > 0) return true;
      // Mid-execve (ip -> linux.uml) the leader's cmdline reads empty for a moment: still starting.
      return groupMembers(pgid).includes(pgid) && cmdline(pgid) === "";
    },
    kill(pgid, workDir, signal) {
      if (ourGroup(pgid, workDir).length === 0) return false;
      try {
        process.kill(-pgid, signal);
        return true;
      } catch {
        return false;
      }
    },
    memoryMiB: (pgid, workDir) => (ourGroup(pgid, workDir).length > 0 ? Math.round(umlMemoryMiB(pgid)) : 0),
  };
}
