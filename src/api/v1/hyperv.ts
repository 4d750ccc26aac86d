import { ApiType, Bool, Int, Obj, Str } from "../schema";
import { FeatureState } from "./features";

@ApiType("Hyper-V spinlock retries.")
export class FeatureSpinlocks {
  @Bool("Whether the enlightenment is on. Defaults to true when listed.")
  enabled?: boolean;
  @Int("Retries before a spinlock wait is reported to the hypervisor; at least 4095. Defaults to 4096.", { format: "int64" })
  spinlocks?: number;
}

@ApiType("Hyper-V synthetic timers.")
export class SyNICTimer {
  @Bool("Whether the enlightenment is on. Defaults to true when listed.")
  enabled?: boolean;
  @Obj(() => FeatureState, "Deliver timer expirations directly, without SynIC messages.")
  direct?: FeatureState;
}

@ApiType("The hypervisor vendor id the guest sees.")
export class FeatureVendorID {
  @Bool("Whether the id is set. Defaults to true when listed.")
  enabled?: boolean;
  @Str("The vendor id, at most 12 characters.")
  vendorid?: string;
}

@ApiType("Hyper-V enlightenments: paravirtual hints that make Windows guests faster.")
export class FeatureHyperv {
  @Obj(() => FeatureState, "Relax timing checks (no watchdog blue screens under load).")
  relaxed?: FeatureState;
  @Obj(() => FeatureState, "Virtual APIC assist.")
  vapic?: FeatureState;
  @Obj(() => FeatureSpinlocks, "Paravirtual spinlocks.")
  spinlocks?: FeatureSpinlocks;
  @Obj(() => FeatureState, "Virtual processor index.")
  vpindex?: FeatureState;
  @Obj(() => FeatureState, "Processor time accounting.")
  runtime?: FeatureState;
  @Obj(() => FeatureState, "Synthetic interrupt controller (needs vpindex).")
  synic?: FeatureState;
  @Obj(() => SyNICTimer, "Synthetic timers (needs synic and the Hyper-V clock).")
  synictimer?: SyNICTimer;
  @Obj(() => FeatureState, "Guest-initiated reset through the hypervisor.")
  reset?: FeatureState;
  @Obj(() => FeatureVendorID, "Vendor id reported to the guest.")
  vendorid?: FeatureVendorID;
  @Obj(() => FeatureState, "TSC and APIC frequencies read from MSRs.")
  frequencies?: FeatureState;
  @Obj(() => FeatureState, "Notify the guest when its TSC frequency changes (needs frequencies).")
  reenlightenment?: FeatureState;
  @Obj(() => FeatureState, "Paravirtual TLB flushes (needs vpindex).")
  tlbflush?: FeatureState;
  @Obj(() => FeatureState, "Paravirtual inter-processor interrupts (needs vpindex).")
  ipi?: FeatureState;
  @Obj(() => FeatureState, "Enlightened VMCS for nested guests (needs vapic).")
  evmcs?: FeatureState;
}

@ApiType("Pass every Hyper-V enlightenment the host supports.")
export class HyperVPassthrough {
  @Bool("Whether passthrough is on.")
  enabled?: boolean;
}

@ApiType("KVM-specific features.")
export class FeatureKVM {
  @Bool("Hide the KVM signature from the guest (some drivers refuse to run under a hypervisor).")
  hidden?: boolean;
}
