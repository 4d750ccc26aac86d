#!/usr/bin/env bash
# `npm stop` twice, then nothing may be left (leftovers.sh): no containers, namespaces, rules or
# mounts. Runs as `npm test`'s posttest step in CI (CI=true), where the cluster is not needed
# afterwards; elsewhere only with `npm run check:stop` (it stops your cluster).
set -euo pipefail
source "$(dirname "$0")/env.sh"
if [ "${1:-}" = "--ci-only" ] && [ "${CI:-}" != "true" ]; then
  echo "check-stop: skipped outside CI (run \`npm run check:stop\`; it stops the cluster)"
  exit 0
fi
# The node must have had pods for the check to mean something; the tests leave their namespaces
# deleting, so some pods are usually still there.
t=$SECONDS
bash "$root/hack/cluster/stop.sh"
bash "$root/hack/cluster/stop.sh"
log "npm stop (twice) took $((SECONDS - t))s"
bash "$(dirname "$0")/leftovers.sh"
