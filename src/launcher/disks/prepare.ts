import { access, chown } from "node:fs/promises";
import type { VirtualMachineInstance, Volume } from "../../api";
import type { DiskSource } from "../converter/context";
import { gatherVolumeFacts } from "./gather";
import { planVolume, type DiskStep, type PlanOptions } from "./plan";
import type { VolumeSources } from "./sources";
import { createBlank, createIso, createOverlay } from "./tools";
import { isWithin } from "../paths/inside";

export interface PrepareOptions extends PlanOptions {
  /** When the launcher runs as root and QEMU as another user, files QEMU writes are handed to it. */
  owner?: { uid: number; gid: number };
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/**
 * Whether the launcher may hand a prepared file to QEMU's user: only files it made in its own disk
 * directory, and claims (resolved inside the claims' directory). A hostDisk path is the user's:
 * root never chowns it; QEMU's user must already be able to open it (or creates it, below).
 */
export function mayChown(volume: Volume, source: DiskSource, diskDir: string): boolean {
  if (source.readonly || volume.hostDisk !== undefined) return false;
  if (volume.persistentVolumeClaim !== undefined) return true;
  return isWithin(diskDir, source.path);
}

async function carryOut(step: DiskStep, opts: PrepareOptions): Promise<DiskSource> {
  switch (step.kind) {
    case "attach":
      return step.source;
    case "overlay":
      await createOverlay(step.target, step.backing, step.backingFormat);
      return { type: "file", path: step.target, format: "qcow2", readonly: false };
    case "blank":
      // A target outside the disk dir is a hostDisk path: created by QEMU's user, never by root.
      if (!(step.onlyIfMissing && (await exists(step.target)))) {
        await createBlank(step.target, step.format, step.capacityBytes, isWithin(opts.diskDir, step.target) ? undefined : opts.owner);
      }
      return { type: "file", path: step.target, format: step.format, readonly: false };
    case "iso":
      await createIso(step.target, step.label, step.files);
      return { type: "file", path: step.target, format: "raw", readonly: true };
  }
}

/** Gathers (I/O), plans (pure) and carries out every volume's disk; returns the converter's volume map. */
export async function prepareDisks(vmi: VirtualMachineInstance, sources: VolumeSources, opts: PrepareOptions): Promise<Record<string, DiskSource>> {
  const facts = await gatherVolumeFacts(vmi, sources);
  const prepared: Record<string, DiskSource> = {};
  for (const volume of vmi.spec.volumes ?? []) {
    const source = await carryOut(planVolume(vmi, volume, facts[volume.name] ?? {}, opts), opts).catch((err: unknown) => {
      throw new Error(`volume ${volume.name}: ${(err as Error).message}`, { cause: err });
    });
    if (opts.owner && mayChown(volume, source, opts.diskDir)) await chown(source.path, opts.owner.uid, opts.owner.gid);
    prepared[volume.name] = source;
  }
  return prepared;
}
