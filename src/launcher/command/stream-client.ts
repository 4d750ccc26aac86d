/**
 * The node agent's side of a `stream` request: a new connection to the command socket, the hello,
 * one request, its answer; then the same socket carries the target's bytes (protocol.ts).
 */
import { connect, type Socket } from "node:net";
import { PROTOCOL_VERSION, decodeServerMessage, encode, type StreamTarget } from "./protocol";

/** Reads one "\n"-terminated line; bytes after it are put back for the stream's reader. */
function readLine(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const cleanup = (): void => {
      socket.off("data", onData).off("error", onError).off("close", onClose);
    };
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      const nl = buffered.indexOf(10);
      if (nl < 0) return;
      cleanup();
      socket.pause();
      if (nl + 1 < buffered.length) socket.unshift(buffered.subarray(nl + 1));
      resolve(buffered.subarray(0, nl).toString("utf8"));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error("the launcher closed the connection"));
    };
    socket.on("data", onData).once("error", onError).once("close", onClose);
  });
}

export class StreamRefused extends Error {}

/** A socket carrying `target`'s bytes, paused (pipe it, or resume it after adding a data listener); rejects with StreamRefused when the launcher says no. */
export async function openStream(path: string, target: StreamTarget, timeoutMs = 10_000): Promise<Socket> {
  const socket = connect(path);
  const timer = setTimeout(() => socket.destroy(new Error(`no answer from ${path} within ${timeoutMs} ms`)), timeoutMs);
  try {
    const hello = decodeServerMessage(await readLine(socket));
    if (!("hello" in hello)) throw new Error(`expected a hello from ${path}`);
    socket.resume();
    socket.write(encode({ v: PROTOCOL_VERSION, id: 1, method: "stream", params: target }));
    const answer = decodeServerMessage(await readLine(socket));
    if (!("ok" in answer)) throw new Error(`expected an answer from ${path}`);
    if (!answer.ok) throw new StreamRefused(answer.error.message);
    return socket;
  } catch (err) {
    socket.destroy();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
