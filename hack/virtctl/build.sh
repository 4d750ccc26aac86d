#!/usr/bin/env bash
# Builds upstream virtctl (the reference client of KubeVirt's subresource API) from the Go module
# proxy into .local/bin/virtctl. The kubevirt module zip holds no staging modules and a vendor tree
# meant for workspace mode, so neither builds as shipped: copy it, drop vendor/, and point the staging
# replaces at the published kubevirt.io/api and client-go of the same version. ~8 min cold, seconds warm.
# Usage: hack/virtctl/build.sh   (prints the binary's path last)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
version=${VIRTCTL_VERSION:-v1.6.0}
bin=$root/.local/bin
logs=$root/.local/logs
out=$bin/virtctl
mkdir -p "$bin" "$logs"
export PATH=/usr/local/go/bin:$PATH GOTOOLCHAIN=local GOWORK=off GOFLAGS="-mod=mod -buildvcs=false"

stamp=$bin/.virtctl.stamp
want=$(printf '%s\n' "$version" | cat - "$0" | sha256sum | cut -c1-16)
if [ -x "$out" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  echo "virtctl: $version up to date" >&2
  echo "$out"
  exit 0
fi

echo "virtctl: fetching kubevirt.io/kubevirt@$version from the Go module proxy" >&2
moddir=$(go mod download -json "kubevirt.io/kubevirt@$version" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
[ -d "$moddir" ] || { echo "virtctl: ERROR: go mod download gave no directory for kubevirt.io/kubevirt@$version" >&2; exit 1; }

src=$root/.local/virtctl-src
rm -rf "$src"
cp -r "$moddir" "$src"
chmod -R u+w "$src"
rm -rf "$src/vendor"
(cd "$src" &&
  go mod edit -replace "kubevirt.io/api=kubevirt.io/api@$version" \
              -replace "kubevirt.io/client-go=kubevirt.io/client-go@$version")

log=$logs/build-virtctl.log
start=$SECONDS
echo "virtctl: building (~8 min on a cold Go cache) ... log: $log" >&2
( while sleep 30 && kill -0 $$ 2>/dev/null; do
    echo "virtctl: still building, $((SECONDS - start))s, $(wc -l <"$log") packages compiled" >&2
  done ) &
ticker=$!
trap 'kill $ticker 2>/dev/null || true' EXIT
# Without the version ldflag every virtctl command warns that the version has no semver metadata.
if ! (cd "$src" && nice -n 10 go build -v -trimpath \
      -ldflags "-s -w -X kubevirt.io/client-go/version.gitVersion=$version" -o "$out.tmp" ./cmd/virtctl) >"$log" 2>&1; then
  echo "virtctl: ERROR: build failed after $((SECONDS - start))s; last lines of $log:" >&2
  tail -n 15 "$log" >&2
  exit 1
fi
mv "$out.tmp" "$out"
echo "$want" >"$stamp"
rm -rf "$src"
echo "virtctl: built in $((SECONDS - start))s" >&2
echo "$out"
