#!/usr/bin/env bash
# Runs the Pepr module in the cluster the way users run it: `pepr build` with the locally built
# controller image (hack/images/pepr-controller), then its manifest applied, waiting (bounded) for
# the module's Deployments. The same as `npx pepr deploy -i <image>`, with its build output kept
# out of dist/ (where the dev flow `pepr dev` writes) and a timeout instead of waiting forever.
# Usage: pepr-deploy.sh [--without-webhooks]   (the module's pods and Service only, leaving the
#        webhook configurations of a running `pepr dev` in place: what the tests use)
# `pepr-deploy.sh --delete` removes it again.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$root/hack/images/images.sh"
out=$local_dir/pepr-build
manifest=$out/pepr-module-kubevirt-ts.yaml
k() { kubectl --kubeconfig "$KUBECONFIG_PATH" "$@"; }

if [ "${1:-}" = "--delete" ]; then
  [ ! -f "$manifest" ] || k delete --ignore-not-found --wait=false -f "$manifest" >/dev/null
  exit 0
fi

image=$(image_ref pepr-controller)
inputs=$( (cat "$root/package.json" "$root/pepr.ts"; find "$root/capabilities" "$root/src" -type f | sort | xargs cat; echo "$image") | sha256sum | cut -c1-16)
if [ ! -f "$manifest" ] || [ "$(cat "$out/.stamp" 2>/dev/null)" != "$inputs" ]; then
  log "pepr: building the module for $image (log: $logs/pepr-build.log)"
  (cd "$root" && node_modules/.bin/pepr build -i "$image" -o "$out") >"$logs/pepr-build.log" 2>&1 ||
    die "pepr build failed; its log: $logs/pepr-build.log"
  echo "$inputs" >"$out/.stamp"
fi

# `--without-webhooks` keeps the webhook configurations of `pepr dev`; see pepr-manifest.mjs.
# Field manager `pepr`, the one `pepr dev` and `pepr deploy` apply with: under another manager, on
# a cluster that had run `pepr dev`, a webhook's clientConfig kept `pepr dev`'s `url` (still owned
# by `pepr`) beside this apply's `service`.
manifest_out=$(cd "$root" && node hack/node/pepr-manifest.mjs ${1:+"$1"} <"$manifest") || die "pepr: adapting the manifest failed (see above)"
k apply --server-side --force-conflicts --field-manager pepr -f - <<<"$manifest_out" >>"$logs/pepr-deploy.log"
for d in $(k get deployments -n pepr-system -o name); do
  k rollout status -n pepr-system "$d" --timeout 600s >>"$logs/pepr-deploy.log" 2>&1 ||
    die "pepr: $d not ready in 600s; its pods: kubectl -n pepr-system describe pods; log: $logs/pepr-deploy.log"
done
log "pepr: module running in-cluster from $image"
