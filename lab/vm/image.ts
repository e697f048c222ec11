/**
 * Builds (once) the Debian 12 base image the VM lab boots, cached in
 * .lab-cache/ under a name carrying the hash of the whole recipe (package list,
 * files written into the image, build script). Change any of those and the
 * next run builds a new image; older ones are pruned.
 *
 *   debootstrap --variant=minbase bookworm  (host's apt mirror)
 *   chroot: apt-get install --no-install-recommends <PACKAGES>  (policy-rc.d = 101 while building)
 *   image settings (cloud-init NoCloud, ip_vs at boot, fstab by LABEL=halroot)
 *   the host's user-mode-linux modules -> /lib/modules/<uml version> (the UML tier's kernel)
 *   mkfs.ext4 -d rootfs -> one raw image both tiers boot read-only (qemu: qcow2 overlay,
 *   UML: COW file); the image's own kernel + initrd copied out for qemu's -kernel/-initrd
 *
 * Run alone: `ts-node lab/vm/image.ts` (prints the paths as JSON).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { isAlive, runSync } from "../common/proc";
import { CACHE_DIR, defaultLog, ensureCacheDir, ensureHostTools, Logger, requireRoot } from "./host";

export const SUITE = "bookworm";
/** ext4 label of the root file system (fstab names the root by it). */
export const ROOT_LABEL = "halroot";
/** Debian's user-mode-linux: the UML tier's kernel, and where its modules come from. */
export const UML_KERNEL = "/usr/bin/linux.uml";
const UML_MODULES = "/usr/lib/uml/modules";

/** The installed UML kernel: its module directory's version and the package version (part of the recipe). */
export function umlKernel(): { release: string; modules: string; pkg: string } {
  const releases = fs.existsSync(UML_MODULES) ? fs.readdirSync(UML_MODULES) : [];
  if (releases.length !== 1 || !fs.existsSync(UML_KERNEL)) {
    throw new Error(
      `expected ${UML_KERNEL} and exactly one module tree under ${UML_MODULES} (package user-mode-linux), found: ${releases.join(" ") || "none"}`,
    );
  }
  const pkg = runSync(["dpkg-query", "-W", "-f", "${Version}", "user-mode-linux"]).stdout.trim();
  return { release: releases[0], modules: path.join(UML_MODULES, releases[0]), pkg };
}

/** Installed into the image; cloud-init's `packages:` then finds them already there (VMs have no internet). */
export const PACKAGES = [
  "linux-image-amd64",
  "systemd-sysv",
  "cloud-init",
  "openssh-server",
  "ifupdown",
  "iproute2",
  "netbase",
  "heartbeat",
  "keepalived",
  "apache2",
  "ipvsadm",
  "ldirectord",
  "nftables",
  "curl",
  "kmod",
  "procps",
  "sudo",
];

/** Files written into the rootfs after the packages (path -> content). */
const IMAGE_FILES: Record<string, string> = {
  "/etc/cloud/cloud.cfg.d/90-hal-lab.cfg": [
    "# hal VM lab: local NoCloud seed only, no metadata-service probing",
    "datasource_list: [NoCloud, None]",
    "# the default locale (en_US.UTF-8) is not generated in this image",
    "locale: C.UTF-8",
    "# RSA host-key generation is slow under TCG",
    "ssh_genkeytypes: [ed25519]",
    "# the VMs are offline and the image has no apt sources: keep it that way",
    "apt:",
    "  preserve_sources_list: true",
    "",
  ].join("\n"),
  "/etc/modules-load.d/hal-lab-ipvs.conf": "ip_vs\n",
  // by label: the root is /dev/vda under qemu and /dev/ubda under UML
  "/etc/fstab": `LABEL=${ROOT_LABEL} / ext4 defaults,errors=remount-ro 0 0\n`,
  "/etc/hostname": "debian\n",
  "/etc/hosts": "127.0.0.1 localhost\n",
  "/etc/network/interfaces": "auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*\n",
  // small initrd (unpacking the default 35 MB one costs ~5 s under TCG): just what mounts /dev/vda
  "/etc/initramfs-tools/conf.d/hal-lab.conf": "MODULES=list\n",
  "/etc/initramfs-tools/modules": "virtio_pci\nvirtio_blk\next4\n",
};

/** Shell run inside the chroot (with /proc, /sys mounted in a private mount namespace). */
function chrootInstallScript(sources: string): string {
  return `set -eu
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin
printf '#!/bin/sh\\nexit 101\\n' > /usr/sbin/policy-rc.d
chmod 0755 /usr/sbin/policy-rc.d
cat > /etc/apt/sources.list <<'EOF'
${sources}EOF
apt-get update -q
apt-get install -y -q --no-install-recommends ${PACKAGES.join(" ")}
`;
}

