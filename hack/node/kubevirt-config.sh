#!/usr/bin/env bash
# The platform's settings for the local cluster (ConfigMap kubevirt/kubevirt-config, read by
# virt-controller): this node's kubelet root dir (the node agent reaches launcher sockets through
# it) and emulation, since this machine has no usable KVM. Users edit the same ConfigMap on theirs.
set -euo pipefail
source "$(dirname "$0")/env.sh"
k() { kubectl --kubeconfig "$KUBECONFIG_PATH" "$@"; }
k create namespace kubevirt --dry-run=client -o yaml | k apply --server-side --field-manager kubevirt-ts-start -f - >/dev/null
k create configmap kubevirt-config -n kubevirt --dry-run=client -o yaml \
  --from-literal=kubeletRootDir="$node_dir/kubelet" \
  --from-literal=useEmulation=true |
  k apply --server-side --field-manager kubevirt-ts-start -f - >/dev/null
log "kubevirt-config: kubeletRootDir=$node_dir/kubelet useEmulation=true"
