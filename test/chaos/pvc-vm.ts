/**
 * A VM whose second disk is a PersistentVolumeClaim on a hostPath PersistentVolume the test owns
 * (a directory under the machine's temp dir holding `disk.img`), so a fault's effect on written data
 * can be read on the host. At every boot the guest (its user-data script) prints what the disk holds
 * ("chaos-pvc: found …") and appends a fresh marker to it ("chaos-pvc: wrote marker …"): a marker
 * written before a fault must be on the host file after recovery and be read back by the next guest.
 */
import { chmod, mkdtemp, open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { kubectl, kubectlOk } from "../integration/kube";
import type { List } from "../integration/wait";

const HEADER = "kvts-chaos-pvc";
const DISK_BYTES = 1024 * 1024;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs in the guest at every boot: finds the disk by its header, prints it, appends a marker, syncs. */
const GUEST_SCRIPT = `#!/bin/sh
for dev in /dev/vd?; do
  [ "$(head -c ${HEADER.length} "$dev" 2>/dev/null)" = "${HEADER}" ] || continue
  old=$(head -c 4096 "$dev" | tr -d '\\000')
  echo "$old" | sed 's/^/chaos-pvc: found /'
  id=$(cat /proc/sys/kernel/random/uuid)
  { echo "$old"; echo "marker $id"; } > /tmp/chaos-pvc
  dd if=/tmp/chaos-pvc of="$dev" conv=notrunc 2>/dev/null && sync && echo "chaos-pvc: wrote marker $id"
done
`;

export interface PvcVm {
  name: string;
  claim: string;
  /** The host file behind the claim. */
  diskFile: string;
  manifest(runStrategy: "Always" | "Halted"): string;
  /** The disk's text as the host sees it. */
  hostText(): Promise<string>;
  cleanup(): Promise<void>;
}

/** The VM manifest: the seed's containerDisk as root, the claim, the user-data script. */
function vmManifest(name: string, claim: string, runStrategy: string): string {
  return stringify({
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachine",
    metadata: { name },
    spec: {
      runStrategy,
      template: {
        metadata: { labels: { "kubevirt.io/vm": name } },
        spec: {
          terminationGracePeriodSeconds: 5,
          domain: {
            resources: { requests: { memory: "64M" } },
            devices: { disks: [{ name: "root", disk: { bus: "virtio" } }, { name: "data", disk: { bus: "virtio" } }, { name: "cloudinit", disk: { bus: "virtio" } }] },
          },
          volumes: [
            { name: "root", containerDisk: { image: "kubevirt/cirros-registry-disk-demo:devel" } },
            { name: "data", persistentVolumeClaim: { claimName: claim } },
            { name: "cloudinit", cloudInitNoCloud: { userData: GUEST_SCRIPT } },
          ],
        },
      },
    },
  });
}

/** Creates the disk file, the PV (bound to this claim only) and the claim; the VM is the caller's to apply. */
export async function createPvcVm(ns: string, name: string): Promise<PvcVm> {
  const dir = await mkdtemp(join(tmpdir(), `kvts-chaos-${ns}-`));
  await chmod(dir, 0o755);
  const diskFile = join(dir, "disk.img");
  const f = await open(diskFile, "w", 0o666);
  await f.write(`${HEADER}\n`);
  await f.truncate(DISK_BYTES);
  await f.close();
  await chmod(diskFile, 0o666); // QEMU runs as its own user
  const claim = `${name}-data`;
  const pv = `${ns}-${name}`; // cluster-scoped: the namespace makes it unique
  await kubectlOk(["apply", "-f", "-"], stringify({
    apiVersion: "v1", kind: "PersistentVolume", metadata: { name: pv, labels: { "kubevirt-ts.io/chaos": ns } },
    spec: {
      capacity: { storage: "1Mi" }, accessModes: ["ReadWriteOnce"], persistentVolumeReclaimPolicy: "Retain", storageClassName: "",
      hostPath: { path: dir, type: "Directory" }, claimRef: { namespace: ns, name: claim },
    },
  }));
  await kubectlOk(["apply", "-n", ns, "-f", "-"], stringify({
    apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: claim },
    spec: { accessModes: ["ReadWriteOnce"], storageClassName: "", volumeName: pv, resources: { requests: { storage: "1Mi" } } },
  }));
  return {
    name, claim, diskFile,
    manifest: (runStrategy) => vmManifest(name, claim, runStrategy),
    hostText: async () => (await readFile(diskFile)).subarray(0, 4096).toString("utf8").replace(/\0+$/, ""),
    async cleanup() {
      await kubectl(["delete", "pvc", claim, "-n", ns, "--wait=false"]);
      await kubectl(["delete", "pv", pv, "--wait=false"]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The guest console of a VMI (its launcher pod's guest-console-log container); "" when not reachable. */
export async function consoleOf(ns: string, vmiUid: string): Promise<string> {
  const r = await kubectl(["get", "pods", "-n", ns, "-l", `kubevirt.io/created-by=${vmiUid}`, "-o", "json"]);
  if (r.code !== 0) return "";
  const pod = (JSON.parse(r.stdout) as List).items[0];
  if (!pod) return "";
  return (await kubectl(["logs", "-n", ns, pod.metadata.name, "-c", "guest-console-log"])).stdout;
}

/** Waits for the guest of this VMI to print a line matching `pattern`; returns the match. */
export async function waitForConsole(ns: string, vmiUid: string, pattern: RegExp, timeoutMs = 180_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = (await consoleOf(ns, vmiUid)).match(pattern);
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`the guest of VMI ${vmiUid} did not print ${pattern} within ${timeoutMs / 1000} s`);
    await sleep(2000);
  }
}

/** The marker this VMI's guest wrote at boot. */
export async function markerWritten(ns: string, vmiUid: string): Promise<string> {
  return (await waitForConsole(ns, vmiUid, /chaos-pvc: wrote marker ([0-9a-f-]{36})/))[1]!;
}

/** Checks a marker written before a fault: on the host file, and read back by the new guest. */
export async function markerSurvived(ns: string, vm: PvcVm, marker: string, newVmiUid: string): Promise<{ onHost: boolean; readByGuest: boolean }> {
  const onHost = (await vm.hostText()).includes(`marker ${marker}`);
  const escaped = marker.replace(/-/g, "\\-");
  const readByGuest = await waitForConsole(ns, newVmiUid, new RegExp(`chaos-pvc: found marker ${escaped}`)).then(() => true, () => false);
  return { onHost, readByGuest };
}
