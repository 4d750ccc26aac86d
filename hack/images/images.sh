# Shared definitions of the project's images; sourced by build.sh, containerfile.sh and the node's
# import step. Each image is hack/images/<name>/image.conf (see pause/image.conf for the fields).
IMAGE_REPO=localhost/kubevirt-ts
# No registry is ever reached: images keep the `localhost/` prefix podman gives local builds, and
# a version tag (never `latest`, whose default pull policy is Always).
IMAGE_VERSION=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$root/package.json")

all_images() { (cd "$root/hack/images" && for f in */image.conf; do echo "${f%/image.conf}"; done); }

load_image_conf() {
  BASE=scratch TAG=$IMAGE_VERSION PACKAGES=() FILES=() ENV=() ENTRYPOINT="" USER="" WORKDIR="" BUILD_STAGE=""
  build_local() { :; }
  build_inputs() { :; }
  source "$root/hack/images/$1/image.conf"
}

# bundle_inputs: what an image's esbuild bundles are made of (for build_inputs): the sources, the
# bundler and the locked dependencies.
bundle_inputs() {
  (cd "$root" && find src hack/bundle bin/lib tsconfig.json package-lock.json -type f | sort | xargs -r sha256sum)
}

image_ref() { load_image_conf "$1"; echo "$IMAGE_REPO/$1:$TAG"; }

uses_npm_production() { local e; for e in "${FILES[@]}"; do [[ $e != @npm-production* ]] || return 0; done; return 1; }
