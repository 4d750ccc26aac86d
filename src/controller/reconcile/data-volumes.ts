import type { VirtualMachine } from "../../api";
import { KubeError, request } from "../../kube/client";

const CDI_API = "/apis/cdi.kubevirt.io/v1beta1";

/** Whether CDI's API is served (its DataVolume kind is what dataVolumeTemplates create). */
async function cdiServed(): Promise<boolean> {
  try {
    await request("GET", CDI_API);
    return true;
  } catch (err) {
    if (err instanceof KubeError && err.notFound) return false;
    throw err;
  }
}

/**
 * A VM with dataVolumeTemplates on a cluster without CDI cannot start (its volumes would never
 * exist): the reason, for the VM's Failure condition, instead of a VMI that waits forever.
 */
export async function dataVolumesBlocked(vm: VirtualMachine): Promise<{ reason: "FailedCreateDataVolume"; message: string } | undefined> {
  const templates = vm.spec.dataVolumeTemplates ?? [];
  if (templates.length === 0 || (await cdiServed())) return undefined;
  const names = templates.map((t) => (t.metadata as { name?: string } | undefined)?.name ?? "?").join(", ");
  return {
    reason: "FailedCreateDataVolume",
    message: `cannot create DataVolume(s) ${names}: CDI (cdi.kubevirt.io/v1beta1) is not installed on this cluster; install CDI, or use persistentVolumeClaim or containerDisk volumes instead of dataVolumeTemplates`,
  };
}
