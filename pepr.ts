import "reflect-metadata";
import { PeprModule } from "pepr";
import cfg from "./package.json";
import { KubevirtAdmission } from "./capabilities/admission";
import { VirtControllerWatches } from "./capabilities/virt-controller";
import { DEFAULT_POLICY } from "./src/admission/chain";
import { VirtController } from "./src/controller/controller";
import { toPeprCapability } from "./src/framework";
import { controllerLog } from "./src/controller/log";
import { LeaderElector } from "./src/controller/leader";
import { KUBEVIRT_NAMESPACE } from "./src/controller/labels";
import { handlerObjects } from "./src/handler/install";
import { apiServerComponents } from "./src/api-server/components";
import { ControllerMetrics } from "./src/metrics/controller-metrics";
import { controllerMetricsSource } from "./src/metrics/controller-source";
import { serveMetrics } from "./src/metrics/serve";

// Configuration is read once, here: feature gates come from the module's environment
// (package.json pepr.env in a deployment), comma-separated as in KubeVirt's CR.
const featureGates = new Set((process.env.KUBEVIRT_FEATURE_GATES ?? "").split(",").map(g => g.trim()).filter(Boolean));
const policy = { ...DEFAULT_POLICY, featureGates };

const controller = new VirtController({
  log: controllerLog,
  // virt-api runs from the node agent's image (another entry point); its Secret needs the namespace first.
  components: async (config) => [
    ...handlerObjects({ image: config.handlerImage, kubeletRootDir: config.kubeletRootDir, namespace: KUBEVIRT_NAMESPACE }),
    ...(await apiServerComponents(config.handlerImage, KUBEVIRT_NAMESPACE)),
  ],
});
// virt-controller runs in the module's watcher Deployment only, as KubeVirt's runs in its own pods:
// admission pods never watch, and `pepr dev` (npm start's admission, for a fast edit loop) leaves
// the watches out, so a restarted or killed dev process never stops or doubles the controller.
const isWatcher = process.env.PEPR_WATCH_MODE === "true";
const metrics = isWatcher ? new ControllerMetrics(controllerMetricsSource) : undefined;
if (metrics) {
  serveMetrics(metrics.registry, "virt-controller", process.env.POD_NAMESPACE ?? "pepr-system", controllerLog);
  metrics.setReady(true);
  new LeaderElector({ namespace: KUBEVIRT_NAMESPACE, name: "virt-controller", log: controllerLog }).run(
    () => {
      metrics.setLeading(true);
      controller.start();
    },
    () => {
      controller.stop();
      metrics.setLeading(false);
    },
  );
}
const isDev = process.env.PEPR_MODE === "dev";

new PeprModule(cfg, [
  toPeprCapability(KubevirtAdmission, () => new KubevirtAdmission(policy)),
  ...(isDev ? [] : [toPeprCapability(VirtControllerWatches, () => new VirtControllerWatches(controller, metrics))]),
]);
