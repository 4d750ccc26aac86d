#!/usr/bin/env bash
# `npm run bench:admission`: AdmissionReviews for VM/VMI creates sent straight to the Pepr module's
# webhook endpoint over HTTPS, from inside the cluster's network namespace, next to a no-op Pepr
# module started here for the same run. Needs the cluster from `npm start`. Bounded: about
# 2 x (BENCH_RATE_SECONDS + BENCH_MAX_SECONDS + 3) seconds.
set -euo pipefail
source "$(dirname "$0")/../../hack/cluster/env.sh"
cd "$root"
kc=(kubectl --kubeconfig "$KUBECONFIG_PATH")

"${kc[@]}" get --raw /readyz >/dev/null 2>&1 || die "cluster not running: run npm start first"
url=$("${kc[@]}" get validatingwebhookconfiguration pepr-kubevirt-ts -o jsonpath='{.webhooks[0].clientConfig.url}' 2>/dev/null) ||
  die "the module registers no validating webhook (pepr-kubevirt-ts): nothing to measure"
api_path=${url##*/}

# The no-op baseline: same Pepr runtime, same certificate (pepr dev's, for $PEPR_HOST), port 3001,
# and the same log settings as the module under `pepr dev` (info level, pretty-printed).
noop_port=3001
noop_path=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
noop_log=$logs/bench-noop.log
KUBECONFIG=$KUBECONFIG_PATH LOG_LEVEL=${LOG_LEVEL:-info} PEPR_PRETTY_LOGS=true PEPR_API_PATH=$noop_path BENCH_NOOP_PORT=$noop_port \
  SSL_KEY_PATH=$root/insecure-tls.key SSL_CERT_PATH=$root/insecure-tls.crt PEPR_NODE_WARNINGS=false \
  ip netns exec "$NETNS" setsid node --import tsx bench/admission/noop-module.ts >"$noop_log" 2>&1 </dev/null &
noop_pid=$!
cleanup() {
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

targets=$(printf '[{"name":"kubevirt-ts module","base":"https://%s:%s","apiPath":"%s"},{"name":"no-op Pepr module","base":"https://%s:%s","apiPath":"%s"}]' \
  "$PEPR_HOST" "$PEPR_PORT" "$api_path" "$PEPR_HOST" "$noop_port" "$noop_path")
# pepr dev restarts the module when a source file changes: say so if that happened mid-run.
module_pid() {
  for p in $(ip netns pids "$NETNS"); do
    if tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q "dist/pepr-kubevirt-ts.js"; then echo "$p"; fi
  done | head -1 || true
}
before=$(module_pid)
echo "bench: $(nproc) cores; load generator and both modules share them; $(date -u +%FT%TZ); $(uptime | sed 's/.*load/load/')"
BENCH_TARGETS=$targets BENCH_CERT=$root/insecure-tls.crt ip netns exec "$NETNS" node --import tsx bench/admission/load.ts
echo "bench: done; $(uptime | sed 's/.*load/load/')"
[ "$(module_pid)" = "$before" ] ||
  echo "bench: WARNING: pepr dev reloaded the module during the run (a source file changed); its figures include a restart"
