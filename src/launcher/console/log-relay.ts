import { open, stat, type FileHandle } from "node:fs/promises";

/*
 * The console log the user asked for (`--console-log FILE`) is opened by the launcher itself, as
 * the user who ran it, so a file in that user's private (0700) directory works. QEMU's user never
 * sees that path: QEMU writes the serial log to a file in the launcher's workdir (a path QEMU's
 * user can reach), and this relay appends each new byte of it to the user's file. Nothing is
 * created or chowned at the user's path as anyone but the launcher.
 */

const CHUNK = 64 * 1024;

export class ConsoleLogRelay {
  private source?: { handle: FileHandle; ino: number };
  private timer?: NodeJS.Timeout;
  private pumping: Promise<void> = Promise.resolve();

  private constructor(private readonly target: FileHandle, private readonly sourcePath: string) {}

  /** Opens (appends to, creates) the user's file now: a mistake in it fails before the VM starts. */
  static async open(targetPath: string, sourcePath: string): Promise<ConsoleLogRelay> {
    const target = await open(targetPath, "a").catch((err: Error) => {
      throw new Error(`--console-log ${targetPath}: cannot open it for appending: ${err.message}`, { cause: err });
    });
    return new ConsoleLogRelay(target, sourcePath);
  }

  /** Follows the source until stop(); `intervalMs` bounds how late a console line shows up in the file. */
  start(intervalMs = 200): void {
    this.timer = setInterval(() => void this.pump(), intervalMs);
    this.timer.unref();
  }

  /** Copies what is left (the guest's last lines) and closes both files. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pump();
    await this.source?.handle.close().catch(() => undefined);
    await this.target.close().catch(() => undefined);
  }

  /** One pass at a time: read the source to its end; when it was replaced (a new inode), finish the old file, then follow the new one. */
  pump(): Promise<void> {
    this.pumping = this.pumping.then(() => this.copyAvailable()).catch(() => undefined);
    return this.pumping;
  }

  private async copyAvailable(): Promise<void> {
    if (this.source) await this.drain(this.source.handle);
    const current = await stat(this.sourcePath).catch(() => undefined);
    if (current === undefined || current.ino === this.source?.ino) return;
    await this.source?.handle.close().catch(() => undefined);
    this.source = { handle: await open(this.sourcePath, "r"), ino: current.ino };
    await this.drain(this.source.handle);
  }

  /** Reads from the handle's own position (it advances) to the end, appending to the target. */
  private async drain(handle: FileHandle): Promise<void> {
    const buffer = Buffer.alloc(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) return;
      await this.target.write(buffer.subarray(0, bytesRead));
    }
  }
}