const CHROOT_FINISH_SCRIPT = `set -eu
export LC_ALL=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin
# timers that would compete for the (emulated) CPU during a test
systemctl mask apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer e2scrub_reap.service fstrim.timer man-db.timer >/dev/null 2>&1 || true
# ldirectord's package enables its unit; only the payloads of its directors turn it on
systemctl disable ldirectord.service >/dev/null 2>&1 || true
update-initramfs -u -k all
# offline VMs: no sources, no lists. cloud-init's apt-get update is then instant and
# apt-get install of a preinstalled package succeeds; any other package fails loudly.
apt-get clean
rm -f /etc/apt/sources.list
rm -rf /var/lib/apt/lists/*
rm -f /usr/sbin/policy-rc.d
# fresh identity per VM
: > /etc/machine-id
rm -f /var/lib/dbus/machine-id
`;

const IMAGE_SIZE = "2G";

function recipe(sources: string, uml: { release: string; pkg: string }) {
  return {
    recipeVersion: 3,
    umlModules: uml,
    rootLabel: ROOT_LABEL,
    suite: SUITE,
    variant: "minbase",
    packages: PACKAGES,
    install: chrootInstallScript(sources.replace(/https?:\/\/[^ ]+/g, "MIRROR")),
    files: IMAGE_FILES,
    finish: CHROOT_FINISH_SCRIPT,
    size: IMAGE_SIZE,
    fs: "ext4",
  };
}

export interface BaseImage {
  /** Raw ext4 root file system; never written (each guest writes to its own overlay). */
  raw: string;
  /** The image's own kernel and initrd (qemu tier). */
  kernel: string;
  initrd: string;
  /** Kernel release of the UML modules in the image (UML tier). */
  umlRelease: string;
  hash: string;
  /** Seconds the build took, or 0 when taken from the cache. */
  buildSeconds: number;
}

interface Mirrors {
  main: string;
  security?: string;
}

/** Reads the Debian mirror apt already uses (one-line .list and deb822 .sources). */
export function hostMirrors(): Mirrors {
  const files = ["/etc/apt/sources.list"];
  try {
    for (const f of fs.readdirSync("/etc/apt/sources.list.d")) files.push(path.join("/etc/apt/sources.list.d", f));
  } catch {
    /* none */
  }
  const entries: { uri: string; suites: string[] }[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = fs.readFileSync(f, "utf8");
    } catch {
      continue;
    }
    if (f.endsWith(".sources")) {
      for (const stanza of text.split(/\n\s*\n/)) {
        const field = (k: string) => (stanza.match(new RegExp(`^${k}:\\s*(.*)$`, "mi")) ?? [])[1]?.trim();
        if (!/\bdeb\b/.test(field("Types") ?? "") || (field("Enabled") ?? "yes") === "no") continue;
        for (const uri of (field("URIs") ?? "").split(/\s+/).filter(Boolean)) {
          entries.push({ uri, suites: (field("Suites") ?? "").split(/\s+/) });
        }
      }
    } else {
      for (const line of text.split("\n")) {
        const m = line.match(/^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/);
        if (m) entries.push({ uri: m[1], suites: [m[2]] });
      }
    }
  }
  const main = entries.find((e) => e.suites.includes(SUITE))?.uri ?? "http://deb.debian.org/debian";
  const security = entries.find((e) => e.suites.includes(`${SUITE}-security`))?.uri;
  return { main: main.replace(/\/$/, ""), security: security?.replace(/\/$/, "") };
}

function sourcesList(m: Mirrors): string {
  let s = `deb ${m.main} ${SUITE} main\ndeb ${m.main} ${SUITE}-updates main\n`;
  if (m.security) s += `deb ${m.security} ${SUITE}-security main\n`;
  return s;
}

function imagePaths(hash: string) {
  const h = hash.slice(0, 12);
  return {
    raw: path.join(CACHE_DIR, `debian12-${h}.raw`),
    kernel: path.join(CACHE_DIR, `debian12-${h}.vmlinuz`),
    initrd: path.join(CACHE_DIR, `debian12-${h}.initrd`),
    tmp: path.join(CACHE_DIR, `build-${h}.tmp`),
    lock: path.join(CACHE_DIR, `build-${h}.lock`),
  };
}

