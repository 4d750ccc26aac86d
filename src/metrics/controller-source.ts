import { LABELS, LAUNCHER } from "../controller/labels";
import { listObjects } from "../kube/objects";
import { RESOURCES } from "../kube/resources";
import type { ControllerMetricsSource } from "./controller-metrics";

/** The cluster-wide reads behind virt-controller's gauges, made at scrape time. */
export const controllerMetricsSource: ControllerMetricsSource = {
  vms: () => listObjects(RESOURCES.vm),
  vmis: () => listObjects(RESOURCES.vmi),
  launcherPods: () => listObjects(RESOURCES.pod, undefined, `${LABELS.app}=${LAUNCHER}`),
};
