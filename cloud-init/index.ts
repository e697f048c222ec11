export * from "./issues";
export * from "./ip";
export * from "./heartbeat";
export * from "./ipvs";
export * from "./apache";
export * from "./network";
export * from "./cloud-config";
export * from "./node-payload";
