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
   * The SMTP relay that mailTo's notifications go through: a host name or IPv4 address, with an
   * optional port (`"smtp.example.org"`, `"smtp.example.org:587"`; port 25 by default). The nodes
   * get msmtp-mta (a send-only sendmail, no queue, no daemon) and bsd-mailx (the `mail` command
   * Heartbeat's MailTo runs), with /etc/msmtprc naming the relay: plain SMTP, no authentication,
   * sender heartbeat@<node>, a 5 s time-out. Required with mailTo, which is refused without it: a
   * node has no mail server of its own, and a MailTo whose mail command fails fails the whole
   * resource group. A mail the relay does not take is logged (syslog, tag ha-sendmail) and given
   * up, so a relay that is down delays a takeover by at most the time-out and never stops it. Give
   * mailTo a full address: the relay, not the node, delivers it. @default none
   */
  readonly mailRelay?: string;
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
