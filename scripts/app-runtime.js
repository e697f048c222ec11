// What makes `ts-node --transpile-only main.ts` start and synthesize fast, loaded with `-r` after
// ts-node has registered itself (cdktf.json: `ts-node --transpile-only -r ./scripts/app-runtime.js
// main.ts`; also `npm run bench`). Three things, none of which changes what is synthesized:
//
// 1. The generated bindings' JavaScript (.gen/**/*.js, see compile-gen.js) is brought up to date:
//    a few dozen stat() calls when nothing changed.
//
// 2. cdktf's token creation stacks are not recorded. cdktf captures a full stack trace (with
//    Error.stackTraceLimit raised to MAX_SAFE_INTEGER, source-mapped by ts-node) for every token
//    it creates, only to print it should that token fail to resolve; the generated bindings create
//    hundreds per VM (an output reference per nested block). That cost ~0.8 s of a 6-stack synth and
//    ~4.5 s of 9 for 300 web servers. HAL_TOKEN_STACKS=1 records them again, to debug such an error.
//
// 3. A content-addressed cache of ts-node's output for our own .ts files. Transpiling our ~30
//    source files costs the TypeScript compiler's warm-up on every synth (about 1.5 s of CPU, more
//    than the whole empty cdktf app). The cache keys ts-node's output by a hash of the file's name
//    and text, tsconfig.json and the TypeScript and ts-node versions: a changed file is simply a
//    miss, so nothing goes stale and nothing needs a build step. Stack traces still map to the .ts
//    lines (the cached text carries ts-node's inline source map, served to source-map-support).
//    The cache lives in node_modules/.cache/hal-ts (gitignored with node_modules; delete it
//    freely). HAL_TS_CACHE=0 turns it off.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");

require("./compile-gen").compileGen();

if (process.env.HAL_TOKEN_STACKS !== "1") {
  // cdktf calls it as a property of this module's exports at each use, so replacing it here is seen.
  // A private path of cdktf 0.21: should a later cdktf move it, synth is only slower, not broken.
  try {
    require(require.resolve("cdktf/lib/tokens/private/stack-trace", { paths: [root] })).captureStackTrace = () => [];
  } catch {
    // keep cdktf's own
  }
}

const tsHandler = require.extensions[".ts"];
if (process.env.HAL_TS_CACHE !== "0" && tsHandler) {
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
