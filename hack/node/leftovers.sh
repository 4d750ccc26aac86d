#!/usr/bin/env bash
# Lists what the cluster and its node left on this machine after `npm stop`, one line each, and
# exits 1 if anything is left: processes, network namespaces, mounts, cgroups, host iptables rules,
# the host's veth end, the runtime directory. Used by check-stop.sh (CI) and handy by hand.
set -uo pipefail
source "$(dirname "$0")/env.sh"
found=0
left() { echo "left behind: $*"; found=1; }

for p in $(pgrep -f "$node_conf|$bin/|$CONTAINERD_SOCK" 2>/dev/null); do
  [ "$p" != $$ ] && left "process $p: $(tr '\0' ' ' </proc/"$p"/cmdline 2>/dev/null | cut -c1-120)"
done
ip netns list | grep -w "^$NETNS" >/dev/null && left "network namespace $NETNS"
# Pod network namespaces: containerd names them cni-<uuid>. One with no process left in it is a
# stopped node's (a running cluster's pods, e.g. another KVTS_INSTANCE's, hold their pause process).
for ns in /run/netns/cni-*; do
  [ -e "$ns" ] && [ -z "$(ip netns pids "${ns##*/}" 2>/dev/null)" ] && left "pod network namespace $ns"
done
awk -v a="$node_dir/" -v b="$node_run/" -v c="$local_dir/" \
  'index($2, a) == 1 || index($2, b) == 1 || index($2, c) == 1 {print $2}' \
  /proc/self/mounts | while read -r m; do echo "left behind: mount $m"; done | grep . && found=1
for h in /sys/fs/cgroup/*/; do [ -d "$h${CGROUP_ROOT#/}" ] && left "cgroup $h${CGROUP_ROOT#/}"; done
iptables-save 2>/dev/null | grep -E 'KUBE-|CNI-|10\.20[123]\.' | sed 's/^/host iptables rule: /' | grep . && found=1
ip link show "$VETH_HOST" >/dev/null 2>&1 && left "host interface $VETH_HOST"
[ -e "$node_run" ] && left "runtime directory $node_run"
[ -e "/etc/netns/$NETNS" ] && left "/etc/netns/$NETNS"
[ $found -eq 0 ] && echo "nothing left behind"
exit $found
