import { Cause, Volume } from "../../api";
import { disksOf, isRecord, text, volumesOf } from "./access";
import { FEATURE_GATES } from "./context";
import { at, cause, quote, SpecRule } from "./rule";

function volumesByName(spec: Parameters<SpecRule>[0]): Map<string, Volume> {
  const byName = new Map<string, Volume>();
  for (const [volume] of volumesOf(spec)) {
    const name = text(volume.name);
    if (name !== undefined && !byName.has(name)) byName.set(name, volume);
  }
  return byName;
}

/**
 * Every disk attaches a volume of the same name. An empty CD-ROM drive (no volume, media inserted
 * later) is allowed only with the DeclarativeHotplugVolumes feature gate, as in KubeVirt.
 */
export const disksHaveVolumes: SpecRule = (spec, path, ctx) => {
  const volumes = volumesByName(spec);
  return disksOf(spec).flatMap(([disk, i]) => {
    const name = text(disk.name);
    if (name === undefined || volumes.has(name)) return [];
    const field = at(path, "domain", "devices", "disks", i, "name");
    if (isRecord(disk.cdrom)) {
      if (ctx.featureGates.has(FEATURE_GATES.declarativeHotplugVolumes)) return [];
      return [cause(field, `CD-ROM ${quote(name)} has no matching volume; an empty CD-ROM drive needs the ${FEATURE_GATES.declarativeHotplugVolumes} feature gate, otherwise add a volume named ${quote(name)} to ${at(path, "volumes")}`)];
    }
    return [cause(field, `disk ${quote(name)} has no matching volume; add a volume named ${quote(name)} to ${at(path, "volumes")} or rename the disk`)];
  });
};

/** Every volume is attached by a disk; an unattached volume is most often a misspelt name. */
export const volumesHaveDisks: SpecRule = (spec, path) => {
  const diskNames = new Set(disksOf(spec).map(([d]) => text(d.name)));
  return volumesOf(spec).flatMap(([volume, i]) => {
    const name = text(volume.name);
    if (name === undefined || diskNames.has(name)) return [];
    return [cause(at(path, "volumes", i, "name"), `volume ${quote(name)} is not used by any disk; add a disk named ${quote(name)} to ${at(path, "domain", "devices", "disks")} or remove the volume`)];
  });
};

/** A LUN passes SCSI commands through, which only a block device from a claim can take. */
export const lunNeedsClaim: SpecRule = (spec, path) => {
  const volumes = volumesByName(spec);
  return disksOf(spec).flatMap(([disk, i]): Cause[] => {
    const volume = volumes.get(text(disk.name) ?? "");
    if (!isRecord(disk.lun) || volume === undefined || isRecord(volume.persistentVolumeClaim)) return [];
    return [cause(at(path, "domain", "devices", "disks", i, "lun"), "a LUN can only be backed by a persistentVolumeClaim volume; attach this volume as a disk instead")];
  });
};

export const VOLUME_REFERENCE_RULES: readonly SpecRule[] = [disksHaveVolumes, volumesHaveDisks, lunNeedsClaim];
