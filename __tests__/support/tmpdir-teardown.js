// Removes the run's temporary folder (tmpdir-setup.js).
const fs = require("fs");

module.exports = async () => {
  if (process.env.TMPDIR && /hal-jest-/.test(process.env.TMPDIR)) fs.rmSync(process.env.TMPDIR, { recursive: true, force: true });
};
