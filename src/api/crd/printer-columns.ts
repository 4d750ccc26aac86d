import { KindName } from "../kinds";

export interface PrinterColumn {
  name: string;
  type: "string" | "date" | "integer" | "boolean";
  jsonPath: string;
  description?: string;
  /** 1: shown only with `-o wide`. */
  priority?: number;
}

const age: PrinterColumn = { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" };
const ready = (jsonPath: string): PrinterColumn => ({ name: "Ready", type: "string", jsonPath });
const readyCondition = ".status.conditions[?(@.type=='Ready')].status";

/** The columns `kubectl get` shows, as KubeVirt's CRDs declare them. */
export const PRINTER_COLUMNS: Record<KindName, PrinterColumn[]> = {
  VirtualMachineInstance: [
    age,
    { name: "Phase", type: "string", jsonPath: ".status.phase" },
    { name: "IP", type: "string", jsonPath: ".status.interfaces[0].ipAddress" },
    { name: "NodeName", type: "string", jsonPath: ".status.nodeName" },
    ready(readyCondition),
    { name: "Live-Migratable", type: "string", jsonPath: ".status.conditions[?(@.type=='LiveMigratable')].status", priority: 1 },
    { name: "Paused", type: "string", jsonPath: ".status.conditions[?(@.type=='Paused')].status", priority: 1 },
  ],
  VirtualMachine: [
    age,
    { name: "Status", type: "string", jsonPath: ".status.printableStatus", description: "Human readable status" },
    ready(readyCondition),
  ],
  VirtualMachineInstanceReplicaSet: [
    { name: "Desired", type: "integer", jsonPath: ".spec.replicas", description: "Number of desired VirtualMachineInstances" },
    { name: "Current", type: "integer", jsonPath: ".status.replicas", description: "Number of managed and not final or deleted VirtualMachineInstances" },
    { name: "Ready", type: "integer", jsonPath: ".status.readyReplicas", description: "Number of managed VirtualMachineInstances which are ready to receive traffic" },
    age,
  ],
};
