import { spawn } from "node:child_process";
import { access, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { VirtType } from "../domain/model";

export type VirtTypeChoice = VirtType | "auto";

/**
 * Whether KVM really runs guests here. /dev/kvm existing is not enough: on this project's machines
 * nested KVM gets through SeaBIOS but fails ("KVM internal error … emulation failure") once a kernel
 * runs. So the host's own kernel is booted with accel=kvm for a moment: if it prints its banner on the
 * serial port within `timeoutMs`, KVM works; otherwise TCG (type qemu) is used.
 */
export async function probeKvm(timeoutMs = 3000): Promise<boolean> {
  if (!(await access("/dev/kvm").then(() => true, () => false))) return false;
  const kernel = (await readdir("/boot").catch(() => [] as string[])).filter((f) => f.startsWith("vmlinuz-")).sort().pop();
  if (kernel === undefined) return false;
  return new Promise((resolve) => {
    const qemu = spawn(
      "qemu-system-x86_64",
      ["-machine", "q35,accel=kvm", "-m", "128", "-nodefaults", "-display", "none", "-no-reboot",
        "-serial", "stdio", "-kernel", `/boot/${kernel}`, "-append", "earlyprintk=serial,ttyS0 console=ttyS0 panic=-1"],
      { stdio: ["ignore", "pipe", "ignore"] },
    );
    let out = "";
    const finish = (ok: boolean): void => {
      clearTimeout(timer);
      qemu.kill("SIGKILL");
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    qemu.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("Linux version")) finish(true);
    });
    qemu.once("error", () => finish(false));
    qemu.once("exit", () => finish(out.includes("Linux version")));
  });
}

/**
 * The probe's answer is kept per boot of the host (keyed by its boot id, in the temp dir) as virt-handler
 * detects KVM once per node: launchers after the first start 3 s sooner.
 */
export async function resolveVirtType(choice: VirtTypeChoice): Promise<VirtType> {
  if (choice !== "auto") return choice;
  const bootId = (await readFile("/proc/sys/kernel/random/boot_id", "utf8").catch(() => "unknown")).trim();
  const cache = join(tmpdir(), `kubevirt-ts-kvm-probe-${bootId}`);
  const cached = (await readFile(cache, "utf8").catch(() => "")).trim();
  if (cached === "kvm" || cached === "qemu") return cached;
  const type: VirtType = (await probeKvm()) ? "kvm" : "qemu";
  await writeFile(cache, type).catch(() => undefined);
  return type;
}
