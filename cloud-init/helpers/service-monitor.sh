#!/bin/sh
# /etc/ha.d/service-monitor: respawned by heartbeat on both nodes of a pair (ha.cf `respawn root
# /etc/ha.d/service-monitor`). Heartbeat v1 watches nodes, not resources: when apache2 dies on the
# node that holds the group, nothing moves it. This does: while heartbeat says this node holds the
# group and every VIP is here, it runs each monitored resource's `status` (LSB: 0 is running);
# after SERVICE_FAILURES failed checks in a row it hands the group to the peer with `hb_standby all`.
# Never when the peer is not active (that would leave nobody serving); never within
# SERVICE_SETTLE seconds of acquiring the group (ResourceManager's own recovery of a failed start
# waits 30 s); and each node's handovers are spaced by a back-off that doubles up to
# SERVICE_BACKOFF_MAX while they come within SERVICE_BACKOFF_RESET of each other, so two broken
# nodes pass the group at the back-off's pace, not every few seconds. hb_standby's exit code is not
# trusted (heartbeat ignores a request while in flux): if the group is still here after the back-off,
# the loop asks again.
# Settings: /etc/default/ha-service-monitor (generated from the topology), or the file given as $1.
# No dollar-brace expansion in this file: the payload passes through Terraform, which reads one as
# an interpolation (escaped at synth), and the labs take one in resolved text for a missed reference.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
HB_STANDBY=/usr/share/heartbeat/hb_standby
# Where ResourceManager looks for a resource's script, in its order.
RESOURCE_DIRS="/etc/ha.d/resource.d /etc/init.d"
# Kept in /run so that a respawn does not forget the back-off; a reboot empties it with /proc/uptime.
STATE=/run/ha-service-monitor.state
UPTIME=/proc/uptime
SERVICE_SETTLE=30
SERVICE_BACKOFF_MAX=900
SERVICE_BACKOFF_RESET=3600
config=/etc/default/ha-service-monitor
[ $# -gt 0 ] && config=$1
# shellcheck source=/dev/null
. "$config" || exit 1

log() { logger -p "daemon.$1" -t ha-service-monitor -- "$2"; }

# Exit 100: heartbeat does not respawn a client that exits 100, so a bad config is not retried forever.
for v in SERVICE_PEER SERVICE_VIPS SERVICE_GROUP SERVICE_RESOURCES SERVICE_CHECK SERVICE_FAILURES SERVICE_BACKOFF; do
  if [ -z "$(eval "printf %s \"\$$v\"")" ]; then
    log err "$config sets no $v: not monitoring"
    exit 100
  fi
done

# The parent heartbeat process is gone once this process has been handed to another parent: the
# kernel does that when the parent exits, before anyone reaps it (kill -0 still finds a zombie).
parent_alive() {
  [ "$(sed -n 's/.*) [A-Za-z] \([0-9][0-9]*\) .*/\1/p' /proc/$$/stat)" = "$PPID" ]
}

# Whole seconds since boot: monotonic.
uptime_s() {
  sed -n 's/^\([0-9]*\).*/\1/p' "$UPTIME"
}

# The group is here when heartbeat holds it (not in transition) and every VIP is on its interface.
holds_group() {
  case "$(cl_status rscstatus 2>/dev/null)" in
    all | "$SERVICE_GROUP") ;;
    *) return 1 ;;
  esac
  # SERVICE_VIPS holds "address interface" pairs.
  # shellcheck disable=SC2086
  set -- $SERVICE_VIPS
  while [ $# -ge 2 ]; do
    ip -o -4 addr show dev "$2" | grep -qF " $1/" || return 1
    shift 2
  done
}

# A resource as haresources names it (script::arg::arg), found the way ResourceManager finds it,
# checked by the exit code of `status`.
resource_ok() {
  name=$(printf '%s' "$1" | sed 's/::.*//')
  args=$(printf '%s' "$1" | sed -n 's/^[^:]*:://p' | sed 's/::/ /g')
  for dir in $RESOURCE_DIRS; do
    if [ -x "$dir/$name" ]; then
      # shellcheck disable=SC2086 # the arguments are words by design
      timeout "$SERVICE_CHECK" "$dir/$name" $args status >/dev/null 2>&1
      return
    fi
  done
  return 1
}

failures=0
held_since=
last_handover=-1
backoff=$SERVICE_BACKOFF
if [ -r "$STATE" ]; then read -r last_handover backoff <"$STATE" || :; fi
peer_warned=

while :; do
  sleep "$SERVICE_CHECK"
  # A respawned child outlives a killed heartbeat; without it this node owns nothing.
  parent_alive || exit 0
  now=$(uptime_s)
  if ! holds_group; then
    failures=0
    held_since=
    continue
  fi
  [ -n "$held_since" ] || held_since=$now
  [ $((now - held_since)) -ge "$SERVICE_SETTLE" ] || continue
  failed=
  for r in $SERVICE_RESOURCES; do
    resource_ok "$r" || failed="$failed $r"
  done
  if [ -z "$failed" ]; then
    failures=0
    peer_warned=
    continue
  fi
  if [ "$failures" -lt "$SERVICE_FAILURES" ]; then
    failures=$((failures + 1))
    log warning "check $failures/$SERVICE_FAILURES failed:$failed"
    [ "$failures" -eq "$SERVICE_FAILURES" ] || continue
  fi
  if [ "$(cl_status nodestatus "$SERVICE_PEER" 2>/dev/null)" != active ]; then
    [ -n "$peer_warned" ] || log err "failed:$failed, but peer $SERVICE_PEER is not active: keeping the group"
    peer_warned=1
    continue
  fi
  if [ "$last_handover" -ge 0 ] && [ $((now - last_handover)) -lt "$backoff" ]; then
    continue # backing off; the handover logged when the next one may come
  fi
  if [ "$last_handover" -ge 0 ] && [ $((now - last_handover)) -lt "$SERVICE_BACKOFF_RESET" ]; then
    backoff=$((backoff * 2))
    [ "$backoff" -le "$SERVICE_BACKOFF_MAX" ] || backoff=$SERVICE_BACKOFF_MAX
  else
    backoff=$SERVICE_BACKOFF
  fi
  log crit "failed:$failed ($SERVICE_FAILURES checks): hb_standby all; no handover from this node for $backoff s"
  last_handover=$now
  echo "$last_handover $backoff" >"$STATE"
  failures=0
  held_since=
  # The request goes through heartbeat's FIFO, which blocks if heartbeat is going away.
  timeout 10 "$HB_STANDBY" all || log err "hb_standby all failed (exit $?)"
done
