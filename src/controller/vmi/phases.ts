/** VMI phases in the order they are entered (KubeVirt's VirtualMachineInstancePhase). */
export const PHASES = ["", "Pending", "Scheduling", "Scheduled", "Running", "Succeeded", "Failed"] as const;
export type Phase = (typeof PHASES)[number];

export const isFinal = (phase: string | undefined): boolean => phase === "Succeeded" || phase === "Failed";

/** Phases the controller moves a VMI through; from Running on the node agent writes the runtime phases. */
export const beforeRunning = (phase: string | undefined): boolean => phase === undefined || phase === "" || phase === "Pending" || phase === "Scheduling" || phase === "Scheduled";
