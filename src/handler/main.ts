import { rm, writeFile } from "node:fs/promises";
import { HandlerAgent } from "./agent";
import { READY_FILE, handlerConfig } from "./config";
import { errorText, handlerLogger } from "./log";
import { kubeCluster } from "./cluster";
import { HandlerMetrics } from "../metrics/handler-metrics";
import { serveMetrics } from "../metrics/serve";
import { KUBEVIRT_NAMESPACE } from "../controller/labels";

/**
 * virt-handler's entry: configuration from the environment, then the agent until SIGTERM/SIGINT.
 * Stopping never touches the VMs: their launchers run on and the next handler re-adopts them.
 * Resolves with the exit code.
 */
export async function main(): Promise<number> {
  let config;
  try {
    config = handlerConfig(process.env);
  } catch (err) {
    process.stderr.write(`virt-handler: ${errorText(err)}\n`);
    return 1;
  }
  const log = handlerLogger({ node: config.nodeName });
  const metrics = new HandlerMetrics(config.nodeName);
  serveMetrics(metrics.registry, "virt-handler", KUBEVIRT_NAMESPACE, (m, err) => log(m, { error: errorText(err) }));
  const cluster = kubeCluster(config.nodeName, (m, err) => log(m, { error: errorText(err) }));
  const agent = new HandlerAgent(config, log, cluster, metrics);
  return new Promise<number>((resolve) => {
    const stop = (code: number) => (): void => void Promise.all([agent.stop(), rm(READY_FILE, { force: true })]).finally(() => resolve(code));
    process.once("SIGTERM", stop(0)).once("SIGINT", stop(0));
    agent
      .start((err) => {
        log("fatal: exiting so the DaemonSet restarts the handler", { error: errorText(err) });
        stop(1)();
      })
      .then(() => writeFile(READY_FILE, `${new Date().toISOString()}\n`))
      .catch((err: unknown) => {
        log("start-up failed", { error: errorText(err) });
        stop(1)();
      });
  });
}
