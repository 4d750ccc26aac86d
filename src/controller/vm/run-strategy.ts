import type { RunStrategy, VirtualMachine } from "../../api";

/** The run strategy in force: spec.runStrategy, else the deprecated `running` (true → Always, false or unset → Halted). */
export function runStrategyOf(vm: VirtualMachine): RunStrategy {
  if (vm.spec.runStrategy !== undefined) return vm.spec.runStrategy as RunStrategy;
  return vm.spec.running === true ? "Always" : "Halted";
}
