import { isPlainObject } from "../schema";
import { OTHER_GROUP_KINDS, OtherGroupKind } from "./other-groups";

/** The served kind outside kubevirt.io an object claims to be (by apiVersion and kind), if any. */
export function otherGroupKindOf(object: unknown): OtherGroupKind | undefined {
  if (!isPlainObject(object)) return undefined;
  return OTHER_GROUP_KINDS.find(k => object.kind === k.kind && object.apiVersion === `${k.group}/${k.version}`);
}
