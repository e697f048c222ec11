/** The VM lab's host: root, the host tools it installs, its cache folder and its log line. (Processes: lab/common/proc.ts.) */
import * as fs from "fs";
import * as path from "path";
import { runSync, which } from "../common/proc";

export type Logger = (msg: string) => void;

export const defaultLog: Logger = (msg) => process.stderr.write(`[lab:vm ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/** Project root (…/main): two levels above this file's folder. */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
/** Git-ignored cache for images, keys and run records. */
export const CACHE_DIR = path.join(PROJECT_ROOT, ".lab-cache");

export function ensureCacheDir(): string {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const gi = path.join(CACHE_DIR, ".gitignore");
  // Self-ignoring folder, so the project's .gitignore need not know about it.
  if (!fs.existsSync(gi)) fs.writeFileSync(gi, "*\n");
  return CACHE_DIR;
}

/** Host tools the VM lab needs, by command -> Debian package. */
const HOST_TOOLS: Record<string, string> = {
  debootstrap: "debootstrap",
  "qemu-system-x86_64": "qemu-system-x86",
  "qemu-img": "qemu-utils",
  "cloud-localds": "cloud-image-utils",
  "mkfs.ext4": "e2fsprogs",
  ssh: "openssh-client",
  "ssh-keygen": "openssh-client",
  curl: "curl",
  ip: "iproute2",
  unshare: "util-linux",
  "linux.uml": "user-mode-linux",
};

/** Installs missing host tools with apt when root; otherwise throws with the exact command. */
export function ensureHostTools(log: Logger = defaultLog, only?: string[]): void {
  const wanted = only ?? Object.keys(HOST_TOOLS);
  const missing = [...new Set(wanted.filter((c) => !which(c)).map((c) => HOST_TOOLS[c]))];
  if (missing.length === 0) return;
  const cmd = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  if (process.getuid && process.getuid() === 0) {
    log(`installing host packages: ${missing.join(" ")}`);
    runSync(["sh", "-c", cmd]);
  } else {
    throw new Error(`the VM lab needs root and these host packages; run as root:\n  ${cmd}`);
  }
}

export function requireRoot(): void {
  if (!process.getuid || process.getuid() !== 0) {
    throw new Error("the VM lab needs root (network namespaces, taps, debootstrap)");
  }
}
