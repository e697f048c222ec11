#!/usr/bin/env bash
# Consumer test: what another team's cdktf app gets from `npm install cdktf-ha-web`.
# Packs the library (prepack builds it), checks the tarball's contents, installs it from the registry
# into a fresh app (scripts/consumer-app: the public API only), type-checks that app (strict, with the
# package's declarations) and synthesizes its own topology on libvirt and vSphere; check.ts asserts
# facts from each cdk.tf.json. It runs with the newest cdktf/constructs the peer ranges admit, then
# with their lower bounds, and checks that npm refuses a cdktf below the range at install time.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
app_src="$repo/scripts/consumer-app"
# A release below the peer range: the one whose apps failed with TS2345 when cdktf was a dependency.
below_range_cdktf=0.20.12
max_packed_bytes=$((1536 * 1024))

work=$(mktemp -d /tmp/hal-consumer-XXXXXX)
passed=0
failed=0
steps=0

finish() {
  local rc=$?
  rm -rf "$work"
  # An abort outside a step (set -e) is a failure too.
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  echo "$passed passed, $failed failed"
  if [ "$failed" -ne 0 ]; then exit 1; fi
}
trap finish EXIT

pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1" >&2; }

# step WHAT CMD...: runs CMD with its output in a log. A failed step prints the log and stops the
# test, since every later step depends on it.
step() {
  local what=$1
  shift
  steps=$((steps + 1))
  local log="$work/step-$steps.log" start=$SECONDS
  if "$@" >"$log" 2>&1; then
    pass "$what ($((SECONDS - start)) s)"
  else
    fail "$what ($((SECONDS - start)) s)"
    cat "$log" >&2
    exit 1
  fi
}

# expect WHAT CONDITION-CMD...: one assertion that does not stop the test.
expect() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

# in_dir DIR CMD...: runs CMD in DIR.
in_dir() { (cd "$1" && shift && "$@"); }

pkg_field() { node -p "require('$repo/package.json').$1"; }

# --- 1. the tarball ---------------------------------------------------------------------------
step "npm pack builds and packs the library" in_dir "$repo" npm pack --pack-destination "$work"
tarball=$(ls "$work"/cdktf-ha-web-*.tgz)
tar -tzf "$tarball" | sed 's|^package/||' | sort >"$work/files.txt"
mkdir "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked"
packed=$(stat -c %s "$tarball")
unpacked=$(find "$work/unpacked/package" -type f -printf '%s\n' | awk '{ n += $1 } END { print n }')
echo "tarball: $packed bytes packed, $unpacked bytes unpacked, $(wc -l <"$work/files.txt") files"

has_files() {
  local f
  for f in "$@"; do grep -qx "$f" "$work/files.txt" || { echo "missing: $f" >&2; return 1; }; done
}
# Prints the offenders.
only_library_files() {
  ! grep -E '^(__tests__|lab|bench|scripts|providers|\.gen|\.ci)/|^main\.|\.tsbuildinfo$|\.map$' "$work/files.txt" &&
    ! grep '\.ts$' "$work/files.txt" | grep -v '\.d\.ts$'
}
expect "the tarball has main, types and LICENSE" has_files "$(pkg_field main)" "$(pkg_field types)" LICENSE
expect "the tarball has the libvirt bindings the constructs import" has_files lib/.gen/providers/libvirt/domain/index.js
# cloud-init/ha-helpers.ts reads the helper programs it embeds next to itself at load time.
expect "the tarball has the helper programs" has_files lib/cloud-init/helpers/garp-refresh.sh lib/cloud-init/helpers/reclaim-resources.sh
expect "the tarball has no tests, labs, bench, scripts, TypeScript sources or schema" only_library_files
no_source_maps() { ! grep -rlE 'sourceMappingURL|sourcesContent' "$work/unpacked/package/lib"; }
expect "the compiled JS carries no source maps" no_source_maps
expect "the tarball is at most $max_packed_bytes bytes packed" test "$packed" -le "$max_packed_bytes"

# --- 2. consumer apps -------------------------------------------------------------------------
# readme_blocks DIR: writes each ```ts block of the README to DIR/readme-N.ts; prints how many.
readme_blocks() {
  awk -v dir="$1" '
    /^```ts$/ { n++; file = sprintf("%s/readme-%d.ts", dir, n); inside = 1; next }
    /^```$/ && inside { inside = 0; close(file); next }
    inside { print > file }
    END { print n + 0 }' "$repo/README.md"
}

