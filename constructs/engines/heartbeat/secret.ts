import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { Password } from "@cdktf/provider-random/lib/password";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { namedVariable } from "../../platform";

export interface HeartbeatSecretProps {
  /**
   * Take the secret from a sensitive Terraform variable of this name instead of generating one; its
   * validation refuses a value under 16 characters or with whitespace at plan time.
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
        // Checked at plan time, where the value is known: authkeys cuts a secret at its first blank.
        validation: [
          {
            condition: `\${can(regex("^[^\\\\s]{16,}$", var.${props.variableName}))}`,
            errorMessage: `${props.variableName} must be at least 16 characters with no whitespace: authkeys would cut it at the first blank.`,
          },
        ],
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
