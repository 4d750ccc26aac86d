import type { Configurator } from "./configurator";

/** Guest clock: UTC (optionally offset) or a named timezone. */
export const configureClock: Configurator = (vmi, domain) => {
  const clock = vmi.spec.domain.clock;
  if (clock?.timezone !== undefined) {
    domain.clock = { offset: "timezone", timezone: clock.timezone };
    return;
  }
  const offset = clock?.utc?.offsetSeconds;
  domain.clock = offset === undefined || offset === 0 ? { offset: "utc" } : { offset: "utc", adjustmentSeconds: offset };
};
