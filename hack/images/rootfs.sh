# Root filesystems for images without a registry or Docker; sourced by build.sh.
# A Debian-based image's packages come from this machine's dpkg database: the files of the named
# packages and of everything they depend on (deb-closure.mjs), the same set the Containerfile's
# `apt-get install --no-install-recommends` installs. hack/apt-packages.txt installs them here.

# Packages every Debian-based image has (the essentials of debian:bookworm-slim that matter here).
ROOTFS_BASE_PACKAGES=(base-files base-passwd bash coreutils dash libc-bin grep sed findutils)
# Packages a base brings (node:20-bookworm-slim's Node is this machine's nodejs package).
base_packages() {
  case $1 in
    node) echo "${ROOTFS_BASE_PACKAGES[*]} nodejs" ;;
    debian) echo "${ROOTFS_BASE_PACKAGES[*]}" ;;
  esac
}

# deb_closure PACKAGE...: the installed packages they need, one a line.
deb_closure() { node "$root/hack/images/deb-closure.mjs" "$@"; }

# debian_rootfs DIR PACKAGE...: DIR gets the packages' files (without docs, man pages, locales).
debian_rootfs() {
  local dir=$1; shift
  local closure
  closure=$(deb_closure "$@")
  mkdir -p "$dir"/usr/{bin,sbin,lib,lib64}
  # Debian 12 has merged /usr: the top-level directories are links into it.
  for d in bin sbin lib lib64; do ln -sfn "usr/$d" "$dir/$d"; done
  # shellcheck disable=SC2086
  dpkg-query -L $closure 2>/dev/null | grep '^/' | grep -vE \
    '^/usr/share/(man|info|locale|lintian|linda|bug)/|^/usr/share/doc/[^/]+/[^c]|^/usr/share/doc/[^/]+/c[^o]' |
    sort -u | tar -C / --no-recursion --ignore-failed-read -T - -cf - 2>/dev/null |
    tar -C "$dir" --keep-directory-symlink -xf -
  mkdir -p "$dir"/{etc,tmp,var/tmp,run,proc,sys,dev,root,home}
  chmod 1777 "$dir/tmp" "$dir/var/tmp"
  cp /usr/share/base-passwd/passwd.master "$dir/etc/passwd"
  cp /usr/share/base-passwd/group.master "$dir/etc/group"
  # KubeVirt's QEMU user (107) and distroless' nonroot user (65532), which Pepr's pods run as.
  printf 'qemu:x:107:107:QEMU:/var/lib/qemu:/usr/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/usr/sbin/nologin\n' >>"$dir/etc/passwd"
  printf 'qemu:x:107:\nkvm:x:108:qemu\nnonroot:x:65532:\n' >>"$dir/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$dir/etc/nsswitch.conf"
  ldconfig -r "$dir"
}

# npm_production_modules DIR: the project's production dependencies (no devDependencies) into
# DIR/node_modules, copied from this checkout's node_modules (npm ci made it; nothing is fetched).
# A nested package (node_modules/a/node_modules/b) comes with its parent's copy, never on its own.
npm_production_modules() {
  local dir=$1 pkg
  mkdir -p "$dir/node_modules"
  (cd "$root" && npm ls --omit=dev --all --parseable 2>/dev/null) | tail -n +2 |
    sed "s|^$root/||" | grep -v 'node_modules/.*/node_modules/' | while read -r pkg; do
      mkdir -p "$dir/$(dirname "$pkg")"
      cp -a "$root/$pkg" "$dir/$pkg"
    done
  [ ! -d "$root/node_modules/.bin" ] || cp -a "$root/node_modules/.bin" "$dir/node_modules/.bin"
}
