import type { Configurator } from "./configurator";

/**
 * ACPI, APIC and SMM. ACPI and APIC are on unless disabled, as in KubeVirt: the guest needs ACPI for
 * the shutdown the launcher asks for on SIGTERM. SMM is on when asked for or when secure boot needs it.
 */
export const configureFeatures: Configurator = (vmi, domain) => {
  const f = vmi.spec.domain.features;
  domain.features = {
    acpi: f?.acpi?.enabled !== false,
    apic: f?.apic?.enabled !== false,
    smm: domain.features.smm || (f?.smm !== undefined && f.smm.enabled !== false),
  };
};
