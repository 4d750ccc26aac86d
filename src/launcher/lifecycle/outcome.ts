/**
 * How a VM run ended, and the launcher's exit code for it (the pod's container exit code):
 *   0  the guest powered off (by itself, or on the ACPI shutdown asked for on SIGTERM/shutdown),
 *      or the launcher was stopped before any domain was started
 *   1  the launcher failed (start-up, bad VMI, libvirt error)
 *   2  QEMU crashed or the domain vanished
 *   3  the guest was destroyed: its grace period ran out, or a kill command
 */
export type Outcome =
  | { kind: "poweroff" }
  | { kind: "not-started" }
  | { kind: "crashed"; detail: string }
  | { kind: "destroyed"; reason: "grace-period-expired" | "killed" | "external" }
  | { kind: "failed"; error: Error };

export function exitCode(outcome: Outcome): number {
  switch (outcome.kind) {
    case "poweroff":
    case "not-started":
      return 0;
    case "failed":
      return 1;
    case "crashed":
      return 2;
    case "destroyed":
      return 3;
  }
}

export function describe(outcome: Outcome): string {
  switch (outcome.kind) {
    case "poweroff":
      return "guest powered off";
    case "not-started":
      return "stopped before a domain was started";
    case "crashed":
      return `QEMU crashed (${outcome.detail})`;
    case "destroyed":
      return `guest destroyed (${outcome.reason})`;
    case "failed":
      return `launcher failed: ${outcome.error.message}`;
  }
}
