#!/usr/bin/env bash
# Starts the local cluster's node after the control plane (hack/cluster/start.sh calls it): the
# project's own containerd, the kubelet and kube-proxy, all inside the cluster's network namespace
# with the node IP on its veth end. Builds what is stale (kubelet/kube-proxy, images), imports the
# images, returns when the node is Ready. Idempotent: what already runs is left alone.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$root/hack/cluster/components.sh"
here=$root/hack/node
mkdir -p "$logs" "$run" "$node_dir" "$node_run"
start=$SECONDS

bash "$root/hack/k8s/build.sh" kubelet kube-proxy || die "node: build failed (logs: $logs/build-kubelet.log, build-kube-proxy.log)"
bash "$root/hack/coredns/build.sh" || die "node: CoreDNS build failed (log: $logs/build-coredns.log)"
bash "$root/hack/images/build.sh" || die "node: image build failed (logs: $logs/image-*.log)"
bash "$here/pki.sh"
bash "$here/containerd.toml.sh"
bash "$here/kubelet-config.sh"
bash "$here/host-setup.sh"

start_containerd() {
  launch_in_netns containerd containerd --config "$node_conf/containerd.toml"
  wait_ready containerd 30 ctr_k8s version
}
start_kubelet() {
  launch_in_netns kubelet "$bin/kubelet" --config "$node_conf/kubelet.yaml" \
    --kubeconfig "$pki/kubelet.kubeconfig" --hostname-override "$NODE_NAME" --node-ip "$NODE_IP" \
    --root-dir "$node_dir/kubelet" --v 1
  wait_ready kubelet 60 in_ns curl -sf --max-time 2 http://127.0.0.1:10248/healthz
}
start_kube_proxy() {
  launch_in_netns kube-proxy "$bin/kube-proxy" --config "$node_conf/kube-proxy.yaml" --v 1
  wait_ready kube-proxy 60 in_ns curl -sf --max-time 2 http://127.0.0.1:10256/healthz
}
wait_node_ready() {
  local t=$SECONDS
  until kubectl --kubeconfig "$KUBECONFIG_PATH" get node "$NODE_NAME" \
    -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null | grep -x True >/dev/null; do
    pid_alive kubelet || fail "kubelet exited before the node was Ready"
    [ $((SECONDS - t)) -lt 120 ] || fail "kubelet: node $NODE_NAME not Ready after 120s"
    sleep 1
  done
}

# running NAME FILE...: NAME runs, started with these configuration files as they are now; one
# started with other contents is stopped here (and started again by the caller).
running() {
  local name=$1 want; shift
  want=$(cat "$@" | sha256sum | cut -c1-16)
  if pid_alive "$name" && [ "$(cat "$run/$name.config" 2>/dev/null)" = "$want" ]; then return 0; fi
  stop_pid "$name"
  echo "$want" >"$run/$name.config"
  return 1
}

running containerd "$node_conf/containerd.toml" || start_containerd
bash "$here/images.sh"
running kubelet "$node_conf/kubelet.yaml" "$node_conf/resolv.conf" || start_kubelet
running kube-proxy "$node_conf/kube-proxy.yaml" || start_kube_proxy
wait_node_ready
log "node $NODE_NAME Ready in $((SECONDS - start))s"
bash "$here/kubevirt-config.sh"
bash "$root/hack/coredns/deploy.sh"   # the cluster DNS, before the platform's pods that use it

# The module runs in the cluster from the local controller image, as users run it (`pepr deploy`):
# its watcher is virt-controller. By default `pepr dev` keeps serving the webhooks (a fast edit
# loop for admission), so the in-cluster webhook configurations are left out; KVTS_PEPR=deploy
# registers the in-cluster ones instead (start from a stopped cluster: npm stop first).
if [ "${KVTS_PEPR:-dev}" = deploy ]; then bash "$here/pepr-deploy.sh"; else bash "$here/pepr-deploy.sh" --without-webhooks; fi
