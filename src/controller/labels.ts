/** The labels, annotations and finalizers KubeVirt puts on what its controllers create (same names here). */
export const LABELS = {
  /** `virt-launcher` on launcher pods, `virt-handler` on the node agent. */
  app: "kubevirt.io",
  /** The UID of the VMI a launcher pod serves. */
  createdBy: "kubevirt.io/created-by",
  /** The node a VMI runs on, once its pod is scheduled (the node agent watches by it). */
  nodeName: "kubevirt.io/nodeName",
  /** The VM a VMI (and its pod) belongs to. */
  vmName: "vm.kubevirt.io/name",
} as const;

export const ANNOTATIONS = {
  domain: "kubevirt.io/domain",
  defaultContainer: "kubectl.kubernetes.io/default-container",
} as const;

/** Keeps a VMI while its launcher pod, and so its domain, may still run. */
export const VMI_FINALIZER = "foregroundDeleteVirtualMachine";

export const LAUNCHER = "virt-launcher";
export const COMPUTE_CONTAINER = "compute";
export const CONSOLE_CONTAINER = "guest-console-log";
/** The namespace of the platform's own components (the node agent's DaemonSet, the cluster config). */
export const KUBEVIRT_NAMESPACE = "kubevirt";
