#!/bin/sh
# /etc/ha.d/garp-refresh: respawned by heartbeat (ha.cf `respawn root /etc/ha.d/garp-refresh`).
# Re-announces each VIP with a gratuitous ARP every GARP_INTERVAL seconds while heartbeat says this
# node holds the VIPs' group, and the address is on its interface. IPaddr2 announces a VIP only when
# it brings it up; after a split brain heals, the node that keeps the VIP never does that again,
# and clients that followed the other node's announcement keep the wrong MAC. keepalived's
# vrrp_garp_master_refresh does the same job, and like it this announces only as the owner: an
# address left on a NIC (a failed release, a killed heartbeat) must not pull clients to this node.
# Settings: /etc/default/ha-garp-refresh (generated from the topology), or the file given as $1.
# No dollar-brace expansion in this file: the payload passes through Terraform, which reads one as
# an interpolation (escaped at synth), and the labs take one in resolved text for a missed reference.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
SEND_ARP=/usr/libexec/heartbeat/send_arp
config=/etc/default/ha-garp-refresh
[ $# -gt 0 ] && config=$1
# shellcheck source=/dev/null
. "$config" || exit 1
[ -n "$GARP_INTERVAL" ] && [ -n "$GARP_VIPS" ] && [ -n "$GARP_GROUP" ] || exit 1

# The parent heartbeat process is gone once this process has been handed to another parent: the
# kernel does that when the parent exits, before anyone reaps it (kill -0 still finds a zombie).
parent_alive() {
  [ "$(sed -n 's/.*) [A-Za-z] \([0-9][0-9]*\) .*/\1/p' /proc/$$/stat)" = "$PPID" ]
}

while :; do
  # A respawned child outlives a killed heartbeat; without it this node owns nothing.
  parent_alive || exit 0
  # rscstatus names the resource classes heartbeat holds here: GARP_GROUP (local on the group's
  # preferred node, foreign on the other), all, or none, or a transition. Only the owner announces.
  case "$(cl_status rscstatus 2>/dev/null)" in
    all | "$GARP_GROUP") ;;
    *)
      sleep "$GARP_INTERVAL"
      continue
      ;;
  esac
  # GARP_VIPS holds "address interface" pairs.
  # shellcheck disable=SC2086
  set -- $GARP_VIPS
  while [ $# -ge 2 ]; do
    # Announce only an address that is on its interface (IPaddr2's own test).
    if ip -o -4 addr show dev "$2" | grep -qF " $1/"; then
      "$SEND_ARP" -i 200 -r 2 "$2" "$1" auto not_used not_used
    fi
    shift 2
  done
  sleep "$GARP_INTERVAL"
done
