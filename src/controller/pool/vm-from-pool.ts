import type { VirtualMachine, Volume } from "../../api";
import type { VirtualMachinePool } from "../../api/pool/v1alpha1/pool";

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

/** The pool's VM number `index`: the template's metadata and spec, named `<pool>-<index>`, owned by the pool. */
export function vmFromPool(pool: VirtualMachinePool, index: number): VirtualMachine {
  const meta = pool.metadata as unknown as PoolMeta;
  const tmeta = (pool.spec.virtualMachineTemplate.metadata ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string> };
  const spec = structuredClone(pool.spec.virtualMachineTemplate.spec!);
  const tspec = spec.template?.spec;
  if (tspec) tspec.volumes = indexedVolumes(tspec.volumes, pool, index);
  return {
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachine",
    metadata: {
      name: `${meta.name}-${index}`,
      namespace: meta.namespace,
      ...(tmeta.labels ? { labels: tmeta.labels } : {}),
      ...(tmeta.annotations ? { annotations: tmeta.annotations } : {}),
      ownerReferences: [{ apiVersion: "pool.kubevirt.io/v1alpha1", kind: "VirtualMachinePool", name: meta.name, uid: meta.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec,
  };
}
