import type { VirtualMachineInstance } from "../../api";
import { getObject, type KubeObject } from "../../kube/objects";
import { RESOURCES } from "../../kube/resources";
import { claimRefs, networkAttachmentRefs, type ReadPrerequisites } from "../launcher-pod/prerequisites";

/**
 * Reads what the VMI's pod would need from the cluster (see launcher-pod/prerequisites.ts). An
 * absent object, or an absent API (no Multus CRD, no DRA), reads as missing.
 */
export async function readPodPrerequisites(vmi: VirtualMachineInstance & KubeObject): Promise<ReadPrerequisites> {
  const namespace = vmi.metadata.namespace;
  const nads = await Promise.all(
    networkAttachmentRefs(vmi).map(async (ref) => {
      const nad = await getObject(RESOURCES.networkAttachmentDefinition, ref.namespace, ref.name);
      return { ref, annotations: nad ? (nad.metadata.annotations ?? {}) : undefined };
    }),
  );
  const claims = await Promise.all(
    claimRefs(vmi).map(async (ref) => ({
      ref,
      exists: (await getObject(ref.kind === "ResourceClaim" ? RESOURCES.resourceClaim : RESOURCES.resourceClaimTemplate, namespace, ref.name)) !== undefined,
    })),
  );
  return { nads, claims };
}
