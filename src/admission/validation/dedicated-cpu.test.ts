import { newCirrosVmi, withCpu, withCpuLimit, withCpuRequest, withMemoryLimit } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import * as dedicated from "./dedicated-cpu";

const pinned = withCpu({ dedicatedCpuPlacement: true });

ruleTable("dedicated CPUs are whole", dedicated.dedicatedCpuWholeCpus, [
  { name: "2 CPUs", vmi: newCirrosVmi(pinned, withCpuRequest("2"), withCpuLimit("2")) },
  { name: "fractional without pinning", vmi: newCirrosVmi(withCpuRequest("500m")) },
  { name: "500m pinned", vmi: newCirrosVmi(pinned, withCpuRequest("500m")), denied: { field: "spec.domain.resources.requests.cpu", message: "whole number of CPUs" } },
]);

ruleTable("dedicated CPUs: requests equal limits", dedicated.dedicatedCpuRequestsEqualLimits, [
  { name: "cpu 1 vs 2", vmi: newCirrosVmi(pinned, withCpuRequest("1"), withCpuLimit("2")), denied: { field: "spec.domain.resources.requests.cpu", message: "must equal spec.domain.resources.limits.cpu" } },
  { name: "memory 128Mi vs 256Mi", vmi: newCirrosVmi(pinned, withMemoryLimit("256Mi")), denied: { field: "spec.domain.resources.requests.memory", message: "must equal spec.domain.resources.limits.memory" } },
]);

ruleTable("dedicated CPUs: topology agrees with resources", dedicated.dedicatedCpuTopologyMatchesResources, [
  { name: "4 cores and 4 CPUs", vmi: newCirrosVmi(withCpu({ dedicatedCpuPlacement: true, cores: 4 }), withCpuRequest("4"), withCpuLimit("4")) },
  { name: "CPUs only (topology defaulted from them)", vmi: newCirrosVmi(pinned, withCpuRequest("4"), withCpuLimit("4")) },
  { name: "2 cores and 4 CPUs", vmi: newCirrosVmi(withCpu({ dedicatedCpuPlacement: true, cores: 2 }), withCpuRequest("4"), withCpuLimit("4")), denied: { field: "spec.domain.cpu.dedicatedCpuPlacement", message: "topology gives 2 vCPUs" } },
]);

ruleTable("dedicated CPUs: threads", dedicated.dedicatedCpuThreads, [
  { name: "4 threads", vmi: newCirrosVmi(withCpu({ dedicatedCpuPlacement: true, threads: 4 })), denied: { field: "spec.domain.cpu.threads", message: "at most 2 threads" } },
]);
