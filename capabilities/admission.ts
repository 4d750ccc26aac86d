import type { KubernetesObject } from "kubernetes-fluent-client";
import type { PeprMutateRequest, PeprValidateRequest } from "pepr";
import { GROUP, KINDS, VERSION } from "../src/api";
import { AdmissionPolicy } from "../src/admission/chain";
import { mutateRequest, validateRequest } from "../src/admission/webhook";
import { Capability, KindRef, Mutate, Validate } from "../src/framework";

const kindRef = (kind: keyof typeof KINDS): KindRef => ({ group: GROUP, version: VERSION, kind, plural: KINDS[kind].plural });
const VM = kindRef("VirtualMachine");
const VMI = kindRef("VirtualMachineInstance");
const VMIRS = kindRef("VirtualMachineInstanceReplicaSet");
const instancetypeRef = (kind: string, plural: string): KindRef => ({ group: "instancetype.kubevirt.io", version: "v1beta1", kind, plural });

/**
 * virt-api's admission: KubeVirt's defaults, then its validation, on every create and update of
 * VMs, VMIs and VMI replica sets, and KubeVirt's few checks of instancetypes and preferences. The
 * seed's kubevirt.io/v1alpha1 VMs arrive here relabelled as v1 (matchPolicy Equivalent) and leave
 * converted.
 */
@Capability({
  name: "kubevirt-admission",
  description: "Defaults and validation for kubevirt.io VirtualMachines, VirtualMachineInstances and VirtualMachineInstanceReplicaSets",
})
export class KubevirtAdmission {
  constructor(private readonly policy: AdmissionPolicy) {}

  @Mutate(VM)
  @Mutate(VMI)
  @Mutate(VMIRS)
  applyDefaults(request: PeprMutateRequest<KubernetesObject>): Promise<void> {
    return mutateRequest(request, this.policy);
  }

  @Validate(VM)
  @Validate(VMI)
  @Validate(VMIRS)
  @Validate(instancetypeRef("VirtualMachineInstancetype", "virtualmachineinstancetypes"))
  @Validate(instancetypeRef("VirtualMachineClusterInstancetype", "virtualmachineclusterinstancetypes"))
  @Validate(instancetypeRef("VirtualMachinePreference", "virtualmachinepreferences"))
  @Validate(instancetypeRef("VirtualMachineClusterPreference", "virtualmachineclusterpreferences"))
  validate(request: PeprValidateRequest<KubernetesObject>) {
    return validateRequest(request, this.policy);
  }
}
