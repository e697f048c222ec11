import type {
  AuthkeysConfig,
  AuthMethod,
  Fencing,
  HaCfConfig,
  HaresourcesConfig,
  HeartbeatHelperSettings,
  HeartbeatMedium,
  HeartbeatTiming,
} from "../../../cloud-init";
import type { NetworkRole } from "../../plan";

/**
 * Heartbeat's settings for one pair, named after their ha.cf, authkeys and haresources directives.
 * Declared once, composed from the renderers' own configs; every default is in HEARTBEAT_DEFAULTS.
 */
export interface HeartbeatSettings
  extends
    HeartbeatTiming,
    HeartbeatHelperSettings,
    Pick<HaCfConfig, "udpport" | "pingNodes" | "ipfail">,
    Pick<HaresourcesConfig, "mailTo">,
    Pick<AuthkeysConfig, "allowInsecureCrc"> {
  /** Networks that carry ucast heartbeats to the peer, one `ucast` line each. @default HEARTBEAT_DEFAULTS.heartbeatNetworks */
  readonly heartbeatNetworks?: readonly NetworkRole[];
  /** Extra media, such as `{ kind: "serial", device: "/dev/ttyS0" }`. @default none */
  readonly extraMedia?: readonly HeartbeatMedium[];
  /**
   * The authkeys secret, as a Terraform reference (a literal is refused: it would be synthesized in
   * plain text). @default - a random_password created for the pair
   */
  readonly secret?: string;
  /** @default HEARTBEAT_DEFAULTS.authMethod */
  readonly authMethod?: AuthMethod;
  /**
   * Fence the peer before taking its resources over (`stonith` in ha.cf): `{ kind: "libvirt", hypervisorUri }`
   * on libvirt, `{ kind: "vcenter", server, credentialStoreBase64 }` on vSphere; credentials only as
   * sensitive Terraform references. The machines are the nodes' VMs.
   * @default none: a cut of every heartbeat path leaves both nodes holding the VIPs
   */
  readonly fencing?: Fencing;
  /**
   * Load softdog and let heartbeat write to /dev/watchdog, so that a node whose heartbeat hangs
   * resets itself; heartbeat sets the device's timeout to deadtime, rounded up to seconds. @default false
   */
  readonly watchdog?: boolean;
}
