import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const INSTALL = "apt-get install -y cloud-init";

/** Fails (never skips) when Debian's cloud-init is not installed, naming the command that fixes it. */
export function requireCloudInit(): void {
  const probe = spawnSync("cloud-init", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(`cloud-init is not installed; its schema validates every payload. Run: ${INSTALL}`);
  }
}

export interface Validation {
  readonly ok: boolean;
  readonly output: string;
}

/** Runs `cloud-init schema --config-file` (cloud-init's own JSON schema) on one user-data document. */
export function validateUserData(userData: string): Validation {
  requireCloudInit();
  const dir = mkdtempSync(join(tmpdir(), "hal-schema-"));
  try {
    const file = join(dir, "user-data");
    writeFileSync(file, userData);
    const run = spawnSync("cloud-init", ["schema", "--config-file", file], { encoding: "utf8" });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Parses a network-config v2 document with cloud-init's own parser and renders it with its
 * ifupdown (ENI) renderer, the path a Debian 12 VM takes. Returns the rendered interfaces file.
 * cloud-init 22.4 ships no JSON schema for network-config, so this is the strongest check it offers.
 */
export function renderNetworkConfigWithCloudInit(networkConfig: string): string {
  requireCloudInit();
  const script = [
    "import sys, yaml",
    "from cloudinit.net import network_state, eni",
    "state = network_state.parse_net_config_data(yaml.safe_load(sys.stdin.read()))",
    "sys.stdout.write(eni.Renderer()._render_interfaces(state))",
  ].join("\n");
  return execFileSync("/usr/bin/python3", ["-c", script], { input: networkConfig, encoding: "utf8" });
}

/** YAML as cloud-init (PyYAML, YAML 1.1) reads it, as JSON. */
export function loadAsCloudInit(yamlText: string): any {
  requireCloudInit();
  const script = "import sys, yaml, json; json.dump(yaml.safe_load(sys.stdin.read()), sys.stdout)";
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script], { input: yamlText, encoding: "utf8" }));
}
