#!/usr/bin/env node
// Regenerates the cdktf bindings for dmacvicar/libvirt from the committed schema
// (providers/libvirt/schema.json) into .gen/providers/libvirt, without network
// access or a Terraform registry. Same schema in, same files out.
//
// Usage: npm run gen:libvirt   (or: node scripts/gen-libvirt.mjs)
//
// Needs (devDependencies): @cdktf/provider-generator@0.21.0 and, because the
// generator require.resolve()s it on load without declaring it,
// jsii-pacmak@1.112.0; cdktf-cli@0.21.0 brings both in.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = path.join(root, "providers", "libvirt", "schema.json");
const genRoot = path.join(root, ".gen");
const outDir = path.join(genRoot, "providers", "libvirt");
const FQPN = "registry.terraform.io/dmacvicar/libvirt";

// @cdktf/commons runs `terraform version -json` when loaded (if terraform is
// installed) and may send telemetry on errors. Turn both network paths off
// before the generator is loaded. A TF_CLI_CONFIG_FILE that names a missing
// file only makes that terraform call print a warning, so drop it for this
// process.
process.env.CHECKPOINT_DISABLE = "1";
if (process.env.TF_CLI_CONFIG_FILE && !fs.existsSync(process.env.TF_CLI_CONFIG_FILE)) {
  delete process.env.TF_CLI_CONFIG_FILE;
}

const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
if (schema.format_version !== "1.0") {
  throw new Error(`${schemaPath}: unexpected format_version ${schema.format_version}`);
}
const providerSchemas = Object.keys(schema.provider_schemas ?? {});
if (providerSchemas.length !== 1 || providerSchemas[0] !== FQPN) {
  throw new Error(`${schemaPath}: expected exactly one provider schema, ${FQPN}; found ${providerSchemas.join(", ")}`);
}
const version = schema.provider_versions?.[FQPN];
if (!version) throw new Error(`${schemaPath}: provider_versions["${FQPN}"] is missing`);

// libvirt_domain's full schema yields 7.8 MB of bindings that every synth loads; generate only
// the attributes constructs/libvirt-machine.ts sets (providers/libvirt/domain-attributes.json).
const keptDomainPaths = JSON.parse(fs.readFileSync(path.join(root, "providers", "libvirt", "domain-attributes.json"), "utf8"));
const domainBlock = schema.provider_schemas[FQPN].resource_schemas?.libvirt_domain?.block;
if (!domainBlock) throw new Error(`${schemaPath}: libvirt_domain is missing`);
domainBlock.attributes = trimAttributes(domainBlock.attributes, keptDomainPaths, "libvirt_domain");

// Keeps, at one level, each attribute a kept path names (or passes through) and each required one,
// recursing through nested_type attributes. A path the schema lacks is an error, not a silent drop.
function trimAttributes(attributes, paths, where) {
  const byHead = new Map();
  for (const p of paths) {
    const [head, ...rest] = p.split(".");
    if (!(head in attributes)) throw new Error(`${schemaPath}: ${where} has no attribute ${head}`);
    if (!byHead.has(head)) byHead.set(head, []);
    if (rest.length) byHead.get(head).push(rest.join("."));
  }
  const kept = {};
  for (const [name, attr] of Object.entries(attributes)) {
    if (!byHead.has(name) && !attr.required) continue;
    const sub = byHead.get(name) ?? [];
    if (attr.nested_type?.attributes) {
      kept[name] = {
        ...attr,
        nested_type: { ...attr.nested_type, attributes: trimAttributes(attr.nested_type.attributes, sub, `${where}.${name}`) },
      };
    } else {
      if (sub.length) throw new Error(`${schemaPath}: ${where}.${name} has no nested attributes`);
      kept[name] = attr;
    }
  }
  return kept;
}

const require = createRequire(path.join(root, "package.json"));
let generator;
try {
  require.resolve("jsii-pacmak/bin/jsii-pacmak", {
    paths: [path.dirname(require.resolve("@cdktf/provider-generator/package.json"))],
  });
  generator = require("@cdktf/provider-generator");
} catch (err) {
  console.error("gen-libvirt: cannot load @cdktf/provider-generator (0.21.0) and jsii-pacmak (1.112.0); run npm install first.");
  throw err;
}

// Clear only this provider's output so removed files do not linger.
fs.rmSync(outDir, { recursive: true, force: true });
await generator.generateProviderBindingsFromSchema(genRoot, schema);

const files = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(outDir);
console.log(`gen-libvirt: ${FQPN} ${version} -> ${path.relative(root, outDir)} (${files.length} files)`);
