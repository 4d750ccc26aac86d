import { createObject, type KubeObject } from "./objects";
import { RESOURCES } from "./resources";

export interface EventInput {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
}

/**
 * Records a core/v1 Event about an object, as `kubectl describe` shows them. `component` is the
 * reporter (virt-controller, virt-handler). Best effort: a failed event never fails a reconcile.
 */
export async function recordEvent(component: string, about: KubeObject, e: EventInput, log?: (m: string, err?: unknown) => void): Promise<void> {
  const m = about.metadata;
  const now = new Date().toISOString();
  const body = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { generateName: `${m.name}.`, namespace: m.namespace ?? "default" },
    involvedObject: { apiVersion: about.apiVersion, kind: about.kind, name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion },
    type: e.type,
    reason: e.reason,
    message: e.message,
    source: { component },
    reportingComponent: component,
    reportingInstance: process.env.HOSTNAME ?? component,
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
  try {
    await createObject(RESOURCES.event, m.namespace ?? "default", body);
  } catch (err) {
    log?.(`event ${e.reason} on ${m.namespace}/${m.name} not recorded`, err);
  }
}
