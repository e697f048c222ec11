import { spawnSync } from "child_process";
import { join } from "path";

const INSTALL = "apt-get install -y cloud-init";
const PYTHON = "/usr/bin/python3";
const SCRIPT = join(__dirname, "validate_payloads.py");

/** What cloud-init is asked about a document; see validate_payloads.py. */
type Kind = "user-data" | "yaml" | "network-config";

interface Verdict {
  readonly ok: boolean;
  readonly output: string;
  readonly value?: unknown;
}

export interface Validation {
  readonly ok: boolean;
  readonly output: string;
}

export interface Documents {
  /** Validated against cloud-init's schema, as `cloud-init schema --config-file` does. */
  readonly userData?: readonly string[];
  /** Read as cloud-init reads YAML (PyYAML, YAML 1.1). */
  readonly yaml?: readonly string[];
  /** Parsed and rendered by cloud-init's network-config v2 code. */
  readonly networkConfig?: readonly string[];
}

// Jest gives every test file its own module registry, so these verdicts are per file.
const verdicts = new Map<string, Verdict>();
const keyOf = (kind: Kind, text: string) => `${kind}\0${text}`;

/**
 * Asks Debian's cloud-init about every document in one Python process (a `cloud-init schema`
 * process costs about a second to start). Call it from beforeAll with all of a file's documents;
 * the functions below then answer from its verdicts. Fails (never skips) when cloud-init is not
 * installed, naming the command that fixes it.
 */
export function checkWithCloudInit(documents: Documents): void {
  const requests: { kind: Kind; text: string }[] = [];
  const add = (kind: Kind, texts: readonly string[] = []) => {
    for (const text of new Set(texts)) if (!verdicts.has(keyOf(kind, text))) requests.push({ kind, text });
  };
  add("user-data", documents.userData);
  add("yaml", documents.yaml);
  add("network-config", documents.networkConfig);
  if (requests.length === 0) return;
  const run = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(requests), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.error || run.status === 3) {
    throw new Error(`cloud-init is not installed; its schema validates every payload. Run: ${INSTALL}\n${run.error ?? run.stderr}`);
  }
  if (run.status !== 0) throw new Error(`${SCRIPT} failed (status ${run.status}):\n${run.stderr}`);
  const answers: Verdict[] = JSON.parse(run.stdout);
  if (answers.length !== requests.length) throw new Error(`${SCRIPT} answered ${answers.length} of ${requests.length} documents`);
  requests.forEach(({ kind, text }, i) => verdicts.set(keyOf(kind, text), answers[i]));
}

function verdictOn(kind: Kind, text: string): Verdict {
  const verdict = verdicts.get(keyOf(kind, text));
  if (!verdict) {
    throw new Error(
      `no cloud-init verdict on this ${kind} document: pass it to checkWithCloudInit() in the test file's beforeAll\n${text}`,
    );
  }
  return verdict;
}

/** cloud-init's schema verdict on one user-data document: ok, and what `cloud-init schema` prints. */
export function validateUserData(userData: string): Validation {
  const { ok, output } = verdictOn("user-data", userData);
  return { ok, output };
}

/**
 * A network-config v2 document as cloud-init's own parser reads it and its ifupdown (ENI)
 * renderer writes it, the path a Debian 12 VM takes. Returns the rendered interfaces file.
 * cloud-init 22.4 ships no JSON schema for network-config, so this is the strongest check it offers.
 */
export function renderNetworkConfigWithCloudInit(networkConfig: string): string {
  const { ok, output } = verdictOn("network-config", networkConfig);
  if (!ok) throw new Error(`cloud-init cannot render this network-config: ${output}`);
  return output;
}

/** YAML as cloud-init (PyYAML, YAML 1.1) reads it, as JSON. */
export function loadAsCloudInit(yamlText: string): any {
  const { ok, output, value } = verdictOn("yaml", yamlText);
  if (!ok) throw new Error(`PyYAML cannot read this document: ${output}`);
  return structuredClone(value); // a fresh object per call, as a parse is
}
