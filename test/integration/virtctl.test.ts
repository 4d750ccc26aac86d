/**
 * virtctl's VM verbs against the local cluster through the aggregated subresources.kubevirt.io API,
 * with both clients: upstream virtctl v1.6.0 (built by hack/virtctl/build.sh, which npm test's
 * pretest runs) and `kubectl virt`. The VMs never get a node (a node selector nobody matches):
 * start/stop/restart are about the VM and its VMI, not about a guest.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { deleteNamespace, fixture, freshNamespace, kubectlOk, neverScheduled, requireCluster } from "./kube";
import { userKubeconfig } from "./virtctl-users";
import { waitFor, type Obj } from "./wait";

const root = resolve(__dirname, "../..");
const virtctlBin = join(root, ".local/bin/virtctl");

interface Run { code: number; stdout: string; stderr: string }
function run(cmd: string, args: string[], timeoutMs = 60_000): Promise<Run> {
  return new Promise((res) => {
    execFile(cmd, args, { timeout: timeoutMs }, (error, stdout, stderr) => {
      res({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The two clients, called the same way: VERB ARGS... with a kubeconfig and a namespace. */
const CLIENTS = {
  virtctl: (kc: string, ns: string, args: string[]): Promise<Run> => {
    if (!existsSync(virtctlBin)) throw new Error(`${virtctlBin} is missing: build it with \`bash hack/virtctl/build.sh\` (npm test's pretest does)`);
    return run(virtctlBin, ["--kubeconfig", kc, "-n", ns, ...args]);
  },
  "kubectl virt": (kc: string, ns: string, args: string[]): Promise<Run> => run(process.execPath, [join(root, "bin/kubectl-virt.mjs"), ...args, "--kubeconfig", kc, "-n", ns]),
};

