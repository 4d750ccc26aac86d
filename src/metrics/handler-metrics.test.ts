import test from "ava";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HandlerMetrics } from "./handler-metrics";

const UID = "1b2c3d4e-aaaa-bbbb-cccc-0123456789ab";
const OTHER = "99999999-aaaa-bbbb-cccc-0123456789ab";

/** A /proc tree with two QEMUs: one in the watched pod, one in a pod of another cluster. */
function fakeProc(): string {
  const proc = mkdtempSync(join(tmpdir(), "proc-"));
  const qemu = (pid: string, podUid: string): void => {
    const dir = join(proc, pid);
    mkdirSync(join(dir, "task", "11"), { recursive: true });
    mkdirSync(join(dir, "task", "12"), { recursive: true });
    writeFileSync(join(dir, "comm"), "qemu-system-x86\n");
    writeFileSync(join(dir, "cgroup"), `0::/kubepods/burstable/pod${podUid}/abc\n`);
    writeFileSync(join(dir, "stat"), `${pid} (qemu-system-x86) S 1 1 1 0 -1 0 0 0 0 0 300 100 0 0 20 0 4 0 1 1 1`);
    writeFileSync(join(dir, "status"), "Name:\tqemu\nVmRSS:\t 102400 kB\n");
    writeFileSync(join(dir, "cmdline"), ["qemu-system-x86_64", "-name", "guest=default_myvm", "-m", "size=65536k"].join("\0"));
    writeFileSync(join(dir, "task", "11", "comm"), "qemu-system-x86\n");
    writeFileSync(join(dir, "task", "12", "comm"), "CPU 0/TCG\n");
    writeFileSync(join(dir, "task", "12", "schedstat"), "7000000000 250000000 10\n");
    writeFileSync(join(dir, "task", "12", "stat"), "12 (CPU 0/TCG) R 1 1 1 0 -1 0 0 0 0 0 1 1 0");
  };
  qemu("100", UID);
  qemu("200", OTHER);
  mkdirSync(join(proc, "300"));
  writeFileSync(join(proc, "300", "comm"), "bash\n");
  return proc;
}

test("a running VMI's QEMU memory, CPU and vCPU times under KubeVirt's names; other pods' QEMUs left out", async (t) => {
  const proc = fakeProc();
  t.teardown(() => rmSync(proc, { recursive: true, force: true }));
  const m = new HandlerMetrics("node-1", proc);
  m.launcherPod({ metadata: { uid: UID, namespace: "default", ownerReferences: [{ kind: "VirtualMachineInstance", name: "myvm" }] } }, false);
  const text = await m.registry.metrics();
  const l = 'node="node-1",namespace="default",name="myvm"';
  t.true(text.includes(`kubevirt_vmi_memory_resident_bytes{${l}} ${102400 * 1024}`));
  t.true(text.includes(`kubevirt_vmi_memory_domain_bytes{${l}} ${64 * 2 ** 20}`));
  t.true(text.includes(`kubevirt_vmi_cpu_usage_seconds_total{${l}} 4`));
  t.true(text.includes(`kubevirt_vmi_cpu_user_usage_seconds_total{${l}} 3`));
  t.true(text.includes(`kubevirt_vmi_vcpu_seconds_total{${l},id="0",state="running"} 7`));
  t.true(text.includes(`kubevirt_vmi_vcpu_delay_seconds_total{${l},id="0"} 0.25`));
  t.is(text.match(/kubevirt_vmi_memory_resident_bytes\{/g)?.length, 1);
});

test("a deleted launcher pod's VMI is no longer reported", async (t) => {
  const proc = fakeProc();
  t.teardown(() => rmSync(proc, { recursive: true, force: true }));
  const m = new HandlerMetrics("node-1", proc);
  const pod = { metadata: { uid: UID, namespace: "default", ownerReferences: [{ kind: "VirtualMachineInstance", name: "myvm" }] } };
  m.launcherPod(pod, false);
  m.launcherPod(pod, true);
  t.false((await m.registry.metrics()).includes("kubevirt_vmi_memory_resident_bytes{"));
});
