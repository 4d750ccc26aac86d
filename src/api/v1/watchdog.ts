import { ApiType, Obj, Str } from "../schema";

@ApiType("An Intel 6300ESB watchdog.")
export class I6300ESBWatchdog {
  @Str("What happens when the guest stops feeding the watchdog: poweroff, reset or shutdown. Defaults to reset.")
  action?: string;
}

@ApiType("An s390x diag288 watchdog.")
export class Diag288Watchdog {
  @Str("What happens when the guest stops feeding the watchdog: poweroff, reset or shutdown. Defaults to reset.")
  action?: string;
}

@ApiType("A watchdog device; exactly one model.")
export class Watchdog {
  @Str("Name of the watchdog.", { required: true })
  name!: string;
  @Obj(() => I6300ESBWatchdog, "Intel 6300ESB (amd64).")
  i6300esb?: I6300ESBWatchdog;
  @Obj(() => Diag288Watchdog, "diag288 (s390x).")
  diag288?: Diag288Watchdog;
}
