import { newCirrosVmi, withEvictionStrategy, withHostname, withMachineType, withStartStrategy, withSubdomain, withTerminationGracePeriod } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import * as domain from "./domain";

ruleTable("machine type", domain.machineType, [
  { name: "q35", vmi: newCirrosVmi(withMachineType("q35")) },
  { name: "versioned q35", vmi: newCirrosVmi(withMachineType("pc-q35-rhel9.4.0")) },
  { name: "i440fx", vmi: newCirrosVmi(withMachineType("pc-i440fx-2.10")), denied: { field: "spec.domain.machine.type", message: "allowed values: q35*, pc-q35*" } },
  { name: "pc", vmi: newCirrosVmi(withMachineType("pc")), denied: { field: "spec.domain.machine.type", message: "is not supported" } },
]);

ruleTable("hostname", domain.hostnameIsDnsLabel, [
  { name: "DNS label", vmi: newCirrosVmi(withHostname("web-1")) },
  { name: "dot", vmi: newCirrosVmi(withHostname("web.example")), denied: { field: "spec.hostname", message: "not a valid DNS label (RFC 1123)" } },
  { name: "64 characters", vmi: newCirrosVmi(withHostname("h".repeat(64))), denied: { field: "spec.hostname", message: "no more than 63" } },
]);

ruleTable("subdomain", domain.subdomainIsDnsSubdomain, [
  { name: "DNS subdomain", vmi: newCirrosVmi(withSubdomain("my.sub-domain")) },
  { name: "underscore", vmi: newCirrosVmi(withSubdomain("my_sub")), denied: { field: "spec.subdomain", message: "not a valid DNS subdomain" } },
]);

ruleTable("eviction strategy", domain.evictionStrategy, [
  { name: "LiveMigrate", vmi: newCirrosVmi(withEvictionStrategy("LiveMigrate")) },
  { name: "unknown (raw spec)", vmi: newCirrosVmi(withEvictionStrategy("Evict")), denied: { field: "spec.evictionStrategy", message: "unknown eviction strategy 'Evict'" } },
]);

ruleTable("termination grace period", domain.terminationGracePeriod, [
  { name: "zero", vmi: newCirrosVmi(withTerminationGracePeriod(0)) },
  { name: "negative (raw spec)", vmi: newCirrosVmi(withTerminationGracePeriod(-1)), denied: { field: "spec.terminationGracePeriodSeconds", message: "0 or more" } },
]);

ruleTable("start strategy", domain.startStrategy, [
  { name: "Paused", vmi: newCirrosVmi(withStartStrategy("Paused")) },
  { name: "unknown (raw spec)", vmi: newCirrosVmi(withStartStrategy("Stopped")), denied: { field: "spec.startStrategy", message: "the only option is Paused" } },
]);
