/**
 * Synthesizes the project's stacks the way `cdktf synth` does (the same App and stack classes as
 * main.ts) into a private folder, and hands the labs each VM's documents with the Terraform
 * references filled as `terraform apply` would fill them.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { App } from "cdktf";
import { FailoverEngine, HEARTBEAT_FAST_PROFILE, HEARTBEAT_LAB_PROFILE, readStackJson, synthesizedNodes } from "../../constructs";
import { addPresetStacks, HaLbStack, HeartbeatApacheStack, LAB_NETWORKS } from "../../stacks";
import { addIpvsOptionsStack } from "./ipvs-options-stack";
import { addKaLbStack } from "./ka-lb-stack";
import { addIpvsDrStack } from "./ipvs-dr-stack";
import { addLdLbStack } from "./ld-lb-stack";
import { applyValues, type ApplyValues, type LabNode } from "./payload";
import {
  BCAST_OPTIONS_STACK,
  FAILBACK_OFF_STACK,
  FAST_PROFILE_STACK,
  FENCING_STACK,
  HA_LB_SYNC_STACK,
  MCAST_OPTIONS_STACK,
  SERIAL_OPTIONS_STACK,
  SERVICE_FAILOVER_STACK,
  UCAST_OPTIONS_STACK,
  WATCHDOG_STACK,
} from "./stack-names";

export {
  BCAST_OPTIONS_STACK,
  FAILBACK_OFF_STACK,
  FAST_PROFILE_STACK,
  FENCING_STACK,
  IPVS_DR_STACK,
  HA_LB_SYNC_STACK,
  MCAST_OPTIONS_STACK,
  OPTION_STACKS,
  SERIAL_OPTIONS_STACK,
  SERVICE_FAILOVER_STACK,
  UCAST_OPTIONS_STACK,
  WATCHDOG_STACK,
} from "./stack-names";

/**
 * The option stacks' timing: a heartbeat every 250 ms, the peer dead after 1 s (the least deadtime
 * a single medium is allowed), initdead 3 s, so that each option scenario stays short.
 */
const OPTIONS_TIMING = { keepalive: "250ms", deadtime: 1, warntime: "500ms", initdead: 3 } as const;

/**
 * The service-failover stack's monitor, every setting away from HEARTBEAT_DEFAULTS.serviceFailover
 * (2 s, 2, 60 s): the labs read each from the monitor's log. A longer interval, not a shorter one: it
 * is also the timeout of each `status` call, which a loaded UML guest can take over a second to answer.
 */
export const SERVICE_FAILOVER_LAB_SETTINGS = { checkIntervalSeconds: 3, failuresBeforeHandover: 3, backoffSeconds: 90 } as const;

/** Synthesizes main.ts's stacks, plus the auto_failback off and fast-profile variants, into a new temporary folder. */
export function synthesizeLabStacks(): string {
  const outdir = mkdtempSync(join(tmpdir(), "hal-synth-"));
  const app = new App({ outdir });
  addPresetStacks(app);
  // The alias label of labs 002/003 (eth0:0) rides on this variant: `labelIndex: 0` gives public:0.
  new HeartbeatApacheStack(app, FAILBACK_OFF_STACK, { pair: { autoFailback: false, vips: [{ address: "192.168.56.10", labelIndex: 0 }] } });
  new HeartbeatApacheStack(app, FAST_PROFILE_STACK, { failover: FailoverEngine.heartbeat(HEARTBEAT_FAST_PROFILE) });
  new HeartbeatApacheStack(app, SERVICE_FAILOVER_STACK, {
    failover: FailoverEngine.heartbeat({ ...HEARTBEAT_LAB_PROFILE, serviceFailover: SERVICE_FAILOVER_LAB_SETTINGS }),
  });
  new HeartbeatApacheStack(app, WATCHDOG_STACK, { failover: FailoverEngine.heartbeat({ ...HEARTBEAT_LAB_PROFILE, watchdog: true }) });
  new HeartbeatApacheStack(app, FENCING_STACK, {
    failover: FailoverEngine.heartbeat({
      ...HEARTBEAT_LAB_PROFILE,
      fencing: { kind: "libvirt", hypervisorUri: "qemu:///system" },
      watchdog: true,
    }),
  });
  new HeartbeatApacheStack(app, BCAST_OPTIONS_STACK, {
    failover: FailoverEngine.heartbeat({
      ...OPTIONS_TIMING,
      heartbeatNetworks: [],
      extraMedia: [{ kind: "bcast", interfaces: ["private"] }],
      udpport: 1694,
      authMethod: "md5",
    }),
    // The second VIP on the private network (VipDecl.network), as a NAT gateway VIP would be.
    pair: { vips: ["192.168.56.10", { address: "192.168.200.20", network: "private" }], preferredNode: "srv2" },
  });
  new HeartbeatApacheStack(app, MCAST_OPTIONS_STACK, {
    failover: FailoverEngine.heartbeat({
      ...OPTIONS_TIMING,
      heartbeatNetworks: [],
      extraMedia: [{ kind: "mcast", interface: "private", group: "239.0.0.43", ttl: 1, loop: false }],
      authMethod: "crc",
      allowInsecureCrc: true,
      pingNodes: [LAB_NETWORKS.public.gateway!],
      ipfail: true,
      mailTo: "ops@example.org",
      mailRelay: `${LAB_NETWORKS.public.gateway!}:2525`,
    }),
  });
  new HeartbeatApacheStack(app, SERIAL_OPTIONS_STACK, {
    failover: FailoverEngine.heartbeat({
      ...OPTIONS_TIMING,
      heartbeatNetworks: [],
      extraMedia: [{ kind: "serial", device: "/dev/ttyS0" }],
      authMethod: "sha1",
      garpRefreshSeconds: false,
      reclaimAfterSeconds: false,
    }),
  });
  new HeartbeatApacheStack(app, UCAST_OPTIONS_STACK, {
    failover: FailoverEngine.heartbeat({
      ...OPTIONS_TIMING,
      heartbeatNetworks: [],
      extraMedia: [
        { kind: "ucast", interface: "public", peer: "192.168.56.11" },
        { kind: "ucast", interface: "public", peer: "192.168.56.12" },
        { kind: "mcast", interface: "private", group: "239.0.0.44", port: 1695, ttl: 1, loop: true },
      ],
      // Away from the default (2 s): the helpers scenario times the refresher's announcements.
      garpRefreshSeconds: 4,
    }),
  });
  new HaLbStack(app, HA_LB_SYNC_STACK, { connectionSync: {} });
  addIpvsOptionsStack(app);
  addKaLbStack(app);
  addIpvsDrStack(app);
  addLdLbStack(app);
  app.synth();
  return outdir;
}

/** Each VM of a synthesized stack, with its documents as Terraform would pass them at apply time. */
export function labNodesOf(outdir: string, stack: string, values: ApplyValues): LabNode[] {
  return applyValues(synthesizedNodes(readStackJson(join(outdir, "stacks", stack))), values);
}
