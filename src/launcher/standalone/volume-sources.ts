import { readdir, readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { ClaimLocation, VolumeSources } from "../disks/sources";
import { imageInfo } from "../disks/tools";
import { inside, realInside } from "../paths/inside";

export interface StandaloneSourceOptions {
  pvcDir?: string;
  imageDir?: string;
  secretDir?: string;
  configMapDir?: string;
  secrets: Record<string, Record<string, string>>;
  configMaps: Record<string, Record<string, string>>;
}

const isDir = (p: string): Promise<boolean> => stat(p).then((s) => s.isDirectory(), () => false);

/**
 * Keys of a directory laid out like a mounted Secret/ConfigMap: one file per key. A mounted
 * Secret's keys are symlinks into its `..data` directory; each must resolve inside `dir`.
 */
async function dirData(dir: string, what: string): Promise<Record<string, string> | undefined> {
  if (!(await isDir(dir))) return undefined;
  const out: Record<string, string> = {};
  for (const key of await readdir(dir)) if (!key.startsWith(".")) out[key] = await readFile(await realInside(dir, `${what} key ${key}`, key), "utf8");
  return out;
}

/** Candidate roots of an image reference in the image dir: full reference, repository name, the dir itself. */
export function imageRoots(imageDir: string, image: string): string[] {
  const withoutTag = image.replace(/[:@][^/]*$/, "");
  const what = `containerDisk image ${image}`;
  return [inside(imageDir, what, image.replace(/[/:@]/g, "_")), inside(imageDir, what, basename(withoutTag)), imageDir];
}

/** A claim's disk: a block device DIR/X, or DIR/X/disk.img; either must really be inside DIR. */
async function claimLocation(pvcDir: string, name: string): Promise<ClaimLocation> {
  const what = `PVC ${name}`;
  const path = inside(pvcDir, what, name);
  const s = await stat(path).catch(() => undefined);
  if (s?.isBlockDevice()) return { type: "block", path: await realInside(pvcDir, what, name) };
  const img = inside(path, what, "disk.img");
  if (!(await stat(img).then((f) => f.isFile(), () => false))) throw new Error(`PVC ${name}: ${img} does not exist (qemu-img create -f raw ${img} 1G)`);
  return { type: "file", path: await realInside(pvcDir, what, name, "disk.img") };
}

/** The disk file of a containerDisk in an image layout dir: `path` inside it, or the one file in disk/. */
async function imageFile(imageDir: string, image: string, path: string | undefined): Promise<string> {
  const what = `containerDisk ${image}`;
  for (const root of imageRoots(imageDir, image)) {
    if (path !== undefined && (await stat(inside(root, what, path)).then(() => true, () => false))) return realInside(root, what, path);
    const files = await readdir(inside(root, what, "disk")).catch(() => [] as string[]);
    if (path === undefined && files.length === 1) return realInside(root, what, "disk", files[0]!);
  }
  throw new Error(`containerDisk ${image}: no image layout with one file in disk/ under ${imageRoots(imageDir, image).join(", ")}`);
}

/** Standalone mode's volumes: PVC claim X is DIR/X/disk.img (or a block device DIR/X), images from --image-dir. */
export function standaloneVolumeSources(o: StandaloneSourceOptions): VolumeSources {
  const keyed = async (kind: string, name: string, inline: Record<string, Record<string, string>>, dir?: string) => {
    const found = Object.hasOwn(inline, name) ? inline[name] : (dir !== undefined ? await dirData(inside(dir, `${kind} ${name}`, name), `${kind} ${name}`) : undefined);
    if (found === undefined) throw new Error(`${kind} ${name} not found: put it in the manifest file or in ${dir ?? "--" + kind.toLowerCase() + "-dir"}/${name}/`);
    return found;
  };
  return {
    async claim(name): Promise<ClaimLocation> {
      if (o.pvcDir === undefined) throw new Error(`PVC ${name}: standalone mode needs --pvc-dir`);
      return claimLocation(o.pvcDir, name);
    },
    async containerDisk(_volumeName, image, path) {
      if (o.imageDir === undefined) throw new Error(`containerDisk ${image}: standalone mode needs --image-dir`);
      return imageFile(o.imageDir, image, path);
    },
    secret: (name) => keyed("Secret", name, o.secrets, o.secretDir),
    configMap: (name) => keyed("ConfigMap", name, o.configMaps, o.configMapDir),
    serviceAccount: async (name) => ({ namespace: "default", "service-account": name }),
    async imageFormat(path) {
      return (await imageInfo(path)).format === "raw" ? "raw" : "qcow2";
    },
  };
}
