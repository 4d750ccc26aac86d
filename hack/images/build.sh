#!/usr/bin/env bash
# Builds the project's container images locally, with no registry and no Docker engine: root
# filesystems from this machine's Debian packages and the checkout (rootfs.sh), packed as OCI
# archives by umoci (oci.sh) into .local/images/<name>.oci.tar. An image is rebuilt only when its
# inputs change (image.conf, the packages' installed versions, the copied files, these scripts).
# hack/node/images.sh imports the archives into the node's containerd.
# Usage: hack/images/build.sh [name...]   (default: all images under hack/images/*/image.conf)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/images.sh"
source "$here/rootfs.sh"
source "$here/oci.sh"
out=$root/.local/images
logs=$root/.local/logs
mkdir -p "$out" "$logs"
exec 7>"$out/.build.lock"   # one build at a time
flock 7

# inputs_hash NAME: what the image is made of; a change means a rebuild.
inputs_hash() {
  local name=$1 entry src
  {
    cat "$here/$name/image.conf" "$here"/{build.sh,images.sh,rootfs.sh,oci.sh,deb-closure.mjs}
    # shellcheck disable=SC2046
    [ "$BASE" = scratch ] || dpkg-query -W -f='${Package}=${Version}\n' $(deb_closure $(base_packages "$BASE") "${PACKAGES[@]}")
    for entry in "${FILES[@]}"; do
      read -r src _ <<<"$entry"
      case $src in
        @npm-production) cat "$root/package-lock.json" "$root/node_modules/.package-lock.json" ;;
        @build/*) ;;
        *) (cd "$root" && find "$src" -type f | sort | xargs -r sha256sum) ;;
      esac
    done
    build_inputs
  } | sha256sum | cut -c1-16
}

# stage_files DIR: every FILES entry at its destination under DIR.
stage_files() {
  local dir=$1 build=$2 entry src dest owner
  for entry in "${FILES[@]}"; do
    read -r src dest owner <<<"$entry"
    mkdir -p "$dir$(dirname "$dest")"
    case $src in
      @npm-production) npm_production_modules "$dir$dest" ;;
      @build/*) cp -a "$build/${src#@build/}" "$dir$dest" ;;
      *) cp -a "$root/$src" "$dir$dest" ;;
    esac
    [ -z "$owner" ] || chown -R "$owner" "$dir$dest"
  done
  # A non-root image's working directory is its user's (Pepr writes the module there at start).
  if [ -n "$USER" ] && [ -n "$WORKDIR" ]; then mkdir -p "$dir$WORKDIR" && chown "$USER:$USER" "$dir$WORKDIR"; fi
}

build_image() {
  local name=$1 ref hash start=$SECONDS
  load_image_conf "$name"
  ref=$IMAGE_REPO/$name:$TAG
  hash=$(inputs_hash "$name")
  if [ -f "$out/$name.oci.tar" ] && [ "$(cat "$out/$name.stamp" 2>/dev/null)" = "$hash" ]; then
    echo "images: $ref up to date"
    return
  fi
  echo "images: building $ref ... log: $logs/image-$name.log"
  local work=$out/$name.work
  rm -rf "$work" && mkdir -p "$work"/{build,rootfs,files}
  {
    build_local "$work/build"
    oci_new "$work/oci" "$TAG"
    if [ "$BASE" != scratch ]; then
      debian_rootfs "$work/rootfs" $(base_packages "$BASE") "${PACKAGES[@]}"
      oci_layer "$work/oci" "$TAG" "$work/rootfs"
    fi
    stage_files "$work/files" "$work/build"
    oci_layer "$work/oci" "$TAG" "$work/files"
    oci_configure "$work/oci" "$TAG"
    oci_archive "$work/oci" "$out/$name.oci.tar"
  } >"$logs/image-$name.log" 2>&1 || {
    echo "images: $name FAILED; last lines of $logs/image-$name.log:" >&2
    tail -n 15 "$logs/image-$name.log" >&2
    exit 1
  }
  rm -rf "$work"
  echo "$ref" >"$out/$name.ref"
  echo "$hash" >"$out/$name.stamp"
  echo "images: $ref built in $((SECONDS - start))s ($(du -m "$out/$name.oci.tar" | cut -f1) MiB)"
}

names=("$@")
[ ${#names[@]} -gt 0 ] || names=($(all_images))
for name in "${names[@]}"; do
  [ -f "$here/$name/image.conf" ] || { echo "images: no image $name (hack/images/$name/image.conf)" >&2; exit 2; }
  build_image "$name"
done
