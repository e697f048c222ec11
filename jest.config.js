/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup.js"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true }] },
  testTimeout: 60000,
};
