import type { VirtualMachineInstance } from "../../api";
import { emptyDomain, type DomainModel } from "../domain/model";
import { renderDomainXml } from "../domain/render-domain";
import type { Configurator } from "./configurator";
import type { ConverterContext } from "./context";
import { configureMachine } from "./machine";
import { configureMetadata } from "./metadata";
import { configureMemory } from "./memory";
import { configureCpu } from "./cpu";
import { configureFirmware } from "./firmware";
import { configureFeatures } from "./features";
import { configureClock } from "./clock";
import { configureDisks } from "./disks";
import { configureInterfaces } from "./interfaces";
import { configureSerialConsole } from "./serial-console";
import { configureGraphics } from "./graphics";
import { configureGuestAgentChannel } from "./guest-agent";
import { configureMemballoon } from "./memballoon";
import { configureRng } from "./rng";

/** The conversion, one concern each, in order (firmware before features: secure boot turns SMM on). */
export const CONFIGURATORS: readonly Configurator[] = [
  configureMachine,
  configureMetadata,
  configureMemory,
  configureCpu,
  configureFirmware,
  configureFeatures,
  configureClock,
  configureDisks,
  configureInterfaces,
  configureSerialConsole,
  configureGraphics,
  configureGuestAgentChannel,
  configureMemballoon,
  configureRng,
];

/** VMI + host facts → domain model. Pure; the first configurator error stops it. */
export function convertVmi(vmi: VirtualMachineInstance, ctx: ConverterContext): DomainModel {
  const domain = emptyDomain(ctx.emulator, ctx.virtType);
  for (const configure of CONFIGURATORS) configure(vmi, domain, ctx);
  return domain;
}

export function vmiToDomainXml(vmi: VirtualMachineInstance, ctx: ConverterContext): string {
  return renderDomainXml(convertVmi(vmi, ctx));
}
