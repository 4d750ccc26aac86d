#!/usr/bin/env bash
# `npm run bench:admission`: AdmissionReviews for VM/VMI creates sent straight to the module's
# admission pod in the cluster (as users deploy it: `pepr build`, plain JSON logs at info) over HTTPS,
# from inside the cluster's network namespace, next to a no-op Pepr module started here with the same
# log settings for the same run. BENCH_WITH_DEV=1 adds the module under `pepr dev` (the webhooks'
# target on the local cluster; pretty-printed logs, so its baseline is not the no-op's). Needs the
# cluster from `npm start`. Bounded: about N x (BENCH_RATE_SECONDS + BENCH_MAX_SECONDS + 3) seconds
# for N targets.
set -euo pipefail
source "$(dirname "$0")/../../hack/cluster/env.sh"
cd "$root"
kc=(kubectl --kubeconfig "$KUBECONFIG_PATH")

"${kc[@]}" get --raw /readyz >/dev/null 2>&1 || die "cluster not running: run npm start first"
url=$("${kc[@]}" get validatingwebhookconfiguration pepr-kubevirt-ts -o jsonpath='{.webhooks[0].clientConfig.url}' 2>/dev/null) ||
  die "the module registers no validating webhook (pepr-kubevirt-ts): nothing to measure"
api_path=${url##*/}

# The module in the cluster: its admission pod, the API path and certificate its Deployment mounts.
pod_ip=$("${kc[@]}" get pods -n pepr-system -l pepr.dev/controller=admission \
  -o jsonpath='{range .items[?(@.status.podIP)]}{.status.podIP}{"\n"}{end}' | head -1)
[ -n "$pod_ip" ] || die "no admission pod of the module (pepr-system, pepr.dev/controller=admission) has an IP: kubectl get pods -n pepr-system"
pod_path=$("${kc[@]}" get secret -n pepr-system pepr-kubevirt-ts-api-path -o jsonpath='{.data.value}' | base64 -d)
pod_cert=$(mktemp)
"${kc[@]}" get secret -n pepr-system pepr-kubevirt-ts-tls -o jsonpath='{.data.tls\.crt}' | base64 -d >"$pod_cert"

# The no-op baseline: same Pepr runtime, port 3001, pepr dev's certificate, and the log settings of
# the module in the cluster (info level, plain JSON).
noop_port=3001
noop_path=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
noop_log=$logs/bench-noop.log
KUBECONFIG=$KUBECONFIG_PATH LOG_LEVEL=${LOG_LEVEL:-info} PEPR_PRETTY_LOGS=false PEPR_API_PATH=$noop_path BENCH_NOOP_PORT=$noop_port \
  SSL_KEY_PATH=$root/insecure-tls.key SSL_CERT_PATH=$root/insecure-tls.crt PEPR_NODE_WARNINGS=false \
  ip netns exec "$NETNS" setsid node --import tsx bench/admission/noop-module.ts >"$noop_log" 2>&1 </dev/null &
noop_pid=$!
cleanup() {
  rm -f "$pod_cert"
  kill -TERM -- "-$noop_pid" 2>/dev/null || true
  "${kc[@]}" delete peprstores.pepr.dev -n pepr-system pepr-kubevirt-ts-bench-noop-store \
    pepr-kubevirt-ts-bench-noop-schedule --ignore-not-found >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -skf --max-time 2 "https://$NODE_IP:$noop_port/healthz" >/dev/null 2>&1 && break
  kill -0 "$noop_pid" 2>/dev/null || die "no-op module exited; log: $noop_log"
  sleep 0.5
done
curl -skf --max-time 2 "https://$NODE_IP:$noop_port/healthz" >/dev/null || die "no-op module not ready; log: $noop_log"

dev_cert=$root/insecure-tls.crt
target() { printf '{"name":"%s","base":"https://%s:%s","apiPath":"%s","cert":"%s"}' "$@"; }
targets="[$(target "module in the cluster" "$pod_ip" 3000 "$pod_path" "$pod_cert"),$(target "no-op Pepr module" "$PEPR_HOST" "$noop_port" "$noop_path" "$dev_cert")"
[ "${BENCH_WITH_DEV:-0}" = 1 ] && targets+=",$(target "module under pepr dev" "$PEPR_HOST" "$PEPR_PORT" "$api_path" "$dev_cert")"
targets+="]"
"${kc[@]}" get pods -n pepr-system -l pepr.dev/controller=admission -o name | sed 's/^/bench: in the cluster: /'
# pepr dev restarts the module when a source file changes: say so if that happened mid-run.
module_pid() {
  for p in $(ip netns pids "$NETNS"); do
    if tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q "dist/pepr-kubevirt-ts.js"; then echo "$p"; fi
  done | head -1 || true
}
before=$(module_pid)
pod_restarts() { "${kc[@]}" get pods -n pepr-system -l pepr.dev/controller=admission -o jsonpath='{.items[*].status.containerStatuses[*].restartCount}'; }
restarts_before=$(pod_restarts)
echo "bench: $(nproc) cores; load generator and both modules share them; $(date -u +%FT%TZ); $(uptime | sed 's/.*load/load/')"
BENCH_TARGETS=$targets ip netns exec "$NETNS" node --import tsx bench/admission/load.ts
echo "bench: done; $(uptime | sed 's/.*load/load/')"
[ "$(pod_restarts)" = "$restarts_before" ] ||
  echo "bench: WARNING: the module's admission pod restarted during the run (restart counts $restarts_before -> $(pod_restarts))"
[ "${BENCH_WITH_DEV:-0}" != 1 ] || [ "$(module_pid)" = "$before" ] ||
  echo "bench: WARNING: pepr dev reloaded the module during the run (a source file changed); its figures include a restart"
