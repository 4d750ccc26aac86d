import test from "ava";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseAllDocuments } from "yaml";
import { main } from "../../src/cli/main";
import { upstreamExampleFiles } from "./upstream";

/**
 * KubeVirt v1.6.0's own example manifests (examples/ of kubevirt.io/kubevirt@v1.6.0, fetched by
 * hack/upstream/fetch.sh) get KubeVirt's verdict from the offline validator: KubeVirt admits
 * every one of them on a cluster with the feature gates the example is written for.
 */
const KINDS = new Set([
  "VirtualMachine",
  "VirtualMachineInstance",
  "VirtualMachineInstanceReplicaSet",
  "VirtualMachineInstancetype",
  "VirtualMachineClusterInstancetype",
  "VirtualMachinePreference",
  "VirtualMachineClusterPreference",
  "VirtualMachinePool",
]);

/** Feature gates an example needs, as KubeVirt's own documentation for it says. */
const GATES: Record<string, string[]> = {
  "vmi-host-disk.yaml": ["HostDisk"],
};

function kindsIn(file: string): string[] {
  return parseAllDocuments(readFileSync(file, "utf8")).map(d => (d.toJS() as { kind?: string } | null)?.kind ?? "");
}

const examples = (): string[] => upstreamExampleFiles().filter(f => kindsIn(f).some(k => KINDS.has(k)));

test("KubeVirt v1.6.0 ships the examples this test expects", t => {
  // 12 VMs, 21 VMIs, 1 VMIRS, 3 instancetypes, 2 preferences, 1 pool: fewer means the fetch went wrong.
  t.true(examples().length >= 40, `found ${examples().length}`);
});

for (const file of safeExamples()) {
  const name = basename(file);
  test(`kubectl-virt validate admits KubeVirt's example ${name}`, t => {
    const out: string[] = [];
    const err: string[] = [];
    const gates = GATES[name] ? ["--feature-gates", GATES[name].join(",")] : [];
    const code = main(["validate", "-f", file, ...gates], { out: s => out.push(s), err: s => err.push(s) });
    t.is(code, 0, err.join("\n"));
    t.regex(out.join("\n"), /admitted/);
  });
}

test("without the HostDisk gate the hostDisk example is denied, as on a KubeVirt cluster without it", t => {
  const file = upstreamExampleFiles().find(f => basename(f) === "vmi-host-disk.yaml");
  if (!file) return t.fail("vmi-host-disk.yaml is not among the examples");
  const err: string[] = [];
  t.is(main(["validate", "-f", file], { out: () => undefined, err: s => err.push(s) }), 1);
  t.regex(err.join("\n"), /HostDisk feature gate/);
});

/** Test titles need the file list at load time; a missing fetch is reported by the tests above. */
function safeExamples(): string[] {
  try {
    return examples();
  } catch {
    return [];
  }
}
