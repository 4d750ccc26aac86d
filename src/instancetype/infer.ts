import type { MatcherKind } from "./matcher";

/**
 * `spec.instancetype.inferFromVolume` / `spec.preference.inferFromVolume`: the matcher is read from
 * the `instancetype.kubevirt.io/default-*` labels of the volume's source, following KubeVirt v1.6's
 * chain (pkg/instancetype/infer) rule by rule, with its messages:
 *   Volume → PVC
 *   Volume → DataVolume (template in the VM, else the object, else the PVC it left) → its labels,
 *            else its source PVC or its DataSource (labels, else the DataSource's PVC)
 * Reads go through an injected reader, so the chain is tested without a cluster.
 */

export const DEFAULT_LABELS: Record<MatcherKind, { name: string; kind: string }> = {
  instancetype: { name: "instancetype.kubevirt.io/default-instancetype", kind: "instancetype.kubevirt.io/default-instancetype-kind" },
  preference: { name: "instancetype.kubevirt.io/default-preference", kind: "instancetype.kubevirt.io/default-preference-kind" },
};

/** A CDI DataVolume's spec, as far as inference looks into it. */
export interface DataVolumeSpec {
  source?: { pvc?: { name: string; namespace?: string } } & Record<string, unknown>;
  sourceRef?: { kind?: string; name: string; namespace?: string };
}

interface Labelled {
  labels: Record<string, string>;
}

/** What the chain reads; each returns undefined when the object does not exist. */
export interface InferenceReader {
  pvc(namespace: string, name: string): Promise<Labelled | undefined>;
  dataVolume(namespace: string, name: string): Promise<(Labelled & { spec: DataVolumeSpec }) | undefined>;
  dataSource(namespace: string, name: string): Promise<(Labelled & { spec: { source?: { pvc?: { name: string; namespace?: string } } } }) | undefined>;
}

export interface InferVm {
  metadata?: { namespace?: string };
  spec?: {
    dataVolumeTemplates?: Array<{ metadata?: { name?: string }; spec?: DataVolumeSpec }>;
    template?: { spec?: { volumes?: Array<{ name: string; persistentVolumeClaim?: { claimName: string }; dataVolume?: { name: string } }> } };
  };
}

export type Inferred = { ok: true; name: string; kind?: string } | { ok: false; message: string; ignorable: boolean };

const ignorable = (message: string): Inferred => ({ ok: false, message, ignorable: true });
const failed = (message: string): Inferred => ({ ok: false, message, ignorable: false });

class Chain {
  constructor(
    private readonly read: InferenceReader,
    private readonly labels: { name: string; kind: string },
    private readonly namespace: string,
  ) {}

  fromLabels(labels: Record<string, string>): Inferred {
    const name = labels[this.labels.name];
    if (name === undefined) return ignorable(`unable to find required ${this.labels.name} label on the volume`);
    return { ok: true, name, ...(labels[this.labels.kind] ? { kind: labels[this.labels.kind] } : {}) };
  }

  async fromPvc(name: string, namespace: string | undefined): Promise<Inferred> {
    // KubeVirt passes the source's namespace as written: empty means the VM's.
    const ns = namespace || this.namespace;
    const pvc = await this.read.pvc(ns, name);
    return pvc ? this.fromLabels(pvc.labels) : failed(`persistentvolumeclaims "${name}" not found`);
  }

  async fromDataVolume(vm: InferVm, name: string): Promise<Inferred> {
    const template = (vm.spec?.dataVolumeTemplates ?? []).find((t) => t.metadata?.name === name);
    if (template) return this.fromDataVolumeSpec(template.spec);
    const dv = await this.read.dataVolume(this.namespace, name);
    if (!dv) return this.fromPvc(name, this.namespace);
    const byLabels = this.fromLabels(dv.labels);
    return byLabels.ok ? byLabels : this.fromDataVolumeSpec(dv.spec);
  }

  async fromDataVolumeSpec(spec: DataVolumeSpec | undefined): Promise<Inferred> {
    if (spec?.source?.pvc) return this.fromPvc(spec.source.pvc.name, spec.source.pvc.namespace);
    if (spec?.sourceRef) {
      if (spec.sourceRef.kind !== "DataSource") return ignorable(`unable to infer defaults from DataVolumeSourceRef as Kind ${spec.sourceRef.kind ?? ""} is not supported`);
      return this.fromDataSource(spec.sourceRef.name, spec.sourceRef.namespace || this.namespace);
    }
    return ignorable("unable to infer defaults from DataVolumeSpec as DataVolumeSource is not supported");
  }

  async fromDataSource(name: string, namespace: string): Promise<Inferred> {
    const ds = await this.read.dataSource(namespace, name);
    if (!ds) return failed(`datasources.cdi.kubevirt.io "${name}" not found`);
    const byLabels = this.fromLabels(ds.labels);
    if (byLabels.ok) return byLabels;
    const pvc = ds.spec.source?.pvc;
    return pvc ? this.fromPvc(pvc.name, pvc.namespace) : ignorable("unable to infer defaults from DataSource that doesn't provide DataVolumeSourcePVC");
  }
}

/** The matcher a VM's volume `volumeName` implies for `m`, or why there is none. */
export async function inferMatcher(vm: InferVm, m: MatcherKind, volumeName: string, read: InferenceReader): Promise<Inferred> {
  const chain = new Chain(read, DEFAULT_LABELS[m], vm.metadata?.namespace ?? "default");
  const volume = (vm.spec?.template?.spec?.volumes ?? []).find((v) => v.name === volumeName);
  if (!volume) return failed(`unable to find volume ${volumeName} to infer defaults`);
  if (volume.persistentVolumeClaim) return chain.fromPvc(volume.persistentVolumeClaim.claimName, undefined);
  if (volume.dataVolume) return chain.fromDataVolume(vm, volume.dataVolume.name);
  return ignorable(`unable to infer defaults from volume ${volumeName} as type is not supported`);
}
