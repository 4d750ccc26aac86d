/** What this node's devices allow (I/O): whether /dev/vhost-net exists and whether KVM really runs a guest. */
import { execFile } from "node:child_process";
import { access } from "node:fs/promises";
import type { HostDeviceFacts } from "./devices";

/** Built into the handler's image from hack/images/virt-handler/kvm-probe.c. */
export const KVM_PROBE = "/usr/local/bin/kvm-probe";

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** kvm-probe exits 0 only after a real KVM_RUN of a tiny guest; anything else (no /dev/kvm, nested KVM failing, no probe) is "no". */
export function probeKvm(probe = KVM_PROBE, timeoutMs = 10_000): Promise<{ works: boolean; reason: string }> {
  return new Promise((resolve) => {
    execFile(probe, [], { timeout: timeoutMs }, (err, _stdout, stderr) =>
      resolve(err ? { works: false, reason: stderr.trim() || err.message } : { works: true, reason: "a guest ran under KVM" }),
    );
  });
}

export async function hostDeviceFacts(probe?: string): Promise<HostDeviceFacts & { kvmReason: string }> {
  const [vhostNet, kvm] = await Promise.all([exists("/dev/vhost-net"), probeKvm(probe)]);
  return { vhostNet, kvmWorks: kvm.works, kvmReason: kvm.reason };
}
