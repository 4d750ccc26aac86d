import test from "ava";
import type { VirtualMachineInstance } from "../../api";
import { DEFAULT_CONFIG } from "../config";
import { memoryOverheadBytes } from "./memory-overhead";
import { nodeSocketPath } from "./paths";
import { renderLauncherPod } from "./render";

const vmi: VirtualMachineInstance = {
  metadata: { name: "myvm", namespace: "default", uid: "1234", labels: { app: "web" } },
  spec: {
    terminationGracePeriodSeconds: 5,
    domain: { resources: { requests: { memory: "64M" } }, devices: { disks: [{ name: "root" }, { name: "data" }, { name: "ci" }] } },
    volumes: [
      { name: "root", containerDisk: { image: "kubevirt/cirros-registry-disk-demo:devel" } },
      { name: "data", persistentVolumeClaim: { claimName: "data-pvc" } },
      { name: "ci", cloudInitNoCloud: { secretRef: { name: "userdata" } } },
    ],
  },
};

test("the pod carries KubeVirt's name prefix, labels, annotation and owner", (t) => {
  const pod = renderLauncherPod(vmi, DEFAULT_CONFIG);
  t.is(pod.metadata.generateName, "virt-launcher-myvm-");
  t.deepEqual(pod.metadata.labels, { app: "web", "kubevirt.io": "virt-launcher", "kubevirt.io/created-by": "1234", "vm.kubevirt.io/name": "myvm" });
  t.is(pod.metadata.annotations["kubevirt.io/domain"], "myvm");
  t.like(pod.metadata.ownerReferences[0], { kind: "VirtualMachineInstance", uid: "1234", controller: true });
  t.is(pod.spec.terminationGracePeriodSeconds, 20);
  t.is(pod.spec.hostname, "myvm");
});

test("containers: compute with guest memory plus overhead, the console, one per containerDisk running as QEMU's user", (t) => {
  const pod = renderLauncherPod(vmi, { ...DEFAULT_CONFIG, useEmulation: true });
  t.deepEqual(pod.spec.containers.map((c) => c.name), ["compute", "guest-console-log", "volumeroot"]);
  const compute = pod.spec.containers[0]!;
  const expected = Math.ceil((64e6 + memoryOverheadBytes(vmi, true)) / 2 ** 20);
  t.is((compute.resources as { requests: Record<string, string> }).requests.memory, `${expected}Mi`);
  t.true(compute.command.includes("--virt-type") && compute.command[compute.command.indexOf("--virt-type") + 1] === "qemu");
  const disk = pod.spec.containers[2]!;
  t.is(disk.image, "kubevirt/cirros-registry-disk-demo:devel");
  t.deepEqual(disk.command, ["/var/run/kubevirt/container-disk-binary/container-disk", "root"]);
  t.like(disk.securityContext as object, { runAsUser: 107, runAsNonRoot: true });
  t.deepEqual(pod.spec.initContainers.map((c) => c.name), ["container-disk-binary"]);
});

test("claims and Secrets are mounted where the launcher looks for them", (t) => {
  const pod = renderLauncherPod(vmi, DEFAULT_CONFIG);
  const mounts = (pod.spec.containers[0]!.volumeMounts as Array<{ name: string; mountPath: string }>).map((m) => `${m.name}:${m.mountPath}`);
  t.true(mounts.includes("pvc-data-pvc:/var/run/kubevirt/pvcs/data-pvc"));
  t.true(mounts.includes("secret-userdata:/var/run/kubevirt/secrets/userdata"));
  t.true(pod.spec.volumes.some((v) => v.name === "pvc-data-pvc" && (v.persistentVolumeClaim as { claimName: string }).claimName === "data-pvc"));
});

test("the node agent finds the command socket under the kubelet's pods dir", (t) => {
  t.is(nodeSocketPath("/var/lib/kubelet", "abc"), "/var/lib/kubelet/pods/abc/volumes/kubernetes.io~empty-dir/sockets/launcher.sock");
});

test("GPUs and host devices become extended resources of the compute container", (t) => {
  const withDevices: VirtualMachineInstance = {
    ...vmi,
    spec: { ...vmi.spec, domain: { ...vmi.spec.domain, devices: { ...vmi.spec.domain.devices, gpus: [{ name: "g1", deviceName: "nvidia.com/TU104GL_Tesla_T4" }, { name: "g2", deviceName: "nvidia.com/TU104GL_Tesla_T4" }], hostDevices: [{ name: "h", deviceName: "intel.com/qat" }] } } },
  };
  const r = renderLauncherPod(withDevices, DEFAULT_CONFIG).spec.containers[0]!.resources as { requests: Record<string, string>; limits: Record<string, string> };
  t.like(r.limits, { "nvidia.com/TU104GL_Tesla_T4": "2", "intel.com/qat": "1" });
  t.like(r.requests, { "nvidia.com/TU104GL_Tesla_T4": "2", "intel.com/qat": "1" });
});

