import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { App } from "cdktf";
import { addKaLbStack, KA_LB_HEALTH_CHECK } from "../../lab/common/ka-lb-stack";
import { KA_LB_STACK } from "../../lab/common/stack-names";
import { parseCloudConfig } from "../../lab/common/payload";
import { labNodesOf } from "../../lab/common/stacks";
import { KEEPALIVED_DEFAULTS } from "../../constructs";
import { checkBoundSeconds, renderedCheck } from "../../lab/vm/ka-lb";
import { VM_SCENARIOS } from "../../lab/vm/scenarios";
import { ACCEPTED, keepalivedConfigTest } from "../support/keepalived-check";

// Only the ka-lb stack: the VM lab boots exactly these documents.
const outdir = mkdtempSync(join(tmpdir(), "hal-ka-lb-"));
const app = new App({ outdir });
addKaLbStack(app);
app.synth();
const nodes = labNodesOf(outdir, KA_LB_STACK, { sshPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA lab" });
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const confOf = (host: string) =>
  parseCloudConfig(nodes.find((n) => n.hostname === host)!.userData).files.find((f) => f.path === "/etc/keepalived/keepalived.conf")
    ?.content;

test("the topology: two keepalived directors in front of three web servers; its scenario ids exist", () => {
  expect(nodes.map((n) => n.hostname).sort()).toEqual(["lb1", "lb2", "web1", "web2", "web3"]);
  expect(confOf("lb1")).toBeDefined();
  expect(confOf("lb2")).toBeDefined();
  expect(VM_SCENARIOS).toEqual(expect.arrayContaining(["vm.ka-lb.rr", "vm.ka-lb.health-check", "vm.ka-lb.director-failover"]));
});

test("every health check field is away from its default, so the lab proves each one", () => {
  for (const [key, value] of Object.entries(KA_LB_HEALTH_CHECK)) {
    expect([key, value]).not.toEqual([key, KEEPALIVED_DEFAULTS.healthCheck[key as keyof typeof KA_LB_HEALTH_CHECK]]);
  }
});

test("the lab reads the rendered timers back and derives its bound from them", () => {
  const rendered = renderedCheck(confOf("lb1")!);
  expect(rendered).toEqual({ delayLoop: 2, connectTimeout: 1, retry: 2, delayBeforeRetry: 1, path: "/index.html" });
  // delay_loop 2 + connect_timeout 1 × 3 tries + delay_before_retry 1 × 2 retries + 1 s
  expect(checkBoundSeconds(rendered)).toBe(8);
});

// keepalived checks that the interfaces exist: run it in a fresh network namespace holding them
// (needs root and keepalived, as the labs do; CI installs it).
test.each(["lb1", "lb2"])("%s: `keepalived --config-test` accepts the ka-lb keepalived.conf", (host) => {
  expect(keepalivedConfigTest(confOf(host)!)).toEqual(ACCEPTED);
});
