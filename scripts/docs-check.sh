#!/usr/bin/env bash
# Fails when docs/api is not what typedoc makes of the sources now: regenerates into a temporary
# folder and compares, so a TSDoc or export change lands together with its reference.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d "${TMPDIR:-/tmp}/hal-docs-XXXXXX")
trap 'rm -rf "$out"' EXIT
npx typedoc --out "$out" >/dev/null
if ! diff -r docs/api "$out" >"$out.diff"; then
  head -n 40 "$out.diff"
  rm -f "$out.diff"
  echo "docs/api is stale: run 'npm run docs' and commit the result." >&2
  exit 1
fi
rm -f "$out.diff"