let ns = "";
let viewer = "";
let editor = "";
test.before(async () => {
  await requireCluster();
  // The controller installs virt-api at start-up; the aggregator marks it Available once it answers.
  await waitFor<Obj>(["get", "apiservice", "v1.subresources.kubevirt.io"], (a) => a?.status?.conditions?.some((c: { type: string; status: string }) => c.type === "Available" && c.status === "True") === true, "APIService v1.subresources.kubevirt.io Available", 240_000);
  ns = await freshNamespace("it-virtctl");
  viewer = userKubeconfig("it-virtctl-viewer", ns);
  editor = userKubeconfig("it-virtctl-editor", ns);
  await kubectlOk(["create", "rolebinding", "viewer", "-n", ns, "--clusterrole", "view", "--user", "it-virtctl-viewer"]);
  await kubectlOk(["create", "rolebinding", "editor", "-n", ns, "--clusterrole", "edit", "--user", "it-virtctl-editor"]);
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

const vm = (name: string, runStrategy: string): string =>
  neverScheduled(fixture("vm-valid.yaml").replace(/vm-valid/g, name).replace("runStrategy: Halted", `runStrategy: ${runStrategy}`));
const vmiOf = (name: string) => ["get", "vmi", name, "-n", ns];

for (const [client, call] of Object.entries(CLIENTS)) {
  const slug = client.replace(/\s+/g, "-");

  test.serial(`${client}: start, restart, stop an Always VM (edit), as KubeVirt does`, async (t) => {
    const name = `${slug}-cycle`;
    await kubectlOk(["create", "-n", ns, "-f", "-"], vm(name, "Halted"));
    const started = await call(editor, ns, ["start", name]);
    t.is(started.code, 0, started.stderr);
    t.regex(started.stdout, new RegExp(`VM ${name} was scheduled to start`));
    t.is(await kubectlOk(["get", "vm", name, "-n", ns, "-o", "jsonpath={.spec.runStrategy}"]), "Always");
    const first = await waitFor<Obj>(vmiOf(name), (v) => v?.status?.phase === "Scheduling", "VMI after start");

    const again = await call(editor, ns, ["start", name]);
    t.is(again.code, 1);
    t.regex(again.stderr, /VM is already running|Always does not support manual start requests/);

    const restarted = await call(editor, ns, ["restart", name]);
    t.is(restarted.code, 0, restarted.stderr);
    // A new VMI (another uid) replaces the first; the queued requests are cleared once done.
    await waitFor<Obj>(vmiOf(name), (v) => v !== undefined && v.metadata.uid !== first!.metadata.uid && v.metadata.deletionTimestamp === undefined, "a new VMI after restart", 120_000);
    await waitFor<Obj>(["get", "vm", name, "-n", ns], (v) => (v?.status?.stateChangeRequests ?? []).length === 0, "requests cleared");

    const stopped = await call(editor, ns, ["stop", name]);
    t.is(stopped.code, 0, stopped.stderr);
    t.is(await kubectlOk(["get", "vm", name, "-n", ns, "-o", "jsonpath={.spec.runStrategy}"]), "Halted");
    await waitFor<Obj>(vmiOf(name), (v) => v === undefined, "VMI gone after stop", 120_000);

    const stoppedAgain = await call(editor, ns, ["restart", name]);
    t.is(stoppedAgain.code, 1);
    t.regex(stoppedAgain.stderr, /RunStategy Halted does not support manual restart requests/);
  });

  test.serial(`${client}: a Manual VM starts and stops through queued requests; --force --grace-period 0 stops at once`, async (t) => {
    const name = `${slug}-manual`;
    await kubectlOk(["create", "-n", ns, "-f", "-"], vm(name, "Manual"));
    await waitFor<Obj>(["get", "vm", name, "-n", ns], (v) => v?.status?.printableStatus === "Stopped", "Manual VM Stopped");
    t.is((await call(editor, ns, ["start", name])).code, 0);
    await waitFor<Obj>(vmiOf(name), (v) => v?.status?.phase === "Scheduling", "VMI after start");
    t.is(await kubectlOk(["get", "vm", name, "-n", ns, "-o", "jsonpath={.spec.runStrategy}"]), "Manual", "Manual stays Manual");
    const forced = await call(editor, ns, ["stop", name, "--force", "--grace-period", "0"]);
    t.is(forced.code, 0, forced.stderr);
    await waitFor<Obj>(vmiOf(name), (v) => v === undefined, "VMI gone after force stop", 120_000);
    const notRunning = await call(editor, ns, ["stop", name]);
    t.is(notRunning.code, 1);
    t.regex(notRunning.stderr, /VM is not running/);
  });

  test.serial(`${client}: expose vm makes a Service selecting the VM's pods`, async (t) => {
    const name = `${slug}-exposed`;
    await kubectlOk(["create", "-n", ns, "-f", "-"], vm(name, "Halted"));
    const r = await call(editor, ns, ["expose", "vm", name, "--port", "80", "--target-port", "8080", "--name", `${slug}-web`]);
    t.is(r.code, 0, r.stderr);
    t.regex(r.stdout, new RegExp(`Service ${slug}-web successfully created for vm ${name}`));
    const svc = JSON.parse(await kubectlOk(["get", "service", `${slug}-web`, "-n", ns, "-o", "json"])) as { spec: { selector: Record<string, string>; ports: Array<{ port: number; targetPort: number }> } };
    t.deepEqual(svc.spec.selector, { "vm.kubevirt.io/name": name });
    t.like(svc.spec.ports[0], { port: 80, targetPort: 8080 });
  });

  test.serial(`${client}: a user bound to view is refused with 403 naming the verb; an unknown VM is 404`, async (t) => {
    const name = `${slug}-guarded`;
    await kubectlOk(["create", "-n", ns, "-f", "-"], vm(name, "Halted"));
    const refused = await call(viewer, ns, ["start", name]);
    t.is(refused.code, 1);
    t.regex(refused.stderr, /forbidden: User "it-virtctl-viewer" cannot update resource "virtualmachines\/start" in API group "subresources.kubevirt.io"/);
    t.is(await kubectlOk(["get", "vm", name, "-n", ns, "-o", "jsonpath={.spec.runStrategy}"]), "Halted", "nothing changed");
    const missing = await call(editor, ns, ["stop", "no-such-vm"]);
    t.is(missing.code, 1);
    t.regex(missing.stderr, /virtualmachine.kubevirt.io "no-such-vm" not found/);
    // migrate is admin's right, not edit's (as KubeVirt's roles have it); the server would answer 501 "not supported yet".
    const migrate = await call(editor, ns, ["migrate", name]);
    t.is(migrate.code, 1);
    t.regex(migrate.stderr, /cannot update resource "virtualmachines\/migrate"/);
  });
}

test("discovery and version are served through the aggregator", async (t) => {
  const resources = JSON.parse(await kubectlOk(["get", "--raw", "/apis/subresources.kubevirt.io/v1"])) as { resources: Array<{ name: string }> };
  for (const r of ["virtualmachines/start", "virtualmachines/stop", "virtualmachines/restart", "virtualmachineinstances/console"]) t.true(resources.resources.some((x) => x.name === r), r);
  const version = JSON.parse(await kubectlOk(["get", "--raw", "/apis/subresources.kubevirt.io/v1/version"])) as { gitVersion: string };
  t.regex(version.gitVersion, /^v\d+\.\d+\.\d+/);
});
