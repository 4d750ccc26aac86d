#!/usr/bin/env bash
# What the node needs outside its processes, all undone by hack/node/stop.sh:
# - forwarding in the cluster's namespace (NodePort traffic from the host's veth to pods on the CNI
#   bridge); the namespace's sysctls go away with it, the machine's are never changed;
# - the cgroup subtree $CGROUP_ROOT in every cgroup v1 hierarchy, where the kubelet puts all pods.
set -euo pipefail
source "$(dirname "$0")/env.sh"
in_ns sysctl -qw net.ipv4.ip_forward=1
for hierarchy in /sys/fs/cgroup/*/; do
  [ -d "$hierarchy" ] || continue
  mkdir -p "$hierarchy${CGROUP_ROOT#/}"
done
# A new cpuset cgroup starts with no CPUs or memory nodes: give it its parent's.
cpuset=/sys/fs/cgroup/cpuset
if [ -d "$cpuset${CGROUP_ROOT}" ]; then
  [ -n "$(cat "$cpuset$CGROUP_ROOT/cpuset.cpus")" ] || cat "$cpuset/cpuset.cpus" >"$cpuset$CGROUP_ROOT/cpuset.cpus"
  [ -n "$(cat "$cpuset$CGROUP_ROOT/cpuset.mems")" ] || cat "$cpuset/cpuset.mems" >"$cpuset$CGROUP_ROOT/cpuset.mems"
fi
