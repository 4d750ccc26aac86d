import { interfacesOf, isRecord } from "./access";
import { at, cause, quote, SpecRule } from "./rule";

/** Bindings KubeVirt v1.3 discontinued: still in the API, always refused on create. */
const DISCONTINUED = ["slirp", "passt", "macvtap"] as const;

export const discontinuedBindings: SpecRule = (spec, path) =>
  interfacesOf(spec).flatMap(([iface, i]) =>
    DISCONTINUED.filter(b => isRecord(iface[b])).map(b =>
      cause(at(path, "domain", "devices", "interfaces", i, b), `interface ${quote(iface.name)}: the ${b} binding was discontinued in KubeVirt v1.3; use masquerade or bridge, or a network binding plugin (binding: {name: ...})`)));
