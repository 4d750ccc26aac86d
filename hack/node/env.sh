# Settings of the local cluster's node; sourced by every script in hack/node. Builds on the
# cluster's settings (hack/cluster/env.sh): same namespace, PKI, logs, pid files and node IP.
source "$(dirname "${BASH_SOURCE[0]}")/../cluster/env.sh"
log() { echo "node: $*"; }
NODE_NAME=kubevirt-ts-node
POD_CIDR=10.203.0.0/16            # the cluster's pod range (kube-proxy's clusterCIDR)
NODE_POD_CIDR=10.203.0.0/24       # this node's pods (the CNI bridge's IPAM range)
POD_GATEWAY=10.203.0.1            # the CNI bridge's address, in the cluster's namespace
CNI_BRIDGE=kvts-cni0
node_dir=$local_dir/node          # kept across restarts: containerd's images, kubelet's root
node_conf=$node_dir/conf          # generated configuration files
# Runtime state: sockets, pod network namespaces' IPAM, containers' mounts; removed by npm stop.
node_run=/run/$NETNS
CONTAINERD_SOCK=$node_run/containerd/containerd.sock
CGROUP_ROOT=/$NETNS               # all pods' cgroups (cgroup v1, cgroupfs driver) live under this
CNI_BIN_DIR=/usr/lib/cni
# write_if_changed FILE: stdin into FILE, only if it differs (kube-proxy exits when its
# configuration file is written, even with the same content).
write_if_changed() { local tmp=$1.tmp; cat >"$tmp"; if cmp -s "$tmp" "$1"; then rm -f "$tmp"; else mv "$tmp" "$1"; fi; }
ctr_k8s() { ctr --address "$CONTAINERD_SOCK" --namespace k8s.io "$@"; }

# launch_in_netns NAME COMMAND...: like hack/cluster's launch, but enters only the cluster's network
# namespace (nsenter), not the private mount namespace `ip netns exec` makes: containerd, the
# kubelet and the containers must share the machine's mounts (cgroups, volumes, rootfs mounts).
launch_in_netns() {
  local name=$1; shift
  echo "=== $(date -u +%FT%TZ) starting: $*" >>"$logs/$name.log"
  nsenter --net="/run/netns/$NETNS" setsid "$@" >>"$logs/$name.log" 2>&1 </dev/null 8>&- &
  echo $! >"$run/$name.pid"
}

# stop_pid NAME: ends the process group start.sh launched as NAME (only our own process, inside the
# cluster's namespace: never a reused pid), TERM first, KILL after 10 s.
stop_pid() {
  local name=$1 f=$run/$1.pid pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if pid_alive "$name"; then
    log "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}
