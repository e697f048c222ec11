/** What the construct tests share: the lab's two networks, an admin key, a stack with a platform, and synth's error lines. */
import { App, TerraformStack, Testing } from "cdktf";
import type { IConstruct } from "constructs";
import { ConfigError } from "../../cloud-init";
import { checkTopologies, LibvirtPlatform } from "../../constructs";

export const networks = { public: { cidr: "192.168.56.0/24", gateway: "192.168.56.1" }, private: { cidr: "192.168.200.0/24" } };
export const admin = { sshAuthorizedKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHal you@host"] };

/** A stack in a fresh test app (or `app`), with a libvirt platform in it. */
export function stackWithPlatform(app: App = Testing.app(), id = "s"): { stack: TerraformStack; platform: LibvirtPlatform } {
  const stack = new TerraformStack(app, id);
  return { stack, platform: new LibvirtPlatform(stack, "libvirt") };
}

/** The lines of the error synth throws for the construct's app, without the header; fails the test when there is none. */
export function problems(construct: IConstruct): string[] {
  try {
    checkTopologies(construct);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.split("\n").slice(1);
  }
  throw new Error("expected a ConfigError");
}
