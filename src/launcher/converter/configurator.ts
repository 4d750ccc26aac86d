import type { VirtualMachineInstance } from "../../api";
import type { DomainModel } from "../domain/model";
import type { ConverterContext } from "./context";

/** One concern of the VMI → domain conversion; throws ConversionError naming the offending field. */
export type Configurator = (vmi: VirtualMachineInstance, domain: DomainModel, ctx: ConverterContext) => void;

export function vmiName(vmi: VirtualMachineInstance): { namespace: string; name: string; uid?: string } {
  const meta = vmi.metadata ?? {};
  const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
  return { namespace: str(meta.namespace) ?? "default", name: str(meta.name) ?? "", uid: str(meta.uid) };
}
