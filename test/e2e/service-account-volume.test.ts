/**
 * A `serviceAccount` volume on the local cluster, end to end: the launcher pod runs as that
 * ServiceAccount with its credentials projected into the compute container only, and the guest finds
 * an ISO holding the pod's own namespace, a token and the cluster's CA, as KubeVirt's does. The guest
 * prints what it read to its serial console; the test reads the console through kubectl.
 */
import test from "ava";
import { deleteNamespace, freshNamespace, kubectl, kubectlOk, requireCluster } from "../integration/kube";
import { newVmi, withCloudInitNoCloud, withContainerDisk, withDiskAndVolume, withMemory, withName, withTerminationGracePeriod } from "../fixtures/vmi-builder";
import { waitFor, type List, type Obj } from "../integration/wait";

const ACCOUNT = "vm-robot";
// The guest runs a "#!" user-data script (hack/guest cloud-init-local): it mounts each ISO until one
// holds a token and prints the namespace, the token's shape (never the token itself) and the CA's header.
const USER_DATA = `#!/bin/sh
mkdir -p /mnt/sa
for dev in /dev/vd? /dev/sd? /dev/sr?; do
  mount -t iso9660 -o ro "$dev" /mnt/sa 2>/dev/null || continue
  if [ -f /mnt/sa/token ]; then
    echo "sa-namespace=$(cat /mnt/sa/namespace)"
    echo "sa-token-shape=$(head -c 3 /mnt/sa/token):$(tr -cd . < /mnt/sa/token | wc -c)"
    echo "sa-ca=$(head -n 1 /mnt/sa/ca.crt)"
  fi
  umount /mnt/sa
done
echo sa-done
`;

let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("e2e-sa");
  await kubectlOk(["create", "serviceaccount", ACCOUNT, "-n", ns]);
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

async function consoleLog(vmiUid: string): Promise<string> {
  const pods = JSON.parse(await kubectlOk(["get", "pods", "-n", ns, "-l", `kubevirt.io/created-by=${vmiUid}`, "-o", "json"])) as List;
  const pod = pods.items[0];
  return pod ? (await kubectl(["logs", "-n", ns, pod.metadata.name, "-c", "guest-console-log"])).stdout : "";
}

test("the guest reads its pod's namespace, a token and the CA from the serviceAccount disk", async (t) => {
  const vmi = newVmi(
    withName("sa-guest"),
    withMemory("64M"),
    withTerminationGracePeriod(5),
    withContainerDisk("containerdisk", "kubevirt/cirros-registry-disk-demo:devel"),
    withCloudInitNoCloud({ userData: USER_DATA }),
    withDiskAndVolume({ name: "sa", serviceAccount: { serviceAccountName: ACCOUNT } }),
  );
  delete (vmi.metadata as { namespace?: string }).namespace; // created in the test's namespace
  await kubectlOk(["create", "-n", ns, "-f", "-"], JSON.stringify(vmi));
  const running = (await waitFor<Obj>(["get", "vmi", "sa-guest", "-n", ns], (v) => v?.status?.phase === "Running", "VMI Running", 300_000))!;

  const pod = ((await waitFor<List>(["get", "pods", "-n", ns, "-l", `kubevirt.io/created-by=${running.metadata.uid}`], (l) => (l?.items.length ?? 0) > 0, "launcher pod"))!).items[0]!;
  t.is(pod.spec?.serviceAccountName, ACCOUNT, "the launcher pod runs as the volume's ServiceAccount");
  t.false(pod.spec?.automountServiceAccountToken, "no token mounted into the other containers");

  let log = "";
  const deadline = Date.now() + 300_000;
  while (!log.includes("sa-done") && Date.now() < deadline) {
    log = await consoleLog(running.metadata.uid);
    if (!log.includes("sa-done")) await new Promise((r) => setTimeout(r, 2000));
  }
  t.true(log.includes("sa-done"), `the guest's script ran; console tail: ${log.slice(-1500)}`);
  t.regex(log, new RegExp(`sa-namespace=${ns}\\b`), "the pod's own namespace, not default");
  t.regex(log, /sa-token-shape=eyJ:2\b/, "a JWT: base64url JSON header, three dot-separated parts");
  t.regex(log, /sa-ca=-----BEGIN CERTIFICATE-----/);
});
