import test from "ava";
import { handlerConfig } from "./config";

test("defaults: the kubelet's usual root, a minute's resync, sixteen workers", (t) => {
  t.deepEqual(handlerConfig({ NODE_NAME: "n1" }), { nodeName: "n1", kubeletRootDir: "/var/lib/kubelet", resyncSeconds: 60, workers: 16 });
});

test("everything given", (t) => {
  t.deepEqual(handlerConfig({ NODE_NAME: "n1", KUBELET_ROOT_DIR: "/data/kubelet", RESYNC_SECONDS: "10", WORKERS: "2" }), {
    nodeName: "n1", kubeletRootDir: "/data/kubelet", resyncSeconds: 10, workers: 2,
  });
});

const bad: Array<[string, Record<string, string>, RegExp]> = [
  ["no node name", {}, /NODE_NAME is not set/],
  ["relative kubelet root", { NODE_NAME: "n", KUBELET_ROOT_DIR: "kubelet" }, /KUBELET_ROOT_DIR=kubelet: must be an absolute path/],
  ["zero workers", { NODE_NAME: "n", WORKERS: "0" }, /WORKERS=0: must be a whole number/],
  ["resync not a number", { NODE_NAME: "n", RESYNC_SECONDS: "soon" }, /RESYNC_SECONDS=soon/],
];
for (const [title, env, message] of bad) {
  test(`refused: ${title}`, (t) => {
    t.throws(() => handlerConfig(env), { message });
  });
}
