/**
 * pause, unpause and the streams of a VMI: read it, refuse as KubeVirt does (vmi-checks.ts), then ask
 * the virt-handler of its node over the link (handler-link.ts).
 */
import type { Duplex } from "node:stream";
import type { VirtualMachineInstance } from "../api";
import { getObject, type KubeObject } from "../kube/objects";
import { RESOURCES } from "../kube/resources";
import type { LinkAction, LinkRequest } from "../handler/link/paths";
import type { HandlerLink } from "./handler-link";
import { internal, notFound } from "./status";
import { pauseRefusal, portForwardTarget, streamRefusal, unpauseRefusal, type StreamKind } from "./vmi-checks";

type Vmi = VirtualMachineInstance & KubeObject;

async function readVmi(namespace: string, name: string): Promise<Vmi> {
  const vmi = await getObject<Vmi>(RESOURCES.vmi, namespace, name).catch((err: unknown) => {
    throw internal(`unable to retrieve vmi [${name}]: ${(err as Error).message}`);
  });
  if (!vmi) throw notFound("virtualmachineinstance", name);
  return vmi;
}

const linkRequest = (vmi: Vmi, action: LinkAction): LinkRequest => ({ namespace: vmi.metadata.namespace!, name: vmi.metadata.name, uid: String(vmi.metadata.uid ?? ""), action });

export async function pauseVmi(link: HandlerLink, verb: "pause" | "unpause", namespace: string, name: string, body: Record<string, unknown>): Promise<void> {
  const vmi = await readVmi(namespace, name);
  const refusal = verb === "pause" ? pauseRefusal(vmi) : unpauseRefusal(vmi);
  if (refusal) throw refusal;
  if (Array.isArray(body.dryRun) && body.dryRun.includes("All")) return;
  await link.call(String(vmi.status?.nodeName ?? ""), linkRequest(vmi, { kind: verb }));
}

export async function openVmiStream(link: HandlerLink, kind: StreamKind, namespace: string, name: string, rest: string[]): Promise<Duplex> {
  const vmi = await readVmi(namespace, name);
  const refusal = streamRefusal(vmi, kind);
  if (refusal) throw refusal;
  let action: LinkAction = { kind: kind as "console" | "vnc" };
  if (kind === "portforward") {
    const target = portForwardTarget(rest);
    if (!("port" in target)) throw target;
    action = { kind, port: target.port };
  }
  return link.stream(String(vmi.status?.nodeName ?? ""), linkRequest(vmi, action));
}
