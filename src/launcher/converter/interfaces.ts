import type { Configurator } from "./configurator";
import { ConversionError } from "./context";

const MODELS = ["virtio", "e1000", "e1000e", "rtl8139"];

/**
 * NICs bound to the pod network (masquerade or bridge binding): an unmanaged tap that the network
 * setup created beforehand. Networks without a tap in the context are left unattached: standalone
 * mode gives a VM no network, so a guest never gets a path beyond the machine.
 */
export const configureInterfaces: Configurator = (vmi, domain, ctx) => {
  const networks = new Map((vmi.spec.networks ?? []).map((n) => [n.name, n]));
  (vmi.spec.domain.devices.interfaces ?? []).forEach((iface, i) => {
    const field = `spec.domain.devices.interfaces[${i}]`;
    const network = networks.get(iface.name);
    if (network === undefined) throw new ConversionError(`${field}.name`, `no network named ${iface.name}`);
    if (network.pod === undefined) throw new ConversionError(`${field}.name`, `network ${iface.name} is not a pod network`);
    if (iface.masquerade === undefined && iface.bridge === undefined) {
      throw new ConversionError(field, "only the masquerade and bridge bindings are supported");
    }
    const model = iface.model ?? "virtio";
    if (!MODELS.includes(model)) throw new ConversionError(`${field}.model`, `unsupported model ${model}`);
    const tap = ctx.taps[iface.name];
    if (tap === undefined) return;
    domain.devices.interfaces.push({ alias: iface.name, model, mac: iface.macAddress ?? ctx.macs?.[iface.name], tap, bootOrder: iface.bootOrder });
  });
};
