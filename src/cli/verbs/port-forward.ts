/**
 * `port-forward TYPE/NAME[/NAMESPACE] [PROTOCOL/]LOCAL[:REMOTE]... [--address A] [--stdio]`: as virtctl,
 * each local TCP connection gets its own stream to the guest's port; --stdio carries one stream on
 * stdin/stdout (ssh's ProxyCommand uses it). Runs until interrupted.
 */
import { createServer, type AddressInfo, type Server } from "node:net";
import type { Duplex } from "node:stream";
import { parseArgs } from "node:util";
import { ApiError } from "./api";
import { loadConnection, type Connection } from "./kubeconfig";
import { parsePort, parseTarget, type ForwardedPort, type Target } from "./ports";
import { openStream } from "./stream";
import { VerbUsageError, type VerbIo } from "./vm-verbs";

const resourceOf = (t: Target): "virtualmachines" | "virtualmachineinstances" => (t.kind === "vm" ? "virtualmachines" : "virtualmachineinstances");
const openTo = (c: Connection, t: Target, p: ForwardedPort): Promise<Duplex> =>
  openStream({ ...c, namespace: t.namespace }, resourceOf(t), t.name, `portforward/${p.remote}/${p.protocol}`);

/** Bytes both ways between a stream and a local socket; either closing closes both. */
function join(stream: Duplex, socket: Duplex): void {
  const done = (): void => {
    stream.destroy();
    socket.destroy();
  };
  // The WebSocket stream ends ('end') when the server closes it; 'close' comes only from destroy().
  stream.once("end", done).once("close", done).on("error", done);
  socket.once("close", done).on("error", done);
  socket.pipe(stream);
  stream.pipe(socket);
}

/** --stdio: stdin to the guest, the guest to stdout, until the stream ends. */
function overStdio(stream: Duplex): Promise<number> {
  process.stdin.pipe(stream);
  stream.pipe(process.stdout);
  return new Promise<number>((resolve) => {
    stream.once("end", () => resolve(0)).once("close", () => resolve(0)).on("error", () => resolve(1));
    process.stdin.once("end", () => stream.end());
  }).finally(() => {
    // stdin may be a socket (ssh's ProxyCommand): unpiped and unref'd, it no longer keeps the process.
    process.stdin.unpipe(stream);
    (process.stdin as { unref?: () => void }).unref?.();
  });
}

export async function runPortForward(args: readonly string[], io: VerbIo): Promise<number> {
  let p;
  try {
    p = parseArgs({
      args: [...args],
      options: { namespace: { type: "string", short: "n" }, kubeconfig: { type: "string" }, context: { type: "string" }, address: { type: "string" }, stdio: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new VerbUsageError((e as Error).message);
  }
  const [rawTarget, ...rawPorts] = p.positionals;
  if (!rawTarget || rawPorts.length === 0) throw new VerbUsageError("port-forward needs a target and ports: port-forward vmi/NAME[/NAMESPACE] LOCAL[:REMOTE]...");
  const conn = loadConnection(p.values);
  const target = parseTarget(rawTarget, conn.namespace);
  if ("problem" in target) throw new VerbUsageError(target.problem);
  const ports = rawPorts.map(parsePort);
  const bad = ports.find((x): x is { problem: string } => "problem" in x);
  if (bad) throw new VerbUsageError(bad.problem);
  const forwards = ports as ForwardedPort[];
  const servers: Server[] = [];
  const live = new Set<Duplex>();
  if (forwards.some((f) => f.protocol !== "tcp")) throw new VerbUsageError("only tcp ports can be forwarded by kubevirt-ts for now");
  try {
    if (p.values.stdio) {
      if (forwards.length !== 1) throw new VerbUsageError("--stdio forwards exactly one port");
      return await overStdio(await openTo(conn, target, forwards[0]!));
    }
    for (const f of forwards) servers.push(await listen(conn, target, f, p.values.address ?? "127.0.0.1", io, live));
  } catch (err) {
    for (const s of servers) s.close();
    if (!(err instanceof ApiError)) throw err;
    io.err(`can't access ${target.kind}/${target.name}.${target.namespace}: ${err.message}`);
    return 1;
  }
  // Until interrupted; then nothing may keep the process: servers and their connections go.
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      for (const s of servers) s.close();
      for (const c of live) c.destroy();
      resolve(0);
    };
    process.once("SIGINT", stop).once("SIGTERM", stop);
  });
}

/** A local port whose every connection is a new stream to the guest's port. */
async function listen(conn: Connection, target: Target, f: ForwardedPort, address: string, io: VerbIo, live: Set<Duplex>): Promise<Server> {
  const server = createServer((socket) => {
    socket.pause();
    live.add(socket);
    socket.once("close", () => live.delete(socket));
    openTo(conn, target, f).then(
      (stream) => join(stream, socket),
      (err: unknown) => {
        io.err(`can't access ${target.kind}/${target.name}.${target.namespace}: ${(err as Error).message}`);
        socket.destroy();
      },
    );
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(f.local, address, resolve));
  io.err(`forwarding ${f.protocol} ${address}:${(server.address() as AddressInfo).port} to ${f.remote}`);
  return server;
}
