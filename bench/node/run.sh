#!/usr/bin/env bash
# `npm run bench:node [-- --cold]`: restarts the local cluster's node and prints what it costs.
#   node start   hack/node/start.sh after hack/node/stop.sh, until the node is Ready (binaries and
#                image archives cached; with --cold the node's containerd starts from an empty
#                root, so every image is imported again)
#   first pod    a pod of the virt-handler image created → Ready
#   idle RSS     containerd + kubelet + kube-proxy, 30 s after the start, no pods
# Needs the control plane up (npm start). Stops the node's pods.
set -euo pipefail
source "$(dirname "$0")/../../hack/node/env.sh"
source "$root/hack/images/images.sh"
k() { kubectl --kubeconfig "$KUBECONFIG_PATH" "$@"; }
ms() { date +%s%3N; }

bash "$root/hack/node/stop.sh" >/dev/null
if [ "${1:-}" = "--cold" ]; then rm -rf "$node_dir/containerd" "$node_dir"/imported-*; fi
t=$(ms)
bash "$root/hack/node/start.sh" >/dev/null
start_ms=$(( $(ms) - t ))

ns=bench-node-$$
k create namespace "$ns" >/dev/null
t=$(ms)
k run -n "$ns" first --image "$(image_ref virt-handler)" --restart Never --command -- sleep 600 >/dev/null
k wait -n "$ns" pod/first --for condition=Ready --timeout 120s >/dev/null
pod_ms=$(( $(ms) - t ))
k delete namespace "$ns" --wait=true --timeout 120s >/dev/null

sleep 30
rss=0
for name in containerd kubelet kube-proxy; do rss=$(( rss + $(ps -o rss= -p "$(cat "$run/$name.pid")") )); done
printf 'node start (%s): %d.%03d s\n' "${1:---warm}" $((start_ms / 1000)) $((start_ms % 1000))
printf 'first pod Ready: %d.%03d s\n' $((pod_ms / 1000)) $((pod_ms % 1000))
printf 'idle RSS containerd+kubelet+kube-proxy: %d MiB\n' $((rss / 1024))
