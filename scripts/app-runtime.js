// What makes the app start and synthesize fast, loaded with `-r` after ts-node has registered
// itself (cdktf.json: `ts-node --swc -r ./scripts/app-runtime.js main.ts`; also `npm run bench`).
// ts-node --swc transpiles our own ~30 files with swc instead of warming up the TypeScript compiler
// (about 1.5 s of CPU per synth). Two more things, neither of which changes what is synthesized:
//
// 1. The generated bindings' JavaScript (.gen/**/*.js, see compile-gen.js) is brought up to date:
//    a few dozen stat() calls when nothing changed.
//
// 2. cdktf's token creation stacks are not recorded. cdktf captures a full stack trace (with
//    Error.stackTraceLimit raised to MAX_SAFE_INTEGER, source-mapped by ts-node) for every token
//    it creates, only to print it should that token fail to resolve; the generated bindings create
//    hundreds per VM (an output reference per nested block). That cost ~0.8 s of a 6-stack synth and
//    ~4.5 s of 9 for 300 web servers. HAL_TOKEN_STACKS=1 records them again, to debug such an error.
"use strict";
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
