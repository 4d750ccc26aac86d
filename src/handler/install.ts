/**
 * The objects that install virt-handler on a cluster (pure): its ServiceAccount, ClusterRole,
 * ClusterRoleBinding and DaemonSet. The controller applies them at start-up (server-side apply),
 * as virt-operator installs KubeVirt's node agent; Pepr's generated manifests cannot carry a DaemonSet.
 */
import type { KubeObject } from "../kube/objects";
import { READY_FILE } from "./config";
import { HANDLER_LINK_DIR, LINK_PORT, linkVolume } from "./link/certs";

export interface HandlerInstallOptions {
  image: string;
  /** The kubelet's --root-dir on the nodes; mounted at the same path (launcher sockets live under it). */
  kubeletRootDir: string;
  /** Namespace of the ServiceAccount and DaemonSet, normally "kubevirt". */
  namespace: string;
}

export const HANDLER_NAME = "virt-handler";
export const HANDLER_ACCOUNT = "kubevirt-handler";
export const HANDLER_LABELS = { "kubevirt.io": "virt-handler" };

/**
 * What the handler calls, and nothing more: it watches its node's VMIs (list, watch) and reads one
 * (get), watches its node's launcher pods (list, watch), patches VMI status (merge patch) and
 * creates core Events. Secrets reach launchers as pod volumes, never through it.
 */
export const HANDLER_RULES = [
  { apiGroups: ["kubevirt.io"], resources: ["virtualmachineinstances"], verbs: ["get", "list", "watch"] },
  { apiGroups: ["kubevirt.io"], resources: ["virtualmachineinstances/status"], verbs: ["patch"] },
  { apiGroups: [""], resources: ["pods"], verbs: ["list", "watch"] },
  { apiGroups: [""], resources: ["events"], verbs: ["create"] },
];

export function handlerObjects(opts: HandlerInstallOptions): KubeObject[] {
  if (!opts.kubeletRootDir.startsWith("/")) throw new Error(`kubeletRootDir ${opts.kubeletRootDir}: must be an absolute path (the kubelet's --root-dir)`);
  if (!opts.image) throw new Error("image: the virt-handler image is required (kubevirt-config key handlerImage)");
  const { namespace } = opts;
  return [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: HANDLER_ACCOUNT, namespace, labels: HANDLER_LABELS } },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: HANDLER_ACCOUNT, labels: HANDLER_LABELS }, rules: HANDLER_RULES },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: HANDLER_ACCOUNT, labels: HANDLER_LABELS },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: HANDLER_ACCOUNT },
      subjects: [{ kind: "ServiceAccount", name: HANDLER_ACCOUNT, namespace }],
    },
    handlerDaemonSet(opts),
  ];
}

function handlerDaemonSet({ image, kubeletRootDir, namespace }: HandlerInstallOptions): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: HANDLER_NAME, namespace, labels: HANDLER_LABELS },
    spec: {
      selector: { matchLabels: HANDLER_LABELS },
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: HANDLER_LABELS },
        spec: {
          serviceAccountName: HANDLER_ACCOUNT,
          // The host's PIDs: the pod network set-up enters each launcher pod's network namespace through /proc/<pid>/ns/net.
          hostPID: true,
          // Every node that may run VMs, control-plane nodes included.
          tolerations: [{ operator: "Exists" }],
          // A stopping handler only closes connections; the VMs run on.
          terminationGracePeriodSeconds: 10,
          containers: [
            {
              name: HANDLER_NAME,
              image,
              imagePullPolicy: "IfNotPresent",
              args: ["node", "/opt/kubevirt-ts/bin/virt-handler.mjs"],
              env: [
                { name: "NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } },
                { name: "KUBELET_ROOT_DIR", value: kubeletRootDir },
                // With the host's PIDs tini is not PID 1: it must still reap the set-up's nsenter children.
                { name: "TINI_SUBREAPER", value: "1" },
                { name: "LINK_CERT_DIR", value: HANDLER_LINK_DIR },
              ],
              // virt-api's streams and pause/unpause come here, over mutual TLS only (link/server.ts);
              // Prometheus metrics over TLS (src/metrics), named as KubeVirt's.
              ports: [
                { name: "link", containerPort: LINK_PORT, protocol: "TCP" },
                { name: "metrics", containerPort: 8443, protocol: "TCP" },
              ],
              // Root reaches the launchers' 0700 socket directories; privileged for the node-level work
              // (pod networks, devices) the node agent owns.
              securityContext: { runAsUser: 0, privileged: true },
              resources: { requests: { cpu: "10m", memory: "96Mi" } },
              // An exec probe under a loaded node takes seconds to start: 1 s (the default) made it fail.
              readinessProbe: { exec: { command: ["test", "-f", READY_FILE] }, periodSeconds: 2, failureThreshold: 1, timeoutSeconds: 5 },
              volumeMounts: [
                { name: "kubelet-root", mountPath: kubeletRootDir, mountPropagation: "HostToContainer" },
                { name: "link-certs", mountPath: HANDLER_LINK_DIR, readOnly: true },
              ],
            },
          ],
          volumes: [{ name: "kubelet-root", hostPath: { path: kubeletRootDir, type: "Directory" } }, linkVolume("handler")],
        },
      },
    },
  } as KubeObject;
}
