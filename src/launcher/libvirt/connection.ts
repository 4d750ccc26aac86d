import type { DomainPort, DomainRunState, DomainStatus } from "./port";
import { isNotFound } from "./port";

// @unraid/libvirt is ESM-only; loaded with import() so this module works from CommonJS (tsx, ava) too.
type Bindings = typeof import("@unraid/libvirt");

const STATES: Record<number, DomainRunState> = { 1: "running", 2: "running", 3: "paused", 4: "shutdown", 5: "shutoff", 6: "crashed" };

async function call<T>(what: string, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const wrapped = new Error(`libvirt ${what} ${name}: ${(err as Error).message}`, { cause: err });
    Object.assign(wrapped, { code: (err as { code?: number }).code });
    throw wrapped;
  }
}

/** Opens the DomainPort on a libvirt URI through the Node bindings. */
export async function connectLibvirt(uri: string): Promise<DomainPort> {
  const { Hypervisor }: Bindings = await import("@unraid/libvirt");
  const hv = new Hypervisor({ uri });
  await call("connect", uri, () => hv.connectOpen());
  const lookup = (name: string) => hv.domainLookupByName(name);
  return {
    create: (xml) => call("create", "domain", async () => void (await hv.domainCreateXML(xml))),
    shutdown: (name) => call("shutdown", name, async () => hv.domainShutdown(await lookup(name))),
    destroy: (name) => call("destroy", name, async () => hv.domainDestroy(await lookup(name))),
    pause: (name) => call("suspend", name, async () => hv.domainSuspend(await lookup(name))),
    unpause: (name) => call("resume", name, async () => hv.domainResume(await lookup(name))),
    xml: (name) => call("get XML of", name, async () => hv.domainGetXMLDesc(await lookup(name))),
    status: async (name): Promise<DomainStatus | undefined> => {
      try {
        const info = await hv.domainGetInfo(await lookup(name));
        return { state: STATES[info.state] ?? "other", memoryKiB: info.memory, vcpus: info.nrVirtCpu, cpuTimeNs: info.cpuTime };
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw new Error(`libvirt info ${name}: ${(err as Error).message}`, { cause: err });
      }
    },
    close: () => call("close", uri, () => hv.connectClose()),
  };
}
