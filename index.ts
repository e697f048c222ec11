// The construct library: renderers, topology and platform constructs, and the lab presets.
export * from "./cloud-init";
export * from "./constructs";
export * from "./stacks";
