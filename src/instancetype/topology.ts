import type { PreferenceSpec } from "./types";

export const TOPOLOGIES = ["sockets", "cores", "threads", "spread", "any", "preferSockets", "preferCores", "preferThreads", "preferSpread", "preferAny"] as const;
export type Topology = "sockets" | "cores" | "threads" | "spread" | "any";
export type SpreadAcross = "SocketsCores" | "CoresThreads" | "SocketsCoresThreads";

/** The preference's topology, its deprecated `prefer*` spellings folded in; sockets when unset (KubeVirt's default). */
export function preferredTopology(pref: PreferenceSpec | undefined): Topology {
  const t = pref?.cpu?.preferredCPUTopology ?? "sockets";
  const plain = t.startsWith("prefer") ? t.slice("prefer".length).toLowerCase() : t;
  return (["sockets", "cores", "threads", "spread", "any"].includes(plain) ? plain : "sockets") as Topology;
}

/** Ratio and levels of a spread topology: 2 across SocketsCores unless the preference says otherwise. */
export function spreadOptions(pref: PreferenceSpec | undefined): { ratio: number; across: SpreadAcross } {
  const ratio = pref?.cpu?.spreadOptions?.ratio ?? (pref?.preferSpreadSocketToCoreRatio || 2);
  const across = (pref?.cpu?.spreadOptions?.across ?? "SocketsCores") as SpreadAcross;
  return { ratio, across };
}

const THREADS_PER_CORE = 2;

/** How the instancetype's vCPUs become sockets × cores × threads under the preference. */
export function guestTopology(vcpus: number, pref: PreferenceSpec | undefined): { sockets: number; cores: number; threads: number } {
  const one = { sockets: 1, cores: 1, threads: 1 };
  if (vcpus === 1) return one;
  switch (preferredTopology(pref)) {
    case "cores":
      return { ...one, cores: vcpus };
    case "threads":
      return { ...one, threads: vcpus };
    case "sockets":
    case "any":
      return { ...one, sockets: vcpus };
    case "spread": {
      const { ratio, across } = spreadOptions(pref);
      if (across === "CoresThreads") return { sockets: 1, cores: Math.floor(vcpus / ratio), threads: ratio };
      if (across === "SocketsCoresThreads") return { sockets: Math.floor(vcpus / THREADS_PER_CORE / ratio), cores: ratio, threads: THREADS_PER_CORE };
      return { sockets: Math.floor(vcpus / ratio), cores: ratio, threads: 1 };
    }
  }
}

/**
 * A spread topology must divide the instancetype's vCPUs evenly; KubeVirt refuses the VM otherwise,
 * naming `instancetype.spec.cpu.guest`. Undefined when it divides (or nothing is spread).
 */
export function spreadDivisionError(vcpus: number | undefined, pref: PreferenceSpec | undefined): string | undefined {
  if (vcpus === undefined || preferredTopology(pref) !== "spread") return undefined;
  const { ratio, across } = spreadOptions(pref);
  const ratioSource = "Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio";
  if (across === "SocketsCores" && vcpus % ratio > 0) {
    return `${vcpus} vCPUs provided by the instance type are not divisible by the ${ratioSource} of ${ratio} provided by the preference`;
  }
  if (across === "CoresThreads" && vcpus % ratio > 0) {
    return `${vcpus} vCPUs provided by the instance type are not divisible by the number of threads per core ${ratio}`;
  }
  if (across === "SocketsCoresThreads" && (vcpus % THREADS_PER_CORE > 0 || Math.floor(vcpus / THREADS_PER_CORE) % ratio > 0)) {
    return `${vcpus} vCPUs provided by the instance type are not divisible by the number of threads per core ${THREADS_PER_CORE} and ${ratioSource} of ${ratio}`;
  }
  return undefined;
}
