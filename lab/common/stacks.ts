/**
 * Synthesizes the project's stacks the way `cdktf synth` does (the same App and stack classes as
 * main.ts) into a private folder, and hands the labs each VM's documents with the Terraform
 * references filled as `terraform apply` would fill them.
 */
import { randomBytes } from "crypto";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { App } from "cdktf";
import { HEARTBEAT_FAST_PROFILE } from "../../constructs";
import { addPresetStacks, HeartbeatApacheStack } from "../../stacks";
import { readStackJson, resolveTerraformText, synthesizedNodes } from "./synthesized";
import type { LabNode } from "./payload";

/** The stack the labs add beside the presets, to test auto_failback off on the same topology. */
export const FAILBACK_OFF_STACK = "heartbeat-apache-failback-off-libvirt";

/** The Heartbeat + Apache preset with HEARTBEAT_FAST_PROFILE: ucast on both networks, sub-second deadtime. */
export const FAST_PROFILE_STACK = "heartbeat-apache-fast-libvirt";

/**
 * The Heartbeat + Apache preset with fencing through libvirt (the lab stands in for the hypervisor's
 * virsh) and the watchdog; lab/netns/fencing.ts runs it.
 */
export const FENCING_STACK = "heartbeat-apache-fencing-libvirt";

/** The Heartbeat + Apache preset with the watchdog only: its packages are all in the VM lab's image (lab/vm/watchdog.ts). */
export const WATCHDOG_STACK = "heartbeat-apache-watchdog-libvirt";

/** Synthesizes main.ts's stacks, plus the auto_failback off and fast-profile variants, into a new temporary folder. */
export function synthesizeLabStacks(): string {
  const outdir = mkdtempSync(join(tmpdir(), "hal-synth-"));
  const app = new App({ outdir });
  addPresetStacks(app);
  // The alias label of labs 002/003 (eth0:0) rides on this variant: `labelIndex: 0` gives public:0.
  new HeartbeatApacheStack(app, FAILBACK_OFF_STACK, { pair: { autoFailback: false, vips: [{ address: "192.168.56.10", labelIndex: 0 }] } });
  new HeartbeatApacheStack(app, FAST_PROFILE_STACK, { heartbeatProfile: HEARTBEAT_FAST_PROFILE });
  new HeartbeatApacheStack(app, WATCHDOG_STACK, { pair: { watchdog: true } });
  new HeartbeatApacheStack(app, FENCING_STACK, { pair: { fencing: { kind: "libvirt", hypervisorUri: "qemu:///system" }, watchdog: true } });
  app.synth();
  return outdir;
}

export interface ApplyValues {
  /** Public key for var.ssh_public_key. */
  readonly sshPublicKey: string;
  /** Value for every random_password result: the Heartbeat authkeys secret. */
  readonly authkeySecret?: string;
}

/** A fresh secret, as random_password (letters and digits, 40 characters) would make. */
export function labSecret(): string {
  return randomBytes(30)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .padEnd(40, "0")
    .slice(0, 40);
}

/** Each VM of a synthesized stack, with its documents as Terraform would pass them at apply time. */
export function labNodesOf(outdir: string, stack: string, values: ApplyValues): LabNode[] {
  const fills: [RegExp, string][] = [
    [/^var\.ssh_public_key$/, values.sshPublicKey],
    [/^random_password\.[A-Za-z0-9_-]+\.result$/, values.authkeySecret ?? labSecret()],
  ];
  const resolve = (text: string) => resolveTerraformText(text, fills);
  return synthesizedNodes(readStackJson(join(outdir, "stacks", stack))).map((node) => ({
    hostname: node.hostname,
    userData: resolve(node.userData),
    metaData: resolve(node.metaData),
    networkConfig: resolve(node.networkConfig),
  }));
}
