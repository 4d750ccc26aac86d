import type { Cause } from "../api/cause";
import { TOPOLOGIES, spreadOptions } from "./topology";
import type { InstancetypeSpec, PreferenceSpec } from "./types";

/** KubeVirt's instancetype admission: overcommit is a percentage, and not with hugepages. */
export function validateInstancetypeSpec(spec: InstancetypeSpec | undefined): Cause[] {
  const overcommit = spec?.memory?.overcommitPercent;
  if (overcommit === undefined) return [];
  const field = "spec.memory.overcommitPercent";
  if (overcommit < 0 || overcommit > 100) return [{ field, message: `${field} '${overcommit}': must be in range between 0 and 100.` }];
  if (overcommit !== 0 && spec?.memory.hugepages) return [{ field, message: `${field} and spec.memory.hugepages should not be requested together.` }];
  return [];
}

/** KubeVirt's preference admission: a known topology; a spread across supported levels, CoresThreads only 1:2. */
export function validatePreferenceSpec(spec: PreferenceSpec | undefined): Cause[] {
  const topology = spec?.cpu?.preferredCPUTopology;
  if (topology === undefined) return [];
  if (!(TOPOLOGIES as readonly string[]).includes(topology)) return [{ field: "spec.cpu.preferredCPUTopology", message: `unknown preferredCPUTopology ${topology}` }];
  if (topology !== "spread" && topology !== "preferSpread") return [];
  const { ratio, across } = spreadOptions(spec);
  if (!["CoresThreads", "SocketsCores", "SocketsCoresThreads"].includes(across)) return [{ field: "spec.cpu.spreadOptions.across", message: `across ${across} is not supported` }];
  if (across === "CoresThreads" && ratio !== 2) {
    return [{ field: "spec.cpu.spreadOptions.ratio", message: "only a ratio of 2 (1 core 2 threads) is allowed when spreading vCPUs over cores and threads" }];
  }
  return [];
}
