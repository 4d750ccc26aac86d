import { newCirrosVmi, withCpu, withCpuLimit, withCpuRequest } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import * as cpu from "./cpu";

ruleTable("cpu quantities", cpu.cpuQuantitiesValid, [
  { name: "millicores", vmi: newCirrosVmi(withCpuRequest("500m"), withCpuLimit("2")) },
  { name: "negative request", vmi: newCirrosVmi(withCpuRequest("-1")), denied: { field: "spec.domain.resources.requests.cpu", message: "greater than or equal to 0" } },
  { name: "negative limit", vmi: newCirrosVmi(withCpuLimit("-500m")), denied: { field: "spec.domain.resources.limits.cpu", message: "greater than or equal to 0" } },
]);

ruleTable("cpu request within limit", cpu.cpuRequestWithinLimit, [
  { name: "request above limit", vmi: newCirrosVmi(withCpuRequest("2"), withCpuLimit("1500m")), denied: { field: "spec.domain.resources.requests.cpu", message: "is greater than spec.domain.resources.limits.cpu '1500m'" } },
]);

ruleTable("cpu topology", cpu.cpuTopologyPositive, [
  { name: "2 sockets, 2 cores, 1 thread", vmi: newCirrosVmi(withCpu({ sockets: 2, cores: 2, threads: 1 })) },
  { name: "zero cores (raw spec)", vmi: newCirrosVmi(withCpu({ cores: 0 })), denied: { field: "spec.domain.cpu.cores", message: "1 or more" } },
  { name: "fractional sockets (raw spec)", vmi: newCirrosVmi(withCpu({ sockets: 1.5 })), denied: { field: "spec.domain.cpu.sockets", message: "whole number" } },
]);
