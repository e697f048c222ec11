#!/bin/sh
# A virsh for the stonith plugin tests: records its arguments and succeeds, so the test sees the
# exact calls cluster-glue's external/libvirt makes from a generated stonith.cfg.
echo "$*" >>"${HAL_VIRSH_LOG:?}"
case "$*" in
  *dominfo*) echo "State:          running" ;;
esac
exit 0
