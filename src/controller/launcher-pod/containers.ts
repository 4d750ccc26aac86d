import { parseQuantity, type VirtualMachineInstance } from "../../api";
import { COMPUTE_CONTAINER, CONSOLE_CONTAINER } from "../labels";
import { deviceResources } from "./device-resources";
import { containerClaims } from "./prerequisites";
import { memoryOverheadBytes, guestMemoryBytes, toMi } from "./memory-overhead";
import { CONTAINER_DISK_BINARY, POD_PATHS, QEMU_UID } from "./paths";
import type { VolumeMount } from "./volumes";
import { LAUNCHER_NODE_FLAGS } from "../../launcher/node-flags";

export interface Container {
  name: string;
  image: string;
  command: string[];
  [field: string]: unknown;
}

/** virt-launcher's entry point in the launcher image (hack/images/virt-launcher). */
export const LAUNCHER_ENTRY = "/opt/kubevirt-ts/bin/virt-launcher.mjs";

export interface ContainerOptions {
  launcherImage: string;
  useEmulation: boolean;
  volumeMounts: VolumeMount[];
  /** Extended resources beyond the VMI's own devices (a secondary network's device plugin). */
  extraResources?: Record<string, string>;
}

const emptyDirMount = (name: string, mountPath: string): VolumeMount => ({ name, mountPath });

/** The compute container: virt-launcher in pod mode, sized as the guest plus the launcher's overhead. */
export function computeContainer(vmi: VirtualMachineInstance, o: ContainerOptions): Container {
  const overhead = memoryOverheadBytes(vmi, o.useEmulation);
  const resources = vmi.spec.domain.resources;
  const requests: Record<string, string> = { memory: toMi(guestMemoryBytes(vmi) + overhead), cpu: String(resources?.requests?.cpu ?? "100m") };
  const limits: Record<string, string> = {};
  const memoryLimitBytes = parseQuantity(resources?.limits?.memory);
  if (memoryLimitBytes !== undefined) limits.memory = toMi(memoryLimitBytes + overhead);
  if (resources?.limits?.cpu !== undefined) limits.cpu = String(resources.limits.cpu);
  // Extended resources are requested as limits (the request follows); KubeVirt sets both.
  const devices = { ...deviceResources(vmi, o.useEmulation), ...o.extraResources };
  Object.assign(requests, devices);
  Object.assign(limits, devices);
  const claims = containerClaims(vmi);
  return {
    name: COMPUTE_CONTAINER,
    image: o.launcherImage,
    imagePullPolicy: "IfNotPresent",
    command: [
      "node", ...LAUNCHER_NODE_FLAGS, LAUNCHER_ENTRY, "run", "--isolation", "pod",
      "--workdir", POD_PATHS.workdir,
      "--socket", POD_PATHS.socket,
      "--console-log", POD_PATHS.consoleLog,
      "--virt-type", o.useEmulation ? "qemu" : "auto",
      "--pvc-dir", POD_PATHS.pvcDir,
      "--secret-dir", POD_PATHS.secretDir,
      "--configmap-dir", POD_PATHS.configMapDir,
    ],
    resources: { requests, ...(Object.keys(limits).length > 0 ? { limits } : {}), ...(claims.length > 0 ? { claims } : {}) },
    // SYS_PTRACE: the launcher (root) opens containerDisk files through /proc/<pid>/root of their
    // containers, which run as QEMU's user (see QEMU_UID). Nothing else beyond the runtime's defaults.
    securityContext: { capabilities: { add: ["SYS_PTRACE"] } },
    volumeMounts: [
      emptyDirMount("private", POD_PATHS.workdir),
      emptyDirMount("sockets", POD_PATHS.socketsDir),
      emptyDirMount("console", POD_PATHS.consoleDir),
      ...o.volumeMounts,
    ],
  };
}

/** Streams the serial console's log, so `kubectl logs <pod> -c guest-console-log` shows the guest. */
export function consoleContainer(o: ContainerOptions): Container {
  return {
    name: CONSOLE_CONTAINER,
    image: o.launcherImage,
    imagePullPolicy: "IfNotPresent",
    command: ["tail", "--follow=name", "--retry", "--lines=+1", POD_PATHS.consoleLog],
    resources: { requests: { cpu: "5m", memory: "8Mi" } },
    volumeMounts: [{ ...emptyDirMount("console", POD_PATHS.consoleDir), readOnly: true }],
  };
}

/** Copies the static binary containerDisk containers run into their shared emptyDir. */
export function containerDiskBinaryInit(o: ContainerOptions): Container {
  return {
    name: "container-disk-binary",
    image: o.launcherImage,
    imagePullPolicy: "IfNotPresent",
    command: ["cp", CONTAINER_DISK_BINARY, `${POD_PATHS.containerDiskBinaryDir}/container-disk`],
    resources: { requests: { cpu: "5m", memory: "8Mi" } },
    volumeMounts: [emptyDirMount("container-disk-binary", POD_PATHS.containerDiskBinaryDir)],
  };
}

/**
 * One container per containerDisk volume, running the user's image (FROM scratch: one disk file
 * under /disk/, no binaries) with the launcher's static `container-disk` binary, which just waits.
 * Its argument names the volume so the launcher finds the container's root in /proc.
 */
export function containerDiskContainers(vmi: VirtualMachineInstance): Container[] {
  return (vmi.spec.volumes ?? []).flatMap((v) =>
    v.containerDisk
      ? [{
          name: `volume${v.name}`,
          image: v.containerDisk.image,
          imagePullPolicy: v.containerDisk.imagePullPolicy ?? "IfNotPresent",
          command: [`${POD_PATHS.containerDiskBinaryDir}/container-disk`, v.name],
          resources: { requests: { cpu: "1m", memory: "1Mi" } },
          securityContext: { runAsUser: QEMU_UID, runAsGroup: QEMU_UID, runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
          volumeMounts: [{ ...emptyDirMount("container-disk-binary", POD_PATHS.containerDiskBinaryDir), readOnly: true }],
        }]
      : [],
  );
}
