/**
 * Set-up for the node agent's integration test: waiting for its DaemonSet (the controller installs
 * it), and VMIs that need nothing but the launcher (no disks, no network: SeaBIOS finds nothing to boot and
 * QEMU runs on, a guest that ignores ACPI like a busy one).
 */
import { kubectl } from "./kube";
import { waitFor } from "./wait";

export const HANDLER_NS = "kubevirt";

export function vmiManifest(name: string, grace: number): string {
  return JSON.stringify({
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachineInstance",
    metadata: { name },
    spec: { terminationGracePeriodSeconds: grace, domain: { resources: { requests: { memory: "64Mi" } }, devices: { autoattachPodInterface: false } } },
  });
}

/** Waits until virt-handler, which the controller installs at start-up, is rolled out and ready (its watches run). */
export async function waitHandlerReady(): Promise<void> {
  await waitFor(["get", "daemonset", "virt-handler", "-n", HANDLER_NS], (d) => d !== undefined, "the virt-handler DaemonSet (installed by virt-controller at start-up)", 120_000);
  const r = await kubectl(["rollout", "status", "daemonset/virt-handler", "-n", HANDLER_NS, "--timeout=180s"], undefined, 200_000);
  if (r.code !== 0) throw new Error(`virt-handler not ready: ${r.stderr}; see kubectl logs -n ${HANDLER_NS} -l kubevirt.io=virt-handler`);
}

