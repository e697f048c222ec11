/**
 * The labs' one process library: child processes bounded in time and killed by PID only.
 * `run` (async, pipes) for commands; `runLogged` for init scripts that leave daemons behind;
 * `runDetached` for commands that fork a daemon and exit (ssh -f); `runSync` for builds and for
 * cleanup that must work inside an 'exit' handler.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from "node:child_process";
import * as fs from "node:fs";

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Resolve instead of rejecting on a non-zero exit. */
  allowFail?: boolean;
  /** Resolve when time runs out too (SIGKILLed, the output so far, a note in stderr) instead of rejecting. */
  allowTimeout?: boolean;
  input?: string;
}

/** The environment commands get inside lab nodes: nothing inherited from the caller. */
export const CLEAN_ENV: NodeJS.ProcessEnv = {
  PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
  LANG: "C",
  HOME: "/root",
  TERM: "dumb",
};

export class CommandError extends Error {
  constructor(
    readonly argv: string[],
    readonly result: RunResult,
  ) {
    const why = result.signal ? `killed by ${result.signal}` : `exit ${result.code}`;
    const out = (result.stderr || result.stdout).trim().split("\n").slice(-8).join("\n");
    super(`${argv.join(" ")}: ${why}${out ? `\n${out}` : ""}`);
  }
}

/**
 * Bounds a spawned child: SIGKILLs its PID after timeoutMs and rejects if it cannot start.
 * `stop()` ends the watch when the child finishes and says whether it was killed for time.
 */
function watchdog(child: ChildProcess, argv: string[], timeoutMs: number, reject: (e: Error) => void): { stop(): boolean } {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) killPid(child.pid, "SIGKILL");
  }, timeoutMs);
  child.on("error", (e) => {
    clearTimeout(timer);
    reject(new Error(`${argv[0]}: ${e.message}`));
  });
  return {
    stop() {
      clearTimeout(timer);
      return timedOut;
    },
  };
}

/**
 * Runs argv (no shell) with pipes for output. Children get their own process
 * group so a Ctrl-C on the terminal reaches only the lab, which then cleans up.
 * Only for commands that do not leave daemons holding the pipes open.
 */
export function run(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), {
      env: opts.env ?? { ...process.env, LANG: "C" },
      stdio: [opts.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    if (opts.input !== undefined) {
      // a child that exits before reading its input must not crash the lab with EPIPE
      child.stdin?.on("error", () => undefined);
      child.stdin?.end(opts.input);
    }
    const watch = watchdog(child, argv, timeoutMs, reject);
    child.on("close", (code, signal) => {
      const timedOut = watch.stop();
      const result: RunResult = { code, signal, stdout, stderr };
      if (timedOut && opts.allowTimeout) resolve({ ...result, stderr: `${stderr}\n${argv[0]}: killed after ${timeoutMs} ms` });
      else if (timedOut) reject(new Error(`${argv.join(" ")}: no answer within ${timeoutMs} ms`));
      else if (code !== 0 && !opts.allowFail) reject(new CommandError(argv, result));
      else resolve(result);
    });
  });
}

/**
 * Runs argv with stdout/stderr appended to logPath and resolves on exit (not on
 * pipe close), for commands such as init scripts that leave daemons behind.
 * Returns the exit code and what the command wrote to the log.
 */
export function runLogged(
  argv: string[],
  logPath: string,
  opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; output: string }> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const start = fs.existsSync(logPath) ? fs.statSync(logPath).size : 0;
  const fd = fs.openSync(logPath, "a");
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), {
      env: opts.env ?? CLEAN_ENV,
      stdio: ["ignore", fd, fd],
      detached: true,
    });
    fs.closeSync(fd);
    const watch = watchdog(child, argv, timeoutMs, reject);
    child.on("exit", (code) => {
      const timedOut = watch.stop();
      const buf = fs.readFileSync(logPath);
      const output = buf.subarray(start).toString("utf8");
      if (timedOut) reject(new Error(`${argv.join(" ")}: did not finish within ${timeoutMs} ms\n${output}`));
      else resolve({ code, output });
    });
  });
}

/**
 * Runs argv with no pipes to us (stdio ignored), for commands that leave a daemon behind
 * (ssh -f): resolves with the exit code of the command itself (127 when it cannot start).
 */
export function runDetached(argv: string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: "ignore" });
    const timer = setTimeout(() => {
      if (child.pid !== undefined) killPid(child.pid, "SIGKILL");
    }, timeoutMs);
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

/** Runs argv synchronously (builds, cleanup in an 'exit' handler); throws with its output's tail unless `allowFail`. */
export function runSync(argv: string[], opts: SpawnSyncOptions & { allowFail?: boolean; inherit?: boolean } = {}): RunResult {
  const r = spawnSync(argv[0], argv.slice(1), {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: opts.inherit ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
    ...opts,
  });
  const result: RunResult = {
    code: r.status,
    signal: r.signal,
    stdout: (r.stdout as string | null) ?? "",
    stderr: (r.stderr as string | null) ?? (r.error ? String(r.error) : ""),
  };
  if (result.code !== 0 && !opts.allowFail) {
    const tail = (result.stderr || result.stdout).split("\n").slice(-25).join("\n");
    throw new Error(`command failed (${result.signal ?? result.code}): ${argv.join(" ")}\n${tail}`);
  }
  return result;
}

/** Whether `cmd` is on PATH. */
export function which(cmd: string): boolean {
  return runSync(["sh", "-c", `command -v ${shellQuote(cmd)}`], { allowFail: true }).code === 0;
}

/** Sends a signal to one PID; a process that is already gone is not an error. */
export function killPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e;
  }
}

/** Kernel start time of a PID (field 22 of /proc/PID/stat), to tell a recorded process from a reused PID. */
export function pidStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; fields after it are plain.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  return pidStartTime(pid) !== undefined;
}

/** Single-quotes a string for sh. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs a lab's CLI entry point: exits with its code, or prints the error's stack and exits 1. */
export function runMain(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error.stack ?? error.message);
      process.exit(1);
    },
  );
}
