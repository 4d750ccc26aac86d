#!/usr/bin/env bash
# What the node needs outside its processes, all undone by hack/node/stop.sh:
# - forwarding in the cluster's namespace (NodePort traffic from the host's veth to pods on the CNI
#   bridge) and a route for Service IPs there; the namespace's sysctls, devices and routes go away
#   with it, the machine's are never changed;
# - the cgroup subtree $CGROUP_ROOT in every cgroup v1 hierarchy, where the kubelet puts all pods.
set -euo pipefail
source "$(dirname "$0")/env.sh"
in_ns sysctl -qw net.ipv4.ip_forward=1
# Processes in the namespace itself (the API server calling a webhook Service, probes) need a route
# to Service IPs before kube-proxy's OUTPUT DNAT rewrites them. They are routed onto the pods'
# bridge (made here, before the CNI plugin, which reuses it): what no rule rewrote stays unanswered
# on that segment. Never the veth: that would hand them to the host. (This kernel has no dummy
# devices, which kube-proxy's IPVS mode would use.)
if ! in_ns ip link show "$CNI_BRIDGE" >/dev/null 2>&1; then
  in_ns ip link add "$CNI_BRIDGE" type bridge
fi
in_ns ip link set "$CNI_BRIDGE" up
in_ns ip route replace "$SERVICE_CIDR" dev "$CNI_BRIDGE"
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
