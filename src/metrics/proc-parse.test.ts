import test from "ava";
import { parseResidentBytes, parseSchedstat, parseStat, podUidOfCgroup, qemuGuestName, qemuMemoryBytes, vcpuIndex } from "./proc-parse";

test("stat: state and CPU times, a command with spaces and parentheses included", (t) => {
  const line = "4242 (CPU 0/TCG) S 4200 4200 4200 0 -1 4194624 100 0 0 0 1234 56 0 0 20 0 4 0 100 1000 200 18446744073709551615";
  t.deepEqual(parseStat(line), { state: "S", userSeconds: 12.34, systemSeconds: 0.56 });
  t.deepEqual(parseStat("1 (a) b) R 0 0 0 0 0 0 0 0 0 0 200 100 0")?.userSeconds, 2);
  t.is(parseStat("garbage"), undefined);
});

test("status: VmRSS in bytes", (t) => {
  t.is(parseResidentBytes("Name:\tqemu\nVmRSS:\t  123456 kB\nThreads:\t5\n"), 123456 * 1024);
  t.is(parseResidentBytes("Name:\tkthread\n"), undefined);
});

test("schedstat: run and wait times in seconds", (t) => {
  t.deepEqual(parseSchedstat("2500000000 500000000 42\n"), { runSeconds: 2.5, waitSeconds: 0.5 });
  t.is(parseSchedstat(""), undefined);
});

test("vCPU threads are QEMU's 'CPU n/ACCEL' threads", (t) => {
  t.is(vcpuIndex("CPU 0/TCG\n"), 0);
  t.is(vcpuIndex("CPU 3/KVM"), 3);
  t.is(vcpuIndex("qemu-system-x86"), undefined);
  t.is(vcpuIndex("IO mon_iothread"), undefined);
});

test("the pod UID from either cgroup driver's path", (t) => {
  t.is(podUidOfCgroup("0::/kubepods/burstable/pod1b2c3d4e-aaaa-bbbb-cccc-0123456789ab/abcdef\n"), "1b2c3d4e-aaaa-bbbb-cccc-0123456789ab");
  t.is(podUidOfCgroup("0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1b2c3d4e_aaaa_bbbb_cccc_0123456789ab.slice/cri-containerd-x.scope"), "1b2c3d4e-aaaa-bbbb-cccc-0123456789ab");
  t.is(podUidOfCgroup("0::/user.slice"), undefined);
});

test("QEMU's guest memory and name from its command line", (t) => {
  const argv = ["/usr/bin/qemu-system-x86_64", "-name", "guest=default_myvm,debug-threads=on", "-m", "size=65536k", "-smp", "1"];
  t.is(qemuMemoryBytes(argv), 64 * 2 ** 20);
  t.is(qemuGuestName(argv), "default_myvm");
  t.is(qemuMemoryBytes(["qemu", "-m", "128"]), 128 * 2 ** 20);
  t.is(qemuMemoryBytes(["qemu", "-m", "1G"]), 2 ** 30);
  t.is(qemuMemoryBytes(["qemu"]), undefined);
  t.is(qemuMemoryBytes(["qemu", "-m", "lots"]), undefined);
});
