import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { insideNoSymlinks } from "../paths/inside";

/**
 * A containerDisk in a launcher pod is a container of the user's image (FROM scratch, one file
 * under /disk/) that runs the `container-disk` binary with the volume's name. The pod shares one
 * PID namespace, so that container's root is /proc/<pid>/root here: no mounts, no privileges.
 */
export async function containerDiskRoot(volumeName: string, proc = "/proc"): Promise<string | undefined> {
  for (const entry of await readdir(proc)) {
    if (!/^\d+$/.test(entry)) continue;
    const argv = await readFile(join(proc, entry, "cmdline"), "utf8").then((s) => s.split("\0"), () => [] as string[]);
    if (argv[0]?.endsWith("/container-disk") && argv[1] === volumeName) return join(proc, entry, "root");
  }
  return undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The disk file of a containerDisk volume: `path` in the image if given, else the one file in /disk/. Waits for the container to start. */
export async function containerDiskFile(volumeName: string, image: string, path: string | undefined, timeoutMs = 60_000, proc = "/proc"): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const root = await containerDiskRoot(volumeName, proc);
    if (root !== undefined) {
      // The image is the user's: a symlink in it would be followed from this container's root.
      const what = `containerDisk ${image}`;
      if (path !== undefined) {
        const file = await insideNoSymlinks(root, what, path).catch((err: Error) => {
          if ((err as { code?: string }).code === "path-escape") throw err;
          return undefined;
        });
        if (file !== undefined && (await stat(file).then((s) => s.isFile(), () => false))) return file;
        throw new Error(`containerDisk ${image}: no file ${path} in the image`);
      }
      const files = await readdir(join(root, "disk")).catch(() => [] as string[]);
      if (files.length === 1) return insideNoSymlinks(root, what, "disk", files[0]!);
      throw new Error(`containerDisk ${image}: expected exactly one file under /disk/ in the image, found ${files.length}; set the volume's containerDisk.path`);
    }
    if (Date.now() > deadline) throw new Error(`containerDisk ${image}: its container (volume${volumeName}) did not start within ${timeoutMs / 1000}s`);
    await sleep(500);
  }
}
