/**
 * The AdmissionReviews the benchmark sends: VM and VMI creates, valid and invalid (a disk that
 * names no volume), as the API server would send them to the mutating and validating webhooks.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const fixtures = join(__dirname, "../../test/integration/fixtures");

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown>;
}

export interface Review {
  readonly label: string;
  readonly endpoint: "mutate" | "validate";
  /** The JSON body with a placeholder uid, replaced per request. */
  readonly body: string;
}

function load(file: string): Manifest {
  return parse(readFileSync(join(fixtures, file), "utf8")) as Manifest;
}

function invalidVm(): Manifest {
  const vm = load("vm-valid.yaml");
  const template = vm.spec.template as { spec: { domain: { devices: { disks: unknown[] } } } };
  template.spec.domain.devices.disks.push({ name: "nosuchvolume", disk: { bus: "virtio" } });
  vm.metadata.name = "vm-invalid";
  return vm;
}

const PLURAL: Record<string, string> = {
  VirtualMachine: "virtualmachines",
  VirtualMachineInstance: "virtualmachineinstances",
};

function review(obj: Manifest): string {
  return JSON.stringify({
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    request: {
      uid: "UID",
      kind: { group: "kubevirt.io", version: "v1", kind: obj.kind },
      resource: { group: "kubevirt.io", version: "v1", resource: PLURAL[obj.kind] },
      requestKind: { group: "kubevirt.io", version: "v1", kind: obj.kind },
      requestResource: { group: "kubevirt.io", version: "v1", resource: PLURAL[obj.kind] },
      name: obj.metadata.name,
      namespace: "bench",
      operation: "CREATE",
      userInfo: { username: "kubernetes-admin", groups: ["system:masters", "system:authenticated"] },
      object: { apiVersion: "kubevirt.io/v1", ...obj, metadata: { ...obj.metadata, namespace: "bench" } },
      oldObject: null,
      dryRun: false,
      options: { apiVersion: "meta.k8s.io/v1", kind: "CreateOptions" },
    },
  });
}

export function reviews(): Review[] {
  const objects: [string, Manifest][] = [
    ["VM valid", load("vm-valid.yaml")],
    ["VM invalid", invalidVm()],
    ["VMI valid", load("vmi-valid.yaml")],
    ["VMI invalid", load("vmi-invalid-disk.yaml")],
  ];
  return objects.flatMap(([label, obj]) =>
    (["mutate", "validate"] as const).map(endpoint => ({ label: `${label} ${endpoint}`, endpoint, body: review(obj) })),
  );
}

export function withUid(body: string): string {
  return body.replace('"uid":"UID"', `"uid":"${randomUUID()}"`);
}
