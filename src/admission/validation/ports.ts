import { Cause, Port, PORT_PROTOCOLS } from "../../api";
import { entries, interfacesOf, isRecord, networksOf, text } from "./access";
import { at, cause, quote, SpecRule } from "./rule";

export const PORT_NAME_MAX = 15;

/** Kubernetes' IANA service name rules, the same as a container port's name. */
export function portNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length > PORT_NAME_MAX) errors.push(`must be no more than ${PORT_NAME_MAX} characters`);
  if (!/^[-a-z0-9]+$/.test(name)) errors.push("must contain only lower-case letters, digits and '-'");
  if (!/[a-z]/.test(name)) errors.push("must contain at least one letter");
  if (name.includes("--")) errors.push("must not contain consecutive hyphens");
  if (name.startsWith("-") || name.endsWith("-")) errors.push("must not begin or end with a hyphen");
  return errors;
}

function portCauses(port: Port, field: (...rest: string[]) => string): Cause[] {
  const causes: Cause[] = [];
  const number: unknown = port.port;
  if (number === undefined || number === null || number === 0) causes.push(cause(field("port"), "is required: the port number the guest listens on"));
  else if (typeof number !== "number" || !Number.isInteger(number) || number < 1 || number > 65535) causes.push(cause(field("port"), `${quote(number)} is not a port number; use 1 to 65535`));
  const protocol = port.protocol;
  if (protocol !== undefined && protocol !== "" && !(PORT_PROTOCOLS as readonly unknown[]).includes(protocol)) {
    causes.push(cause(field("protocol"), `unknown protocol ${quote(protocol)}; use TCP or UDP`));
  }
  return causes;
}

/** Forwarded ports of interfaces on the pod network: named once each, valid numbers and protocols. */
export const forwardedPorts: SpecRule = (spec, path) => {
  const podNetworks = new Set(networksOf(spec).filter(([n]) => isRecord(n.pod)).map(([n]) => text(n.name)));
  return interfacesOf(spec).flatMap(([iface, i]) => {
    if (!podNetworks.has(text(iface.name))) return [];
    const seen = new Set<string>();
    // The pod forwards a (protocol, port) to the guest once: a second declaration is a mistake.
    const declared = new Set<string>();
    return entries<Port>(iface.ports).flatMap(([port, p]) => {
      const field = (...rest: string[]): string => at(path, "domain", "devices", "interfaces", i, "ports", p, ...rest);
      const causes = portCauses(port, field);
      if (causes.length === 0) {
        // Only a valid port makes a key: String() of an arbitrary value (an object without a prototype) throws.
        const key = `${String(port.protocol || "TCP").toUpperCase()}/${String(port.port)}`;
        if (declared.has(key)) causes.push(cause(field("port"), `${key} is declared twice on interface ${quote(iface.name)}; list each port once`));
        declared.add(key);
      }
      const name = text(port.name);
      if (!name) return causes;
      const errors = portNameErrors(name);
      if (errors.length) causes.push(cause(field("name"), `invalid port name ${quote(name)}: ${errors.join("; ")}`));
      if (seen.has(name)) causes.push(cause(field("name"), `duplicate port name ${quote(name)}; every port of an interface needs its own name`));
      seen.add(name);
      return causes;
    });
  });
};
