#!/usr/bin/env bash
# `npm run bench:images-cold`: builds every image from nothing (no layer cache) into a scratch
# directory and prints the time per image and in total; the project's cache is left alone.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d "$root/.local/images-cold.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
start=$SECONDS
KVTS_IMAGES_DIR=$scratch bash "$root/hack/images/build.sh"
echo "cold image build, all images: $((SECONDS - start)) s ($(du -sm "$scratch" | cut -f1) MiB incl. layer cache)"
