/**
 * What the launcher's own libvirtd is given besides its command line (pure; daemon.ts writes it).
 *
 * No virtlogd: with `stdio_handler = "file"` QEMU writes the serial log (and libvirt the domain's
 * QEMU log) itself, so no virtlogd process runs per VM (18 MiB). KubeVirt keeps virtlogd for two
 * guarantees that hold here without it: the log is kept (opened for appending, `append='on'`, and
 * never rotated, so nothing is dropped), and no line is lost when QEMU dies (QEMU writes each
 * line to the file itself; there is no pipe to a daemon whose buffer could be lost).
 */
export const QEMU_CONF = `# Written by virt-launcher (src/launcher/libvirt/daemon-config.ts)
stdio_handler = "file"
`;

/**
 * Only the QEMU driver: libvirtd loads every driver module it finds in its driver directory
 * (network, storage, nodedev, secret, nwfilter, interface), and the launcher needs none of the
 * others (taps are <interface type='ethernet'>, disks are files). LIBVIRT_DRIVER_DIR points the
 * daemon at a directory holding only a link to the QEMU driver.
 */
export const QEMU_DRIVER_MODULE = "libvirt_driver_qemu.so";

/** Where distributions install libvirt's driver modules (Debian multiarch first). */
export function driverDirCandidates(arch: string): string[] {
  const multiarch = { x64: "x86_64-linux-gnu", arm64: "aarch64-linux-gnu" }[arch];
  return [
    ...(multiarch ? [`/usr/lib/${multiarch}/libvirt/connection-driver`] : []),
    "/usr/lib64/libvirt/connection-driver",
    "/usr/lib/libvirt/connection-driver",
  ];
}
