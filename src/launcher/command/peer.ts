import { execFile } from "node:child_process";
import { readFile, readlink } from "node:fs/promises";
import type { Socket } from "node:net";
import { promisify } from "node:util";

const exec = promisify(execFile);

/**
 * The uid of the process at the other end of an accepted unix socket. Node has no SO_PEERCRED, so the
 * kernel's socket diagnostics are asked instead (`ss -xp`, iproute2): our end's inode → the peer's
 * inode → the process holding it → its uid in /proc. undefined when that cannot be established.
 */
export async function peerUid(socket: Socket): Promise<number | undefined> {
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (typeof fd !== "number" || fd < 0) return undefined;
  const link = await readlink(`/proc/self/fd/${fd}`).catch(() => "");
  const ours = /^socket:\[(\d+)\]$/.exec(link)?.[1];
  if (ours === undefined) return undefined;
  const table = (await exec("ss", ["-xpnH"])).stdout.split("\n");
  const peerInode = table.map((l) => l.trim().split(/\s+/)).find((cols) => cols[5] === ours)?.[7];
  if (peerInode === undefined) return undefined;
  const peerLine = table.find((l) => l.trim().split(/\s+/)[5] === peerInode);
  const pid = peerLine !== undefined ? /pid=(\d+)/.exec(peerLine)?.[1] : undefined;
  if (pid === undefined) return undefined;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const uid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
  return uid === undefined ? undefined : Number(uid);
}
