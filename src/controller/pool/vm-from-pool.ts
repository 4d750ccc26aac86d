import type { VirtualMachine, Volume } from "../../api";
import type { VirtualMachinePool } from "../../api/pool/v1alpha1/pool";
import { POOL_REVISION_LABEL } from "./revisions";

interface PoolMeta {
  name: string;
  namespace: string;
  uid: string;
}

/** ConfigMap and Secret names with `-<index>` appended, when the pool's nameGeneration asks for it. */
function indexedVolumes(volumes: Volume[] | undefined, pool: VirtualMachinePool, index: number): Volume[] | undefined {
  const gen = pool.spec.nameGeneration;
  if (!volumes || (!gen?.appendIndexToConfigMapRefs && !gen?.appendIndexToSecretRefs)) return volumes;
  return volumes.map((v) => {
    const out = structuredClone(v);
    if (gen.appendIndexToConfigMapRefs && out.configMap?.name) out.configMap.name = `${out.configMap.name}-${index}`;
    if (gen.appendIndexToSecretRefs && out.secret?.secretName) out.secret.secretName = `${out.secret.secretName}-${index}`;
    return out;
  });
}

/** DataVolume templates named `<name>-<index>`, and the volumes that use them renamed along (KubeVirt's indexVMSpec). */
function indexDataVolumes(spec: VirtualMachine["spec"], index: number): void {
  const renamed = new Map<string, string>();
  for (const t of spec.dataVolumeTemplates ?? []) {
    const meta = (t.metadata ?? {}) as { name?: string };
    if (!meta.name) continue;
    renamed.set(meta.name, `${meta.name}-${index}`);
    t.metadata = { ...meta, name: `${meta.name}-${index}` };
  }
  for (const v of spec.template?.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim && renamed.has(v.persistentVolumeClaim.claimName)) v.persistentVolumeClaim.claimName = renamed.get(v.persistentVolumeClaim.claimName)!;
    if (v.dataVolume && renamed.has(v.dataVolume.name)) v.dataVolume.name = renamed.get(v.dataVolume.name)!;
  }
}

/**
 * The pool's VM number `index`: the template's metadata and spec, named `<pool>-<index>`, owned by
 * the pool; the VM and its VMI template labelled with the pool revision it comes from.
 */
export function vmFromPool(pool: VirtualMachinePool, index: number, revision?: string): VirtualMachine {
  const meta = pool.metadata as unknown as PoolMeta;
  const tmeta = (pool.spec.virtualMachineTemplate.metadata ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string> };
  const spec = structuredClone(pool.spec.virtualMachineTemplate.spec!);
  indexDataVolumes(spec, index);
  const tspec = spec.template?.spec;
  if (tspec) tspec.volumes = indexedVolumes(tspec.volumes, pool, index);
  const revisionLabel = revision ? { [POOL_REVISION_LABEL]: revision } : {};
  const labels = { ...tmeta.labels, ...revisionLabel };
  if (revision && spec.template) spec.template.metadata = { ...spec.template.metadata, labels: { ...(spec.template.metadata?.labels as Record<string, string> | undefined), ...revisionLabel } };
  return {
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachine",
    metadata: {
      name: `${meta.name}-${index}`,
      namespace: meta.namespace,
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      ...(tmeta.annotations ? { annotations: tmeta.annotations } : {}),
      ownerReferences: [{ apiVersion: "pool.kubevirt.io/v1alpha1", kind: "VirtualMachinePool", name: meta.name, uid: meta.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec,
  };
}
