import { Cause } from "../../api";
import { disksOf, interfacesOf } from "./access";
import { at, cause, quote, SpecRule } from "./rule";

interface BootDevice {
  readonly field: string;
  readonly order: unknown;
}

function bootDevices(spec: Parameters<SpecRule>[0], path: string): BootDevice[] {
  const disks = disksOf(spec).map(([d, i]) => ({ field: at(path, "domain", "devices", "disks", i, "bootOrder"), order: d.bootOrder }));
  const nics = interfacesOf(spec).map(([n, i]) => ({ field: at(path, "domain", "devices", "interfaces", i, "bootOrder"), order: n.bootOrder }));
  return [...disks, ...nics].filter(d => d.order !== undefined && d.order !== null);
}

/**
 * Boot orders are positive and unique across disks and interfaces (disks first, as the firmware
 * sees them): two devices with the same order make the boot device ambiguous.
 */
export const bootOrders: SpecRule = (spec, path) => {
  const seen = new Map<number, string>();
  const causes: Cause[] = [];
  for (const device of bootDevices(spec, path)) {
    const order = device.order;
    if (typeof order !== "number" || !Number.isInteger(order) || order < 1) {
      causes.push(cause(device.field, `boot order must be a whole number of 1 or more, got ${quote(order)}; lower numbers boot first`));
      continue;
    }
    const owner = seen.get(order);
    if (owner !== undefined) causes.push(cause(device.field, `boot order ${order} is already used by ${owner.replace(/\.bootOrder$/, "")}; give each device its own boot order`));
    else seen.set(order, device.field);
  }
  return causes;
};
