// The labs' extra stacks by name, apart from their synthesis (stacks.ts) so that the scenario lists
// (lab/netns/scenarios.ts, lab/vm/scenarios.ts) load without cdktf.

/** The stack the labs add beside the presets, to test auto_failback off on the same topology. */
export const FAILBACK_OFF_STACK = "heartbeat-apache-failback-off-libvirt";

/** The Heartbeat + Apache preset with HEARTBEAT_FAST_PROFILE: ucast on both networks, sub-second deadtime. */
export const FAST_PROFILE_STACK = "heartbeat-apache-fast-libvirt";

/**
 * The Heartbeat + Apache preset with fencing through libvirt (the lab stands in for the hypervisor's
 * virsh) and the watchdog; lab/netns/fencing.ts runs it.
 */
export const FENCING_STACK = "heartbeat-apache-fencing-libvirt";

/** The Heartbeat + Apache preset with the watchdog only: its packages are all in the VM lab's image (lab/vm/watchdog.ts). */
export const WATCHDOG_STACK = "heartbeat-apache-watchdog-libvirt";

/**
 * The Heartbeat + Apache preset (HEARTBEAT_LAB_PROFILE) with service failover on, at its defaults:
 * the netns lab stops apache2 on the holder and expects the peer to serve.
 */
export const SERVICE_FAILOVER_STACK = "heartbeat-apache-service-failover-libvirt";

/**
 * Heartbeat options on the real daemons (the netns lab's option plan): bcast alone on the private
 * network, on udpport 1694, authkeys md5, two VIPs, and the second node preferred.
 */
export const BCAST_OPTIONS_STACK = "heartbeat-apache-bcast-libvirt";

/**
 * mcast alone on the private network (ttl 1, no loop; on udpport, which the udpport scenario checks), authkeys crc (allowInsecureCrc), the router as ping node with
 * ipfail, and MailTo through a relay at the router (the lab's SMTP sink).
 */
export const MCAST_OPTIONS_STACK = "heartbeat-apache-mcast-libvirt";

/** serial alone (/dev/ttyS0: the lab's socat pty pair), authkeys sha1. */
export const SERIAL_OPTIONS_STACK = "heartbeat-apache-serial-libvirt";

/**
 * Explicit media only: ucast on the public network to each node's public address (each node skips
 * its own), and mcast on the private network on its own port (1695) with loop on.
 */
export const UCAST_OPTIONS_STACK = "heartbeat-apache-ucast-libvirt";

/** The stacks the netns lab runs with its option plan instead of the full failover plan. */
export const OPTION_STACKS: readonly string[] = [BCAST_OPTIONS_STACK, MCAST_OPTIONS_STACK, SERIAL_OPTIONS_STACK, UCAST_OPTIONS_STACK];

/** The ha-lb preset with the keepalived engine and non-default health checks (lab/common/ka-lb-stack.ts; the VM lab's ka-lb topology). */
export const KA_LB_STACK = "ka-lb-libvirt";

/** One director, web1..web3 on the VIP's segment, `forwarding: "gatewaying"` (lab/common/ipvs-dr-stack.ts). */
export const IPVS_DR_STACK = "ipvs-dr-libvirt";

/** The ha-lb preset with IPVS connection sync on (Heartbeat): the VM lab's `ha-lb-sync` topology (lab/vm/connection-sync.ts). */
export const HA_LB_SYNC_STACK = "ha-lb-sync-libvirt";
