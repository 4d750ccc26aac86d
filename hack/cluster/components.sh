# How each component of the local cluster is started and probed; sourced by start.sh.
# Every component runs inside the cluster's network namespace, in its own session (setsid) so
# stop.sh can end it and its children; its output goes to .local/logs/<name>.log.

# launch NAME COMMAND...
launch() {
  local name=$1; shift
  log "starting $name ... log: $logs/$name.log"
  # Logs append across restarts; past 50 MB the old one moves to <name>.log.1 (Pepr logs every request).
  if [ "$(stat -c %s "$logs/$name.log" 2>/dev/null || echo 0)" -gt 52428800 ]; then
    mv "$logs/$name.log" "$logs/$name.log.1"
  fi
  echo "=== $(date -u +%FT%TZ) starting: $*" >>"$logs/$name.log"
  # fd 8 is start.sh's lock: a daemon must not keep holding it.
  ip netns exec "$NETNS" setsid "$@" >>"$logs/$name.log" 2>&1 </dev/null 8>&- &
  echo $! >"$run/$name.pid"
}

# wait_ready NAME TIMEOUT_S PROBE...: polls PROBE until it succeeds; names the log on failure.
wait_ready() {
  local name=$1 timeout=$2; shift 2
  local start=$SECONDS next=15
  until "$@" >/dev/null 2>&1; do
    if [ $((SECONDS - start)) -ge $next ]; then log "waiting for $name ($next s)"; next=$((next + 15)); fi
    if ! pid_alive "$name"; then
      fail "$name exited during start-up"
    fi
    if [ $((SECONDS - start)) -ge "$timeout" ]; then
      fail "$name not ready after ${timeout}s"
    fi
    sleep 0.5
  done
  log "$name ready ($((SECONDS - start))s)"
}

fail() {
  echo "cluster: ERROR: $1; its log: $logs/${1%% *}.log (last lines below)" >&2
  tail -n 20 "$logs/${1%% *}.log" >&2 || true
  exit 1
}

ca_curl() { curl -sf --max-time 2 --cacert "$pki/ca.crt" "$@"; }

start_etcd() {
  launch etcd "$bin/etcd" --name kubevirt-ts --data-dir "$data/etcd" \
    --listen-client-urls https://127.0.0.1:2379 --advertise-client-urls https://127.0.0.1:2379 \
    --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
    --initial-cluster kubevirt-ts=http://127.0.0.1:2380 --listen-metrics-urls http://127.0.0.1:2381 \
    --client-cert-auth --trusted-ca-file "$pki/ca.crt" \
    --cert-file "$pki/etcd-server.crt" --key-file "$pki/etcd-server.key"
  wait_ready etcd 60 in_ns curl -sf --max-time 2 http://127.0.0.1:2381/health
}

start_apiserver() {
  launch kube-apiserver "$bin/kube-apiserver" \
    --advertise-address "$NODE_IP" --bind-address "$NODE_IP" --secure-port "$API_PORT" \
    --etcd-servers https://127.0.0.1:2379 --etcd-cafile "$pki/ca.crt" \
    --etcd-certfile "$pki/apiserver-etcd-client.crt" --etcd-keyfile "$pki/apiserver-etcd-client.key" \
    --client-ca-file "$pki/ca.crt" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --kubelet-client-certificate "$pki/apiserver-kubelet-client.crt" \
    --kubelet-client-key "$pki/apiserver-kubelet-client.key" \
    --kubelet-preferred-address-types InternalIP \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-cluster-ip-range "$SERVICE_CIDR" \
    --authorization-mode Node,RBAC --enable-admission-plugins NodeRestriction \
    --requestheader-client-ca-file "$pki/front-proxy-ca.crt" --requestheader-allowed-names front-proxy-client \
    --requestheader-username-headers X-Remote-User --requestheader-group-headers X-Remote-Group \
    --requestheader-extra-headers-prefix X-Remote-Extra- \
    --proxy-client-cert-file "$pki/front-proxy-client.crt" --proxy-client-key-file "$pki/front-proxy-client.key" \
    --allow-privileged=true --profiling=false
  wait_ready kube-apiserver 120 ca_curl --cert "$pki/admin.crt" --key "$pki/admin.key" "$API_URL/readyz"
}

# start_controller NAME BINARY PORT EXTRA_FLAGS...
start_controller() {
  local name=$1 binary=$2 port=$3; shift 3
  local kc=$pki/${name#kube-}.kubeconfig
  launch "$name" "$bin/$binary" --kubeconfig "$kc" \
    --authentication-kubeconfig "$kc" --authorization-kubeconfig "$kc" \
    --bind-address 127.0.0.1 --secure-port "$port" --cert-dir "$run/$name" --leader-elect=false "$@"
  wait_ready "$name" 60 in_ns curl -skf --max-time 2 "https://127.0.0.1:$port/healthz"
}

start_controller_manager() {
  start_controller kube-controller-manager kube-controller-manager 10257 \
    --service-account-private-key-file "$pki/sa.key" --root-ca-file "$pki/ca.crt" \
    --cluster-signing-cert-file "$pki/ca.crt" --cluster-signing-key-file "$pki/ca.key" \
    --use-service-account-credentials --service-cluster-ip-range "$SERVICE_CIDR" \
    --controllers '*,bootstrapsigner,tokencleaner'
}

start_scheduler() {
  start_controller kube-scheduler kube-scheduler 10259
}

# CRDs: whatever `npm run crds` generated into crds/; waits until the API server serves them.
apply_crds() {
  shopt -s nullglob
  local files=("$root"/crds/*.yaml "$root"/crds/*.yml)
  if [ ${#files[@]} -eq 0 ]; then log "crds/ is empty: no CRDs to apply"; return; fi
  kubectl --kubeconfig "$KUBECONFIG_PATH" apply --server-side --force-conflicts \
    $(printf -- '-f %s ' "${files[@]}") >>"$logs/crds.log" 2>&1 || fail "crds apply failed"
  kubectl --kubeconfig "$KUBECONFIG_PATH" wait --for condition=established --timeout 60s \
    $(printf -- '-f %s ' "${files[@]}") >>"$logs/crds.log" 2>&1 || fail "crds not established"
  log "crds applied (${#files[@]} files)"
}

# The Pepr module (pepr.ts) in Pepr's own dev flow: it builds the module, applies its webhook
# configurations pointing at https://$PEPR_HOST:$PEPR_PORT and runs admission + watch in one
# process. Inside the namespace, so the API server reaches it and it reaches the API server.
start_pepr() {
  (cd "$root" && export KUBECONFIG=$KUBECONFIG_PATH PEPR_NODE_WARNINGS=false LOG_LEVEL=${LOG_LEVEL:-info} &&
    launch pepr "$root/node_modules/.bin/pepr" dev --host "$PEPR_HOST" --yes)
  wait_ready pepr 180 ca_curl -k "https://$NODE_IP:$PEPR_PORT/healthz"
}
