# OCI image layouts with umoci (no Docker engine, no registry); sourced by build.sh.

# oci_new LAYOUT TAG: an empty image.
oci_new() { rm -rf "$1"; umoci init --layout "$1"; umoci new --image "$1:$2"; }

# oci_copy FROM TO: a copy of a layout that shares FROM's blobs (hard links; blobs never change).
oci_copy() {
  rm -rf "$2" && mkdir -p "$2"
  cp -al "$1/blobs" "$2/blobs"
  cp "$1/index.json" "$1/oci-layout" "$2/"
}

# oci_retag LAYOUT FROM TO: the image tagged FROM is tagged TO instead.
oci_retag() { umoci tag --image "$1:$2" "$3" && umoci rm --image "$1:$2"; }

# oci_layer LAYOUT TAG DIR: one layer holding DIR's contents at the image's root.
oci_layer() { umoci insert --image "$1:$2" "$3" / >/dev/null; }

# oci_configure LAYOUT TAG: entrypoint, user, working directory and environment from image.conf.
oci_configure() {
  local args=(--image "$1:$2" --author kubevirt-ts)
  local entry
  if [ -n "$ENTRYPOINT" ]; then
    args+=(--clear=config.entrypoint)
    # ENTRYPOINT is a JSON array (the Containerfile's exec form); umoci takes one flag per word.
    while read -r entry; do args+=(--config.entrypoint "$entry"); done < <(node -e \
      'for (const w of JSON.parse(process.argv[1])) console.log(w)' "$ENTRYPOINT")
  fi
  [ -z "$USER" ] || args+=(--config.user "$USER")
  [ -z "$WORKDIR" ] || args+=(--config.workingdir "$WORKDIR")
  for entry in "${ENV[@]}"; do args+=(--config.env "$entry"); done
  umoci config "${args[@]}"
  umoci gc --layout "$1"
}

# oci_archive LAYOUT FILE: the layout as one tar, the form `ctr images import` reads.
oci_archive() { tar -C "$1" -cf "$2.tmp" . && mv "$2.tmp" "$2"; }
