import { ApiType, Bool, Int, Obj, Str } from "../schema";
import { FeatureHyperv, FeatureKVM, HyperVPassthrough } from "./hyperv";
import { Timer } from "./timers";

@ApiType("A feature switched on or off.")
export class FeatureState {
  @Bool("Whether the feature is enabled. Defaults to true when the feature is listed.")
  enabled?: boolean;
}

@ApiType("The APIC feature.")
export class FeatureAPIC {
  @Bool("Whether the APIC is enabled. Defaults to true when listed.")
  enabled?: boolean;
  @Bool("Enable the end-of-interrupt notification.")
  endOfInterrupt?: boolean;
}

@ApiType("Platform features exposed to the guest.")
export class Features {
  @Obj(() => FeatureState, "ACPI: needed for graceful shutdown via the power button. Enabled by default.")
  acpi?: FeatureState;
  @Obj(() => FeatureAPIC, "The local APIC.")
  apic?: FeatureAPIC;
  @Obj(() => FeatureState, "System Management Mode, needed for EFI Secure Boot.")
  smm?: FeatureState;
  @Obj(() => FeatureHyperv, "Hyper-V enlightenments, for Windows guests.")
  hyperv?: FeatureHyperv;
  @Obj(() => HyperVPassthrough, "Every Hyper-V enlightenment the host offers; excludes hyperv.")
  hypervPassthrough?: HyperVPassthrough;
  @Obj(() => FeatureKVM, "KVM-specific features.")
  kvm?: FeatureKVM;
  @Obj(() => FeatureState, "Paravirtual spinlocks. Enabled by default.")
  pvspinlock?: FeatureState;
}

@ApiType("A guest clock that keeps UTC plus an offset.")
export class ClockOffsetUTC {
  @Int("Offset from UTC in seconds.", { format: "int32" })
  offsetSeconds?: number;
}

@ApiType("The guest's real-time clock; set utc or timezone, not both.")
export class Clock {
  @Obj(() => ClockOffsetUTC, "Keep the clock at UTC, optionally offset.")
  utc?: ClockOffsetUTC;
  @Str("Keep the clock in this timezone, for example Europe/Berlin.")
  timezone?: string;
  @Obj(() => Timer, "Timers the guest sees.")
  timer?: Timer;
}
