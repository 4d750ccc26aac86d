import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ClaimLocation, VolumeSources } from "../disks/sources";
import { imageInfo } from "../disks/tools";

export interface StandaloneSourceOptions {
  pvcDir?: string;
  imageDir?: string;
  secretDir?: string;
  configMapDir?: string;
  secrets: Record<string, Record<string, string>>;
  configMaps: Record<string, Record<string, string>>;
}

const isDir = (p: string): Promise<boolean> => stat(p).then((s) => s.isDirectory(), () => false);

/** Keys of a directory laid out like a mounted Secret/ConfigMap: one file per key. */
async function dirData(dir: string): Promise<Record<string, string> | undefined> {
  if (!(await isDir(dir))) return undefined;
  const out: Record<string, string> = {};
  for (const key of await readdir(dir)) if (!key.startsWith(".")) out[key] = await readFile(join(dir, key), "utf8");
  return out;
}

/** Candidate roots of an image reference in the image dir: full reference, repository name, the dir itself. */
export function imageRoots(imageDir: string, image: string): string[] {
  const withoutTag = image.replace(/[:@][^/]*$/, "");
  return [join(imageDir, image.replace(/[/:@]/g, "_")), join(imageDir, basename(withoutTag)), imageDir];
}

/** Standalone mode's volumes: PVC claim X is DIR/X/disk.img (or a block device DIR/X), images from --image-dir. */
export function standaloneVolumeSources(o: StandaloneSourceOptions): VolumeSources {
  const keyed = async (kind: string, name: string, inline: Record<string, Record<string, string>>, dir?: string) => {
    const found = inline[name] ?? (dir !== undefined ? await dirData(join(dir, name)) : undefined);
    if (found === undefined) throw new Error(`${kind} ${name} not found: put it in the manifest file or in ${dir ?? "--" + kind.toLowerCase() + "-dir"}/${name}/`);
    return found;
  };
  return {
    async claim(name): Promise<ClaimLocation> {
      if (o.pvcDir === undefined) throw new Error(`PVC ${name}: standalone mode needs --pvc-dir`);
      const path = join(o.pvcDir, name);
      const s = await stat(path).catch(() => undefined);
      if (s?.isBlockDevice()) return { type: "block", path };
      const img = join(path, "disk.img");
      if (!(await stat(img).then((f) => f.isFile(), () => false))) throw new Error(`PVC ${name}: ${img} does not exist (qemu-img create -f raw ${img} 1G)`);
      return { type: "file", path: img };
    },
    async containerDisk(_volumeName, image, path) {
      if (o.imageDir === undefined) throw new Error(`containerDisk ${image}: standalone mode needs --image-dir`);
      for (const root of imageRoots(o.imageDir, image)) {
        if (path !== undefined && (await stat(join(root, path)).then(() => true, () => false))) return join(root, path);
        const files = await readdir(join(root, "disk")).catch(() => [] as string[]);
        if (path === undefined && files.length === 1) return join(root, "disk", files[0]!);
      }
      throw new Error(`containerDisk ${image}: no image layout with one file in disk/ under ${imageRoots(o.imageDir, image).join(", ")}`);
    },
    secret: (name) => keyed("Secret", name, o.secrets, o.secretDir),
    configMap: (name) => keyed("ConfigMap", name, o.configMaps, o.configMapDir),
    serviceAccount: async (name) => ({ namespace: "default", "service-account": name }),
    async imageFormat(path) {
      return (await imageInfo(path)).format === "raw" ? "raw" : "qcow2";
    },
  };
}
