import { ApiType, Obj, Str } from "../schema";

/** The fields both matchers share: which object, or which volume to infer it from. */
abstract class Matcher {
  @Str("Name of the instancetype or preference.")
  name?: string;
  @Str("Its kind: the cluster-wide kind (the default) or the namespaced one.")
  kind?: string;
  @Str("ControllerRevision holding the copy the VM uses; set by the controller.")
  revisionName?: string;
  @Str("Name of a volume whose labels name the object to use.")
  inferFromVolume?: string;
  @Str("Reject (the default) or Ignore a failure to infer from the volume.")
  inferFromVolumeFailurePolicy?: string;
}

@ApiType("The instancetype whose CPU and memory the VM takes.")
export class InstancetypeMatcher extends Matcher {}

@ApiType("The preference whose defaults the VM takes.")
export class PreferenceMatcher extends Matcher {}

@ApiType("A reference to a ControllerRevision.")
export class ControllerRevisionRef {
  @Str("Name of the ControllerRevision.")
  name?: string;
}

@ApiType("The instancetype or preference the VM uses, as resolved by the controller.")
export class InstancetypeStatusRef {
  @Str("Name of the object.")
  name?: string;
  @Str("Kind of the object.")
  kind?: string;
  @Obj(() => ControllerRevisionRef, "Revision holding the copy in use.")
  controllerRevisionRef?: ControllerRevisionRef;
  @Str("Volume the object was inferred from.")
  inferFromVolume?: string;
  @Str("What happens when inferring fails.")
  inferFromVolumeFailurePolicy?: string;
}
