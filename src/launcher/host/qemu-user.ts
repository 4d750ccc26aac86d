import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { DaemonUser } from "../libvirt/daemon-command";

const exec = promisify(execFile);

/** The unprivileged user a root launcher runs libvirtd and QEMU as (KubeVirt's launcher runs as "qemu", 107). */
export const QEMU_USER = "kubevirt-qemu";

/**
 * undefined when the launcher is not root (it keeps its own user). As root, the system user
 * QEMU_USER, created on first use: libvirt's session daemon needs a passwd entry for its uid.
 */
export async function qemuUser(): Promise<DaemonUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async (): Promise<DaemonUser | undefined> => {
    try {
      const uid = Number((await exec("id", ["-u", QEMU_USER])).stdout.trim());
      const gid = Number((await exec("id", ["-g", QEMU_USER])).stdout.trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const existing = await lookup();
  if (existing) return existing;
  await exec("useradd", ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", QEMU_USER]).catch(
    (err: unknown) => {
      throw new Error(`cannot create the ${QEMU_USER} user libvirtd runs as: ${(err as Error).message}`, { cause: err });
    },
  );
  return (await lookup()) ?? Promise.reject(new Error(`user ${QEMU_USER} missing after useradd`));
}
