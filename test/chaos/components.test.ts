/**
 * Chaos: the platform's own components killed while VMs start and stop. After each kill the
 * cluster must converge by itself (converge.ts): every VM in the state its runStrategy asks, one VMI
 * and one launcher pod per running VM, one QEMU per VMI, nothing left of a stopped or deleted one.
 * Run on its own (`npm run test:chaos`, after the main suite in `npm test`): the kills would slow
 * other tests.
 */
import test from "ava";
import { deleteNamespace, fixture, freshNamespace, kubectlOk, requireCluster } from "../integration/kube";
import { Namespace, platformHealthy } from "./converge";

const seed = fixture("seed-example-vm.yaml");

let ns: Namespace | undefined;
test.before(async () => {
  await requireCluster();
  ns = new Namespace(await freshNamespace("chaos"));
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns.name);
});

interface Component {
  name: string;
  namespace: string;
  selector: string;
}
const HANDLER: Component = { name: "virt-handler", namespace: "kubevirt", selector: "kubevirt.io=virt-handler" };
const CONTROLLER: Component = { name: "virt-controller", namespace: "pepr-system", selector: "pepr.dev/controller=watcher" };

/** Kills the component's pods at once (no grace): its DaemonSet or Deployment starts a new one. */
async function kill(c: Component): Promise<void> {
  await kubectlOk(["delete", "pod", "-n", c.namespace, "-l", c.selector, "--grace-period=0", "--force", "--wait=false"]);
}

const vmManifest = (name: string): string => seed.replace(/name: myvm/, `name: ${name}`);

for (const component of [HANDLER, CONTROLLER]) {
  test.serial(`${component.name} killed while VMs start, stop and are deleted: everything converges`, async (t) => {
    const space = ns!;
    const [a, b] = [`${component.name}-a`, `${component.name}-b`];
    await kubectlOk(["apply", "-n", space.name, "-f", "-"], vmManifest(a));
    await kubectlOk(["apply", "-n", space.name, "-f", "-"], vmManifest(b));
    let since = Date.now();
    await kill(component);
    const started = await space.converge(t, `killed during start (2 VMs Running)`, since);
    const bUid = space.vmiUid(started, b);

    await kubectlOk(["patch", "vm", a, "-n", space.name, "--type", "merge", "-p", '{"spec":{"runStrategy":"Halted"}}']);
    since = Date.now();
    await kill(component);
    const stopped = await space.converge(t, `killed during stop (${a} Stopped)`, since);
    t.is(space.vmiUid(stopped, b), bUid, `${b} kept its VMI: never restarted nor doubled`);

    await kubectlOk(["delete", "vm", b, "-n", space.name, "--wait=false"]);
    since = Date.now();
    await kill(component);
    await space.converge(t, `killed during delete (${b} gone)`, since);
    await kubectlOk(["delete", "vm", a, "-n", space.name, "--wait=false"]);
    await space.converge(t, "clean-up", Date.now());
    await platformHealthy(t, `${component.name} replaced`, since);
  });
}
