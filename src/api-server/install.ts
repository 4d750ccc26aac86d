/**
 * The objects that install virt-api on a cluster (pure): its ServiceAccount and RBAC, Service,
 * Deployment and the APIService that registers `v1.subresources.kubevirt.io` with the aggregator,
 * plus the ClusterRoles that give `view`, `edit` and `admin` their subresource rights (as KubeVirt's
 * kubevirt.io:view/edit/admin). The controller applies them at start-up as it does the node agent's.
 * virt-api runs from the node agent's image (same code bundle, another entry point): one image less
 * to build, pull and keep in step.
 */
import type { KubeObject } from "../kube/objects";
import { GROUP, VERSION } from "./discovery";
import { API_LINK_DIR, linkVolume } from "../handler/link/certs";

export interface ApiServerInstallOptions {
  image: string;
  namespace: string;
  /** PEM of the CA that signed virt-api's serving certificate (serving-cert.ts). */
  caBundle: string;
}

export const API_NAME = "virt-api";
export const API_ACCOUNT = "kubevirt-apiserver";
export const API_CERT_SECRET = "virt-api-certs";
export const API_LABELS = { "kubevirt.io": "virt-api" };
const PORT = 8443;

/**
 * What virt-api itself calls, and nothing more: reads a VM or VMI (get) and changes it as the verbs
 * do (JSON patches, also on the VM's status), finds launcher and handler pods (list) and deletes a
 * launcher pod (restart --force), and asks SubjectAccessReviews for its callers.
 */
export const API_RULES = [
  { apiGroups: ["kubevirt.io"], resources: ["virtualmachines", "virtualmachineinstances"], verbs: ["get", "patch"] },
  { apiGroups: ["kubevirt.io"], resources: ["virtualmachines/status"], verbs: ["patch"] },
  { apiGroups: [""], resources: ["pods"], verbs: ["list", "delete"] },
  { apiGroups: ["authorization.k8s.io"], resources: ["subjectaccessreviews"], verbs: ["create"] },
];

const vmSubs = (...s: string[]): string[] => s.map((x) => `virtualmachines/${x}`);
const vmiSubs = (...s: string[]): string[] => s.map((x) => `virtualmachineinstances/${x}`);

/** KubeVirt's split: streams and agent queries are `get`, state changes `update`; migrate is admin's only. */
const EDIT_RULES = [
  { apiGroups: [GROUP], resources: vmiSubs("console", "vnc", "portforward", "guestosinfo", "filesystemlist", "userlist"), verbs: ["get"] },
  { apiGroups: [GROUP], resources: vmiSubs("pause", "unpause"), verbs: ["update"] },
  { apiGroups: [GROUP], resources: vmSubs("start", "stop", "restart"), verbs: ["update"] },
  { apiGroups: [GROUP], resources: vmSubs("portforward"), verbs: ["get"] },
  { apiGroups: ["kubevirt.io"], resources: ["virtualmachines", "virtualmachineinstances", "virtualmachineinstancereplicasets"], verbs: ["get", "delete", "create", "update", "patch", "list", "watch"] },
];
const VIEW_RULES = [
  { apiGroups: [GROUP], resources: vmiSubs("guestosinfo", "filesystemlist", "userlist"), verbs: ["get"] },
  { apiGroups: ["kubevirt.io"], resources: ["virtualmachines", "virtualmachineinstances", "virtualmachineinstancereplicasets"], verbs: ["get", "list", "watch"] },
];
const ADMIN_RULES = [...EDIT_RULES, { apiGroups: [GROUP], resources: vmSubs("migrate"), verbs: ["update"] }];

const aggregated = (name: string, to: string, rules: object[]): KubeObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRole",
  metadata: { name: `kubevirt.io:${name}`, labels: { "kubevirt.io": "", [`rbac.authorization.k8s.io/aggregate-to-${to}`]: "true" } },
  rules,
});

