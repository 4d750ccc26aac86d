/**
 * The components' Prometheus metrics, read as a cluster user reads them: through the API server's
 * proxy to the pod's TLS port 8443. virt-handler reports a running VMI's QEMU memory and CPU;
 * the leading virt-controller reports the VMI's phase transitions, its vmi_info and phase count.
 */
import test from "ava";
import { deleteNamespace, freshNamespace, kubectl, kubectlOk, requireCluster } from "./kube";
import { HANDLER_NS, vmiManifest, waitHandlerReady } from "./handler-fixtures";
import { waitFor, type List, type Obj } from "./wait";

let ns = "";
let vmi: Obj | undefined;
test.before(async () => {
  await requireCluster();
  await waitHandlerReady();
  ns = await freshNamespace("it-metrics");
  await kubectlOk(["create", "-n", ns, "-f", "-"], vmiManifest("metered", 5));
  vmi = await waitFor<Obj>(["get", "vmi", "metered", "-n", ns], (v) => v?.status?.phase === "Running", "VMI metered Running", 240_000);
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

/** One scrape through the API server's pod proxy; kubectl's error when it fails. */
async function scrape(namespace: string, pod: string): Promise<{ text: string; error: string }> {
  const r = await kubectl(["get", "--raw", `/api/v1/namespaces/${namespace}/pods/https:${pod}:8443/proxy/metrics`]);
  return r.code === 0 ? { text: r.stdout, error: "" } : { text: "", error: r.stderr.trim() };
}

/**
 * Polls a scrape until every pattern matches (the first VMI figures need a moment). The pod is
 * looked up at each try: another test file may have restarted the component meanwhile.
 */
async function scrapeUntil(findPod: () => Promise<{ namespace: string; pod: string }>, patterns: RegExp[], what: string): Promise<string> {
  const deadline = Date.now() + 120_000;
  let text = "";
  let error = "";
  while (Date.now() < deadline) {
    const target = await findPod().catch((err: Error) => ({ namespace: "", pod: "", lookup: err.message }));
    ({ text, error } = target.pod ? await scrape(target.namespace, target.pod) : { text: "", error: `no pod: ${(target as { lookup?: string }).lookup ?? "none found"}` });
    if (patterns.every((p) => p.test(text))) return text;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  throw new Error(`${what}: after 120 s the scrape still lacks ${patterns.filter((p) => !p.test(text)).join(", ")}${error ? `; last error: ${error}` : ""}\n${text.slice(0, 2000)}`);
}

test("virt-handler serves KubeVirt's per-VMI memory and CPU metrics", async (t) => {
  const node = vmi!.status!.nodeName as string;
  const handler = async (): Promise<{ namespace: string; pod: string }> => {
    const pods = JSON.parse(await kubectlOk(["get", "pods", "-n", HANDLER_NS, "-l", "kubevirt.io=virt-handler", "--field-selector", `spec.nodeName=${node},status.phase=Running`, "-o", "json"])) as List;
    return { namespace: HANDLER_NS, pod: pods.items.find((p) => p.metadata.deletionTimestamp === undefined)?.metadata.name ?? "" };
  };
  const l = `node="${node}",namespace="${ns}",name="metered"`;
  const text = await scrapeUntil(handler, [new RegExp(`kubevirt_vmi_memory_resident_bytes\\{${l}\\} [1-9]`), new RegExp(`kubevirt_vmi_vcpu_seconds_total\\{${l},id="0"`)], "virt-handler metrics");
  const domain = Number(new RegExp(`kubevirt_vmi_memory_domain_bytes\\{${l}\\} (\\d+)`).exec(text)?.[1]);
  t.true(domain >= 32 * 2 ** 20, `domain memory ${domain}`);
  t.regex(text, new RegExp(`kubevirt_vmi_cpu_usage_seconds_total\\{${l}\\} [0-9.e+]+`));
  t.regex(text, /process_resident_memory_bytes [0-9.e+]+/);
});

test("the leading virt-controller serves KubeVirt's VMI phase-transition histograms, vmi_info, phase count and its status", async (t) => {
  const leader = async (): Promise<{ namespace: string; pod: string }> => {
    const lease = JSON.parse(await kubectlOk(["get", "lease", "virt-controller", "-n", "kubevirt", "-o", "json"])) as Obj;
    // The holder identity is <pod name>-<pid> (src/controller/leader.ts).
    return { namespace: "pepr-system", pod: String((lease.spec as { holderIdentity: string }).holderIdentity).replace(/-\d+$/, "") };
  };
  const text = await scrapeUntil(leader, [
    /kubevirt_vmi_phase_transition_time_from_creation_seconds_count\{phase="Running"\} [1-9]/,
    new RegExp(`kubevirt_vmi_info\\{[^}]*namespace="${ns}",name="metered",phase="running"`),
  ], "virt-controller metrics");
  t.regex(text, /kubevirt_vmi_phase_transition_time_seconds_bucket\{le="3600",phase="Running",last_phase="[A-Za-z]*"\} [1-9]/);
  t.regex(text, /kubevirt_vmi_phase_count\{[^}]*phase="running"[^}]*\} [1-9]/);
  t.regex(text, /kubevirt_virt_controller_leading_status 1/);
  t.regex(text, /kubevirt_virt_controller_ready_status 1/);
});
