#!/usr/bin/env node
// Transpiles the generated bindings under .gen (0.76 MB of TypeScript since libvirt_domain is trimmed)
// to CommonJS .js files beside their .ts sources, so that ts-node (the cdktf.json app, the labs),
// jest and tsc-free tools load plain JavaScript instead of transpiling the bindings on every run:
// Node's resolver tries .js before the .ts extension ts-node registers. The .ts stays the source of
// types for tsc. The .js files are build output: gitignored, built by `npm ci` (prepare), by
// `npm run gen:libvirt`, and brought up to date by scripts/app-runtime.js whenever the app starts, so a
// checkout that changes a .ts never runs stale JavaScript.
//
// Same transform as ts-node --transpile-only: ts.transpileModule with the project's compiler
// options, minus source maps (nobody steps through generated bindings; maps cost load time).
//
// Usage: node scripts/compile-gen.js [--all]   (default: only .js files missing or older than their .ts)
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const genRoot = path.join(root, ".gen");

function genSources() {
  const sources = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) sources.push(p);
    }
  };
  if (fs.existsSync(genRoot)) walk(genRoot);
  return sources.sort();
}

const jsOf = (ts) => ts.replace(/\.ts$/, ".js");

function isStale(ts) {
  try {
    return fs.statSync(jsOf(ts)).mtimeMs < fs.statSync(ts).mtimeMs;
  } catch {
    return true;
  }
}

/** Transpiles the .gen sources (all, or only the stale ones); returns the files written. */
function compileGen({ all = false } = {}) {
  const todo = genSources().filter((ts) => all || isStale(ts));
  if (!todo.length) return [];
  const ts = require(require.resolve("typescript", { paths: [root] }));
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  const compilerOptions = {
    ...config.options,
    sourceMap: false,
    inlineSourceMap: false,
    inlineSources: false,
    declaration: false,
    incremental: false,
    composite: false,
    tsBuildInfoFile: undefined,
  };
  for (const file of todo) {
    const out = ts.transpileModule(fs.readFileSync(file, "utf8"), { compilerOptions, fileName: file, reportDiagnostics: true });
    if (out.diagnostics && out.diagnostics.length) {
      throw new Error(`${file}: ${out.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ")}`);
    }
    // Write then rename: a concurrent reader never sees half a file.
    const js = jsOf(file);
    fs.writeFileSync(`${js}.${process.pid}.tmp`, out.outputText);
    fs.renameSync(`${js}.${process.pid}.tmp`, js);
  }
  return todo;
}

module.exports = { compileGen };

if (require.main === module) {
  const written = compileGen({ all: process.argv.includes("--all") });
  console.log(`compile-gen: ${written.length} of ${genSources().length} .gen files transpiled to .js beside their .ts`);
}
