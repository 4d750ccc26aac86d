/**
 * The baseline for `npm run bench:admission`: a Pepr module whose admission does nothing (mutate
 * leaves the object alone, validate approves) for the same kinds, served by the same Pepr runtime.
 * The difference to the real module is the cost of this project's defaults and validation.
 */
import { a, Capability, PeprModule } from "pepr";
import cfg from "../../package.json";

const noop = new Capability({ name: "bench-noop", description: "No-op admission baseline", namespaces: [] });
for (const kind of ["VirtualMachine", "VirtualMachineInstance"]) {
  noop
    .When(a.GenericKind, { group: "kubevirt.io", version: "v1", kind })
    .IsCreatedOrUpdated()
    .Mutate(() => undefined)
    .Validate(req => req.Approve());
}

const port = Number(process.env.BENCH_NOOP_PORT ?? "3001");
const pepr = { ...cfg.pepr, uuid: "kubevirt-ts-bench-noop" };
new PeprModule({ description: "bench no-op", pepr }, [noop], { deferStart: true }).start(port);
