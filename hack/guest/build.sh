#!/usr/bin/env bash
# Builds the project's test guest: a small kernel (hack/guest/kernel.sh, built once per machine) + a
# busybox initramfs (hack/guest/rootfs) on a syslinux-bootable FAT disk, as qcow2, plus a
# containerDisk-style layout of it (disk under /disk/). It boots in the seed's 64M. When the kernel
# cannot be built it falls back, loudly, to Debian's generic kernel with its modules (needs ~96M).
# Cached under .local/guest/<hash of inputs>/. The last line printed is the bootable qcow2's path.
set -euo pipefail
cd "$(dirname "$0")/../.."
guest=hack/guest

# The kernel: our own build, or Debian's generic one (with the modules in modules.txt) as fallback.
kver=""
if kernel=$(bash "$guest/kernel.sh" | tail -n 1) && [ -f "$kernel" ]; then
  kernel_id="own $(sha256sum "$kernel" | cut -c1-16)"
else
  for dir in /lib/modules/*; do [ -f "/boot/vmlinuz-$(basename "$dir")" ] && kver=$(basename "$dir"); done
  [ -n "$kver" ] || { echo "guest-image: no kernel: the guest kernel build failed (log: $(bash "$guest/kernel.sh" log-path)) and /boot has no Debian kernel with modules" >&2; exit 1; }
  kernel=/boot/vmlinuz-$kver
  kernel_id="debian $kver"
  cat >&2 <<WARN
guest-image: WARNING: building the guest kernel failed (log: $(bash "$guest/kernel.sh" log-path)).
guest-image: WARNING: falling back to Debian's kernel $kver: this guest needs ~96M and will NOT boot in the seed's 64M.
WARN
fi
inputs=$( (find "$guest" -type f | sort | xargs sha256sum; echo "$kernel_id"; dpkg-query -W -f='${Version}' busybox-static) | sha256sum | cut -c1-16)
out=.local/guest/$inputs
disk=$out/disk.qcow2
if [ -f "$disk" ] && [ -f "$out/containerdisk/disk/disk.qcow2" ]; then echo "$PWD/$disk"; exit 0; fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/root
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,run,tmp,mnt,root,lib/modules}
cp /bin/busybox "$root/bin/busybox"
for applet in $(/bin/busybox --list-full); do
  [ -e "$root/$applet" ] || ln -s /bin/busybox "$root/$applet"
done
ln -s /bin/busybox "$root/init"
cp -r "$guest/rootfs/." "$root/"

# Debian's kernel only: modules and their dependencies, dependencies first, each once (modprobe
# resolves modules.dep). Our own kernel has every driver built in.
: > "$root/etc/modules.order"
[ -z "$kver" ] || for module in $(grep -v '^\s*#' "$guest/modules.txt" | awk 'NF {print $1}'); do
  modprobe -S "$kver" --show-depends "$module" | awk '$1 == "insmod" {print $2}' | while read -r path; do
    rel=${path#/lib/modules/$kver/}
    grep -qxF "$rel" "$root/etc/modules.order" && continue
    mkdir -p "$root/lib/modules/$(dirname "$rel")"
    cp "$path" "$root/lib/modules/$rel"
    echo "$rel" >> "$root/etc/modules.order"
  done
done

(cd "$root" && find . | cpio -o -H newc --quiet | gzip -9) > "$stage/initrd.img"
cp "$kernel" "$stage/vmlinuz"
cat > "$stage/syslinux.cfg" <<'CFG'
SERIAL 0 115200
DEFAULT linux
PROMPT 0
TIMEOUT 0
LABEL linux
  KERNEL vmlinuz
  INITRD initrd.img
  APPEND console=tty0 console=ttyS0,115200 quiet
CFG

# A FAT "superfloppy" with syslinux in its boot sector: SeaBIOS boots it as a hard disk.
mkfs.vfat -n GUEST -C "$stage/disk.raw" 32768 > /dev/null
syslinux --install "$stage/disk.raw"
mcopy -i "$stage/disk.raw" "$stage/vmlinuz" "$stage/initrd.img" "$stage/syslinux.cfg" ::
mkdir -p "$out/containerdisk/disk"
qemu-img convert -O qcow2 "$stage/disk.raw" "$out/disk.tmp"
cp "$out/disk.tmp" "$out/containerdisk/disk/disk.qcow2"
mv "$out/disk.tmp" "$disk"
chmod -R a+rX "$out"
echo "guest-image: kernel $kernel_id ($kernel), $(du -h "$disk" | cut -f1) qcow2" >&2
echo "$PWD/$disk"
