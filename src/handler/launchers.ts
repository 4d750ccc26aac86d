/**
 * The node agent's connections to the launchers on its node, one per launcher pod: connect to the
 * pod's command socket (in its emptyDir, through the kubelet's root on the host), subscribe to its
 * domain events, remember how the domain ended, and wake the VMI's key on every event and on
 * disconnect. Reconnecting after a handler restart is the same path: re-adoption sends nothing that
 * changes the VM.
 */
import { access, open } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CommandClient } from "../launcher/command/client";
import type { DomainInfo, EventMessage, StreamTarget } from "../launcher/command/protocol";
import { openStream } from "../launcher/command/stream-client";
import type { Socket } from "node:net";
import type { DomainStop, LauncherView, Vmi } from "./observed";

/** Where a launcher pod's command socket is on the node (the contract's path). */
export function launcherSocketPath(kubeletRootDir: string, podUid: string): string {
  return join(kubeletRootDir, "pods", podUid, "volumes", "kubernetes.io~empty-dir", "sockets", "launcher.sock");
}

/**
 * Connects to a unix socket whose path may exceed sun_path's 108 bytes (a kubelet root such as
 * /work/…/.local/node/kubelet makes it longer; libuv would truncate it and fail with ENOENT): through
 * an open descriptor of its directory, /proc/self/fd/N/NAME is always short.
 */
async function viaShortPath<T>(path: string, connect: (short: string) => Promise<T>): Promise<T> {
  const dir = await open(dirname(path), "r");
  try {
    return await connect(`/proc/self/fd/${dir.fd}/${basename(path)}`);
  } finally {
    await dir.close();
  }
}
const connectLong = (path: string): Promise<CommandClient> => viaShortPath(path, (p) => CommandClient.connect(p));

interface Entry {
  vmiKey: string;
  client?: CommandClient;
  connecting?: Promise<CommandClient | undefined>;
  stopped?: DomainStop;
  syncError?: string;
  syncReason?: string;
  /** Reports already made about this launcher (events not tied to a status transition). */
  reported?: Set<string>;
}

export interface LauncherLog {
  (msg: string, fields?: Record<string, unknown>): void;
}

const CALL_TIMEOUT_MS = 10_000;
/** A sync prepares disks and boots the domain: minutes on a slow node, never forever. */
const SYNC_TIMEOUT_MS = 5 * 60_000;

