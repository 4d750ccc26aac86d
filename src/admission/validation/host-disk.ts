import { Cause, HOST_DISK_TYPES, HostDisk } from "../../api";
import { parseQuantity } from "../../api/schema";
import { isRecord, text, volumesOf } from "./access";
import { FEATURE_GATES } from "./context";
import { at, cause, quote, SpecRule } from "./rule";

/**
 * hostDisk puts a file on the node's filesystem under the VM: it needs the HostDisk feature gate,
 * a path, a known type, and a capacity exactly when the image may be created (DiskOrCreate).
 */
export const hostDiskVolumes: SpecRule = (spec, path, ctx) =>
  volumesOf(spec).flatMap(([volume, i]) => {
    if (!isRecord(volume.hostDisk)) return [];
    const field = (...rest: string[]): string => at(path, "volumes", i, ...rest);
    const causes: Cause[] = [];
    if (!ctx.featureGates.has(FEATURE_GATES.hostDisk)) {
      causes.push(cause(field(), `hostDisk volumes need the ${FEATURE_GATES.hostDisk} feature gate; ask the cluster admin to enable it, or use a persistentVolumeClaim`));
    }
    return [...causes, ...hostDiskFields(volume.hostDisk, (...rest) => field("hostDisk", ...rest))];
  });

function hostDiskFields(hostDisk: HostDisk, field: (...rest: string[]) => string): Cause[] {
  const causes: Cause[] = [];
  if (!text(hostDisk.path)) causes.push(cause(field("path"), "is required: the path of the disk image on the node"));
  const type = hostDisk.type;
  if (!(HOST_DISK_TYPES as readonly unknown[]).includes(type)) {
    causes.push(cause(field("type"), `unsupported type ${quote(type)}; use Disk (the image exists) or DiskOrCreate (create it with capacity)`));
  }
  const capacity = parseQuantity(hostDisk.capacity);
  const hasCapacity = capacity !== undefined && capacity !== 0;
  if (type === "Disk" && hasCapacity) {
    causes.push(cause(field("capacity"), "capacity is only allowed with type DiskOrCreate; remove it for an existing image (type Disk)"));
  }
  if (type === "DiskOrCreate" && (capacity === undefined || capacity <= 0)) {
    causes.push(cause(field("capacity"), "type DiskOrCreate needs a capacity greater than zero for the image it may create, for example 1Gi"));
  }
  return causes;
}
