#!/usr/bin/env bash
# `npm start`: builds (if needed) and starts the local control plane in its own network namespace,
# applies the CRDs and runs the Pepr module with its webhooks live. Idempotent: what already runs
# is left alone. Returns when everything is ready; on failure names the component and its log.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$(dirname "$0")/components.sh"
mkdir -p "$logs" "$run" "$data"
exec 8>"$local_dir/start.lock"   # one start at a time (npm start and npm test's pretest)
flock 8
start=$SECONDS

bash "$root/hack/install-deps.sh" || die "installing dependencies failed (hack/install-deps.sh)"   # fast when nothing is missing
bash "$root/hack/k8s/build.sh" || die "build failed (logs: $logs/build-*.log)"
bash "$root/hack/cluster/netns.sh" create
# Processes in the namespace while none of this checkout's control plane runs belong to another
# checkout's cluster with the same KVTS_INSTANCE, or to a session that ended without `npm stop`.
others=$(ip netns pids "$NETNS" | tr '\n' ' ')
if [ -n "${others// /}" ] && ! pid_alive etcd && ! pid_alive kube-apiserver; then
  if [ "${CI:-}" = true ]; then   # CI owns the machine: anything there is stale
    log "CI: ending stale processes in $NETNS: $others"
    kill -KILL $others 2>/dev/null || true
  else
    die "namespace $NETNS is in use by another cluster (pids $others): run \`npm stop\` in its checkout, or start this one with KVTS_INSTANCE=N (1-255)"
  fi
fi
bash "$root/hack/cluster/pki.sh"
bash "$root/hack/cluster/kubeconfig.sh"

pid_alive etcd || start_etcd
pid_alive kube-apiserver || start_apiserver
pid_alive kube-controller-manager || start_controller_manager
pid_alive kube-scheduler || start_scheduler
apply_crds
[ "${KVTS_PEPR:-dev}" = deploy ] || pid_alive pepr || start_pepr   # deploy: hack/node runs it in-cluster
bash "$root/hack/node/start.sh"   # the node (hack/node): containerd, kubelet, kube-proxy, images
bash "$root/hack/cluster/fail-safe-admission.sh"   # the API server's own checks, then webhooks answering

rss_kb=$(ip netns pids "$NETNS" | xargs -r ps -o rss= -p | awk '{s+=$1} END {print s+0}')
log "ready in $((SECONDS - start))s; processes in $NETNS use $((rss_kb / 1024)) MiB RSS"
cat <<MSG

  export KUBECONFIG=$KUBECONFIG_PATH
  export PATH=$bin:\$PATH     # pinned kubectl, when the machine's one was missing or too old

  API server: $API_URL   logs: npm run logs [component]   stop: npm stop [-- --purge]
MSG
