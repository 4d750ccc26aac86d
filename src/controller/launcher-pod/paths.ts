/**
 * Where the launcher pod mounts what the launcher reads and writes. Shared by the pod's renderer, the
 * launcher (which reads these directories) and the node agent (which finds the command socket).
 */
export const POD_PATHS = {
  /** emptyDir `sockets`: the launcher's command socket. */
  socketsDir: "/var/run/kubevirt/sockets",
  socket: "/var/run/kubevirt/sockets/launcher.sock",
  /** emptyDir `private`: the launcher's workdir (libvirtd, overlays, cloud-init ISOs). */
  workdir: "/var/run/kubevirt-private",
  /** emptyDir `console`: the serial console's log, tailed by the guest-console-log container. */
  consoleDir: "/var/run/kubevirt/console",
  consoleLog: "/var/run/kubevirt/console/console.log",
  /** emptyDir `container-disk-binary`: the static binary every containerDisk container runs. */
  containerDiskBinaryDir: "/var/run/kubevirt/container-disk-binary",
  pvcDir: "/var/run/kubevirt/pvcs",
  secretDir: "/var/run/kubevirt/secrets",
  configMapDir: "/var/run/kubevirt/configmaps",
} as const;

/** The emptyDir volume holding the command socket, by name: the node agent looks it up under the kubelet's pods dir. */
export const SOCKETS_VOLUME = "sockets";

/** The command socket of a launcher pod as the node sees it. */
export function nodeSocketPath(kubeletRootDir: string, podUid: string): string {
  return `${kubeletRootDir}/pods/${podUid}/volumes/kubernetes.io~empty-dir/${SOCKETS_VOLUME}/launcher.sock`;
}

/** The binary in the launcher image that containerDisk containers run (an image FROM scratch has none). */
export const CONTAINER_DISK_BINARY = "/usr/local/bin/container-disk";
/** The user QEMU runs as in the launcher; containerDisk containers run as it so QEMU may open their files. */
export { QEMU_UID } from "../../launcher/host/qemu-user";
