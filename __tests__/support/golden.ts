/**
 * Readable goldens: each node of each default stack as the files it would have, one golden file
 * per write_files path (e.g. __tests__/golden/ha-lb-libvirt/lb1/etc/ha.d/ha.cf), beside its
 * meta-data, network-config and user-data.yaml (the user-data with each file's content replaced by
 * a pointer to that file: users, packages, runcmd at a glance). Text is Terraform's, as synthesized:
 * secrets stay references such as ${random_password.x.result}.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isMap, isSeq, parseDocument, Scalar, type YAMLMap } from "yaml";
import { readStackJson, synthesizedNodes } from "../../constructs";

export const GOLDEN_DIR = path.resolve(__dirname, "..", "golden");

/** Relative path (stack/host/...) -> content, for every stack synthesized into `outdir`. */
export function goldenTree(outdir: string): Map<string, string> {
  const tree = new Map<string, string>();
  const stacksDir = path.join(outdir, "stacks");
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    for (const node of synthesizedNodes(readStackJson(path.join(stacksDir, stack)))) {
      const at = (rel: string, content: string) => {
        const key = path.posix.join(stack, node.hostname, rel);
        if (tree.has(key)) throw new Error(`${key}: written twice`);
        tree.set(key, content);
      };
      at("meta-data", node.metaData);
      at("network-config", node.networkConfig);
      // cloud-init reads YAML 1.1 (PyYAML)
      const doc = parseDocument(node.userData, { version: "1.1" });
      const files = doc.get("write_files");
      if (isSeq(files)) {
        for (const item of files.items) {
          if (!isMap(item)) throw new Error(`${stack}/${node.hostname}: a write_files item is not a mapping`);
          const file = item as YAMLMap<string, unknown>;
          const filePath = String(file.get("path"));
          const encoding = String(file.get("encoding") ?? "text/plain");
          const raw = String(file.get("content") ?? "");
          const rel = filePath.replace(/^\/+/, "");
          if (rel === "" || rel.split("/").includes("..") || ["meta-data", "network-config", "user-data.yaml"].includes(rel)) {
            throw new Error(`${stack}/${node.hostname}: write_files path ${filePath} cannot be a golden file`);
          }
          at(rel, ["b64", "base64"].includes(encoding) ? Buffer.from(raw, "base64").toString("utf8") : raw);
          const pointer = new Scalar(`<see ./${rel}>`);
          pointer.type = Scalar.PLAIN;
          file.set("content", pointer);
        }
      }
      // the header comment (#cloud-config) survives toString()
      at("user-data.yaml", doc.toString({ lineWidth: 0 }));
    }
  }
  return tree;
}

/** Every file under `dir`, as relative posix paths. */
export function listFiles(dir: string, prefix = ""): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)],
    )
    .sort();
}

/**
 * A line diff (longest common subsequence) of two texts: "-" lines only in `expected`, "+" lines
 * only in `actual` (numbered as in `actual`), with 2 lines of context.
 */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: [" " | "-" | "+", string, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push([" ", a[i++], j++ + 1]);
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push(["-", a[i++], 0]);
    else ops.push(["+", b[j], ++j]);
  }
  const near = (k: number) => ops.slice(Math.max(0, k - 2), k + 3).some(([op]) => op !== " ");
  const out: string[] = [];
  ops.forEach(([op, line, at], k) => {
    if (!near(k)) {
      if (out[out.length - 1] !== "...") out.push("...");
      return;
    }
    out.push(`${op} ${(op === "-" ? "" : String(at)).padStart(4)} | ${line}`);
  });
  return out.join("\n");
}
