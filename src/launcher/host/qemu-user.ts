import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { DaemonUser } from "../libvirt/daemon-command";

const exec = promisify(execFile);

/** The unprivileged user a root launcher runs libvirtd and QEMU as (KubeVirt's launcher runs as "qemu", 107). */
export const QEMU_USER = "kubevirt-qemu";
/** Its uid and gid when free: containerDisk containers run as 107 so QEMU may open their files. */
export const QEMU_UID = 107;

/**
 * undefined when the launcher is not root (it keeps its own user). As root, the system user
 * QEMU_USER, created on first use: libvirt's session daemon needs a passwd entry for its uid.
 */
export async function qemuUser(): Promise<DaemonUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async (name: string): Promise<DaemonUser | undefined> => {
    try {
      const uid = Number((await exec("id", ["-u", name])).stdout.trim());
      const gid = Number((await exec("id", ["-g", name])).stdout.trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const existing = await lookup(QEMU_USER);
  if (existing) return existing;
  // The project's images carry KubeVirt's `qemu` user (107): use it, containerDisk containers run as 107.
  const imageUser = await lookup("qemu");
  if (imageUser?.uid === QEMU_UID) return imageUser;
  const idsFree = await exec("getent", ["passwd", String(QEMU_UID)]).then(() => false, () => true) && await exec("getent", ["group", String(QEMU_UID)]).then(() => false, () => true);
  if (idsFree) await exec("groupadd", ["--system", "--gid", String(QEMU_UID), QEMU_USER]).catch(() => undefined);
  const ids = idsFree ? ["--uid", String(QEMU_UID), "--gid", String(QEMU_UID)] : ["--user-group"];
  await exec("useradd", ["--system", ...ids, "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", QEMU_USER]).catch(
    (err: unknown) => {
      throw new Error(`cannot create the ${QEMU_USER} user libvirtd runs as: ${(err as Error).message}`, { cause: err });
    },
  );
  return (await lookup(QEMU_USER)) ?? Promise.reject(new Error(`user ${QEMU_USER} missing after useradd`));
}
