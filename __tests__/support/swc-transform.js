// @swc/jest, without source maps for the generated .gen bindings. cdktf records a full stack
// trace for every token it creates, and jest maps each frame through the file's source map:
// parsing the maps of 8.5 MB of bindings cost seconds per test file. Nobody debugs .gen by line.
const { createHash } = require("crypto");
const { readFileSync } = require("fs");
const swcJest = require("@swc/jest");

const SELF = createHash("sha1").update(readFileSync(__filename)).digest("hex");
const GENERATED = /[\\/]\.gen[\\/]/;
const INLINE_MAP = /\n\/\/# sourceMappingURL=data:application\/json[^\n]*\s*$/;

module.exports = {
  createTransformer(options) {
    const swc = swcJest.createTransformer(options);
    return {
      ...swc,
      process(src, filename, jestOptions) {
        const out = swc.process(src, filename, jestOptions);
        return GENERATED.test(filename) ? { code: out.code.replace(INLINE_MAP, "\n") } : out;
      },
      getCacheKey(src, filename, ...rest) {
        return createHash("sha1")
          .update(swc.getCacheKey(src, filename, ...rest))
          .update(SELF)
          .digest("hex");
      },
    };
  },
};
