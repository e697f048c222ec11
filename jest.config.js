/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup.js"],
  globalSetup: "<rootDir>/__tests__/support/tmpdir-setup.js",
  globalTeardown: "<rootDir>/__tests__/support/tmpdir-teardown.js",
  // swc strips types without checking them (ts-jest spent most of a run compiling the 8.5 MB
  // .gen bindings); `npm run typecheck` is the type check. Options mirror tsconfig.json.
  // swc-transform.js is @swc/jest minus the source maps of .gen (see there).
  transform: {
    "^.+\\.tsx?$": [
      "<rootDir>/__tests__/support/swc-transform.js",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          target: "es2020",
          // tsc's semantics for target ES2020: legacy decorators, class fields assigned, not defined.
          transform: { legacyDecorator: true, useDefineForClassFields: false },
        },
        module: { type: "commonjs" },
        sourceMaps: "inline",
      },
    ],
  },
  testTimeout: 60000,
  // Jest's default, one worker fewer than cores, runs the suite serially on a 2-core machine;
  // the parent process mostly waits, so give every core a worker.
  maxWorkers: "100%",
};
