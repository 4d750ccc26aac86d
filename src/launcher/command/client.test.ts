import test from "ava";
import { createServer, type Socket } from "node:net";
import { join } from "node:path";
import { CommandClient } from "./client";
import { PROTOCOL, encode } from "./protocol";
import { tempDir } from "../../testing/temp-dir";

/** A launcher stand-in that says hello and then never answers: the client must not hang on it. */
async function silentLauncher(): Promise<{ path: string; sockets: Socket[]; close: () => void }> {
  const path = join(tempDir("cmd-client-"), "launcher.sock");
  const sockets: Socket[] = [];
  const server = createServer((s) => {
    sockets.push(s);
    s.on("error", () => undefined);
    s.write(encode({ v: 1, hello: { protocol: PROTOCOL, versions: [1], pid: 1 } }));
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  // Ending the server also ends its connections: an open one would keep the test process alive.
  return { path, sockets, close: () => { for (const s of sockets) s.destroy(); server.close(); } };
}

test("a pending call fails when the launcher goes away, and close listeners run", async (t) => {
  const l = await silentLauncher();
  const client = await CommandClient.connect(l.path);
  const closed = new Promise<void>((resolve) => client.onClose(resolve));
  const call = client.call("domainInfo");
  l.sockets[0]!.destroy();
  const err = await t.throwsAsync(call, { message: /closed the connection/ });
  t.is((err as Error & { code?: string }).code, "closed");
  await closed;
  t.true(client.isClosed);
  await t.throwsAsync(client.call("ping"), { message: /closed the connection/ });
  l.close();
});

test("a call with a timeout fails when no answer comes", async (t) => {
  const l = await silentLauncher();
  const client = await CommandClient.connect(l.path);
  const err = await t.throwsAsync(client.call("ping", undefined, 50));
  t.regex(err!.message, /no answer within 50 ms/);
  t.is((err as Error & { code?: string }).code, "timeout");
  client.close();
  l.close();
});
