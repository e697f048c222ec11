import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * `nft -c -f` on a ruleset, in a fresh user + network namespace (`unshare -rn`): the kernel parses
 * and checks every rule without loading it, as root or not, and the host's own ruleset is never touched.
 * Returns nft's complaint, or "" when the kernel accepts the file.
 */
export function nftCheck(ruleset: string): string {
  const dir = mkdtempSync(join(tmpdir(), "hal-nft-"));
  try {
    const file = join(dir, "nftables.conf");
    writeFileSync(file, ruleset);
    const run = spawnSync("unshare", ["-rn", "nft", "-c", "-f", file], { encoding: "utf8" });
    if (run.error) throw run.error;
    return run.status === 0 ? "" : `exit ${run.status}: ${run.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
