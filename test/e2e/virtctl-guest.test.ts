/**
 * virtctl's guest verbs on the local cluster with a real guest, each with both clients (upstream
 * virtctl v1.6.0 from .local/bin/virtctl, and `kubectl virt`): pause/unpause with the Paused condition
 * and KubeVirt's refusals; the serial console (a newline, the prompt, a command and its output, then
 * Ctrl+], exit 0) and a second console taking over the first; vnc --proxy-only read by a minimal RFB
 * client; port-forward to the guest's HTTP server; and a user bound to `view` refused with 403.
 * Path: client → kube-apiserver → virt-api (aggregated) → virt-handler (mTLS link) → launcher → QEMU.
 */
import test from "ava";
import { existsSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { deleteNamespace, freshNamespace, kubectlOk, neverScheduled, requireCluster } from "../integration/kube";
import { httpGet } from "../integration/node-pods";
import { userKubeconfig } from "../integration/virtctl-users";
import { waitFor, type Obj } from "../integration/wait";
import { ClientProcess } from "./client-process";
import { rfbSession } from "./rfb-client";

const root = resolve(__dirname, "../..");
const virtctlBin = join(root, ".local/bin/virtctl");
const GUEST = "vguest";
const HTTP_PORT = 8080;
/** busybox ash's prompt ("NAME# "), which its line editing follows with a cursor-position query. */
const PROMPT = /# (?:\x1b\[6n)?$/;

/** The two clients, started the same way: VERB ARGS... as a user (kubeconfig) in the test's namespace. */
const CLIENTS = {
  virtctl: (kc: string, args: string[]): ClientProcess => {
    if (!existsSync(virtctlBin)) throw new Error(`${virtctlBin} is missing: build it with \`bash hack/virtctl/build.sh\` (npm test's pretest does)`);
    return new ClientProcess(virtctlBin, ["--kubeconfig", kc, "-n", ns, ...args]);
  },
  "kubectl virt": (kc: string, args: string[]): ClientProcess => new ClientProcess(process.execPath, [join(root, "bin/kubectl-virt.mjs"), ...args, "--kubeconfig", kc, "-n", ns]),
};
type Client = keyof typeof CLIENTS;

let ns = "";
let viewer = "";
let editor = "";

const guestVm = (): string => JSON.stringify({
  apiVersion: "kubevirt.io/v1",
  kind: "VirtualMachine",
  metadata: { name: GUEST },
  spec: {
    runStrategy: "Always",
    template: {
      metadata: { labels: { app: GUEST } },
      spec: {
        terminationGracePeriodSeconds: 5,
        domain: {
          resources: { requests: { memory: "64M" } },
          devices: {
            disks: [{ name: "containerdisk", disk: { bus: "virtio" } }, { name: "cloudinitdisk", disk: { bus: "virtio" } }],
            interfaces: [{ name: "default", masquerade: {} }],
          },
        },
        networks: [{ name: "default", pod: {} }],
        volumes: [
          { name: "containerdisk", containerDisk: { image: "kubevirt/cirros-registry-disk-demo:devel" } },
          { name: "cloudinitdisk", cloudInitNoCloud: { userData: `#cloud-config\nruncmd:\n- mkdir -p /www && echo hello-through-port-forward > /www/index.html && httpd -p ${HTTP_PORT} -h /www\n` } },
        ],
      },
    },
  },
});

/** A VMI that never gets a node, without a graphics device: refusals that need no guest. */
const idleVmi = (): string => neverScheduled(JSON.stringify({
  apiVersion: "kubevirt.io/v1",
  kind: "VirtualMachineInstance",
  metadata: { name: "idle" },
  spec: { domain: { resources: { requests: { memory: "64M" } }, devices: { autoattachGraphicsDevice: false } } },
}));

test.before(async () => {
  await requireCluster();
  await waitFor<Obj>(["get", "apiservice", "v1.subresources.kubevirt.io"], (a) => a?.status?.conditions?.some((c: { type: string; status: string }) => c.type === "Available" && c.status === "True") === true, "APIService v1.subresources.kubevirt.io Available", 240_000);
  ns = await freshNamespace("e2e-virtctl");
  viewer = userKubeconfig("e2e-virtctl-viewer", ns);
  editor = userKubeconfig("e2e-virtctl-editor", ns);
  await kubectlOk(["create", "rolebinding", "viewer", "-n", ns, "--clusterrole", "view", "--user", "e2e-virtctl-viewer"]);
  await kubectlOk(["create", "rolebinding", "editor", "-n", ns, "--clusterrole", "edit", "--user", "e2e-virtctl-editor"]);
  await kubectlOk(["create", "-n", ns, "-f", "-"], guestVm());
  await kubectlOk(["create", "-n", ns, "-f", "-"], idleVmi());
  await waitFor<Obj>(["get", "vmi", GUEST, "-n", ns], (v) => v?.status?.phase === "Running" && v.status.conditions?.some((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True") === true, "the guest's VMI Running and Ready", 300_000);
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

/** Runs a verb to its end. */
async function run(client: Client, kc: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const p = CLIENTS[client](kc, args);
  p.endInput();
  const code = await p.exited;
  return { code, stdout: p.stdout, stderr: p.stderr };
}

const condition = (v: Obj | undefined, type: string): { status: string; reason?: string } | undefined => v?.status?.conditions?.find((c: { type: string }) => c.type === type);

/** Attaches a console and waits for the guest's shell prompt (a newline makes the shell print it). */
async function attachConsole(client: Client): Promise<ClientProcess> {
  const c = CLIENTS[client](editor, ["console", GUEST]);
  await c.waitFor(/Successfully connected to vguest console/, "the console's greeting", 120_000, "stderr");
  let prompt: RegExpExecArray | undefined;
  // The shell prints its prompt after each newline; a guest still booting may swallow the first.
  for (let i = 0; i < 20 && !prompt; i++) {
    c.write("\n");
    prompt = await c.waitFor(PROMPT, "the guest's shell prompt", 15_000, "stdout").catch(() => undefined);
  }
  if (!prompt) throw new Error(`no shell prompt on the console: ${c.stdout.slice(-500)}`);
  return c;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

for (const client of Object.keys(CLIENTS) as Client[]) {
  test.serial(`${client}: pause and unpause the VMI, with the Paused condition and KubeVirt's refusals`, async (t) => {
    const paused = await run(client, editor, ["pause", "vmi", GUEST]);
    t.is(paused.code, 0, paused.stderr);
    t.regex(paused.stdout, /VMI vguest was scheduled to pause/);
    const vmi = await waitFor<Obj>(["get", "vmi", GUEST, "-n", ns], (v) => condition(v, "Paused")?.status === "True", "the Paused condition", 120_000);
    t.is(condition(vmi, "Paused")?.reason, "PausedByUser");
    await waitFor<Obj>(["get", "vm", GUEST, "-n", ns], (v) => v?.status?.printableStatus === "Paused", "the VM's status Paused", 120_000);
    const wide = await kubectlOk(["get", "vmi", GUEST, "-n", ns, "-o", "wide"]);
    t.regex(wide.split("\n")[0]!, /LIVE-MIGRATABLE\s+PAUSED/);
    t.regex(wide.split("\n")[1]!, /\sTrue\s*$/, "the Paused column says True");

    const again = await run(client, editor, ["pause", "vmi", GUEST]);
    t.is(again.code, 1);
    t.regex(again.stderr, /VMI is already paused/);

    const unpaused = await run(client, editor, ["unpause", "vmi", GUEST]);
    t.is(unpaused.code, 0, unpaused.stderr);
    t.regex(unpaused.stdout, /VMI vguest was scheduled to unpause/);
    await waitFor<Obj>(["get", "vmi", GUEST, "-n", ns], (v) => v !== undefined && condition(v, "Paused") === undefined && condition(v, "Ready")?.status === "True", "Paused gone, Ready again", 120_000);
    const notPaused = await run(client, editor, ["unpause", "vmi", GUEST]);
    t.is(notPaused.code, 1);
    t.regex(notPaused.stderr, /VMI is not paused/);

    const notRunning = await run(client, editor, ["pause", "vmi", "idle"]);
    t.is(notRunning.code, 1);
    t.regex(notRunning.stderr, /VM is not running/);
    const unknown = await run(client, editor, ["pause", "vmi", "no-such-vmi"]);
    t.is(unknown.code, 1);
    t.regex(unknown.stderr, /virtualmachineinstance.kubevirt.io "no-such-vmi" not found/);
  });

  test.serial(`${client}: console: a newline, the prompt, a command and its output, then Ctrl+] leaves with exit 0`, async (t) => {
    const c = await attachConsole(client);
    c.write("echo marker-$((6*7))\n");
    await c.waitFor(/marker-42/, "the command's output", 60_000, "stdout");
    c.write(Buffer.from([0x1d]));
    t.is(await c.exited, 0, c.stderr);
  });

  test.serial(`${client}: vnc --proxy-only prints the port; an RFB client reads the handshake and a framebuffer update`, async (t) => {
    const v = CLIENTS[client](editor, ["vnc", "--proxy-only", GUEST]);
    const m = await v.waitFor(/\{"port":(\d+)\}/, "the proxy's port", 120_000, "stdout");
    const session = await rfbSession(Number(m[1]));
    t.regex(session.version, /^RFB 003\.00[38]$/);
    t.true(session.width > 0 && session.height > 0, `${session.width}x${session.height}`);
    t.true(session.update.rectangles >= 1);
    t.true(session.update.first.w > 0 && session.update.first.h > 0);
    // One client, as virtctl: when it leaves, the proxy ends.
    t.is(await v.exited, 0, v.stderr);

    const none = await run(client, editor, ["vnc", "--proxy-only", "idle"]);
    t.not(none.code, 0);
    t.regex(none.stderr, /No graphics devices are present\./);
  });

  test.serial(`${client}: port-forward reaches the guest's HTTP server (vmi/ and vm/ targets)`, async (t) => {
    for (const target of [`vmi/${GUEST}`, `vm/${GUEST}/${ns}`]) {
      const port = await freePort();
      const pf = CLIENTS[client](editor, ["port-forward", target, `${port}:${HTTP_PORT}`]);
      await pf.waitFor(/forwarding tcp 127\.0\.0\.1:\d+ to 8080/, "the forward's start", 60_000, "stderr");
      let body = "";
      const deadline = Date.now() + 120_000;
      while (!body.includes("hello-through-port-forward") && Date.now() < deadline) {
        body = await httpGet(`http://127.0.0.1:${port}/`, 20_000).catch((e: Error) => e.message);
      }
      pf.kill("SIGINT");
      await pf.exited;
      t.regex(body, /hello-through-port-forward/, `${target}: ${pf.stderr.slice(-400)}`);
    }
  });

  test.serial(`${client}: port-forward --stdio carries one connection on stdin/stdout (what ssh's ProxyCommand uses)`, async (t) => {
    const pf = CLIENTS[client](editor, ["port-forward", client === "virtctl" ? "--stdio=true" : "--stdio", `vmi/${GUEST}/${ns}`, String(HTTP_PORT)]);
    pf.write("GET / HTTP/1.0\r\n\r\n");
    await pf.waitFor(/hello-through-port-forward/, "the guest's HTTP answer on stdout", 120_000, "stdout");
    pf.kill("SIGINT");
    await pf.exited;
    t.regex(pf.stdout, /^HTTP\/1\.[01] 200/);
  });

  test.serial(`${client}: a user bound to view is refused with 403 naming the verb (console, vnc, port-forward, pause)`, async (t) => {
    const cases: Array<[string[], RegExp]> = [
      [["console", GUEST], /cannot get resource "virtualmachineinstances\/console"/],
      [["vnc", "--proxy-only", GUEST], /cannot get resource "virtualmachineinstances\/vnc"/],
      [["port-forward", client === "virtctl" ? "--stdio=true" : "--stdio", `vmi/${GUEST}`, String(HTTP_PORT)], /cannot get resource "virtualmachineinstances\/portforward"/],
      [["pause", "vmi", GUEST], /cannot update resource "virtualmachineinstances\/pause"/],
    ];
    for (const [args, message] of cases) {
      const r = await run(client, viewer, args);
      t.not(r.code, 0, args.join(" "));
      t.regex(r.stderr, message, args.join(" "));
      t.regex(r.stderr, /403|forbidden/i, args.join(" "));
    }
  });
}

test.serial("kubectl virt ssh and scp run the machine's OpenSSH client through port-forward --stdio (the guest has no sshd: its HTTP server answers ssh's banner)", async (t) => {
  const common = ["-p", String(HTTP_PORT), ...["-v", "-oBatchMode=yes", "-oStrictHostKeyChecking=no", "-oUserKnownHostsFile=/dev/null"].map((o) => `--local-ssh-opts=${o}`)];
  const ssh = await run("kubectl virt", editor, ["ssh", `root@vmi/${GUEST}`, ...common, "-c", "true"]);
  t.not(ssh.code, 0, "no sshd in the guest");
  t.regex(ssh.stderr, /proxy command: .*kubectl-virt.mjs port-forward --stdio/i, "ssh ran our port-forward");
  t.regex(ssh.stderr, /HTTP\/1\.[01] 400/, "ssh's banner reached the guest's port and its HTTP server answered");
  const scp = await run("kubectl virt", editor, ["scp", ...common, `root@vmi/${GUEST}:/etc/hostname`, "/dev/null"]);
  t.not(scp.code, 0);
  t.regex(scp.stderr, /HTTP\/1\.[01] 400/, "scp went the same way");
});

test.serial("a second console takes over: the first (kubectl virt) is disconnected, the second (virtctl) works", async (t) => {
  const first = await attachConsole("kubectl virt");
  const second = await attachConsole("virtctl");
  t.is(await first.exited, 1, "the first console ends");
  t.regex(first.stderr, /closed by the server/);
  second.write("echo second-$((40+2))\n");
  await second.waitFor(/second-42/, "the second console's output", 60_000, "stdout");
  second.write(Buffer.from([0x1d]));
  t.is(await second.exited, 0, second.stderr);
});
