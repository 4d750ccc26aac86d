#!/usr/bin/env bash
# `npm run logs [component] [-- -f]`: shows component logs from .local/logs (all, last lines each,
# when no component is named).
set -euo pipefail
source "$(dirname "$0")/env.sh"
if [ $# -gt 0 ] && [ -f "$logs/$1.log" ]; then
  name=$1; shift
  exec tail -n "${LINES_SHOWN:-200}" "$@" "$logs/$name.log"
fi
for f in "$logs"/*.log; do
  [ -f "$f" ] || continue
  echo "==> $f <=="
  tail -n "${LINES_SHOWN:-15}" "$f"
done
