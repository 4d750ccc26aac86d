import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { promisify } from "node:util";
import type { IsoFiles } from "./cloud-init";
import { inside } from "../paths/inside";

const exec = promisify(execFile);

/** The user a tool runs as; unset: the launcher's own. */
export interface RunAs {
  uid: number;
  gid: number;
}

async function run(tool: string, args: string[], as?: RunAs): Promise<string> {
  try {
    return (await exec(tool, args, { maxBuffer: 16 << 20, ...(as ? { uid: as.uid, gid: as.gid } : {}) })).stdout;
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? "";
    throw new Error(`${tool} ${args.join(" ")} failed: ${stderr.trim()}`, { cause: err });
  }
}

/** A qcow2 overlay whose reads fall through to `backing`; the backing file is never written. */
export async function createOverlay(target: string, backing: string, backingFormat: "qcow2" | "raw"): Promise<void> {
  await run("qemu-img", ["create", "-q", "-f", "qcow2", "-b", backing, "-F", backingFormat, target]);
}

/** A sparse image of the given size, created as `as` when given (a path the launcher must not write as root). */
export async function createBlank(target: string, format: "qcow2" | "raw", bytes: number, as?: RunAs): Promise<void> {
  await run("qemu-img", ["create", "-q", "-f", format, target, String(bytes)], as);
}

export async function imageInfo(path: string): Promise<{ format: string; virtualSize: number; backing?: string }> {
  const info = JSON.parse(await run("qemu-img", ["info", "--output=json", "-U", path])) as Record<string, unknown>;
  return { format: String(info.format), virtualSize: Number(info["virtual-size"]), backing: info["backing-filename"] as string | undefined };
}

/** An ISO 9660 image (Rock Ridge + Joliet) with the given volume label, made by xorriso. */
export async function createIso(target: string, label: string, files: IsoFiles): Promise<void> {
  const stage = await mkdtemp(`${dirname(target)}/.iso-`);
  try {
    for (const [path, content] of Object.entries(files)) {
      // File names come from Secret/ConfigMap keys: they stay inside the staging directory.
      const file = inside(stage, "ISO file name", path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content, { flag: "wx" });
    }
    await run("xorriso", ["-as", "mkisofs", "-quiet", "-output", target, "-volid", label, "-joliet", "-rock", stage]);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
