#!/usr/bin/env bash
# Imports the locally built images (hack/images/build.sh → .local/images/*.oci.tar) into the node's
# containerd, in the k8s.io namespace the CRI uses, plus the aliases in hack/images/aliases.txt.
# An image whose archive has not changed since its last import is skipped.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$root/hack/images/images.sh"
images=$local_dir/images

for name in $(all_images); do
  ref=$(image_ref "$name")
  stamp=$(cat "$images/$name.stamp")
  if [ "$(cat "$node_dir/imported-$name" 2>/dev/null)" = "$stamp" ] && ctr_k8s images ls -q "name==$ref" | grep . >/dev/null; then
    continue
  fi
  t=$SECONDS
  log "importing $ref into the node's containerd ..."
  ctr_k8s images import --base-name "${ref%:*}" "$images/$name.oci.tar" >>"$logs/images-import.log" 2>&1 ||
    die "node: importing $ref failed (log: $logs/images-import.log)"
  echo "$stamp" >"$node_dir/imported-$name"
  log "imported $ref ($((SECONDS - t))s)"
  # The node agent and the cluster DNS run from these tags: a rebuilt image reaches them only through new pods.
  case $name in
    virt-handler) workload="-n kubevirt daemonset/virt-handler" ;;
    coredns) workload="-n kube-system deployment/coredns" ;;
    *) workload="" ;;
  esac
  # shellcheck disable=SC2086
  if [ -n "$workload" ] && kubectl --kubeconfig "$KUBECONFIG_PATH" get $workload >/dev/null 2>&1; then
    kubectl --kubeconfig "$KUBECONFIG_PATH" rollout restart $workload >/dev/null && log "$name restarted on the new image"
  fi
done

# Aliases: "SOURCE-IMAGE ALIAS" lines, e.g. the seed article's containerDisk name.
grep -v '^\s*#' "$root/hack/images/aliases.txt" | while read -r name alias; do
  [ -n "$name" ] || continue
  ctr_k8s images tag --force "$(image_ref "$name")" "$alias" >/dev/null
done
