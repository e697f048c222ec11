// A content-addressed cache for ts-node --transpile-only, loaded with `-r` after ts-node has
// registered itself (cdktf.json: `ts-node --transpile-only -r ./scripts/ts-cache.js main.ts`).
//
// Why: transpiling our ~30 source files costs the TypeScript compiler's warm-up on every synth
// (about 1.5 s of CPU, more than the whole empty cdktf app). This keeps ts-node's output per file,
// keyed by a hash of the source text, the compiler options and the TypeScript version, so a
// changed file (or tsconfig) is simply a miss: nothing can go stale and nothing needs a build step.
// Output is ts-node's own, byte for byte; stack traces still map to the .ts lines (the cached text
// carries ts-node's inline source map, served to source-map-support below).
//
// The cache lives in node_modules/.cache/hal-ts (gitignored with node_modules; delete it freely).
// HAL_TS_CACHE=0 turns it off.
//
// It also brings the generated bindings' JavaScript (.gen/**/*.js, see compile-gen.js) up to date
// first: a few dozen stat() calls when nothing changed.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

require("./compile-gen").compileGen();

const tsHandler = require.extensions[".ts"];
if (process.env.HAL_TS_CACHE !== "0" && tsHandler) {
  const root = path.resolve(__dirname, "..");
  const dir = path.join(root, "node_modules", ".cache", "hal-ts");
  // Everything that changes ts-node's output besides the source text itself.
  const salt = crypto
    .createHash("sha256")
    .update(require("typescript/package.json").version)
    .update(require("ts-node/package.json").version)
    .update(readOr(path.join(root, "tsconfig.json")))
    .digest("hex");
  const served = new Map(); // file name -> cached output, for source maps

  require("@cspotcode/source-map-support").install({
    environment: "node",
    retrieveFile: (file) => served.get(file) || "",
  });

  // cdktf records a full stack (Error.captureStackTrace on a plain object) for every token it
  // creates, kept only to explain errors about that token. Mapping every frame of those through
  // source maps cost ~0.8 s of CPU per synth, formatting all of their frames another 0.2 s: stacks
  // captured on plain objects get their first 12 frames (enough to reach the construct that made
  // the token), unmapped. Errors (instances of Error) still get full source-mapped traces.
  const mapped = Error.prepareStackTrace;
  Error.prepareStackTrace = function (error, frames) {
    if (!(error instanceof Error)) {
      return `Error${frames.slice(0, 12).map((frame) => `\n    at ${frame}`).join("")}`;
    }
    return mapped ? mapped.call(this, error, frames) : `${error}${frames.map((frame) => `\n    at ${frame}`).join("")}`;
  };

  require.extensions[".ts"] = function (module, filename) {
    const source = fs.readFileSync(filename, "utf8");
    const key = crypto.createHash("sha256").update(salt).update(filename).update("\0").update(source).digest("hex");
    const cached = path.join(dir, `${key}.js`);
    let output = readOr(cached, null);
    if (output === null) {
      // Miss: let ts-node compile, and keep what it hands to Module#_compile.
      const compile = module._compile;
      module._compile = function (code, file) {
        output = code;
        module._compile = compile;
        return compile.call(this, code, file);
      };
      tsHandler(module, filename);
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(`${cached}.${process.pid}`, output);
        fs.renameSync(`${cached}.${process.pid}`, cached); // atomic: parallel runs never read half a file
      } catch {
        // A read-only tree only loses the speed-up.
      }
      return;
    }
    served.set(filename, output);
    module._compile(output, filename);
  };
}

function readOr(file, fallback = "") {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}
