#!/usr/bin/env bash
# Fetches the facts the conformance tests compare against: KubeVirt v1.6.0's OpenAPI document
# (api/openapi-spec/swagger.json, generated from the kubevirt.io/api v1.6.0 types) and its
# examples/ folder, from the module kubevirt.io/kubevirt@v1.6.0 served by the Go module proxy.
# Nothing else is downloaded. Output: .local/upstream/kubevirt-v1.6.0/{swagger.json,examples/}.
# Run by `npm test`'s pretest step; run it by hand before `npx ava test/conformance/...`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
version=v1.6.0
out=$root/.local/upstream/kubevirt-$version
export PATH=/usr/local/go/bin:$PATH
if [ -f "$out/swagger.json" ] && [ -d "$out/examples" ]; then
  echo "upstream: kubevirt.io/kubevirt@$version facts already in ${out#$root/}"
  exit 0
fi
echo "upstream: downloading kubevirt.io/kubevirt@$version through the Go module proxy (about 8 MB)..."
# A scratch module keeps `go mod download` away from any go.mod of the caller's directory.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dir=$(cd "$scratch" && GOFLAGS=-mod=mod go mod download -json "kubevirt.io/kubevirt@$version" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s);if(m.Error)throw new Error(m.Error);console.log(m.Dir)})')
mkdir -p "$out.tmp/examples"
cp "$dir/api/openapi-spec/swagger.json" "$out.tmp/swagger.json"
cp "$dir"/examples/*.yaml "$out.tmp/examples/"
chmod -R u+w "$out.tmp"
rm -rf "$out"
mv "$out.tmp" "$out"
echo "upstream: wrote ${out#$root/} ($(ls "$out/examples" | wc -l) examples)"