export class Launchers {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly kubeletRootDir: string,
    /** Wakes the VMI's key; called on every launcher event and disconnect. */
    private readonly wake: (vmiKey: string) => void,
    private readonly log: LauncherLog,
  ) {}

  /**
   * What is known about the launcher of pod `podUid`. With `reachable` (its compute container runs),
   * connects and subscribes when not connected yet, and asks for the domain's state.
   */
  async view(podUid: string, vmiKey: string, reachable: boolean): Promise<LauncherView | undefined> {
    const entry = this.entry(podUid, vmiKey);
    const client = reachable ? await this.connect(podUid, vmiKey) : undefined;
    const known = { ...(entry.stopped && { stopped: entry.stopped }), ...(entry.syncError !== undefined && { syncError: entry.syncError }), ...(entry.syncReason !== undefined && { syncReason: entry.syncReason }) };
    if (!client) return Object.keys(known).length > 0 ? known : undefined;
    return { ...known, domain: await this.domainInfo(client) };
  }

  async sync(podUid: string, vmiKey: string, params: { vmi: Vmi }): Promise<void> {
    const client = await this.connect(podUid, vmiKey);
    if (!client) throw new Error(`launcher of pod ${podUid} is not reachable`);
    try {
      await client.call("sync", params, SYNC_TIMEOUT_MS);
    } catch (err) {
      // The launcher refused the VMI (its own error) rather than the connection failing: remember it.
      if ((err as { code?: string }).code === "failed") this.entry(podUid, vmiKey).syncError = (err as Error).message;
      throw err;
    }
  }

  async command(podUid: string, vmiKey: string, method: "shutdown" | "kill"): Promise<void> {
    const client = await this.connect(podUid, vmiKey);
    if (!client) throw new Error(`launcher of pod ${podUid} is not reachable for ${method}`);
    await client.call(method, undefined, CALL_TIMEOUT_MS).catch((err: unknown) => {
      if ((err as { code?: string }).code !== "no-domain") throw err; // already gone: nothing to stop
    });
  }

  /** pause/unpause for virt-api (through the link): the launcher's own error when it refuses. */
  async control(podUid: string, vmiKey: string, method: "pause" | "unpause"): Promise<void> {
    const client = await this.connect(podUid, vmiKey);
    if (!client) throw new Error(`launcher of pod ${podUid} is not reachable for ${method}`);
    await client.call(method, undefined, CALL_TIMEOUT_MS);
  }

  /** A new connection to the launcher carrying a stream (console, VNC, guest port); paused until piped. */
  stream(podUid: string, target: StreamTarget): Promise<Socket> {
    return viaShortPath(launcherSocketPath(this.kubeletRootDir, podUid), (p) => openStream(p, target));
  }

  /** Remembers that the VMI cannot start in this pod (e.g. its network set-up failed): the next round fails it. */
  failSync(podUid: string, vmiKey: string, message: string, reason?: string): void {
    const entry = this.entry(podUid, vmiKey);
    entry.syncError = message;
    entry.syncReason = reason;
  }

  /** true the first time it is asked for `what` about this launcher: such a report is made once. */
  firstReport(podUid: string, vmiKey: string, what: string): boolean {
    const entry = this.entry(podUid, vmiKey);
    entry.reported ??= new Set();
    if (entry.reported.has(what)) return false;
    entry.reported.add(what);
    return true;
  }

  /** Drops the connections and memory of a VMI's launchers, except `keepPodUid` (the VMI is gone, final or moved on). */
  forgetVmi(vmiKey: string, keepPodUid?: string): void {
    for (const [uid, e] of this.entries) {
      if (e.vmiKey !== vmiKey || uid === keepPodUid) continue;
      e.client?.close();
      this.entries.delete(uid);
    }
  }

  /** Closes every connection (the handler stops; the launchers and their VMs go on). */
  closeAll(): void {
    for (const e of this.entries.values()) e.client?.close();
    this.entries.clear();
  }

  private entry(podUid: string, vmiKey: string): Entry {
    let e = this.entries.get(podUid);
    if (!e) this.entries.set(podUid, (e = { vmiKey }));
    return e;
  }

  private async domainInfo(client: CommandClient): Promise<DomainInfo | undefined> {
    try {
      return (await client.call("domainInfo", undefined, CALL_TIMEOUT_MS)) as DomainInfo;
    } catch (err) {
      if ((err as { code?: string }).code === "no-domain") return undefined;
      throw err;
    }
  }

  private async connect(podUid: string, vmiKey: string): Promise<CommandClient | undefined> {
    const entry = this.entry(podUid, vmiKey);
    if (entry.client && !entry.client.isClosed) return entry.client;
    if (entry.stopped) return undefined; // the domain ended; its launcher is exiting
    entry.connecting ??= this.open(podUid, vmiKey, entry).finally(() => (entry.connecting = undefined));
    return entry.connecting;
  }

  private async open(podUid: string, vmiKey: string, entry: Entry): Promise<CommandClient | undefined> {
    const path = launcherSocketPath(this.kubeletRootDir, podUid);
    if (!(await access(path).then(() => true, () => false))) return undefined; // not listening yet
    const client = await connectLong(path);
    client.onEvent((e) => this.onEvent(podUid, vmiKey, e));
    client.onClose(() => {
      if (this.entries.get(podUid) !== entry) return; // forgotten on purpose: nothing to look at
      entry.client = undefined;
      this.wake(vmiKey);
    });
    try {
      await client.call("subscribe", undefined, CALL_TIMEOUT_MS);
    } catch (err) {
      client.close();
      throw err;
    }
    entry.client = client;
    this.log("connected to launcher", { vmi: vmiKey, pod: podUid, launcherPid: client.hello.pid });
    return client;
  }

  private onEvent(podUid: string, vmiKey: string, e: EventMessage["event"]): void {
    if (e.kind === "shutdown" || e.kind === "crashed" || e.kind === "destroyed") {
      const entry = this.entries.get(podUid);
      if (entry) entry.stopped ??= { kind: e.kind, detail: e.detail };
    }
    this.log("launcher event", { vmi: vmiKey, pod: podUid, event: e.kind, detail: e.detail });
    this.wake(vmiKey);
  }
}
