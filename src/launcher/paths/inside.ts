import { lstat, realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";

/*
 * Every path the launcher builds from something a user wrote (a volume name, a claim name, a
 * Secret name or key, a containerDisk path) is joined here, under one of the launcher's own
 * directories, and refused when it would land outside it. Admission already refuses such names;
 * this is the second line, for the standalone file and for a crafted `sync`.
 */

export class PathEscapeError extends Error {
  readonly code = "path-escape";
}

/** Whether `path` is `root` itself or below it (both absolute, already normalised). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * Pure: `root` joined with user-given `segments`, normalised, and refused when the result leaves
 * `root` (a '..', an absolute segment, a NUL byte). `what` names the input in the error.
 */
export function inside(root: string, what: string, ...segments: string[]): string {
  const base = resolve(root);
  if (segments.some(s => s.includes("\0"))) throw new PathEscapeError(`${what}: contains a NUL byte`);
  // A leading '/' in a segment means "from the root of this directory" (an image path), never the host's root.
  const target = resolve(base, ...segments.map(s => s.replace(/^\/+/, "")));
  if (!isWithin(base, target)) {
    throw new PathEscapeError(`${what}: ${JSON.stringify(segments.join("/"))} leads to ${target}, outside ${base}; refused`);
  }
  return target;
}

/**
 * I/O: like `inside`, and the file found there, after every symlink, is still inside `root`'s own
 * real location. Returns the real path, so what is then opened or chowned is what was checked.
 */
export async function realInside(root: string, what: string, ...segments: string[]): Promise<string> {
  const target = inside(root, what, ...segments);
  const [realRoot, real] = await Promise.all([realpath(root), realpath(target)]);
  if (!isWithin(realRoot, real)) throw new PathEscapeError(`${what}: ${target} resolves to ${real}, outside ${realRoot}; refused`);
  return real;
}

/**
 * I/O: like `inside`, with no symlink at or below `root` on the way. For roots that are another
 * process's root (/proc/PID/root, a containerDisk's container): an absolute symlink there would
 * be followed from this process's root, so realpath cannot tell inside from outside.
 */
export async function insideNoSymlinks(root: string, what: string, ...segments: string[]): Promise<string> {
  const target = inside(root, what, ...segments);
  const base = resolve(root);
  let current = base;
  for (const part of relative(base, target).split(sep).filter(Boolean)) {
    current = resolve(current, part);
    if ((await lstat(current)).isSymbolicLink()) throw new PathEscapeError(`${what}: ${current} is a symbolic link; refused`);
  }
  return target;
}
