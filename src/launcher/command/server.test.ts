import test from "ava";
import { statSync } from "node:fs";
import { join } from "node:path";
import { CommandClient } from "./client";
import { CommandServer } from "./server";
import type { Request } from "./protocol";
import { PassThrough } from "node:stream";
import { openStream, StreamRefused } from "./stream-client";
import { tempDir } from "../../testing/temp-dir";

function serve(allowedUids: number[]) {
  const socketPath = join(tempDir("cmd-"), "sock", "launcher.sock");
  const calls: Request["method"][] = [];
  const server = new CommandServer(
    { handle: async (r) => { calls.push(r.method); if (r.method === "kill") throw new Error("boom"); return { ok: r.method }; } },
    { socketPath, allowedUids: new Set(allowedUids), log: () => undefined },
  );
  return { server, socketPath, calls };
}

test("serves an allowed peer: hello, calls, errors, pushed events; the directory is 0700", async (t) => {
  const { server, socketPath, calls } = serve([process.getuid!()]);
  await server.start();
  t.is(statSync(join(socketPath, "..")).mode & 0o777, 0o700);
  const client = await CommandClient.connect(socketPath);
  t.deepEqual(client.hello.versions, [1]);
  t.deepEqual(await client.call("domainInfo"), { ok: "domainInfo" });
  await t.throwsAsync(client.call("kill"), { message: /kill: failed: boom/ });
  const got = new Promise((resolve) => client.onEvent(resolve));
  await client.call("subscribe");
  server.publish({ kind: "shutdown", domain: "d", detail: "Stopped Shutdown", at: "t" });
  t.like(await got, { kind: "shutdown", domain: "d" });
  t.deepEqual(calls, ["domainInfo", "kill"]);
  client.close();
  await server.stop();
});

test("refuses a peer whose uid is not allowed", async (t) => {
  const { server, socketPath } = serve([4242]);
  await server.start();
  await t.throwsAsync(CommandClient.connect(socketPath, 3000), { message: /closed the connection|no hello/ });
  await server.stop();
});

test("a stream request turns the connection into the target's bytes; a refused one says why", async (t) => {
  const socketPath = join(tempDir("cmd-"), "sock", "launcher.sock");
  const server = new CommandServer(
    {
      handle: async () => ({}),
      // An echo: what the client writes comes back.
      openStream: async (target) => {
        if (target.target === "vnc") throw new Error("No graphics devices are present.");
        return new PassThrough();
      },
    },
    { socketPath, allowedUids: "any", log: () => undefined },
  );
  await server.start();
  const socket = await openStream(socketPath, { target: "console" });
  const echoed = new Promise<string>((resolve) => socket.once("data", (d: Buffer) => resolve(d.toString())));
  socket.resume();
  socket.write("ls\n");
  t.is(await echoed, "ls\n");
  socket.destroy();
  await t.throwsAsync(openStream(socketPath, { target: "vnc" }), { instanceOf: StreamRefused, message: "No graphics devices are present." });
  await server.stop();
});
