/** KubeVirt v1.6.0's own examples through the real API server: CRD schemas plus the module's webhooks. */
import test from "ava";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseAllDocuments } from "yaml";
import { upstreamExampleFiles } from "../conformance/upstream";
import { deleteNamespace, freshNamespace, kubectl, requireCluster } from "./kube";

const SERVED = new Set([
  "VirtualMachine",
  "VirtualMachineInstance",
  "VirtualMachineInstanceReplicaSet",
  "VirtualMachineInstancetype",
  "VirtualMachineClusterInstancetype",
  "VirtualMachinePreference",
  "VirtualMachineClusterPreference",
  "VirtualMachinePool",
]);
/** Examples written for a cluster with a feature gate the local cluster does not enable. */
const NEEDS_GATE = new Set(["vmi-host-disk.yaml"]);

let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-examples");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

const served = (file: string): boolean =>
  parseAllDocuments(readFileSync(file, "utf8")).some(d => SERVED.has((d.toJS() as { kind?: string } | null)?.kind ?? ""));

test("kubectl apply --dry-run=server admits every served KubeVirt v1.6.0 example", async t => {
  const files = upstreamExampleFiles().filter(f => served(f) && !NEEDS_GATE.has(basename(f)));
  t.true(files.length >= 39, `found ${files.length}`);
  const refused: string[] = [];
  for (const file of files) {
    // Dry run: nothing is stored, so nothing needs cleaning up (cluster-scoped kinds included).
    const r = await kubectl(["apply", "--dry-run=server", "-n", ns, "-f", file], undefined, 60_000);
    if (r.code !== 0) refused.push(`${basename(file)}: ${r.stderr.trim()}`);
  }
  t.deepEqual(refused, []);
});
