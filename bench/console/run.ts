/**
 * npm run bench:console [-- --attach-runs N --paste-runs N --paste-kib K]
 * On the local cluster: one guest VMI, then through `kubectl virt`'s stream opener (client → API
 * server → virt-api → virt-handler → launcher → QEMU's serial port):
 *   - console attach latency: from asking for the WebSocket to the guest's prompt after a newline
 *     (and the WebSocket open alone), N times (default 10);
 *   - a paste of K KiB (default 1024) into `cat > /dev/null`, in 64-byte lines, until the guest's
 *     terminal has echoed the last line back, N times (default 3).
 * Prints p50/p95 of each. Asserts nothing; removes its namespace.
 */
import { join, resolve } from "node:path";
import type { Duplex } from "node:stream";
import { quantile } from "../density/stats";

const root = resolve(__dirname, "../..");
process.env.KUBECONFIG ??= join(root, ".local/kubeconfig");
const kube = import("../../src/kube/objects");
const cli = Promise.all([import("../../src/cli/verbs/kubeconfig"), import("../../src/cli/verbs/stream")]);

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} takes a positive whole number`);
  return v;
};
const attachRuns = arg("attach-runs", 10);
const pasteRuns = arg("paste-runs", 3);
const pasteKiB = arg("paste-kib", 1024);
const ns = `bench-console-${Date.now().toString(36)}`;
const NAME = "console-bench";
const VMI = { group: "kubevirt.io", version: "v1", plural: "virtualmachineinstances", namespaced: true } as const;
const NAMESPACE = { group: "", version: "v1", plural: "namespaces", namespaced: false } as const;
/** busybox ash's prompt ("NAME# "), which its line editing follows with a cursor-position query. */
const PROMPT = /# (?:\x1b\[6n)?$/;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const vmi = {
  apiVersion: "kubevirt.io/v1",
  kind: "VirtualMachineInstance",
  metadata: { name: NAME },
  spec: {
    terminationGracePeriodSeconds: 0,
    domain: { resources: { requests: { memory: "64M" } }, devices: { disks: [{ name: "root", disk: { bus: "virtio" } }] } },
    volumes: [{ name: "root", containerDisk: { image: "kubevirt/cirros-registry-disk-demo:devel" } }],
  },
};

/** Resolves when the text received since the call matches; rejects after timeoutMs. */
function until(stream: Duplex, pattern: RegExp, timeoutMs: number): Promise<void> {
  let seen = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs / 1000} s; last: ${JSON.stringify(seen.slice(-200))}`)), timeoutMs);
    const onData = (d: Buffer): void => {
      seen = (seen + d.toString("latin1")).slice(-4096);
      if (pattern.test(seen)) done();
    };
    const done = (err?: Error): void => {
      clearTimeout(timer);
      stream.off("data", onData);
      if (err) reject(err);
      else resolve();
    };
    stream.on("data", onData);
  });
}

async function main(): Promise<void> {
  const k = await kube;
  const [{ loadConnection }, { openStream }] = await cli;
  const conn = { ...loadConnection({ kubeconfig: process.env.KUBECONFIG }), namespace: ns };
  const open = (): Promise<Duplex> => openStream(conn, "virtualmachineinstances", NAME, "console");
  await k.createObject(NAMESPACE, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  try {
    await k.createObject(VMI, ns, vmi);
    console.log(`console: waiting for VMI ${ns}/${NAME} to run`);
    for (let i = 0; ; i++) {
      const v = await k.getObject<{ metadata: { name: string }; status?: { phase?: string } }>(VMI, ns, NAME);
      if (v?.status?.phase === "Running") break;
      if (i > 600) throw new Error("the VMI did not run within 10 minutes");
      await sleep(1000);
    }
    // The first prompt also tells that the guest has booted.
    const boot = await open();
    for (let i = 0; ; i++) {
      boot.write("\n");
      if (await until(boot, PROMPT, 5000).then(() => true, () => false)) break;
      if (i > 120) throw new Error("no shell prompt on the console within 10 minutes");
    }
    boot.destroy();

    const wsOpen: number[] = [];
    const toPrompt: number[] = [];
    for (let i = 0; i < attachRuns; i++) {
      const t0 = performance.now();
      const s = await open();
      wsOpen.push(performance.now() - t0);
      const prompt = until(s, PROMPT, 30_000);
      s.write("\n");
      await prompt;
      toPrompt.push(performance.now() - t0);
      s.destroy();
    }

    const line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.\n"; // 64 bytes
    const lines = (pasteKiB * 1024) / line.length;
    const paste: number[] = [];
    for (let i = 0; i < pasteRuns; i++) {
      const s = await open();
      const ready = until(s, /cat-ready\r?\n/, 30_000);
      s.write("echo cat-ready; cat > /dev/null\n");
      await ready;
      const marker = `END-OF-PASTE-${i}-${Date.now()}`;
      const echoed = until(s, new RegExp(marker), 30 * 60_000);
      const t0 = performance.now();
      s.write(Buffer.from(line.repeat(lines - 1) + `${marker}${".".repeat(line.length - marker.length - 1)}\n`));
      await echoed;
      paste.push(performance.now() - t0);
      const back = until(s, PROMPT, 60_000);
      s.write(Buffer.from([0x04])); // end cat's input
      await back;
      s.destroy();
    }
    const f = (ms: number): string => ms.toFixed(0);
    console.log(`console (load ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}):`);
    console.log(`  WebSocket open            p50 ${f(quantile(wsOpen, 0.5))} ms  p95 ${f(quantile(wsOpen, 0.95))} ms  (${attachRuns} runs)`);
    console.log(`  attach → prompt           p50 ${f(quantile(toPrompt, 0.5))} ms  p95 ${f(quantile(toPrompt, 0.95))} ms`);
    const rate = (ms: number): string => ((pasteKiB / 1024) / (ms / 1000) * 1024).toFixed(1);
    console.log(`  ${pasteKiB} KiB paste echoed   p50 ${f(quantile(paste, 0.5))} ms (${rate(quantile(paste, 0.5))} KiB/s)  p95 ${f(quantile(paste, 0.95))} ms  (${pasteRuns} runs)`);
  } finally {
    await k.deleteObject(NAMESPACE, undefined, ns);
  }
}

main().catch((err: unknown) => {
  console.error(`bench:console failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
