/**
 * guestosinfo, userlist, filesystemlist: answered from the guest agent, which kubevirt-ts does not
 * connect yet; the refusal is KubeVirt's own for a VMI without a connected agent (409).
 */
import type { VirtualMachineInstance } from "../api";
import { getObject, type KubeObject } from "../kube/objects";
import { RESOURCES } from "../kube/resources";
import { conflict, notFound } from "./status";

export async function guestAgentQuery(namespace: string, name: string): Promise<never> {
  const vmi = await getObject<VirtualMachineInstance & KubeObject>(RESOURCES.vmi, namespace, name);
  if (!vmi) throw notFound("virtualmachineinstance", name);
  if (vmi.status?.phase !== "Running") throw conflict("virtualmachineinstance", name, "VMI is not running");
  throw conflict("virtualmachineinstance", name, "VMI does not have guest agent connected");
}
