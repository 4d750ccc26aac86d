/**
 * The I/O shell of start/stop/restart: read the VM and its VMI, plan (lifecycle.ts), carry the plan out.
 */
import type { VirtualMachine, VirtualMachineInstance } from "../api";
import { CONTENT, KubeError, request } from "../kube/client";
import { getObject, listObjects, type KubeObject } from "../kube/objects";
import { RESOURCES, resourcePath, withQuery } from "../kube/resources";
import { planRestart, planStart, planStop, type Plan, type Step } from "./lifecycle";
import { conflict, internal, notFound, StatusError } from "./status";

type Vm = VirtualMachine & KubeObject;
type Vmi = VirtualMachineInstance & KubeObject;
type Verb = "start" | "stop" | "restart";

export async function vmLifecycle(verb: Verb, namespace: string, name: string, body: Record<string, unknown>): Promise<void> {
  const vm = await getObject<Vm>(RESOURCES.vm, namespace, name).catch(readFailed("vm", name));
  if (!vm) throw notFound("virtualmachine", name);
  const vmi = await getObject<Vmi>(RESOURCES.vmi, namespace, name).catch(readFailed("vmi", name));
  const plan: Plan =
    verb === "start" ? planStart(vm, vmi, body) : verb === "stop" ? planStop(vm, vmi, body) : planRestart(vm, vmi, body);
  if ("error" in plan) throw plan.error;
  const dryRun = Array.isArray(body.dryRun) && body.dryRun.includes("All");
  for (const step of plan.steps) await carryOut(step, vm, dryRun);
}

const readFailed = (what: string, name: string) => (err: unknown): never => {
  throw internal(`unable to retrieve ${what} [${name}]: ${(err as Error).message}`);
};

async function carryOut(step: Step, vm: Vm, dryRun: boolean): Promise<void> {
  const { namespace, name } = vm.metadata;
  const q = { dryRun: dryRun ? "All" : undefined };
  try {
    switch (step.kind) {
      case "patchVm":
        await request("PATCH", withQuery(resourcePath(RESOURCES.vm, namespace, name), q), step.ops, CONTENT.jsonPatch);
        return;
      case "patchVmStatus":
        await request("PATCH", withQuery(resourcePath(RESOURCES.vm, namespace, name, "status"), q), step.ops, CONTENT.jsonPatch);
        return;
      case "patchVmi":
        await request("PATCH", withQuery(resourcePath(RESOURCES.vmi, namespace, name), q), step.ops, CONTENT.jsonPatch);
        return;
      case "deleteLauncherPod":
        if (dryRun) return;
        await deleteLauncherPod(namespace!, step.vmiUid);
        return;
    }
  } catch (err) {
    if (err instanceof StatusError) throw err;
    // A failed `test` means the VM changed since it was read: the caller may retry.
    if (err instanceof KubeError && /test operation does not apply|testing value/i.test(err.message)) throw conflict("virtualmachine", name, err.message);
    throw internal((err as Error).message);
  }
}

/** restart --force: the VMI's launcher pod (labelled with the VMI's uid) goes with a 1 s grace period. */
async function deleteLauncherPod(namespace: string, vmiUid: string): Promise<void> {
  const pods = await listObjects(RESOURCES.pod, namespace, `kubevirt.io/created-by=${vmiUid}`);
  for (const pod of pods) {
    await request("DELETE", resourcePath(RESOURCES.pod, namespace, pod.metadata.name), { kind: "DeleteOptions", apiVersion: "v1", gracePeriodSeconds: 1 }).catch((err) => {
      if (!(err instanceof KubeError && err.notFound)) throw err;
    });
  }
}
