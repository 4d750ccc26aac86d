import { VirtualMachineInstanceSpec } from "../../api";

/** Kubernetes' rule for images: `:latest` or no tag means Always, anything else IfNotPresent. */
export function pullPolicyFor(image: string): "Always" | "IfNotPresent" {
  if (image.includes("@")) return "IfNotPresent";
  const lastSegment = image.slice(image.lastIndexOf("/") + 1);
  const colon = lastSegment.lastIndexOf(":");
  const tag = colon >= 0 ? lastSegment.slice(colon + 1) : "";
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}

export function defaultContainerDiskPullPolicy(spec: VirtualMachineInstanceSpec): void {
  for (const volume of spec.volumes ?? []) {
    const source = volume.containerDisk;
    if (source && typeof source.image === "string") source.imagePullPolicy ||= pullPolicyFor(source.image);
  }
  const kernel = spec.domain.firmware?.kernelBoot?.container;
  if (kernel && typeof kernel.image === "string") kernel.imagePullPolicy ||= pullPolicyFor(kernel.image);
}
