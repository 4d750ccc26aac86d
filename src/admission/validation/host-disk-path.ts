import { isRecord, text, volumesOf } from "./access";
import { at, cause, quote, SpecRule } from "./rule";

/**
 * Why a node path is not absolute and normalised, or undefined when it is. The path names a file
 * on the node that the launcher hands to QEMU; only the written form is checked, so '..', '.',
 * '//' and a trailing '/' are refused: what the user reads is exactly the file that gets opened.
 */
export function nodeFilePathError(value: string): string | undefined {
  const example = "for example /var/lib/vm-disks/disk.img";
  if (value.includes("\0")) return `must not contain a NUL character; ${example}`;
  if (!value.startsWith("/")) return `must be an absolute path (starting with '/'); ${example}`;
  if (value === "/" || value.endsWith("/")) return `must name a file, not a directory; ${example}`;
  const segments = value.slice(1).split("/");
  if (segments.some(s => s === "")) return `must not contain empty segments ('//'); ${example}`;
  if (segments.some(s => s === "." || s === "..")) return `must be normalised, without '.' or '..' segments; ${example}`;
  return undefined;
}

export const hostDiskPathIsNormalised: SpecRule = (spec, path) =>
  volumesOf(spec).flatMap(([volume, i]) => {
    const hostDisk = volume.hostDisk;
    const value = isRecord(hostDisk) ? text(hostDisk.path) : undefined;
    if (!value) return []; // missing: hostDiskVolumes says it is required
    const error = nodeFilePathError(value);
    return error ? [cause(at(path, "volumes", i, "hostDisk", "path"), `${quote(value)} ${error}`)] : [];
  });
