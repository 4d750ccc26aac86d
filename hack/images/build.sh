#!/usr/bin/env bash
# Builds the project's container images locally, with no registry and no Docker engine: root
# filesystems from this machine's Debian packages and the checkout (rootfs.sh), packed as OCI
# archives by umoci (oci.sh) into .local/images/<name>.oci.tar. An image is rebuilt only when its
# inputs change (image.conf, the packages' installed versions, the copied files, these scripts).
# Layers are cached apart (.local/images/cache/<name>/): the Debian packages, then the npm
# dependencies, each rebuilt only when its own inputs change; a code change rebuilds only the top
# layer. hack/node/images.sh imports the archives into the node's containerd.
# Usage: hack/images/build.sh [name...]   (default: all images under hack/images/*/image.conf)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/images.sh"
source "$here/rootfs.sh"
source "$here/oci.sh"
out=${KVTS_IMAGES_DIR:-$root/.local/images}   # bench/node/images-cold.sh builds elsewhere
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

# packages_key: what the Debian packages layer is made of.
packages_key() {
  {
    echo "$BASE"
    cat "$here"/{rootfs.sh,oci.sh,deb-closure.mjs}
    # shellcheck disable=SC2046
    [ "$BASE" = scratch ] || dpkg-query -W -f='${Package}=${Version}\n' $(deb_closure $(base_packages "$BASE") "${PACKAGES[@]}")
  } | sha256sum | cut -c1-16
}

# npm_key PARENT_KEY: what the npm dependencies layer is made of, on top of its parent.
npm_key() { { echo "$1"; cat "$root/package-lock.json" "$root/node_modules/.package-lock.json"; } | sha256sum | cut -c1-16; }

# stage_files DIR BUILD WHICH: the FILES entries (WHICH: npm = the npm dependencies, rest = all
# others) at their destinations under DIR.
stage_files() {
  local dir=$1 build=$2 which=$3 entry src dest owner
  for entry in "${FILES[@]}"; do
    read -r src dest owner <<<"$entry"
    if [ "$src" = @npm-production ]; then [ "$which" = npm ] || continue; else [ "$which" = rest ] || continue; fi
    mkdir -p "$dir$(dirname "$dest")"
    case $src in
      @npm-production) npm_production_modules "$dir$dest" ;;
      @build/*) cp -a "$build/${src#@build/}" "$dir$dest" ;;
      *) cp -a "$root/$src" "$dir$dest" ;;
    esac
    [ -z "$owner" ] || chown -R "$owner" "$dir$dest"
  done
  [ "$which" = rest ] || return 0
  # A non-root image's working directory is its user's (Pepr writes the module there at start).
  if [ -n "$USER" ] && [ -n "$WORKDIR" ]; then mkdir -p "$dir$WORKDIR" && chown "$USER:$USER" "$dir$WORKDIR"; fi
}

# cached_stage LAYOUT PARENT_LAYOUT WHAT: LAYOUT (tag "stage") = PARENT_LAYOUT plus one layer,
# made once; WHAT is "packages" or "npm".
cached_stage() {
  local layout=$1 parent=$2 what=$3
  [ ! -f "$layout/index.json" ] || { echo "images: $name: cached $what layer"; return 0; }
  local tmp=$layout.tmp dir=$layout.dir
  rm -rf "$tmp" "$dir" && mkdir -p "$dir"
  if [ -z "$parent" ]; then oci_new "$tmp" stage; else oci_copy "$parent" "$tmp"; fi
  case $what in
    packages) [ "$BASE" = scratch ] || { debian_rootfs "$dir" $(base_packages "$BASE") "${PACKAGES[@]}"; oci_layer "$tmp" stage "$dir"; } ;;
    npm) stage_files "$dir" "" npm; oci_layer "$tmp" stage "$dir" ;;
  esac
  rm -rf "$dir" && mv "$tmp" "$layout"
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
  local work=$out/$name.work cache=$out/cache/$name rc
  rm -rf "$work" && mkdir -p "$work"/{build,files} "$cache"
  set +e
  (
    set -e
    local key layout parent="" keep=""
    key=p-$(packages_key)
    cached_stage "$cache/$key" "" packages
    parent=$cache/$key keep=$key
    if uses_npm_production; then
      key=n-$(npm_key "$key")
      cached_stage "$cache/$key" "$parent" npm
      parent=$cache/$key keep+=" $key"
    fi
    # Old layers of this image go; the ones just used stay.
    for layout in "$cache"/*; do [[ " $keep " == *" ${layout##*/} "* ]] || rm -rf "$layout"; done
    build_local "$work/build"
    oci_copy "$parent" "$work/oci"
    stage_files "$work/files" "$work/build" rest
    oci_layer "$work/oci" stage "$work/files"
    oci_retag "$work/oci" stage "$TAG"
    oci_configure "$work/oci" "$TAG"
    oci_archive "$work/oci" "$out/$name.oci.tar"
  ) >"$logs/image-$name.log" 2>&1   # a subshell of its own: set -e holds inside it
  rc=$?
  set -e
  if [ $rc -ne 0 ]; then
    echo "images: $name FAILED; last lines of $logs/image-$name.log:" >&2
    tail -n 15 "$logs/image-$name.log" >&2
    exit 1
  fi
  grep '^images: ' "$logs/image-$name.log" || true
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
