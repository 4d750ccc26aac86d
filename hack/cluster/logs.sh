#!/usr/bin/env bash
# `npm run logs [component] [-- -f]`: shows component logs from .local/logs (all, last lines each,
# when no component is named). The platform's own components run as pods: `virt-controller` (the
# module's watcher), `virt-handler` and `coredns` are read with kubectl.
set -euo pipefail
source "$(dirname "$0")/env.sh"
case "${1:-}" in
  virt-controller) shift; exec kubectl --kubeconfig "$KUBECONFIG_PATH" logs -n pepr-system deploy/pepr-kubevirt-ts-watcher --tail "${LINES_SHOWN:-200}" "$@" ;;
  coredns) shift; exec kubectl --kubeconfig "$KUBECONFIG_PATH" logs -n kube-system deploy/coredns --tail "${LINES_SHOWN:-200}" "$@" ;;
  virt-handler) shift; exec kubectl --kubeconfig "$KUBECONFIG_PATH" logs -n kubevirt ds/virt-handler --tail "${LINES_SHOWN:-200}" "$@" ;;
esac
if [ $# -gt 0 ] && [ -f "$logs/$1.log" ]; then
  name=$1; shift
  exec tail -n "${LINES_SHOWN:-200}" "$@" "$logs/$name.log"
fi
for f in "$logs"/*.log; do
  [ -f "$f" ] || continue
  echo "==> $f <=="
  tail -n "${LINES_SHOWN:-15}" "$f"
done
