import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { Password } from "@cdktf/provider-random/lib/password";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { namedVariable } from "../../platform";

export interface HeartbeatSecretProps {
  /**
   * Take the secret from a sensitive Terraform variable of this name instead of generating one.
   * @default a random_password of 40 characters
   */
  readonly variableName?: string;
}

/**
 * The authkeys secret, as a Terraform reference: a random_password (kept in state, never in the
 * synthesized JSON) or a sensitive variable. `value` is the reference to embed in user-data.
 */
export class HeartbeatSecret extends Construct {
  readonly value: string;

  constructor(scope: Construct, id: string, props: HeartbeatSecretProps = {}) {
    super(scope, id);
    if (props.variableName) {
      const variable = namedVariable(this, props.variableName, {
        type: "string",
        sensitive: true,
        description: "Heartbeat authkeys secret (sha1)",
      });
      this.value = variable.stringValue;
      return;
    }
    ensureRandomProvider(this);
    // Letters and digits only: authkeys cuts at whitespace, and YAML needs no escaping.
    this.value = new Password(this, "password", { length: 40, special: false }).result;
  }
}

function ensureRandomProvider(scope: Construct): void {
  const stack = TerraformStack.of(scope);
  if (!stack.node.tryFindChild("random")) new RandomProvider(stack, "random");
}
