import { resolveTerraformText } from "../../constructs";

describe("resolveTerraformText", () => {
  const secret: [RegExp, string][] = [[/^random_password\.[A-Za-z0-9_-]+\.result$/, "S3"]];

  it("fills each reference from the first pattern that matches it", () => {
    expect(resolveTerraformText("a ${random_password.x.result} b ${random_password.y_2.result}", secret)).toBe("a S3 b S3");
  });

  it("turns the Terraform escapes $${ and %%{ back into literals", () => {
    expect(resolveTerraformText("echo $${HOME} ${random_password.k.result} 100%%{x}", secret)).toBe("echo ${HOME} S3 100%{x}");
  });

  it("throws naming the first reference or directive it cannot fill", () => {
    expect(() => resolveTerraformText("${random_password.k.result} ${var.vip} ${local.x}", secret)).toThrow("${var.vip}");
    expect(() => resolveTerraformText("${random_password.k.bcrypt_hash}", secret)).toThrow(/bcrypt_hash/);
    expect(() => resolveTerraformText("%{ if true }x%{ endif }", secret)).toThrow("%{ if true }");
  });
});
