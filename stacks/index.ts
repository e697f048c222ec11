import { App } from "cdktf";
import { HaLbStack } from "./ha-lb";
import { HeartbeatApacheStack } from "./heartbeat-apache";
import { IpvsNatStack } from "./ipvs-nat";
import { PlatformChoice } from "./lab-stack";

export * from "./lab-stack";
export * from "./heartbeat-apache";
export * from "./ipvs-nat";
export * from "./ha-lb";
export * from "./ha-lb-scaled";

export const PRESET_STACKS = {
  "heartbeat-apache": HeartbeatApacheStack,
  "ipvs-nat": IpvsNatStack,
  "ha-lb": HaLbStack,
} as const;

export const PLATFORMS: readonly PlatformChoice["kind"][] = ["libvirt", "vsphere"];

/** Adds the three lab presets on both platforms: `<preset>-<platform>`. */
export function addPresetStacks(app: App): void {
  for (const [name, Stack] of Object.entries(PRESET_STACKS)) {
    for (const kind of PLATFORMS) new Stack(app, `${name}-${kind}`, { platform: { kind } });
  }
}
