#!/bin/sh
# /etc/ha.d/reclaim-resources: respawned by heartbeat on the group's preferred node.
# Heartbeat asks for the group once at start (req_resource sends ip-request or ip-request-resp
# through its FIFO); if that message is lost, heartbeat believes this node holds its group while
# no node does, and nothing asks again. When `cl_status rscstatus` says this node holds its group,
# the peer is active, and a VIP has been missing for RECLAIM_AFTER seconds, run `hb_takeover
# local`, which makes the peer release the group and this node acquire it. Operator standby
# (hb_standby) leaves rscstatus at none or foreign, so this never undoes it.
# Settings: /etc/default/ha-reclaim-resources (generated from the topology), or the file given as $1.
# No dollar-brace expansion in this file: the payload passes through Terraform, which reads one as
# an interpolation (escaped at synth), and the labs take one in resolved text for a missed reference.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
HB_TAKEOVER=/usr/share/heartbeat/hb_takeover
RECLAIM_ATTEMPTS=3
RECLAIM_CHECK=5
config=/etc/default/ha-reclaim-resources
[ $# -gt 0 ] && config=$1
# shellcheck source=/dev/null
. "$config" || exit 1
[ -n "$RECLAIM_VIPS" ] && [ -n "$RECLAIM_PEER" ] && [ -n "$RECLAIM_AFTER" ] || exit 1

# RECLAIM_VIPS holds "address interface" pairs. The addresses, for the log:
names=$(
  # shellcheck disable=SC2086
  set -- $RECLAIM_VIPS
  while [ $# -ge 2 ]; do
    printf '%s\n' "$1"
    shift 2
  done | paste -sd ' '
)

# all_held: every VIP is on its interface (IPaddr2's own test).
all_held() {
  # shellcheck disable=SC2086
  set -- $RECLAIM_VIPS
  while [ $# -ge 2 ]; do
    ip -o -4 addr show dev "$2" | grep -qF " $1/" || return 1
    shift 2
  done
}

# The parent heartbeat process is gone once this process has been handed to another parent: the
# kernel does that when the parent exits, before anyone reaps it (kill -0 still finds a zombie).
parent_alive() {
  [ "$(sed -n 's/.*) [A-Za-z] \([0-9][0-9]*\) .*/\1/p' /proc/$$/stat)" = "$PPID" ]
}

missing=0
attempts=0
while :; do
  sleep "$RECLAIM_CHECK"
  # Respawned children outlive a killed heartbeat; never hand a stale request to the next one.
  parent_alive || exit 0
  case "$(cl_status rscstatus 2>/dev/null)" in
    local | all) ;;
    none | foreign)
      missing=0
      attempts=0
      continue
      ;;
    *) # a transition (our own request's too), or no answer
      missing=0
      continue
      ;;
  esac
  if all_held; then
    missing=0
    attempts=0
    continue
  fi
  if [ "$(cl_status nodestatus "$RECLAIM_PEER" 2>/dev/null)" != active ]; then
    missing=0
    continue
  fi
  missing=$((missing + RECLAIM_CHECK))
  [ "$missing" -lt "$RECLAIM_AFTER" ] && continue
  missing=0
  if [ "$attempts" -ge "$RECLAIM_ATTEMPTS" ]; then
    [ "$attempts" -eq "$RECLAIM_ATTEMPTS" ] &&
      logger -p daemon.err -t reclaim-resources "heartbeat still claims the group but $names is not here after $RECLAIM_ATTEMPTS requests; giving up until it is"
    attempts=$((RECLAIM_ATTEMPTS + 1))
    continue
  fi
  attempts=$((attempts + 1))
  logger -p daemon.warning -t reclaim-resources "heartbeat claims the group but $names has been missing for $RECLAIM_AFTER s: hb_takeover local (request $attempts of $RECLAIM_ATTEMPTS)"
  # The request goes through heartbeat's FIFO, which blocks if heartbeat is going away.
  timeout 10 "$HB_TAKEOVER" local
done
