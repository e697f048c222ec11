import { cloudInitErrors } from "../../lab/vm/ready";

const LOG = "--- cloud-init.log warnings";

describe("cloud-init verdict from result.json", () => {
  it("reads an empty error list as success", () => {
    const out = `{\n "v1": {\n  "datasource": "DataSourceNoCloud [seed=/dev/vdb][dsmode=net]",\n  "errors": []\n }\n}\n\n${LOG}\n`;
    expect(cloudInitErrors(out)).toEqual([]);
  });

  it("returns the errors cloud-init recorded", () => {
    const out = `{"v1": {"datasource": null, "errors": ["('config-runcmd', RuntimeError('bad'))"]}}\n${LOG}\n2026 WARNING x`;
    expect(cloudInitErrors(out)).toEqual(["('config-runcmd', RuntimeError('bad'))"]);
  });

  it("has no verdict when the file is missing or not cloud-init's", () => {
    expect(cloudInitErrors(`cat: /run/cloud-init/result.json: No such file or directory\n\n${LOG}\n`)).toBeUndefined();
    expect(cloudInitErrors(`{"v2": {}}\n${LOG}\n`)).toBeUndefined();
  });
});
