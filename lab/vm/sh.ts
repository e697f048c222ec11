/**
 * Small process helpers for the VM lab: synchronous runs (builds, cleanup that
 * must work inside an 'exit' handler) and asynchronous runs (ssh, curl).
 */
import { spawn, spawnSync, SpawnSyncOptions } from "child_process";
import * as fs from "fs";
import * as path from "path";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

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

/** Runs a command synchronously; throws with its stderr unless `allowFail`. */
export function runSync(cmd: string, args: string[], opts: SpawnSyncOptions & { allowFail?: boolean; inherit?: boolean } = {}): RunResult {
  const r = spawnSync(cmd, args, {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: opts.inherit ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
    ...opts,
  });
  const res: RunResult = {
    code: r.status ?? (r.signal ? 128 : 1),
    stdout: (r.stdout as string | null) ?? "",
    stderr: (r.stderr as string | null) ?? (r.error ? String(r.error) : ""),
  };
  if (res.code !== 0 && !opts.allowFail) {
    const tail = (res.stderr || res.stdout).split("\n").slice(-25).join("\n");
    throw new Error(`command failed (${res.code}): ${cmd} ${args.join(" ")}\n${tail}`);
  }
  return res;
}

/** Runs a command asynchronously with a time limit (SIGKILL of that child only). */
export function runAsync(cmd: string, args: string[], timeoutMs: number, input?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: stderr + String(e) });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) stderr += `\n[lab:vm] timed out after ${timeoutMs} ms`;
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    if (child.stdin) {
      // a child that exits before reading its input must not crash us with EPIPE
      child.stdin.on("error", () => undefined);
      child.stdin.end(input);
    }
  });
}

/**
 * Runs a command with no pipes to us (stdio ignored), for commands that leave a daemon
 * behind (ssh -f): resolves with the exit code of the command itself.
 */
export function runDetached(cmd: string, args: string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", () => {
      clearTimeout(timer);
      resolve(127);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

export function which(cmd: string): boolean {
  return runSync("sh", ["-c", `command -v ${cmd}`], { allowFail: true }).code === 0;
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
    runSync("sh", ["-c", cmd]);
  } else {
    throw new Error(`the VM lab needs root and these host packages; run as root:\n  ${cmd}`);
  }
}

export function requireRoot(): void {
  if (!process.getuid || process.getuid() !== 0) {
    throw new Error("the VM lab needs root (network namespaces, taps, debootstrap)");
  }
}
