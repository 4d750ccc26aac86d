import { ApiType, Bool, Obj, Str } from "../schema";

@ApiType("The HPET timer.")
export class HPETTimer {
  @Str("What to do with missed ticks: delay, catchup, merge or discard.")
  tickPolicy?: string;
  @Bool("Whether the guest gets this timer. Defaults to true.")
  present?: boolean;
}

@ApiType("The PIT timer.")
export class PITTimer {
  @Str("What to do with missed ticks: delay, catchup or discard.")
  tickPolicy?: string;
  @Bool("Whether the guest gets this timer. Defaults to true.")
  present?: boolean;
}

@ApiType("The RTC timer.")
export class RTCTimer {
  @Str("What to do with missed ticks: delay or catchup.")
  tickPolicy?: string;
  @Bool("Whether the guest gets this timer. Defaults to true.")
  present?: boolean;
  @Str("What the RTC follows: guest or wall time.")
  track?: string;
}

@ApiType("The KVM paravirtual clock.")
export class KVMTimer {
  @Bool("Whether the guest gets this timer. Defaults to true.")
  present?: boolean;
}

@ApiType("The Hyper-V reference clock.")
export class HypervTimer {
  @Bool("Whether the guest gets this timer. Defaults to true.")
  present?: boolean;
}

@ApiType("Timers the guest sees and how each handles missed ticks.")
export class Timer {
  @Obj(() => HPETTimer, "High Precision Event Timer.")
  hpet?: HPETTimer;
  @Obj(() => KVMTimer, "KVM clock.")
  kvm?: KVMTimer;
  @Obj(() => PITTimer, "Programmable Interval Timer.")
  pit?: PITTimer;
  @Obj(() => RTCTimer, "Real Time Clock.")
  rtc?: RTCTimer;
  @Obj(() => HypervTimer, "Hyper-V clock, for Windows guests.")
  hyperv?: HypervTimer;
}
