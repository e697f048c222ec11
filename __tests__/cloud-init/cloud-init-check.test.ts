import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkWithCloudInit, loadAsCloudInit, renderNetworkConfigWithCloudInit, validateUserData } from "../support/cloud-init-validate";

// The checker every payload test relies on must be able to say no.
const VALID = "#cloud-config\nhostname: srv1\npackages: [apache2]\n";
const WRONG_TYPES = "#cloud-config\npackages: apache2\nwrite_files:\n  - content: x\n";
const NO_HEADER = "hostname: srv1\n";
const NOT_YAML = "#cloud-config\nruncmd: [a\n";
const OCTAL = "permissions: 0600\nmac: 52:00:00:00:00:10\n";
const BAD_NETWORK = "version: 2\nethernets: 5\n";

beforeAll(() =>
  checkWithCloudInit({ userData: [VALID, WRONG_TYPES, NO_HEADER, NOT_YAML], yaml: [OCTAL, NOT_YAML], networkConfig: [BAD_NETWORK] }),
);

/** What the `cloud-init schema --config-file` command says, with the file's path taken out. */
function schemaCommand(userData: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "hal-schema-"));
  try {
    const file = join(dir, "user-data");
    writeFileSync(file, userData);
    const run = spawnSync("cloud-init", ["schema", "--config-file", file], { encoding: "utf8" });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim().split(file).join("<file>") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const withoutPath = ({ ok, output }: { ok: boolean; output: string }) => ({ ok, output: output.replace(/\/\S*\/user-data/g, "<file>") });

describe("cloud-init's verdicts, one process for all documents", () => {
  it("accepts a valid cloud-config", () => {
    expect(validateUserData(VALID)).toEqual({ ok: true, output: expect.stringMatching(/^Valid cloud-config: /) });
  });

  it("rejects wrong types and missing keys, naming each", () => {
    const result = validateUserData(WRONG_TYPES);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      "Cloud config schema errors: packages: 'apache2' is not of type 'array', write_files.0: 'path' is a required property",
    );
  });

  it("rejects a document without the #cloud-config header, and one that is not YAML", () => {
    expect(validateUserData(NO_HEADER)).toEqual({ ok: false, output: expect.stringContaining('needs to begin with "#cloud-config"') });
    expect(validateUserData(NOT_YAML)).toEqual({ ok: false, output: expect.stringContaining("is not valid yaml") });
  });

  it("says what the cloud-init schema command says", () => {
    for (const userData of [VALID, WRONG_TYPES]) expect(withoutPath(validateUserData(userData))).toEqual(schemaCommand(userData));
  });

  it("reads YAML as PyYAML 1.1 does, and fails on what it cannot read", () => {
    expect(loadAsCloudInit(OCTAL)).toEqual({ permissions: 0o600, mac: 52 * 60 ** 5 + 10 });
    expect(() => loadAsCloudInit(NOT_YAML)).toThrow(/PyYAML cannot read this document: while parsing a flow sequence/);
  });

  it("fails on a network-config its parser cannot read", () => {
    expect(() => renderNetworkConfigWithCloudInit(BAD_NETWORK)).toThrow(/cloud-init cannot render this network-config: AttributeError/);
  });

  it("refuses to answer about a document it was not given", () => {
    expect(() => validateUserData("#cloud-config\nhostname: other\n")).toThrow(
      /no cloud-init verdict on this user-data document: pass it to checkWithCloudInit\(\)/,
    );
  });
});
