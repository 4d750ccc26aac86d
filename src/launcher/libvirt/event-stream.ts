import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { parseVirshEvent, type DomainEvent } from "./events";

export interface EventStream {
  stop(): void;
  /** Resolves when the virsh child exits (unexpectedly, unless stop() was called). */
  exited: Promise<number | null>;
}

/** Follows lifecycle events of all domains on `uri` through a `virsh event --loop` child. */
export function followDomainEvents(uri: string, onEvent: (e: DomainEvent) => void): EventStream {
  const child = spawn("setpriv", ["--pdeathsig", "KILL", "--", "virsh", "-q", "-c", uri, "event", "--all", "--loop"], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const event = parseVirshEvent(line);
    if (event) onEvent(event);
  });
  return { stop: () => void child.kill("SIGKILL"), exited };
}