test("DNS, topology spread and DRA claims pass to the pod; what the cluster lent it is requested", (t) => {
  const spread = [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway" }];
  const withPodFields: VirtualMachineInstance = {
    ...vmi,
    spec: { ...vmi.spec, dnsPolicy: "None", dnsConfig: { nameservers: ["10.202.0.10"] }, topologySpreadConstraints: spread, resourceClaims: [{ name: "gpu", resourceClaimName: "c" }] },
  };
  withPodFields.spec.domain = { ...vmi.spec.domain, devices: { ...vmi.spec.domain.devices, gpus: [{ name: "g", claimName: "gpu" }] } };
  const pod = renderLauncherPod(withPodFields, DEFAULT_CONFIG, { resources: { "intel.com/sriov": "1" }, annotations: { "k8s.v1.cni.cncf.io/networks": "[]" } });
  t.like(pod.spec, { dnsPolicy: "None", dnsConfig: { nameservers: ["10.202.0.10"] }, topologySpreadConstraints: spread, resourceClaims: [{ name: "gpu", resourceClaimName: "c" }] });
  t.is(pod.metadata.annotations["k8s.v1.cni.cncf.io/networks"], "[]");
  const compute = pod.spec.containers[0] as unknown as { resources: { requests: Record<string, string>; limits: Record<string, string>; claims: unknown[] } };
  t.is(compute.resources.requests["intel.com/sriov"], "1");
  t.is(compute.resources.limits["intel.com/sriov"], "1");
  t.deepEqual(compute.resources.claims, [{ name: "gpu" }]);
});

test("no API token unless a serviceAccount volume asks: then the pod runs as it, its token projected into compute only", (t) => {
  const plain = renderLauncherPod(vmi, DEFAULT_CONFIG);
  t.false(plain.spec.automountServiceAccountToken);
  t.is(plain.spec.serviceAccountName, undefined);
  const withSa: VirtualMachineInstance = { ...vmi, spec: { ...vmi.spec, volumes: [...vmi.spec.volumes!, { name: "sa", serviceAccount: { serviceAccountName: "robot" } }] } };
  const pod = renderLauncherPod(withSa, DEFAULT_CONFIG);
  t.is(pod.spec.serviceAccountName, "robot");
  t.false(pod.spec.automountServiceAccountToken);
  const volume = pod.spec.volumes.find((v) => v.name === "serviceaccount") as { projected: { sources: object[] } } | undefined;
  t.is(volume?.projected.sources.length, 3);
  const mountsOf = (c: object): Array<{ name: string; mountPath: string }> => ((c as { volumeMounts?: unknown }).volumeMounts ?? []) as Array<{ name: string; mountPath: string }>;
  const mounted = pod.spec.containers.filter((c) => mountsOf(c).some((m) => m.name === "serviceaccount")).map((c) => c.name);
  t.deepEqual(mounted, ["compute"]);
  t.like(mountsOf(pod.spec.containers[0]!).find((m) => m.name === "serviceaccount"), { mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true });
});

test("the compute container asks for tun, and kvm and vhost-net unless emulating; never privileged", (t) => {
  const resources = (useEmulation: boolean) =>
    renderLauncherPod(vmi, { ...DEFAULT_CONFIG, useEmulation }).spec.containers[0]!.resources as { requests: Record<string, string>; limits: Record<string, string> };
  const devices = (r: Record<string, string> | undefined) => Object.fromEntries(Object.entries(r ?? {}).filter(([k]) => k.startsWith("devices.kubevirt.io/")));
  const tun = { "devices.kubevirt.io/tun": "1" };
  t.deepEqual(devices(resources(true).limits), tun);
  t.deepEqual(devices(resources(true).requests), tun);
  t.deepEqual(devices(resources(false).limits), { ...tun, "devices.kubevirt.io/kvm": "1", "devices.kubevirt.io/vhost-net": "1" });
  const compute = renderLauncherPod(vmi, DEFAULT_CONFIG).spec.containers[0]! as { securityContext?: { privileged?: boolean } };
  t.not(compute.securityContext?.privileged, true);
});
