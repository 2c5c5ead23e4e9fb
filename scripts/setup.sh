#!/bin/sh
# Sets up passk on a fresh machine: the system packages the sandbox and the Python benchmarks
# need (Debian/Ubuntu: bubblewrap, util-linux, python3, installed when missing, as root or with
# sudo), then the npm dependencies (which build every package). Idempotent and quick when done.
#
#   sh scripts/setup.sh          bubblewrap + python3, then npm install
#   sh scripts/setup.sh --all    also every optional toolchain of the benchmarks (.ci/apt/*.txt)
set -eu
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

wanted="bubblewrap util-linux python3"
if [ "${1:-}" = "--all" ]; then
  wanted=$(sed -e 's/#.*//' .ci/apt/*.txt | tr -s ' \t' '\n\n' | sed '/^$/d' | sort -u | tr '\n' ' ')
fi

if [ "$(uname -s)" != "Linux" ]; then
  say "$(uname -s) has no sandbox for model-written code: passk refuses to run it unless you pass --sandbox none (see README, Safety)"
elif command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for package in $wanted; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
      || missing="$missing $package"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      sudo=""
    elif command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      say "missing Debian packages:$missing; install them as root (apt-get install$missing) and run this again"
      exit 1
    fi
    say "installing$missing"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
else
  for tool in bwrap python3; do
    command -v "$tool" >/dev/null 2>&1 || say "$tool is missing: install it with your package manager (passk doctor shows what is needed)"
  done
fi

if [ ! -x node_modules/.bin/node ] || [ ! -f packages/cli/dist/bin.js ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm install"
  npm install --no-audit --no-fund
fi
say "done: try npx passk doctor"
