import * as fs from "node:fs";
import * as path from "node:path";

// The product, its tests and the bench must not depend on the labs; only the tests of the labs
// (__tests__/lab) may import lab/.
const ROOT = path.resolve(__dirname, "..");
const PRODUCT_DIRS = ["constructs", "cloud-init", "stacks", "bench", "scripts", "__tests__"];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || p === path.join(ROOT, "__tests__", "lab") ? [] : sources(p);
    return /\.(ts|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

test("nothing outside lab/ and __tests__/lab imports lab/", () => {
  const files = PRODUCT_DIRS.filter((d) => fs.existsSync(path.join(ROOT, d))).flatMap((d) => sources(path.join(ROOT, d)));
  files.push(path.join(ROOT, "index.ts"), path.join(ROOT, "main.ts"));
  expect(files.length).toBeGreaterThan(20);
  const offenders = files.filter((f) => /(from|import|require\()\s*\(?["'](\.\.?\/)+lab\//.test(fs.readFileSync(f, "utf8")));
  expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
});
