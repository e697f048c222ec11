#!/bin/sh
# The netns lab's stand-in for the hypervisor: a `virsh` on the PATH of each node (the lab
# bind-mounts this file's directory over /usr/local/sbin inside the nodes' mount namespaces
# only). cluster-glue's real external/libvirt plugin calls it as `virsh -c URI <command> [domain]`.
# Every call is logged with a wall-clock timestamp. A command that changes a domain is handed to
# the lab (lab/netns/fencing.ts), which powers the node off by its recorded init PID; the call
# waits, bounded, for the lab's answer.
set -u
dir=$(dirname "$(readlink -f "$0")")
log="$dir/calls.log"
caller=$(uname -n)
[ "${1:-}" = "-c" ] && shift 2
cmd=${1:-}
domain=${2:-}

stamp() { date +%s.%N; }
echo "$(stamp) $caller start $cmd $domain" >>"$log"

case "$cmd" in
  version)
    echo "Compiled against library: libvirt 9.0.0 (hal netns lab stand-in)"
    ;;
  dominfo)
    if [ -e "$dir/off/$domain" ]; then state="shut off"; else state="running"; fi
    printf 'Name:           %s\nState:          %s\n' "$domain" "$state"
    ;;
  destroy | start | reboot)
    req="$dir/requests/$(stamp)-$caller-$cmd-$domain"
    mkdir -p "$dir/requests"
    echo "$cmd $domain" >"$req.tmp" && mv "$req.tmp" "$req"
    i=0
    while [ ! -e "$req.done" ] && [ "$i" -lt 600 ]; do
      sleep 0.05
      i=$((i + 1))
    done
    if [ ! -e "$req.done" ]; then
      echo "$(stamp) $caller timeout $cmd $domain" >>"$log"
      echo "error: the lab did not answer" >&2
      exit 1
    fi
    answer=$(cat "$req.done")
    echo "$(stamp) $caller done $cmd $domain $answer" >>"$log"
    if [ "$answer" != ok ]; then
      echo "error: $answer" >&2
      exit 1
    fi
    echo "Domain '$domain' ${cmd}ed"
    ;;
  *)
    echo "error: the lab's virsh knows version, dominfo, destroy, start and reboot, not '$cmd'" >&2
    exit 1
    ;;
esac
