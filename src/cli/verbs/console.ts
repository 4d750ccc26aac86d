/**
 * `console VMI`: the guest's serial console on this terminal, as virtctl console. Raw mode while
 * attached (restored on every way out), Ctrl+] or the end of stdin leaves with exit 0; the server closing (the VM
 * stopped, or another console took over) exits 1 saying so. Window resizes need nothing: a serial
 * line has no size.
 */
import { parseArgs } from "node:util";
import { ApiError } from "./api";
import { splitAtEscape } from "./escape";
import { loadConnection } from "./kubeconfig";
import { openStream } from "./stream";
import { VerbUsageError, type VerbIo } from "./vm-verbs";

export interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream;
}

export async function runConsole(args: readonly string[], io: VerbIo, term: Terminal = { stdin: process.stdin, stdout: process.stdout }): Promise<number> {
  let p;
  try {
    p = parseArgs({ args: [...args], options: { namespace: { type: "string", short: "n" }, kubeconfig: { type: "string" }, context: { type: "string" }, timeout: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new VerbUsageError((e as Error).message);
  }
  const [name, ...extra] = p.positionals;
  if (!name || extra.length > 0) throw new VerbUsageError("console needs exactly one VMI name: console VMI");
  const conn = loadConnection(p.values);
  let stream;
  try {
    stream = await openStream(conn, "virtualmachineinstances", name, "console");
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    io.err(`Can't connect to websocket (${err.code}): ${err.message}`);
    return 1;
  }
  io.err(`Successfully connected to ${name} console. Press Ctrl+] or Ctrl+5 to exit console.`);
  const raw = term.stdin.isTTY === true;
  if (raw) term.stdin.setRawMode(true);
  return new Promise<number>((resolve) => {
    let finished = false;
    const finish = (code: number, message?: string): void => {
      if (finished) return;
      finished = true;
      term.stdin.off("data", onInput);
      term.stdin.pause();
      if (raw) term.stdin.setRawMode(false);
      // A paused stdin that is a socket (a parent's pipe) would keep the process alive.
      (term.stdin as { unref?: () => void }).unref?.();
      stream.destroy();
      if (message) io.err(message);
      resolve(code);
    };
    const onInput = (chunk: Buffer): void => {
      const { forward, leave } = splitAtEscape(chunk);
      if (forward.length > 0) stream.write(forward);
      if (leave) finish(0, "");
    };
    term.stdin.on("data", onInput).resume();
    // As virtctl: the end of the input (a script's last line) ends the session as Ctrl+] does.
    term.stdin.once("end", () => finish(0));
    stream.on("data", (d: Buffer) => term.stdout.write(d));
    // A WebSocket stream ends ('end') when the server closes; it emits 'close' only when destroyed here.
    const closedByServer = (): void => finish(1, "\nThe console was closed by the server (the VM stopped, or another console connected).");
    stream.once("end", closedByServer).once("close", closedByServer);
    stream.once("error", (err: Error) => finish(1, `\nThe console's connection failed: ${err.message}`));
  });
}
