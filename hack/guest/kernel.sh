#!/usr/bin/env bash
# Builds the test guest's small kernel (hack/guest/kernel.config) from Debian's linux-source-6.1,
# once per machine: cached in ~/.cache/kubevirt-ts/guest-kernel/<hash of the config and the source
# package's version>/bzImage, so every checkout (and CI's fresh clones) reuses it. A cold build takes
# 10-30 min on 2 busy cores (28 min measured beside a Kubernetes build); it runs niced and reports
# progress on stderr. The last stdout line is the bzImage's path. `kernel.sh log-path` prints where
# this configuration's build log is (or would be).
# Env: KVTS_CACHE_DIR (instead of ~/.cache/kubevirt-ts), KVTS_KERNEL_JOBS (make -j, default 2).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fragment=$here/kernel.config
tarball=/usr/src/linux-source-6.1.tar.xz
cache=${KVTS_CACHE_DIR:-$HOME/.cache/kubevirt-ts}/guest-kernel
jobs=${KVTS_KERNEL_JOBS:-2}
say() { echo "guest-kernel: $*" >&2; }

version=$(dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null) || version=""
key=$( (cat "$fragment"; echo "linux-source-6.1=$version") | sha256sum | cut -c1-16)
out=$cache/$key
log=$cache/build-$key.log
if [ "${1:-}" = log-path ]; then echo "$log"; exit 0; fi
if [ -f "$out/bzImage" ]; then echo "$out/bzImage"; exit 0; fi

[ -n "$version" ] && [ -f "$tarball" ] || { say "linux-source-6.1 is not installed (bash hack/install-deps.sh)"; exit 1; }
mkdir -p "$cache"
exec 9>"$cache/.lock-$key"   # one build per configuration; other callers wait for its result
if ! flock -n 9; then
  say "another process is building this kernel; waiting for it"
  flock 9
fi
if [ -f "$out/bzImage" ]; then echo "$out/bzImage"; exit 0; fi
# A failed build is not retried on every call (each try costs minutes): a change of kernel.config or
# of the source package makes a new key; otherwise remove the marker.
failed=$cache/failed-$key
[ ! -f "$failed" ] || { say "an earlier build of this configuration failed: $(cat "$failed") (log: $log; rm $failed to retry)"; exit 1; }

work=$cache/build-$key
rm -rf "$work"
mkdir -p "$work"
: > "$log"
fail() { rm -rf "$work"; echo "$1" > "$failed"; say "$1 (log: $log)"; exit 1; }
# Fixed build identity: the same inputs give the same `uname -v` on every machine.
export ARCH=x86_64 KBUILD_BUILD_USER=kubevirt-ts KBUILD_BUILD_HOST=guest KBUILD_BUILD_TIMESTAMP="linux-source-6.1 $version"
kmake() { nice -n 10 make -C "$work" "$@" >> "$log" 2>&1; }

say "building the guest kernel from linux-source-6.1 $version (once per machine: ~1200 objects, 10-30 min on 2 busy cores; log: $log)"
nice -n 10 tar -xJf "$tarball" -C "$work" --strip-components=1 >> "$log" 2>&1 || fail "unpacking $tarball failed"
KCONFIG_ALLCONFIG=$fragment kmake allnoconfig || fail "make allnoconfig failed"
# Kconfig silently drops a symbol whose dependencies are off: insist on every one the fragment asks for.
missing=$(grep -E '^CONFIG_[A-Z0-9_]+=' "$fragment" | while read -r want; do grep -qxF "$want" "$work/.config" || echo "$want"; done)
[ -z "$missing" ] || fail "kernel.config asks for symbols Kconfig did not keep (missing dependencies?): $(echo $missing)"

# Progress: objects compiled so far, every 30 s, from a reporter that ends with this script. make
# runs in the foreground, so Ctrl-C stops it with everything else.
started=$SECONDS
(
  exec 9>&- >/dev/null   # holds neither the lock nor the caller's stdout
  tick=0
  while sleep 1 && kill -0 $$ 2>/dev/null; do
    tick=$((tick + 1)); [ $((tick % 30)) = 0 ] || continue
    say "$(grep -c '^  CC ' "$log" || true) objects compiled, $(( (SECONDS - started) / 60 ))m$(( (SECONDS - started) % 60 ))s"
  done
) &
reporter=$!
trap 'kill "$reporter" 2>/dev/null || true' EXIT
kmake -j"$jobs" bzImage || fail "make bzImage failed"

mkdir -p "$out"
cp "$work/.config" "$out/config"
cp "$work/arch/x86/boot/bzImage" "$out/bzImage.tmp"
mv "$out/bzImage.tmp" "$out/bzImage"
chmod -R a+rX "$out"
rm -rf "$work"
say "built in $(( (SECONDS - started) / 60 ))m$(( (SECONDS - started) % 60 ))s: $(du -h "$out/bzImage" | cut -f1) bzImage"
echo "$out/bzImage"
