import { access, chown } from "node:fs/promises";
import type { VirtualMachineInstance } from "../../api";
import type { DiskSource } from "../converter/context";
import { gatherVolumeFacts } from "./gather";
import { planVolume, type DiskStep, type PlanOptions } from "./plan";
import type { VolumeSources } from "./sources";
import { createBlank, createIso, createOverlay } from "./tools";

export interface PrepareOptions extends PlanOptions {
  /** When the launcher runs as root and QEMU as another user, files QEMU writes are handed to it. */
  owner?: { uid: number; gid: number };
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

async function carryOut(step: DiskStep): Promise<DiskSource> {
  switch (step.kind) {
    case "attach":
      return step.source;
    case "overlay":
      await createOverlay(step.target, step.backing, step.backingFormat);
      return { type: "file", path: step.target, format: "qcow2", readonly: false };
    case "blank":
      if (!(step.onlyIfMissing && (await exists(step.target)))) await createBlank(step.target, step.format, step.capacityBytes);
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
    const source = await carryOut(planVolume(vmi, volume, facts[volume.name] ?? {}, opts)).catch((err: unknown) => {
      throw new Error(`volume ${volume.name}: ${(err as Error).message}`, { cause: err });
    });
    if (opts.owner && !source.readonly) await chown(source.path, opts.owner.uid, opts.owner.gid);
    prepared[volume.name] = source;
  }
  return prepared;
}
