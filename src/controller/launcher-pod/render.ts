import type { VirtualMachineInstance } from "../../api";
import { API_VERSION } from "../../api";
import type { ClusterConfig } from "../config";
import { ANNOTATIONS, COMPUTE_CONTAINER, LABELS, LAUNCHER } from "../labels";
import { computeContainer, consoleContainer, containerDiskBinaryInit, containerDiskContainers, type Container } from "./containers";
import type { PrerequisiteVerdict } from "./prerequisites";
import { serviceAccountOf, vmiVolumeMounts, type PodVolume } from "./volumes";

export interface LauncherPod {
  apiVersion: "v1";
  kind: "Pod";
  metadata: {
    generateName: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
    ownerReferences: Array<Record<string, unknown>>;
  };
  spec: {
    initContainers: Container[];
    containers: Container[];
    volumes: PodVolume[];
    [field: string]: unknown;
  };
}

const isDnsLabel = (s: string): boolean => s.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s);

/** What the cluster lent the pod (device resources of secondary networks, Multus annotation); none by default. */
export type PodExtras = Omit<Extract<PrerequisiteVerdict, { ok: true }>, "ok">;
const NO_EXTRAS: PodExtras = { resources: {}, annotations: {} };

/** Pod-level fields the VMI passes through unchanged, as KubeVirt's launcher pod. */
const PASSED_THROUGH = ["nodeSelector", "affinity", "tolerations", "schedulerName", "priorityClassName", "subdomain", "dnsPolicy", "dnsConfig", "topologySpreadConstraints", "resourceClaims"] as const;

/** Extra seconds the pod gets beyond the guest's grace period, for the launcher's own teardown. */
export const POD_GRACE_MARGIN_SECONDS = 15;

/**
 * The launcher pod of a VMI, as KubeVirt shapes it: named virt-launcher-<vmi>-<5 chars> by the API
 * server, labelled for Services and for the node agent, owned by the VMI. Pure: the VMI and the
 * cluster config in, the pod out.
 */
export function renderLauncherPod(vmi: VirtualMachineInstance, config: ClusterConfig, extras: PodExtras = NO_EXTRAS): LauncherPod {
  const meta = vmi.metadata as { name: string; namespace: string; uid: string; labels?: Record<string, string> };
  const spec = vmi.spec;
  const vmiVolumes = vmiVolumeMounts(spec.volumes ?? []);
  const options = { launcherImage: config.launcherImage, useEmulation: config.useEmulation, volumeMounts: vmiVolumes.mounts, extraResources: extras.resources };
  const diskContainers = containerDiskContainers(vmi);
  const optional: Record<string, unknown> = {};
  for (const field of PASSED_THROUGH) if (spec[field] !== undefined) optional[field] = spec[field];
  // A serviceAccount volume: the pod runs as that account (its token is projected into the compute
  // container only, volumes.ts); otherwise as the namespace's default, with no token at all.
  const serviceAccount = serviceAccountOf(spec.volumes ?? []);
  if (serviceAccount) optional.serviceAccountName = serviceAccount;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      // The API server appends 5 random characters; it trims the prefix to fit a name.
      generateName: `${LAUNCHER}-${meta.name}-`,
      namespace: meta.namespace,
      labels: { ...meta.labels, [LABELS.app]: LAUNCHER, [LABELS.createdBy]: meta.uid, [LABELS.vmName]: meta.name },
      annotations: { ...extras.annotations, [ANNOTATIONS.domain]: meta.name, [ANNOTATIONS.defaultContainer]: COMPUTE_CONTAINER },
      ownerReferences: [{ apiVersion: API_VERSION, kind: "VirtualMachineInstance", name: meta.name, uid: meta.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      restartPolicy: "Never",
      // containerDisk files are read through /proc/<pid>/root of their containers.
      shareProcessNamespace: true,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      ...(isDnsLabel(spec.hostname ?? meta.name) ? { hostname: spec.hostname ?? meta.name } : {}),
      terminationGracePeriodSeconds: (spec.terminationGracePeriodSeconds ?? 30) + POD_GRACE_MARGIN_SECONDS,
      ...optional,
      initContainers: diskContainers.length > 0 ? [containerDiskBinaryInit(options)] : [],
      containers: [computeContainer(vmi, options), consoleContainer(options), ...diskContainers],
      volumes: [
        { name: "private", emptyDir: {} },
        { name: "sockets", emptyDir: {} },
        { name: "console", emptyDir: {} },
        ...(diskContainers.length > 0 ? [{ name: "container-disk-binary", emptyDir: {} }] : []),
        ...vmiVolumes.volumes,
      ],
    },
  };
}
