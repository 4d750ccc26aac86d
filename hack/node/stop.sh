#!/usr/bin/env bash
# Stops the node (hack/cluster/stop.sh calls it first) and removes everything it made outside
# .local: pods' containers and their mounts, pods' network namespaces, the node's cgroups and its
# runtime directory. Rules and sysctls live in the cluster's namespace, which hack/cluster/stop.sh
# deletes afterwards. Safe to run twice, and after a crash.
set -euo pipefail
source "$(dirname "$0")/env.sh"

# The pods' network namespaces (cni-*): every one under containerd's state directory, where this
# node's containerd mounts them, whether it still knows them or not; and, from a node started before
# that, those in /run/netns that runc's state of a sandbox (which outlives a crashed containerd) or
# containerd names.
pod_netns() {
  local id
  find "$node_run/containerd" -maxdepth 3 -path '*/netns/cni-*' 2>/dev/null || true
  cat "$node_run"/runc/*/*/state.json 2>/dev/null | grep -o '"path":"/[^"]*netns/cni-[0-9a-f-]*"' | cut -d'"' -f4 || true
  pid_alive containerd || return 0
  ctr_k8s containers ls -q | while read -r id; do
    ctr_k8s containers info "$id" 2>/dev/null | sed -n 's/.*"path": "\(\/[^"]*netns\/cni-[0-9a-f-]*\)".*/\1/p'
  done
}

# Pods: the kubelet first, so nothing restarts them; then every container and sandbox through the
# node's containerd, which unmounts their root filesystems.
remove_pods() {
  pid_alive containerd || return 0
  local id
  for id in $(ctr_k8s tasks ls -q); do ctr_k8s tasks kill -s SIGKILL "$id" >/dev/null 2>&1 || true; done
  for id in $(ctr_k8s tasks ls -q); do ctr_k8s tasks delete -f "$id" >/dev/null 2>&1 || true; done
  for id in $(ctr_k8s containers ls -q); do ctr_k8s containers delete "$id" >/dev/null 2>&1 || true; done
}

# remove_netns PATH...: unmounts and deletes pod network namespaces (their veths go with them).
remove_netns() {
  local ns removed=0
  for ns in "$@"; do
    [ -e "$ns" ] || continue   # a stopped sandbox's, already removed by containerd
    umount "$ns" 2>/dev/null || true
    rm -f "$ns"
    removed=$((removed + 1))
  done
  [ $removed -eq 0 ] || log "removed $removed pod network namespaces"
}

# unmount_under DIR: every mount point below DIR, deepest first.
unmount_under() {
  local dir=$1 m
  awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
}

# remove_cgroups: the node's subtree in every hierarchy, leaves first (rmdir of an empty cgroup).
remove_cgroups() {
  local hierarchy
  for hierarchy in /sys/fs/cgroup/*/; do
    [ -d "$hierarchy${CGROUP_ROOT#/}" ] || continue
    find "$hierarchy${CGROUP_ROOT#/}" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
}

# kill_leftovers: processes still in the node's cgroups (e.g. containers whose containerd died):
# every process there is a pod's, by construction.
kill_leftovers() {
  local procs
  procs=$(find "/sys/fs/cgroup/pids${CGROUP_ROOT}" -name cgroup.procs -exec cat {} + 2>/dev/null | sort -u) || true
  [ -z "$procs" ] || { log "killing leftover pod processes: $(echo $procs)"; kill -KILL $procs 2>/dev/null || true; sleep 0.5; }
  # Shims outlive a killed containerd; ours name its socket.
  procs=$(pgrep -f "containerd-shim-runc-v2 .*-address $CONTAINERD_SOCK\$" || true)
  [ -z "$procs" ] || { log "killing leftover shims: $(echo $procs)"; kill -KILL $procs 2>/dev/null || true; }
}

stop_pid kube-proxy
stop_pid kubelet
netns=$(pod_netns | sort -u)
remove_pods
stop_pid containerd
kill_leftovers
# shellcheck disable=SC2086
remove_netns $netns
unmount_under "$node_run"
unmount_under "$node_dir"
rm -rf "$node_run"
remove_cgroups
