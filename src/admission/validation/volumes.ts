import { Cause, VOLUME_SOURCES, Volume } from "../../api";
import { parseQuantity } from "../../api/schema";
import { duplicateNames, isRecord, text, volumesOf } from "./access";
import { absolutePathError, dnsLabelErrors } from "./names";
import { at, cause, quote, SpecRule } from "./rule";

const volumePath = (path: string, index: number, ...rest: string[]): string => at(path, "volumes", index, ...rest);

export const volumeNamesAreDnsLabels: SpecRule = (spec, path) =>
  volumesOf(spec).flatMap(([volume, i]) => {
    const name = text(volume.name);
    if (name === undefined) return [cause(volumePath(path, i, "name"), "is required: disks refer to the volume by this name")];
    const errors = dnsLabelErrors(name);
    return errors.length ? [cause(volumePath(path, i, "name"), `volume name ${quote(name)} is not a valid DNS label: ${errors.join("; ")}`)] : [];
  });

export const volumeNamesAreUnique: SpecRule = (spec, path) =>
  duplicateNames(volumesOf(spec)).map(d =>
    cause(volumePath(path, d.index, "name"), `volume name ${quote(d.name)} is already used by ${volumePath(path, d.first)}; every volume needs its own name`),
  );

export const volumeHasOneSource: SpecRule = (spec, path) =>
  volumesOf(spec).flatMap(([volume, i]) => {
    const sources = VOLUME_SOURCES.filter(s => isSet(volume, s));
    if (sources.length === 1) return [];
    const message = sources.length === 0
      ? `sets no source; set exactly one of ${VOLUME_SOURCES.join(", ")}`
      : `sets ${sources.length} sources (${sources.join(", ")}); a volume has exactly one source: split it into several volumes`;
    return [cause(volumePath(path, i), message)];
  });

function isSet(volume: Volume, source: keyof Volume): boolean {
  return volume[source] !== undefined && volume[source] !== null;
}

export const containerDiskSource: SpecRule = (spec, path) =>
  volumesOf(spec).flatMap(([volume, i]) => {
    const source = volume.containerDisk;
    if (!isRecord(source)) return [];
    const causes: Cause[] = [];
    if (!text(source.image)) causes.push(cause(volumePath(path, i, "containerDisk", "image"), "is required: name the container image that holds the disk, for example quay.io/kubevirt/cirros-container-disk-demo"));
    const diskPath = text(source.path);
    const pathError = diskPath ? absolutePathError(diskPath) : undefined;
    if (pathError) causes.push(cause(volumePath(path, i, "containerDisk", "path"), pathError));
    return causes;
  });

export const claimNameRequired: SpecRule = (spec, path) =>
  volumesOf(spec).flatMap(([volume, i]) => {
    const direct = isRecord(volume.persistentVolumeClaim) ? [["persistentVolumeClaim", volume.persistentVolumeClaim] as const] : [];
    const viaEphemeral = isRecord(volume.ephemeral) && isRecord(volume.ephemeral.persistentVolumeClaim)
      ? [["ephemeral.persistentVolumeClaim", volume.ephemeral.persistentVolumeClaim] as const]
      : [];
    return [...direct, ...viaEphemeral]
      .filter(([, claim]) => !text(claim.claimName))
      .map(([field]) => cause(volumePath(path, i, ...field.split("."), "claimName"), "is required: name the PersistentVolumeClaim in the VMI's namespace"));
  });

export const emptyDiskCapacity: SpecRule = (spec, path) =>
  volumesOf(spec).flatMap(([volume, i]) => {
    if (!isRecord(volume.emptyDisk)) return [];
    const bytes = parseQuantity(volume.emptyDisk.capacity);
    if (bytes !== undefined && bytes > 0) return [];
    return [cause(volumePath(path, i, "emptyDisk", "capacity"), `must be a size greater than zero, for example 2Gi; got ${quote(volume.emptyDisk.capacity)}`)];
  });

/** The object each config-like source exposes must be named. */
const REQUIRED_REFERENCE: readonly [keyof Volume, string][] = [
  ["configMap", "name"],
  ["secret", "secretName"],
  ["serviceAccount", "serviceAccountName"],
];

export const referencedObjectNamed: SpecRule = (spec, path) =>
  volumesOf(spec).flatMap(([volume, i]) =>
    REQUIRED_REFERENCE.flatMap(([source, field]) => {
      const value = volume[source];
      if (!isRecord(value) || text(value[field])) return [];
      return [cause(volumePath(path, i, source, field), `is required: name the ${source} to expose to the guest`)];
    }),
  );

/** A guest gets one service account disk; several would compete for the same mount. */
export const atMostOneServiceAccount: SpecRule = (spec, path) => {
  const count = volumesOf(spec).filter(([v]) => isRecord(v.serviceAccount)).length;
  return count > 1 ? [cause(at(path, "volumes"), `has ${count} serviceAccount volumes; at most one is allowed`)] : [];
};

export const VOLUME_RULES: readonly SpecRule[] = [
  volumeNamesAreDnsLabels,
  volumeNamesAreUnique,
  volumeHasOneSource,
  containerDiskSource,
  claimNameRequired,
  emptyDiskCapacity,
  referencedObjectNamed,
  atMostOneServiceAccount,
];
