import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * `keepalived --config-test` on a keepalived.conf. keepalived checks that the interfaces exist, so it
 * runs in a fresh network namespace holding the two names the payloads use, `public` and `private`
 * (needs root and keepalived, as the labs do; CI installs it). Returns what a clean file gives:
 * status 0, no output, no spawn error.
 */
export function keepalivedConfigTest(conf: string): { status: number | null; output: string; error: string | undefined } {
  const dir = mkdtempSync(join(tmpdir(), "hal-keepalived-"));
  try {
    const file = join(dir, "keepalived.conf");
    writeFileSync(file, conf);
    const run = spawnSync(
      "unshare",
      ["-n", "sh", "-c", 'ip link add public type veth peer name private && keepalived --config-test -f "$1"', "sh", file],
      { encoding: "utf8", timeout: 20_000 },
    );
    return { status: run.status, output: `${run.stdout}${run.stderr}`, error: run.error?.message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What keepalivedConfigTest returns for a file keepalived accepts. */
export const ACCEPTED = { status: 0, output: "", error: undefined };
