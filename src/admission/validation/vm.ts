import { Cause, RUN_STRATEGIES, VirtualMachine, VirtualMachineSpec } from "../../api";
import { isRecord } from "./access";
import { ValidationContext } from "./context";
import { cause, quote } from "./rule";
import { templateOrCause, validateTemplate } from "./template";
import { validateInstancetypeVm } from "./vm-instancetype";
import { matcherRules } from "./vm-matchers";

/** `running` is the deprecated spelling of runStrategy; one of them says when the VM runs. */
export function runStrategyRules(spec: VirtualMachineSpec): Cause[] {
  const hasRunning = spec.running !== undefined && spec.running !== null;
  const hasStrategy = spec.runStrategy !== undefined && spec.runStrategy !== null;
  if (hasRunning && hasStrategy) {
    return [cause("spec.running", "running and runStrategy are mutually exclusive; remove running (it is deprecated) and keep runStrategy")];
  }
  if (!hasRunning && !hasStrategy) {
    return [cause("spec.runStrategy", "is required: say when the VM runs, for example Always, Halted or Manual (running is the deprecated alternative)")];
  }
  if (hasStrategy && !(RUN_STRATEGIES as readonly unknown[]).includes(spec.runStrategy)) {
    return [cause("spec.runStrategy", `unknown run strategy ${quote(spec.runStrategy)}; use one of ${RUN_STRATEGIES.join(", ")}`)];
  }
  return [];
}

export function validateVirtualMachine(vm: VirtualMachine, ctx: ValidationContext): Cause[] {
  const spec = isRecord(vm) ? vm.spec : undefined;
  if (!isRecord(spec)) return [cause("spec", "is required: a VirtualMachine has a spec with a template and a runStrategy")];
  if (spec.instancetype === undefined && spec.preference === undefined) return [...validateTemplate(spec.template, "spec.template", ctx), ...runStrategyRules(spec)];
  const matchers = matcherRules(spec);
  if (matchers.length > 0) return [...matchers, ...runStrategyRules(spec)];
  const missing = templateOrCause(spec.template, "spec.template");
  return [...(missing ? [missing] : validateInstancetypeVm(spec, ctx)), ...runStrategyRules(spec)];
}
