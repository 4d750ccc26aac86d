import type { Configurator } from "./configurator";
import { vmiName } from "./configurator";
import { ConversionError } from "./context";

/** KubeVirt's default when the VMI sets none. */
export const DEFAULT_GRACE_PERIOD_SECONDS = 30;

/** Domain name `<namespace>_<name>`, firmware UUID, and the grace period in domain metadata. */
export const configureMetadata: Configurator = (vmi, domain) => {
  const { namespace, name, uid } = vmiName(vmi);
  if (name === "") throw new ConversionError("metadata.name", "a VMI needs a name");
  domain.name = `${namespace}_${name}`;
  domain.uuid = vmi.spec.domain.firmware?.uuid;
  domain.metadata = { namespace, name, uid, gracePeriodSeconds: vmi.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_PERIOD_SECONDS };
};
