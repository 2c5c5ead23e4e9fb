#!/usr/bin/env bash
# Runs the README's quick start on a fresh Debian machine and times it: debootstraps a minimal
# bookworm root, adds only what a machine of this kind comes with (this machine's Node.js and
# npm, g++, make, git, its CA certificates and npm settings), clones this repository's HEAD
# into it with ../shared beside it (read-only), then runs as root, in the root's own mount
# namespace (bubblewrap, not chroot: passk's sandbox nests namespaces), the README's two
# commands: `npm run setup && npm run demo`, then `npm test`. Logs and wall times go to
# <root>.cmd1.log and <root>.cmd2.log.
#
#   sudo scripts/fresh-machine.sh [ROOT]      ROOT defaults to ../fresh-root (reused if present)
#   FRESH_ONLY=1 sudo scripts/fresh-machine.sh   only build the root, run nothing
#
# Needs root, debootstrap and bubblewrap on this machine, and Debian's mirror.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
shared=$(cd .. && pwd)/shared
root=$(realpath -m "${1:-../fresh-root}")
say() { printf 'fresh-machine: %s\n' "$*" >&2; }

if [ ! -x "$root/usr/bin/node" ]; then
  say "debootstrap bookworm into $root"
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
  cp /etc/resolv.conf "$root/etc/"
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
  mount --bind /proc "$root/proc"
  chroot "$root" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends g++ make git ca-certificates >/dev/null 2>&1 && update-ca-certificates >/dev/null'
  umount "$root/proc"
  node=$(command -v node)
  npm_dir=$(dirname "$(dirname "$(realpath "$(command -v npm)")")")
  cp "$node" "$root/usr/bin/node"
  mkdir -p "$root/usr/lib/node_modules" "$root/usr/etc"
  cp -a "$npm_dir" "$root/usr/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/bin/npx"
  [ -d /usr/include/node ] && cp -a /usr/include/node "$root/usr/include/"
  for config in /etc/npmrc /usr/etc/npmrc "$HOME/.npmrc"; do
    [ -f "$config" ] && mkdir -p "$root$(dirname "$config")" && cp "$config" "$root$config"
  done
fi
rm -rf "$root/work/main" && mkdir -p "$root/work/shared"
git clone -q "$repo" "$root/work/main"
[ "${FRESH_ONLY:-}" = 1 ] && { say "root ready: $root"; exit 0; }

inside() {
  bwrap --bind "$root" / --dev-bind /dev /dev --bind /proc /proc --bind /sys /sys \
    --ro-bind "$shared" /work/shared --cap-add ALL --die-with-parent --clearenv \
    --setenv HOME /root --setenv PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --setenv LANG C.UTF-8 --setenv NODE_EXTRA_CA_CERTS /etc/ssl/certs/ca-certificates.crt \
    --chdir /work/main bash -c "$1"
}
for step in 1 2; do
  command=$([ $step = 1 ] && echo 'npm run setup && npm run demo' || echo 'PASSK_DATA_DIR=../shared/datasets npm test')
  say "command $step: $command"
  started=$SECONDS
  status=0
  inside "$command" >"$root.cmd$step.log" 2>&1 || status=$?
  say "command $step: exit $status after $((SECONDS - started)) s; last lines:"
  tail -n 8 "$root.cmd$step.log" >&2
done
