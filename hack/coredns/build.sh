#!/usr/bin/env bash
# Builds CoreDNS (the cluster's DNS) from its Go module through the wrapper module beside this
# script, into .local/bin/coredns: static (CGO off), so the FROM-scratch image needs nothing else.
# Rebuilt only when go.mod, go.sum, main.go or this script change (a stamp file records that);
# Go's build cache makes a rebuild after such a change a relink.
# Usage: hack/coredns/build.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$root/.local/bin
logs=$root/.local/logs
mkdir -p "$bin" "$logs"
export PATH=/usr/local/go/bin:$PATH GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false" CGO_ENABLED=0

exec 9>"$root/.local/build.lock"   # one Go build at a time (hack/k8s/build.sh takes the same lock)
flock 9

out=$bin/coredns stamp=$bin/.coredns.stamp log=$logs/build-coredns.log
want=$(cat "$here/go.mod" "$here/go.sum" "$here/main.go" "$here/build.sh" | sha256sum | cut -c1-16)
if [ -x "$out" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  echo "build: coredns up to date"
  exit 0
fi
version=$(cd "$here" && go list -m -f '{{.Version}}' github.com/coredns/coredns)
start=$SECONDS
echo "build: coredns $version ... log: $log"
: >"$log"
if (cd "$here" && go build -v -trimpath -ldflags "-s -w -X github.com/coredns/coredns/coremain.GitCommit=$version" \
    -o "$out.tmp" .) >>"$log" 2>&1; then
  mv "$out.tmp" "$out"
  echo "$want" >"$stamp"
  echo "build: coredns done in $((SECONDS - start))s"
else
  echo "build: coredns FAILED after $((SECONDS - start))s; last lines of $log:" >&2
  tail -n 15 "$log" >&2
  exit 1
fi
