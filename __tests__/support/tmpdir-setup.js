// cdktf's Testing.app() makes a cdktf.outdir.* folder in the temporary directory for every app and
// never removes it (thousands a run). The whole run gets one folder instead, which the teardown removes;
// the workers inherit TMPDIR.
const fs = require("fs");
const os = require("os");
const path = require("path");

module.exports = async () => {
  process.env.TMPDIR = fs.mkdtempSync(path.join(os.tmpdir(), "hal-jest-"));
};