export function apiServerObjects(opts: ApiServerInstallOptions): KubeObject[] {
  if (!opts.image) throw new Error("image: the virt-api image is required (kubevirt-config key handlerImage: virt-api runs from it)");
  if (!opts.caBundle.includes("BEGIN CERTIFICATE")) throw new Error("caBundle: a PEM certificate is required (virt-api's serving CA)");
  const { namespace } = opts;
  const binding = (kind: "ClusterRoleBinding" | "RoleBinding", name: string, roleKind: "ClusterRole" | "Role", ns?: string): KubeObject => ({
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind,
    metadata: { name, ...(ns ? { namespace: ns } : {}), labels: API_LABELS },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: roleKind, name: name.replace(/^kubevirt-apiserver:/, "") },
    subjects: [{ kind: "ServiceAccount", name: API_ACCOUNT, namespace }],
  });
  return [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: API_ACCOUNT, namespace, labels: API_LABELS } },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: API_ACCOUNT, labels: API_LABELS }, rules: API_RULES },
    { ...binding("ClusterRoleBinding", API_ACCOUNT, "ClusterRole"), roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: API_ACCOUNT } },
    // Reading the front proxy's CA and header names, as every aggregated API server does.
    binding("RoleBinding", "kubevirt-apiserver:extension-apiserver-authentication-reader", "Role", "kube-system"),
    aggregated("view", "view", VIEW_RULES),
    aggregated("edit", "edit", EDIT_RULES),
    aggregated("admin", "admin", ADMIN_RULES),
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: API_NAME, namespace, labels: API_LABELS },
      spec: { selector: API_LABELS, ports: [{ name: "https", port: 443, targetPort: PORT, protocol: "TCP" }] },
    },
    apiDeployment(opts),
    {
      apiVersion: "apiregistration.k8s.io/v1",
      kind: "APIService",
      metadata: { name: `${VERSION}.${GROUP}`, labels: API_LABELS },
      spec: {
        group: GROUP,
        version: VERSION,
        service: { name: API_NAME, namespace, port: 443 },
        caBundle: Buffer.from(opts.caBundle, "utf8").toString("base64"),
        groupPriorityMinimum: 1000,
        versionPriority: 15,
      },
    },
  ];
}

function apiDeployment({ image, namespace }: ApiServerInstallOptions): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: API_NAME, namespace, labels: API_LABELS },
    spec: {
      replicas: 1,
      selector: { matchLabels: API_LABELS },
      template: {
        metadata: { labels: API_LABELS },
        spec: {
          serviceAccountName: API_ACCOUNT,
          tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }],
          terminationGracePeriodSeconds: 5,
          containers: [
            {
              name: API_NAME,
              image,
              imagePullPolicy: "IfNotPresent",
              args: ["node", "/opt/kubevirt-ts/bin/virt-api.mjs"],
              env: [
                { name: "VIRT_API_PORT", value: String(PORT) },
                { name: "VIRT_API_CERT_DIR", value: "/etc/virt-api/certs" },
                { name: "VIRT_API_LINK_DIR", value: API_LINK_DIR },
                { name: "VIRT_HANDLER_NAMESPACE", value: namespace },
              ],
              ports: [{ name: "https", containerPort: PORT, protocol: "TCP" }],
              // Unprivileged: it only talks to the API server (and, for streams, the node agent over mTLS).
              securityContext: { runAsNonRoot: true, runAsUser: 65534, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
              resources: { requests: { cpu: "10m", memory: "64Mi" } },
              // 5 s: under load the default 1 s timed out and took virt-api out of its Service.
              readinessProbe: { httpGet: { path: "/healthz", port: PORT, scheme: "HTTPS" }, periodSeconds: 2, failureThreshold: 3, timeoutSeconds: 5 },
              volumeMounts: [
                { name: "certs", mountPath: "/etc/virt-api/certs", readOnly: true },
                { name: "link-certs", mountPath: API_LINK_DIR, readOnly: true },
              ],
            },
          ],
          volumes: [{ name: "certs", secret: { secretName: API_CERT_SECRET, defaultMode: 0o444 } }, linkVolume("api")],
        },
      },
    },
  };
}
