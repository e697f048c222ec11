#!/usr/bin/env bash
# `npm run test:all`: every test, in the order below. The VM labs' base image (debootstrap and
# apt, 2-5 minutes) is built meanwhile in the background, beside the checks that time nothing
# (lint, type check, docs, jest, the consumer test); the labs, whose scenarios measure time,
# start only once it is done.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p .lab-cache
image_log=.lab-cache/image-build.log
# Its own process group (setsid), so that a failed check below stops the whole build by its recorded PID.
setsid npx ts-node --swc lab/vm/run.ts image >"$image_log" 2>&1 &
image_pid=$!
trap 'kill -- "-$image_pid" 2>/dev/null || true' EXIT

npm run lint
npm run typecheck
npm run docs:check
npx jest
npm run test:consumer

if ! wait "$image_pid"; then
  echo "the VM labs' base image did not build:" >&2
  cat "$image_log" >&2
  exit 1
fi
trap - EXIT
tail -n 3 "$image_log"

npm run lab
npm run lab:fencing
npm run lab:keepalived -- --runs 1
# ipvs-nat runs on qemu in lab:vm:firewall (the UML kernel cannot load nftables rulesets).
npm run lab:vm -- --except ipvs-nat
npm run lab:vm:firewall
npm run lab:vm:watchdog
