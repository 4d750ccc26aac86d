#!/usr/bin/env bash
# Creates the cluster's network namespace (idempotent): its own loopback, a veth pair whose host end
# is the host's one way in, a hosts file for names used inside, and NO default route, so nothing
# started in it can reach beyond this machine. `netns.sh delete` removes it and all in it.
set -euo pipefail
source "$(dirname "$0")/env.sh"

create() {
  if ! ip netns list | grep -w "^$NETNS" >/dev/null; then
    log "creating network namespace $NETNS ($NODE_IP/$VETH_CIDR, host end $HOST_IP)"
    ip netns add "$NETNS"
  fi
  in_ns ip link set lo up
  if ! ip link show "$VETH_HOST" >/dev/null 2>&1; then
    ip link add "$VETH_HOST" type veth peer name "$VETH_NS"
    ip link set "$VETH_NS" netns "$NETNS"
    ip addr add "$HOST_IP/$VETH_CIDR" dev "$VETH_HOST"
    in_ns ip addr add "$NODE_IP/$VETH_CIDR" dev "$VETH_NS"
  fi
  ip link set "$VETH_HOST" up
  in_ns ip link set "$VETH_NS" up
  # `ip netns exec` bind-mounts these over /etc/hosts and /etc/resolv.conf inside the namespace.
  mkdir -p "/etc/netns/$NETNS"
  printf '127.0.0.1 localhost\n%s %s\n' "$NODE_IP" "$PEPR_HOST" >"/etc/netns/$NETNS/hosts"
  : >"/etc/netns/$NETNS/resolv.conf"   # no DNS server: names resolve from the hosts file only
  if in_ns ip route | grep '^default' >/dev/null; then die "namespace $NETNS has a default route; refusing"; fi
}

delete() {
  if ip netns list | grep -w "^$NETNS" >/dev/null; then
    log "deleting network namespace $NETNS"
    ip netns delete "$NETNS"
  fi
  ip link delete "$VETH_HOST" 2>/dev/null || true   # normally gone with its peer
  rm -rf "/etc/netns/$NETNS"
}

case ${1:-create} in
  create) create ;;
  delete) delete ;;
  *) die "usage: netns.sh [create|delete]" ;;
esac
