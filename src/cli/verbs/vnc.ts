/**
 * `vnc VMI [--proxy-only] [--port N] [--address A]`: as virtctl vnc, the VMI's display is opened first,
 * then a local TCP port carries it to one VNC client. With --proxy-only the port is printed as
 * {"port":N} for the user's own client; without it a viewer on PATH (remote-viewer, vncviewer) is run.
 */
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { parseArgs } from "node:util";
import { ApiError } from "./api";
import { loadConnection } from "./kubeconfig";
import { openStream } from "./stream";
import { VerbUsageError, type VerbIo } from "./vm-verbs";

const VIEWERS = ["remote-viewer", "vncviewer", "tigervnc"];

export async function runVnc(args: readonly string[], io: VerbIo): Promise<number> {
  let p;
  try {
    p = parseArgs({
      args: [...args],
      options: { namespace: { type: "string", short: "n" }, kubeconfig: { type: "string" }, context: { type: "string" }, "proxy-only": { type: "boolean" }, port: { type: "string" }, address: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new VerbUsageError((e as Error).message);
  }
  const [name, ...extra] = p.positionals;
  if (!name || extra.length > 0) throw new VerbUsageError("vnc needs exactly one VMI name: vnc VMI [--proxy-only]");
  const port = Number(p.values.port ?? "0");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new VerbUsageError(`--port ${p.values.port}: must be a port number (0 picks a free one)`);
  const proxyOnly = p.values["proxy-only"] === true;
  const address = proxyOnly ? (p.values.address ?? "127.0.0.1") : "127.0.0.1";
  const conn = loadConnection(p.values);
  let display;
  try {
    display = await openStream(conn, "virtualmachineinstances", name, "vnc");
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    io.err(`can't access VMI ${name}: Can't connect to websocket (${err.code}): ${err.message}`);
    return 1;
  }
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, address, resolve));
  const local = (server.address() as AddressInfo).port;
  const client = new Promise<Socket>((resolve) => server.once("connection", resolve));
  if (proxyOnly) io.out(JSON.stringify({ port: local }));
  else if (!runViewer(local, io)) {
    server.close();
    display.destroy();
    io.err(`No supported VNC app found (looked for ${VIEWERS.join(", ")}): use --proxy-only and a VNC client of your own`);
    return 1;
  }
  const socket = await client;
  server.close(); // one client, as virtctl
  return new Promise<number>((resolve) => {
    const done = (): void => {
      socket.destroy();
      display.destroy();
      resolve(0);
    };
    socket.once("close", done).on("error", done);
    display.once("end", done).once("close", done).on("error", done);
    socket.pipe(display);
    display.pipe(socket);
  });
}

function runViewer(port: number, io: VerbIo): boolean {
  for (const viewer of VIEWERS) {
    const found = (process.env.PATH ?? "").split(":").some((dir) => {
      try {
        accessSync(`${dir}/${viewer}`, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
    if (!found) continue;
    const target = viewer === "remote-viewer" ? `vnc://127.0.0.1:${port}` : `127.0.0.1::${port}`;
    spawn(viewer, [target], { stdio: "ignore" }).on("error", (err) => io.err(`${viewer}: ${err.message}`));
    return true;
  }
  return false;
}
