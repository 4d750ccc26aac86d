#!/usr/bin/env bash
# Builds the pinned upstream control-plane binaries (etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler and, when the machine's kubectl is missing or too old, kubectl) from their Go
# modules into .local/bin. A binary is rebuilt only when its module's go.mod/go.sum or this script
# change (a stamp file records that), so a second `npm start` starts at once; Go's own build cache
# (~/.cache/go-build) makes a rebuild after such a change incremental.
# Usage: hack/k8s/build.sh [name...]   (default: the control plane; hack/node builds kubelet and kube-proxy)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$root/.local/bin
logs=$root/.local/logs
mkdir -p "$bin" "$logs"
export PATH=/usr/local/go/bin:$PATH GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false"

# One build at a time: `npm start` and `npm test` may both get here.
exec 9>"$root/.local/build.lock"
flock 9

k8s_version=$(cd "$here" && go list -m -f '{{.Version}}' k8s.io/kubernetes)
k8s_minor=$(echo "$k8s_version" | cut -d. -f2)
# The release's publication time, as the Go proxy recorded it: a fixed build date keeps links cached.
build_date=$(cd "$here" && go list -m -f '{{.Time}}' k8s.io/kubernetes | sed 's/ /T/; s/ .*/Z/')
k8s_ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  k8s_ldflags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$k8s_minor"
  # gitCommit: a module zip carries no commit id; empty beats the source's "$Format:%H$" placeholder.
  k8s_ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=$build_date -X $pkg.gitCommit="
done

# build NAME MODULE_DIR PACKAGE LDFLAGS
build() {
  local name=$1 dir=$2 pkg=$3 ldflags=$4
  local stamp="$bin/.$name.stamp" log="$logs/build-$name.log"
  local want
  want=$(cat "$dir/go.mod" "$dir/go.sum" "$here/build.sh" | sha256sum | cut -c1-16)
  if [ -x "$bin/$name" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    echo "build: $name up to date"
    return
  fi
  local start=$SECONDS
  echo "build: $name ($pkg) ... log: $log"
  : >"$log"
  # Progress: go build -v names each package as it compiles it.
  ( exec 9>&-   # the ticker must not hold the build lock
    while sleep 30 && kill -0 $$ 2>/dev/null; do
      echo "build: $name still building, $((SECONDS - start))s, $(wc -l <"$log") packages compiled"
    done ) &
  local ticker=$!
  if (cd "$dir" && go build -v -trimpath -ldflags "$ldflags" -o "$bin/$name.tmp" "$pkg") >>"$log" 2>&1; then
    kill "$ticker" 2>/dev/null || true
    mv "$bin/$name.tmp" "$bin/$name"
    echo "$want" >"$stamp"
    echo "build: $name done in $((SECONDS - start))s"
  else
    kill "$ticker" 2>/dev/null || true
    echo "build: $name FAILED after $((SECONDS - start))s; last lines of $log:" >&2
    tail -n 15 "$log" >&2
    exit 1
  fi
}

# kubectl: keep the machine's one when it is within the supported skew (one minor version).
kubectl_ok() {
  local v
  v=$(kubectl version --client -o json 2>/dev/null | sed -n 's/.*"minor": *"\([0-9]*\).*/\1/p' | head -1)
  [ -n "$v" ] && [ $((k8s_minor - v)) -le 1 ] && [ $((v - k8s_minor)) -le 1 ]
}

want=("$@")
[ ${#want[@]} -gt 0 ] || want=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl)
for name in "${want[@]}"; do
  case $name in
    etcd) build etcd "$here/etcd" . "-s -w" ;;
    kubectl) if [ -x "$bin/kubectl" ] || ! PATH=${PATH//$bin:/} kubectl_ok; then
        build kubectl "$here" k8s.io/kubernetes/cmd/kubectl "$k8s_ldflags"
      else echo "build: kubectl: using $(command -v kubectl)"; fi ;;
    kube-*|kubelet) build "$name" "$here" "k8s.io/kubernetes/cmd/$name" "$k8s_ldflags" ;;
    *) echo "build: unknown component $name" >&2; exit 2 ;;
  esac
done
