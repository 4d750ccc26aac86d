#!/usr/bin/env bash
# Runs the cluster's DNS (coredns.yaml: CoreDNS in kube-system behind Service kube-dns on
# $CLUSTER_DNS_IP) on the local node and waits (bounded) until it answers: its Deployment rolled
# out and the Service's EndpointSlice naming a ready pod. hack/node/start.sh runs it once the node
# is Ready; the image (hack/images/coredns) is built and imported before that.
set -euo pipefail
source "$(dirname "$0")/../node/env.sh"
source "$root/hack/images/images.sh"
k() { kubectl --kubeconfig "$KUBECONFIG_PATH" "$@"; }

sed -e "s|@IMAGE@|$(image_ref coredns)|" -e "s|@CLUSTER_DNS_IP@|$CLUSTER_DNS_IP|" -e "s|@CLUSTER_DOMAIN@|$CLUSTER_DOMAIN|g" \
  "$root/hack/coredns/coredns.yaml" | k apply --server-side --force-conflicts -f - >>"$logs/coredns-deploy.log"
k rollout status -n kube-system deployment/coredns --timeout 300s >>"$logs/coredns-deploy.log" 2>&1 ||
  die "coredns: not ready in 300s; its pods: kubectl -n kube-system describe pods -l k8s-app=kube-dns; npm run logs coredns"
t=$SECONDS
until k get endpointslices -n kube-system -l kubernetes.io/service-name=kube-dns \
  -o jsonpath='{.items[*].endpoints[?(@.conditions.ready==true)].addresses[0]}' 2>/dev/null | grep . >/dev/null; do
  [ $((SECONDS - t)) -lt 60 ] || die "coredns: Service kube-system/kube-dns has no ready endpoint after 60s"
  sleep 1
done
log "coredns: cluster DNS on $CLUSTER_DNS_IP ($CLUSTER_DOMAIN)"
