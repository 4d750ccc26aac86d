#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine: apt packages listed in
# hack/apt-packages.txt and the npm dependencies. Idempotent: installed packages are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

wanted=$(grep -v '^\s*#' hack/apt-packages.txt | awk 'NF {print $1}')
missing=()
for pkg in $wanted; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep "install ok installed" >/dev/null || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: npm ci"
  npm ci --no-audit --no-fund
fi