# make_app DIR CDKTF CONSTRUCTS: a fresh app depending on those versions and on the tarball, with
# the README's TypeScript blocks beside it. typescript, @types/node and yaml (check.ts parses
# user-data) follow the library's own pins.
make_app() {
  mkdir -p "$1"
  cp "$app_src/main.ts" "$app_src/check.ts" "$app_src/tsconfig.json" "$1/"
  readme_count=$(readme_blocks "$1")
  cat >"$1/package.json" <<EOF
{
  "name": "hal-consumer-app",
  "version": "0.0.0",
  "private": true,
  "dependencies": {
    "cdktf": "$2",
    "cdktf-ha-web": "file:$tarball",
    "constructs": "$3"
  },
  "devDependencies": {
    "@types/node": "$(pkg_field "devDependencies['@types/node']")",
    "typescript": "$(pkg_field devDependencies.typescript)",
    "yaml": "$(pkg_field dependencies.yaml)"
  }
}
EOF
}

installed_version() { node -p "require('$1/node_modules/$2/package.json').version"; }

# One copy of each in the whole tree: two copies are what made a cdktf 0.20 app fail with TS2345.
single_copy() {
  local dir=$1 name copies
  shift
  for name in "$@"; do
    copies=$(find "$dir/node_modules" -path "*/node_modules/$name/package.json" | wc -l)
    [ "$copies" -eq 1 ] || { echo "$copies copies of $name" >&2; return 1; }
  done
}

# Runs the checker; its PASS/FAIL lines count as assertions.
run_checks() {
  local label=$1 dir=$2 rc=0
  in_dir "$dir" node out/check.js cdktf.out >"$work/check-$label.log" 2>&1 || rc=$?
  sed -E "s/^(PASS|FAIL) /\1 $label: /" "$work/check-$label.log"
  local p f
  p=$(grep -c '^PASS ' "$work/check-$label.log" || true)
  f=$(grep -c '^FAIL ' "$work/check-$label.log" || true)
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then fail "$label: check.js exited with $rc"; fi
  if [ "$p" -eq 0 ]; then fail "$label: check.js asserted nothing"; fi
}

# consumer LABEL CDKTF CONSTRUCTS [EXPECTED-CDKTF EXPECTED-CONSTRUCTS]
consumer() {
  local label=$1 dir="$work/$1"
  make_app "$dir" "$2" "$3"
  step "$label: npm install (cdktf $2, constructs $3)" npm install --prefix "$dir" --no-audit --no-fund
  local cdktf_v constructs_v
  cdktf_v=$(installed_version "$dir" cdktf)
  constructs_v=$(installed_version "$dir" constructs)
  echo "$label: installed cdktf $cdktf_v, constructs $constructs_v"
  if [ $# -ge 5 ]; then
    expect "$label: runs on cdktf $4 and constructs $5" test "$cdktf_v/$constructs_v" = "$4/$5"
  fi
  expect "$label: one cdktf and one constructs in node_modules" single_copy "$dir" cdktf constructs
  step "$label: tsc --strict type-checks the app and the package's declarations" in_dir "$dir" npx tsc -p .
  step "$label: the app synthesizes both stacks" in_dir "$dir" node out/main.js cdktf.out
  run_checks "$label" "$dir"
  expect "$label: the README has TypeScript blocks to run ($readme_count)" test "$readme_count" -ge 1
  local n
  for ((n = 1; n <= readme_count; n++)); do
    step "$label: README block $n compiles (above) and runs" in_dir "$dir" env CDKTF_OUTDIR="readme-out-$n" node "out/readme-$n.js"
    # A block that synthesizes an app must have written its stack.
    if grep -q 'app\.synth()' "$dir/readme-$n.ts"; then
      expect "$label: README block $n wrote a stack" compgen -G "$dir/readme-out-$n/stacks/*/cdk.tf.json"
    fi
  done
}

cdktf_range=$(pkg_field peerDependencies.cdktf)
constructs_range=$(pkg_field peerDependencies.constructs)
# The lower bounds, for ranges of the form ^X.Y.Z.
lowest() { [[ $1 =~ ^\^([0-9]+\.[0-9]+\.[0-9]+)$ ]] && echo "${BASH_REMATCH[1]}"; }
cdktf_lowest=$(lowest "$cdktf_range")
constructs_lowest=$(lowest "$constructs_range")

consumer newest "$cdktf_range" "$constructs_range"
consumer lowest "$cdktf_lowest" "$constructs_lowest" "$cdktf_lowest" "$constructs_lowest"

# --- 3. below the range: npm must refuse at install, before any type error ---------------------
make_app "$work/below" "$below_range_cdktf" "$constructs_lowest"
refused() {
  ! npm install --prefix "$work/below" --package-lock-only --no-audit --no-fund >"$work/below.log" 2>&1 &&
    grep -q 'ERESOLVE' "$work/below.log" && grep -q "peer cdktf@\"$cdktf_range\" from cdktf-ha-web" "$work/below.log"
}
expect "npm refuses cdktf $below_range_cdktf (ERESOLVE: peer cdktf@\"$cdktf_range\")" refused
