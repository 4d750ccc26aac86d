#!/usr/bin/env bash
# `npm stop`: stops everything `npm start` started and deletes the network namespace (with its
# routes and iptables rules). Keeps .local (binaries, certificates, etcd data, logs) unless
# `--purge`, which also removes the etcd data, certificates and kubeconfig (binaries stay cached).
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$(dirname "$0")/../node/stop.sh" || log "node stop failed (see above); stopping the rest"   # the node first (hack/node)

# Ends the sessions started by start.sh, newest first, then anything else left in the namespace.
for name in pepr kube-scheduler kube-controller-manager kube-apiserver etcd; do
  f=$run/$name.pid
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  if pid_alive "$name"; then   # only our own process, in our namespace; never a reused pid
    log "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$f"
done
if ip netns list | grep -w "^$NETNS" >/dev/null; then
  left=$(ip netns pids "$NETNS" | tr '\n' ' ')
  # Only processes inside the project's own namespace, which start.sh created.
  [ -z "$left" ] || { log "ending leftover processes in $NETNS: $left"; kill -KILL $left 2>/dev/null || true; }
fi
bash "$(dirname "$0")/netns.sh" delete

if [ "${1:-}" = "--purge" ]; then
  log "purging etcd data, certificates, kubeconfig and logs"
  rm -rf "$data" "$pki" "$KUBECONFIG_PATH" "$logs" "$run"
fi
log "stopped"