/** Returns the cached base image, building it first if the recipe changed. */
export function ensureBaseImage(opts: { log?: Logger; rebuild?: boolean } = {}): BaseImage {
  const log = opts.log ?? defaultLog;
  ensureCacheDir();
  const mirrors = hostMirrors();
  const sources = sourcesList(mirrors);
  ensureHostTools(log, ["linux.uml"]);
  const uml = umlKernel();
  const hash = createHash("sha256")
    .update(JSON.stringify(recipe(sources, uml)))
    .digest("hex");
  const p = imagePaths(hash);
  const result = (buildSeconds: number): BaseImage => ({
    raw: p.raw,
    kernel: p.kernel,
    initrd: p.initrd,
    umlRelease: uml.release,
    hash,
    buildSeconds,
  });
  if (!opts.rebuild && [p.raw, p.kernel, p.initrd].every((f) => fs.existsSync(f))) return result(0);
  requireRoot();
  ensureHostTools(log, ["debootstrap", "mkfs.ext4", "unshare"]);

  // One builder at a time; a lock left by a dead process is taken over.
  try {
    fs.mkdirSync(p.lock);
  } catch {
    const owner = Number(fs.readFileSync(path.join(p.lock, "pid"), "utf8").trim() || "0");
    if (owner && isAlive(owner)) throw new Error(`image ${hash.slice(0, 12)} is being built by pid ${owner}`);
  }
  fs.writeFileSync(path.join(p.lock, "pid"), String(process.pid));
  const t0 = Date.now();
  try {
    fs.rmSync(p.tmp, { recursive: true, force: true });
    fs.mkdirSync(p.tmp, { recursive: true });
    const rootfs = path.join(p.tmp, "rootfs");
    log(`building base image ${hash.slice(0, 12)} from ${mirrors.main} (takes a few minutes)`);
    const logFile = path.join(p.tmp, "build.log");
    const step = (what: string, cmd: string, args: string[]) => {
      const t = Date.now();
      const r = runSync([cmd, ...args], { allowFail: true });
      fs.appendFileSync(logFile, `### ${what}\n${r.stdout}\n${r.stderr}\n`);
      if (r.code !== 0) {
        const tail = (r.stdout + r.stderr).split("\n").slice(-30).join("\n");
        throw new Error(`image build step '${what}' failed (${r.code}); log ${logFile}\n${tail}`);
      }
      log(`  ${what}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
    };
    step("debootstrap", "debootstrap", ["--variant=minbase", SUITE, rootfs, mirrors.main]);

    const inChroot = (script: string) => {
      // Private mount namespace: /proc, /sys vanish with it, even if we are killed.
      const wrapper = `set -eu
mount -t proc proc "$1/proc"
mount -t sysfs sysfs "$1/sys"
mount -t devpts -o newinstance devpts "$1/dev/pts" 2>/dev/null || true
exec chroot "$1" /bin/sh -c "$2"`;
      return ["--mount", "--propagation", "private", "--", "sh", "-c", wrapper, "sh", rootfs, script];
    };
    step("apt-get install", "unshare", inChroot(chrootInstallScript(sources)));

    for (const [file, content] of Object.entries(IMAGE_FILES)) {
      const dest = path.join(rootfs, file);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, content);
    }
    step("finish", "unshare", inChroot(CHROOT_FINISH_SCRIPT));
    // after update-initramfs: the UML kernel needs no initrd, its modules are loaded from the root fs
    step("UML modules", "cp", ["-a", uml.modules, path.join(rootfs, "lib", "modules", uml.release)]);

    // Kernel and initrd for -kernel/-initrd (the image has no bootloader).
    const boot = fs.readdirSync(path.join(rootfs, "boot"));
    const vmlinuz = boot
      .filter((f) => f.startsWith("vmlinuz-"))
      .sort()
      .pop();
    const initrd = boot
      .filter((f) => f.startsWith("initrd.img-"))
      .sort()
      .pop();
    if (!vmlinuz || !initrd) throw new Error(`no kernel/initrd in ${rootfs}/boot: ${boot.join(" ")}`);
    fs.copyFileSync(path.join(rootfs, "boot", vmlinuz), p.kernel + ".part");
    fs.copyFileSync(path.join(rootfs, "boot", initrd), p.initrd + ".part");

    // sparse raw file: both tiers read it through a per-guest overlay
    step("mkfs.ext4 -d", "mkfs.ext4", ["-q", "-F", "-L", ROOT_LABEL, "-d", rootfs, p.raw + ".part", IMAGE_SIZE]);
    fs.renameSync(p.kernel + ".part", p.kernel);
    fs.renameSync(p.initrd + ".part", p.initrd);
    fs.renameSync(p.raw + ".part", p.raw);
    pruneOtherImages(hash, log);
    const buildSeconds = Math.round((Date.now() - t0) / 1000);
    log(`base image ready in ${buildSeconds} s: ${p.raw}`);
    return result(buildSeconds);
  } finally {
    fs.rmSync(p.tmp, { recursive: true, force: true });
    for (const f of [p.raw, p.kernel, p.initrd]) fs.rmSync(f + ".part", { force: true });
    fs.rmSync(p.lock, { recursive: true, force: true });
  }
}

/** Removes images (and dead builders' leftovers) of other recipes. */
function pruneOtherImages(hash: string, log: Logger): void {
  const keep = hash.slice(0, 12);
  for (const f of fs.readdirSync(CACHE_DIR)) {
    const m = f.match(/^(?:debian12-([0-9a-f]{12})\.(?:raw|qcow2|vmlinuz|initrd)|build-([0-9a-f]{12})\.tmp)$/);
    const h = m && (m[1] ?? m[2]);
    if (!h || h === keep) continue;
    if (f.startsWith("build-")) {
      const lock = path.join(CACHE_DIR, `build-${h}.lock`, "pid");
      const owner = fs.existsSync(lock) ? Number(fs.readFileSync(lock, "utf8")) : 0;
      if (owner && isAlive(owner)) continue;
    }
    log(`pruning old ${f}`);
    fs.rmSync(path.join(CACHE_DIR, f), { recursive: true, force: true });
  }
}

if (require.main === module) {
  const img = ensureBaseImage({ rebuild: process.argv.includes("--rebuild") });
  process.stdout.write(JSON.stringify(img, null, 2) + "\n");
}
