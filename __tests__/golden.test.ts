/**
 * The default stacks' payloads against the readable goldens in __tests__/golden (see
 * support/golden.ts). After an intended change of output: `UPDATE_GOLDEN=1 npx jest golden`,
 * then read the diff of __tests__/golden in git.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { App } from "cdktf";
import { addPresetStacks } from "../stacks";
import { GOLDEN_DIR, goldenTree, lineDiff, listFiles } from "./support/golden";

const UPDATE = process.env.UPDATE_GOLDEN === "1";

// The stacks `npm run synth` writes (main.ts), synthesized the same way.
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "hal-golden-"));
const app = new App({ outdir });
addPresetStacks(app);
app.synth();
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
const tree = goldenTree(outdir);
const stacks = [...new Set([...tree.keys()].map((k) => k.split("/")[0]))].sort();

test("the goldens cover the six default stacks and nothing else", () => {
  expect(stacks).toHaveLength(6);
  if (UPDATE) {
    for (const extra of fs.existsSync(GOLDEN_DIR) ? fs.readdirSync(GOLDEN_DIR) : []) {
      if (!stacks.includes(extra)) fs.rmSync(path.join(GOLDEN_DIR, extra), { recursive: true, force: true });
    }
  }
  expect(fs.readdirSync(GOLDEN_DIR).sort()).toEqual(stacks);
});

describe.each(stacks)("golden %s", (stack) => {
  const expected = new Map([...tree].filter(([k]) => k.startsWith(`${stack}/`)).map(([k, v]) => [k.slice(stack.length + 1), v]));
  const dir = path.join(GOLDEN_DIR, stack);

  if (UPDATE) {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [rel, content] of expected) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
  }

  test("every node's files, and only those, are as the goldens say", () => {
    const onDisk = listFiles(dir);
    const problems: string[] = [];
    for (const rel of [...expected.keys()].filter((r) => !onDisk.includes(r))) problems.push(`missing golden ${stack}/${rel}`);
    for (const rel of onDisk.filter((r) => !expected.has(r))) problems.push(`extra golden ${stack}/${rel} (the stack no longer writes it)`);
    for (const [rel, content] of expected) {
      if (!onDisk.includes(rel)) continue;
      const golden = fs.readFileSync(path.join(dir, rel), "utf8");
      if (golden !== content) problems.push(`${stack}/${rel} differs (- golden, + synthesized):\n${lineDiff(golden, content)}`);
    }
    if (problems.length > 0) {
      throw new Error(`${problems.join("\n\n")}\n\nIf the change is intended: UPDATE_GOLDEN=1 npx jest golden`);
    }
    expect(onDisk.length).toBeGreaterThan(0);
  });
});
