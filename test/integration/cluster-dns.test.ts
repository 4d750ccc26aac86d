/**
 * The cluster's DNS (hack/coredns): CoreDNS in kube-system behind Service kube-dns on 10.202.0.10,
 * the kubelet's clusterDNS. Pods resolve Services by full and short name; every other name is
 * REFUSED by CoreDNS itself, whose binary has no plugin that could send a query anywhere else.
 */
import test from "ava";
import { deleteNamespace, freshNamespace, kubectlOk, requireCluster } from "./kube";
import { httpServer, pod, waitPodReady } from "./node-pods";

const clusterDnsIp = "10.202.0.10";
// Plugins that send queries (or zone data) to other servers: none may be in the binary.
const sendingPlugins = ["forward", "grpc", "secondary", "etcd", "route53", "azure", "clouddns", "nomad", "loop", "erratic", "sign", "dnstap", "trace"];
const allowedPlugins = ["bind", "cache", "errors", "health", "kubernetes", "ready", "metadata", "prometheus", "transfer"];
let ns = "";

test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-dns");
  await kubectlOk(["apply", "-n", ns, "-f", "-"], pod("web", "virt-handler", httpServer));
  await kubectlOk(["expose", "-n", ns, "pod/web", "--port", "80", "--target-port", "8080"]);
  await kubectlOk(["apply", "-n", ns, "-f", "-"], pod("client", "virt-handler", ["sleep", "3600"]));
  await waitPodReady(ns, "client");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

/** Runs a Node script in the client pod; resolves to what it prints. */
function inClient(script: string): Promise<string> {
  return kubectlOk(["exec", "-n", ns, "client", "--", "node", "-e", script]);
}

/** getaddrinfo in the client pod (glibc: resolv.conf's search list and ndots apply). */
async function lookup(name: string): Promise<string> {
  const script = `require("dns").promises.lookup(${JSON.stringify(name)}, 4).then(a => console.log(a.address), e => console.log("error " + e.code))`;
  return (await inClient(script)).trim();
}

test("the CoreDNS binary has only plugins that answer locally", async t => {
  const podName = await kubectlOk(["get", "pods", "-n", "kube-system", "-l", "k8s-app=kube-dns", "-o", "jsonpath={.items[0].metadata.name}"]);
  const out = await kubectlOk(["exec", "-n", "kube-system", podName, "--", "/coredns", "-plugins"]);
  const plugins = out.split("\n").map(l => l.trim()).filter(Boolean);
  for (const p of ["kubernetes", "cache", "errors", "health", "ready", "bind"]) t.true(plugins.includes(p), out);
  // metadata, prometheus and transfer come in as libraries of the ones above; they are no directives
  // (hack/coredns/main.go), so a Corefile cannot use them.
  t.deepEqual(plugins.filter(p => !allowedPlugins.includes(p)), [], out);
  for (const p of sendingPlugins) t.false(plugins.includes(p), `${p} must not be compiled in:\n${out}`);
});

test("Service kube-system/kube-dns is on 10.202.0.10 with CoreDNS as its endpoint", async t => {
  t.is(await kubectlOk(["get", "service", "-n", "kube-system", "kube-dns", "-o", "jsonpath={.spec.clusterIP}"]), clusterDnsIp);
  const podIp = await kubectlOk(["get", "pods", "-n", "kube-system", "-l", "k8s-app=kube-dns", "-o", "jsonpath={.items[*].status.podIP}"]);
  const endpoints = await kubectlOk(["get", "endpointslices", "-n", "kube-system", "-l", "kubernetes.io/service-name=kube-dns",
    "-o", "jsonpath={.items[*].endpoints[*].addresses[*]}"]);
  t.truthy(podIp);
  t.deepEqual(endpoints.split(" ").sort(), podIp.split(" ").sort());
});

test("a pod's resolv.conf names the cluster DNS only, with the cluster's search domains", async t => {
  const conf = await kubectlOk(["exec", "-n", ns, "client", "--", "cat", "/etc/resolv.conf"]);
  const servers = conf.split("\n").filter(l => l.startsWith("nameserver"));
  t.deepEqual(servers, [`nameserver ${clusterDnsIp}`], conf);
  t.regex(conf, new RegExp(`^search ${ns}\\.svc\\.cluster\\.local svc\\.cluster\\.local cluster\\.local\\b`, "m"));
});

test("a pod resolves a Service by its full and its short name", async t => {
  const ip = await kubectlOk(["get", "service", "-n", ns, "web", "-o", "jsonpath={.spec.clusterIP}"]);
  t.is(await lookup(`web.${ns}.svc.cluster.local`), ip);
  t.is(await lookup("web"), ip);
  t.is(await lookup(`web.${ns}`), ip);
  t.is(await lookup("kubernetes.default"), "10.202.0.1");
});

test("a pod's query for a name outside the cluster is refused by CoreDNS", async t => {
  // c-ares asks the resolv.conf server directly: its answer code, not a time-out, is what comes back.
  const script = `new (require("dns").promises.Resolver)({ timeout: 5000, tries: 1 }).resolve4("example.com").then(a => console.log("answered " + a), e => console.log(e.code))`;
  t.is((await inClient(script)).trim(), "EREFUSED");
  t.is(await lookup(`nothing-here.${ns}.svc.cluster.local`), "error ENOTFOUND");
});
