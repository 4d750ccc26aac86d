import test from "ava";
import { guestTopology, preferredTopology, spreadDivisionError } from "./topology";
import type { PreferenceSpec } from "./types";

const pref = (cpu: PreferenceSpec["cpu"]): PreferenceSpec => ({ cpu });

test("sockets is the default topology, and the deprecated prefer* names mean the same", (t) => {
  t.is(preferredTopology(undefined), "sockets");
  t.is(preferredTopology(pref({ preferredCPUTopology: "preferCores" })), "cores");
  t.is(preferredTopology(pref({ preferredCPUTopology: "threads" })), "threads");
});

const cases: Array<[string, number, PreferenceSpec | undefined, { sockets: number; cores: number; threads: number }]> = [
  ["one vCPU is always 1×1×1", 1, pref({ preferredCPUTopology: "cores" }), { sockets: 1, cores: 1, threads: 1 }],
  ["sockets by default", 4, undefined, { sockets: 4, cores: 1, threads: 1 }],
  ["cores", 4, pref({ preferredCPUTopology: "cores" }), { sockets: 1, cores: 4, threads: 1 }],
  ["threads", 2, pref({ preferredCPUTopology: "threads" }), { sockets: 1, cores: 1, threads: 2 }],
  ["any is sockets", 4, pref({ preferredCPUTopology: "any" }), { sockets: 4, cores: 1, threads: 1 }],
  ["spread across SocketsCores, ratio 2", 6, pref({ preferredCPUTopology: "spread" }), { sockets: 3, cores: 2, threads: 1 }],
  ["spread across CoresThreads", 6, pref({ preferredCPUTopology: "spread", spreadOptions: { across: "CoresThreads" } }), { sockets: 1, cores: 3, threads: 2 }],
  ["spread across SocketsCoresThreads", 8, pref({ preferredCPUTopology: "spread", spreadOptions: { across: "SocketsCoresThreads" } }), { sockets: 2, cores: 2, threads: 2 }],
  ["spread with ratio 3", 6, pref({ preferredCPUTopology: "spread", spreadOptions: { ratio: 3 } }), { sockets: 2, cores: 3, threads: 1 }],
];
for (const [name, vcpus, p, want] of cases) {
  test(`topology: ${name}`, (t) => t.deepEqual(guestTopology(vcpus, p), want));
}

test("a spread that does not divide the vCPUs is an error naming the ratio", (t) => {
  t.is(spreadDivisionError(4, pref({ preferredCPUTopology: "sockets" })), undefined);
  t.is(spreadDivisionError(4, pref({ preferredCPUTopology: "spread" })), undefined);
  t.regex(spreadDivisionError(3, pref({ preferredCPUTopology: "spread" })) ?? "", /^3 vCPUs provided by the instance type are not divisible by .* of 2 provided by the preference$/);
  t.regex(spreadDivisionError(6, pref({ preferredCPUTopology: "spread", spreadOptions: { across: "SocketsCoresThreads" } })) ?? "", /threads per core 2 and/);
});
