import type { VirtualMachineInstance } from "../../api";

/**
 * What a launcher pod needs from the cluster besides the VMI: the NetworkAttachmentDefinitions its
 * Multus networks name and the DRA claims its GPUs and host devices draw from. virt-controller reads
 * them before making the pod, as KubeVirt's renderer does, so a missing one is said on the VMI
 * instead of leaving a pod that never starts. Pure: what to read, and what was read → the verdict.
 */

/** Set on a NetworkAttachmentDefinition backed by a device plugin (SR-IOV): the resource to request. */
export const NAD_RESOURCE_ANNOTATION = "k8s.v1.cni.cncf.io/resourceName";
/** Multus reads the pod's secondary networks from this annotation. */
export const MULTUS_NETWORKS_ANNOTATION = "k8s.v1.cni.cncf.io/networks";

export interface NetworkAttachmentRef {
  /** The VMI field that names it, for messages. */
  field: string;
  namespace: string;
  name: string;
  /** The network's name in the VMI, which is also the interface's. */
  network: string;
}

export interface ClaimRef {
  field: string;
  kind: "ResourceClaim" | "ResourceClaimTemplate";
  name: string;
}

/** What was found: the annotations of each NAD (undefined when absent), and whether each claim exists. */
export interface ReadPrerequisites {
  nads: Array<{ ref: NetworkAttachmentRef; annotations: Record<string, string> | undefined }>;
  claims: Array<{ ref: ClaimRef; exists: boolean }>;
}

export type PrerequisiteVerdict =
  | { ok: true; resources: Record<string, string>; annotations: Record<string, string> }
  | { ok: false; message: string };

/** The Multus networks of a VMI, `<name>` resolved in the VMI's own namespace. */
export function networkAttachmentRefs(vmi: VirtualMachineInstance): NetworkAttachmentRef[] {
  const namespace = (vmi.metadata as { namespace?: string }).namespace ?? "default";
  return (vmi.spec.networks ?? []).flatMap((n, i) => {
    const full = n.multus?.networkName;
    if (!full) return [];
    const [ns, name] = full.includes("/") ? full.split("/", 2) : [namespace, full];
    return [{ field: `spec.networks[${i}].multus.networkName`, namespace: ns!, name: name!, network: n.name }];
  });
}

/** The DRA claims of `spec.resourceClaims`, by the object each entry points at. */
export function claimRefs(vmi: VirtualMachineInstance): ClaimRef[] {
  return (vmi.spec.resourceClaims ?? []).flatMap((c, i): ClaimRef[] => {
    const entry = c as { resourceClaimName?: string; resourceClaimTemplateName?: string };
    if (entry.resourceClaimName) return [{ field: `spec.resourceClaims[${i}].resourceClaimName`, kind: "ResourceClaim", name: entry.resourceClaimName }];
    if (entry.resourceClaimTemplateName) return [{ field: `spec.resourceClaims[${i}].resourceClaimTemplateName`, kind: "ResourceClaimTemplate", name: entry.resourceClaimTemplateName }];
    return [];
  });
}

/**
 * The verdict on what was read. A missing NAD or claim fails with KubeVirt's message; a NAD with a
 * device resource is requested as that resource (the scheduler then says whether a node has it); a
 * NAD without one needs Multus CNI on the node, which this platform does not run.
 */
export function judgePrerequisites(read: ReadPrerequisites): PrerequisiteVerdict {
  const resources: Record<string, string> = {};
  for (const { ref, annotations } of read.nads) {
    if (annotations === undefined) return { ok: false, message: `failed to render launch manifest: failed to locate network attachment definition ${ref.namespace}/${ref.name}` };
    const resource = annotations[NAD_RESOURCE_ANNOTATION];
    if (!resource) {
      return { ok: false, message: `failed to render launch manifest: network attachment definition ${ref.namespace}/${ref.name} (${ref.field}) needs Multus CNI on the node, which this cluster does not run; only device-backed networks (annotation ${NAD_RESOURCE_ANNOTATION}) can be scheduled` };
    }
    resources[resource] = String(Number(resources[resource] ?? 0) + 1);
  }
  for (const { ref, exists } of read.claims) {
    if (!exists) return { ok: false, message: `failed to render launch manifest: ${ref.field}: ${ref.kind} ${JSON.stringify(ref.name)} not found; create it, or remove the claim from the VMI` };
  }
  const annotations: Record<string, string> = {};
  if (read.nads.length > 0) {
    annotations[MULTUS_NETWORKS_ANNOTATION] = JSON.stringify(read.nads.map(({ ref }) => ({ name: ref.name, namespace: ref.namespace, interface: ref.network })));
  }
  return { ok: true, resources, annotations };
}

/** The container's `resources.claims`: one per claimed GPU or host device, as KubeVirt's compute container. */
export function containerClaims(vmi: VirtualMachineInstance): Array<{ name: string; request?: string }> {
  const devices = vmi.spec.domain.devices ?? {};
  return [...(devices.gpus ?? []), ...(devices.hostDevices ?? [])].flatMap((d) =>
    d.claimName ? [{ name: d.claimName, ...(d.requestName ? { request: d.requestName } : {}) }] : [],
  );
}
