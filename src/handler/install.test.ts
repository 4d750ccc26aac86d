import test from "ava";
import { handlerObjects } from "./install";

const opts = { image: "localhost/kubevirt-ts/virt-handler:0.1.0", kubeletRootDir: "/data/kubelet", namespace: "kubevirt" };
type Obj = { kind: string; metadata: { name: string; namespace?: string }; [k: string]: unknown };
const objects = (): Obj[] => handlerObjects(opts) as unknown as Obj[];
const daemonSet = (): any => objects().find((o) => o.kind === "DaemonSet");

test("the four objects of the contract, by kind and name", (t) => {
  t.deepEqual(objects().map((o) => `${o.kind}/${o.metadata.name}`), [
    "ServiceAccount/kubevirt-handler",
    "ClusterRole/kubevirt-handler",
    "ClusterRoleBinding/kubevirt-handler",
    "DaemonSet/virt-handler",
  ]);
  t.is(objects()[0]!.metadata.namespace, "kubevirt");
});

test("the binding grants the role to the ServiceAccount in the namespace", (t) => {
  const b = objects()[2] as unknown as { roleRef: { name: string }; subjects: unknown[] };
  t.is(b.roleRef.name, "kubevirt-handler");
  t.deepEqual(b.subjects, [{ kind: "ServiceAccount", name: "kubevirt-handler", namespace: "kubevirt" }]);
});

test("the role covers what the handler does (watch VMIs and pods, patch VMI status, write Events) and no more", (t) => {
  const rules = (objects()[1] as unknown as { rules: Array<{ resources: string[]; verbs: string[] }> }).rules;
  const can = (resource: string, verb: string): boolean => rules.some((r) => r.resources.includes(resource) && r.verbs.includes(verb));
  for (const [r, v] of [["virtualmachineinstances", "watch"], ["virtualmachineinstances/status", "patch"], ["pods", "watch"], ["events", "create"]]) {
    t.true(can(r!, v!), `${r} ${v}`);
  }
  t.false(can("virtualmachineinstances", "delete"));
  t.false(can("pods", "delete"));
  t.false(can("secrets", "get"), "Secrets reach launchers as pod volumes, never through the handler");
});

test("the DaemonSet: label, image, NODE_NAME from the node, the kubelet root at the same path", (t) => {
  const ds = daemonSet();
  t.deepEqual(ds.metadata.labels, { "kubevirt.io": "virt-handler" });
  t.deepEqual(ds.spec.selector.matchLabels, ds.spec.template.metadata.labels);
  const c = ds.spec.template.spec.containers[0];
  t.is(c.image, opts.image);
  t.deepEqual(c.env[0], { name: "NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } });
  t.deepEqual(c.env[1], { name: "KUBELET_ROOT_DIR", value: "/data/kubelet" });
  t.is(c.volumeMounts[0].mountPath, "/data/kubelet");
  t.deepEqual(ds.spec.template.spec.volumes[0].hostPath, { path: "/data/kubelet", type: "Directory" });
  t.is(ds.spec.template.spec.serviceAccountName, "kubevirt-handler");
  t.deepEqual(c.readinessProbe.exec.command, ["test", "-f", "/tmp/virt-handler-ready"], "ready once its watches run");
});

test("bad options are refused naming the field", (t) => {
  t.throws(() => handlerObjects({ ...opts, kubeletRootDir: "kubelet" }), { message: /kubeletRootDir kubelet: must be an absolute path/ });
  t.throws(() => handlerObjects({ ...opts, image: "" }), { message: /image: the virt-handler image is required/ });
});

test("the link: port 8186 named link, the link Secret with only the handler's own key mounted", (t) => {
  const spec = daemonSet().spec.template.spec;
  const c = spec.containers[0];
  t.deepEqual(c.ports.find((p: { name: string }) => p.name === "link"), { name: "link", containerPort: 8186, protocol: "TCP" });
  t.true(c.env.some((e: { name: string; value?: string }) => e.name === "LINK_CERT_DIR" && e.value === "/etc/virt-handler/link"));
  const vol = spec.volumes.find((v: { name: string }) => v.name === "link-certs");
  t.is(vol.secret.secretName, "virt-handler-link-certs");
  t.deepEqual(vol.secret.items.map((i: { key: string }) => i.key), ["ca.crt", "tls.crt", "tls.key"]);
});
