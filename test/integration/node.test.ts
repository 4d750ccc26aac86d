/**
 * The local cluster's real node (hack/node): pods of the locally built images run on it and log;
 * exec and port-forward go through the API server to the kubelet; a DaemonSet lands; a NodePort
 * answers on the node's address from the host; pods have no route beyond the cluster.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { deleteNamespace, freshNamespace, kubectl, kubectlOk, requireCluster } from "./kube";
import { daemonSet, httpGet, httpServer, image, nodeIp, nodeName, nodePortService, pod, portForward, waitPodReady } from "./node-pods";

let ns = "";

test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-node");
  await kubectlOk(["apply", "-n", ns, "-f", "-"], pod("web", "virt-handler", httpServer));
  await waitPodReady(ns, "web");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

test("the node is registered and Ready", async t => {
  const ready = await kubectlOk(["get", "node", nodeName, "-o", 'jsonpath={.status.conditions[?(@.type=="Ready")].status}']);
  t.is(ready, "True");
  const ip = await kubectlOk(["get", "node", nodeName, "-o", 'jsonpath={.status.addresses[?(@.type=="InternalIP")].address}']);
  t.is(ip, nodeIp);
});

test("a pod of the virt-launcher image runs its tools and its logs are served", async t => {
  const binding = `node --input-type=module -e 'await import("@unraid/libvirt"); console.log("libvirt binding loads")'`;
  const script = `node --version; qemu-img --version | head -1; libvirtd --version; xorriso -version 2>&1 | head -1; ${binding}; echo launcher-image-ok`;
  await kubectlOk(["apply", "-n", ns, "-f", "-"], pod("launcher", "virt-launcher", ["sh", "-c", `${script}; sleep 3600`]));
  await waitPodReady(ns, "launcher");
  const spec = await kubectlOk(["get", "pod", "launcher", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].image}"]);
  t.is(spec, image("virt-launcher"));
  let logs = "";
  for (let i = 0; i < 20 && !logs.includes("launcher-image-ok"); i++) {
    logs = await kubectlOk(["logs", "-n", ns, "launcher"]);
    if (!logs.includes("launcher-image-ok")) await new Promise(r => setTimeout(r, 500));
  }
  t.regex(logs, /^v20\./m);
  t.regex(logs, /qemu-img version/);
  t.regex(logs, /libvirtd \(libvirt\)/);
  t.regex(logs, /xorriso/);
  t.regex(logs, /libvirt binding loads/);
});

test("exec runs a command in the pod; its resolv.conf names the cluster DNS only", async t => {
  const out = await kubectlOk(["exec", "-n", ns, "web", "--", "cat", "/etc/resolv.conf"]);
  const servers = out.split("\n").filter(l => l.startsWith("nameserver"));
  t.deepEqual(servers, ["nameserver 10.202.0.10"], "pods must have the cluster DNS (hack/coredns) and no name server of the machine's");
});

test("pods have no route beyond the cluster (no default route)", async t => {
  const routes = await kubectlOk(["exec", "-n", ns, "web", "--", "cat", "/proc/net/route"]);
  const destinations = routes.split("\n").slice(1).filter(Boolean).map(l => l.split(/\s+/)[1]);
  t.true(destinations.length > 0);
  t.false(destinations.includes("00000000"), routes);
});

test("port-forward reaches the pod from the host", async t => {
  const pf = await portForward(ns, "pod/web", 8080);
  try {
    t.is(await httpGet(`http://127.0.0.1:${pf.port}/`), "hello from web");
  } finally {
    pf.stop();
  }
});

test("a DaemonSet lands on the node", async t => {
  await kubectlOk(["apply", "-n", ns, "-f", "-"], daemonSet("agent", "virt-handler", ["sleep", "3600"]));
  const r = await kubectl(["rollout", "status", "-n", ns, "daemonset/agent", "--timeout=120s"], undefined, 150_000);
  t.is(r.code, 0, r.stderr);
  const nodes = await kubectlOk(["get", "pods", "-n", ns, "-l", "app=agent", "-o", "jsonpath={.items[*].spec.nodeName}"]);
  t.is(nodes, nodeName);
});

test("a NodePort Service answers on the node's address from the host", async t => {
  await kubectlOk(["apply", "-n", ns, "-f", "-"], nodePortService("web", "web"));
  const port = await kubectlOk(["get", "service", "web", "-n", ns, "-o", "jsonpath={.spec.ports[0].nodePort}"]);
  let body = "";
  let lastError: unknown;
  for (let i = 0; i < 30 && body === ""; i++) {
    try {
      body = await httpGet(`http://${nodeIp}:${port}/`, 2_000);
    } catch (error) {
      lastError = error;
      await new Promise(r => setTimeout(r, 500));
    }
  }
  t.is(body, "hello from web", `NodePort ${nodeIp}:${port} did not answer: ${String(lastError)}`);
});

test("the node's containerd holds the seed's containerDisk alias, and never pulled an image", async t => {
  const { stdout } = await promisify(execFile)(
    "ctr",
    ["--address", `/run/kubevirt-ts${Number(process.env.KVTS_INSTANCE ?? "0") || ""}/containerd/containerd.sock`, "--namespace", "k8s.io", "images", "ls", "-q"],
    { timeout: 20_000 },
  );
  t.true(stdout.split("\n").includes("docker.io/kubevirt/cirros-registry-disk-demo:devel"), stdout);
  t.true(stdout.split("\n").includes(image("guest-container-disk")), stdout);
  const log = readFileSync(join(__dirname, "../../.local/logs/containerd.log"), "utf8");
  t.notRegex(log, /PullImage/, "containerd was asked to pull an image");
});
