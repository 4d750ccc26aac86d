#!/usr/bin/env bash
# Writes the kubelet's and kube-proxy's configuration files into .local/node/conf.
# kubelet: cgroup v1 with the cgroupfs driver (there is no systemd), all pods' cgroups under
# $CGROUP_ROOT, its root and pod logs under .local/node, a resolv.conf of the project's own for pods,
# image garbage collection off (locally imported images could never be pulled back), and eviction
# thresholds low enough that a busy shared disk does not evict the cluster's pods.
# kube-proxy: iptables mode; its rules live in the cluster's namespace; NodePorts only on the node IP.
set -euo pipefail
source "$(dirname "$0")/env.sh"
mkdir -p "$node_conf" "$node_dir/kubelet" "$node_dir/pod-logs"

# The node's own resolv.conf for pods (dnsPolicy Default, host-network pods, CoreDNS itself): no
# name server, names from /etc/hosts only: the machine's upstream resolver must never be used from
# inside. Other pods get the cluster DNS (clusterDNS below: CoreDNS, which answers the cluster's
# names and refuses every other).
printf '# kubevirt-ts: no name server; names resolve from /etc/hosts only\noptions ndots:1\n' \
  | write_if_changed "$node_conf/resolv.conf"

write_if_changed "$node_conf/kubelet.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_IP
port: 10250
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $pki/ca.crt}
authorization: {mode: Webhook}
tlsCertFile: $pki/kubelet-serving.crt
tlsPrivateKeyFile: $pki/kubelet-serving.key
cgroupDriver: cgroupfs
cgroupRoot: $CGROUP_ROOT
cgroupsPerQOS: true
containerRuntimeEndpoint: unix://$CONTAINERD_SOCK
podLogsDir: $node_dir/pod-logs
resolvConf: $node_conf/resolv.conf
clusterDNS: [$CLUSTER_DNS_IP]
clusterDomain: $CLUSTER_DOMAIN
failSwapOn: false
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: 100Mi, nodefs.available: 1%, imagefs.available: 1%}
serializeImagePulls: false
maxPods: 60
rotateCertificates: false
serverTLSBootstrap: false
syncFrequency: 10s
fileCheckFrequency: 10s
nodeStatusUpdateFrequency: 10s
YAML

write_if_changed "$node_conf/kube-proxy.yaml" <<YAML
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection: {kubeconfig: $pki/kube-proxy.kubeconfig}
hostnameOverride: $NODE_NAME
mode: iptables
clusterCIDR: $POD_CIDR
nodePortAddresses: ["$NODE_IP/32"]
bindAddress: $NODE_IP
healthzBindAddress: 127.0.0.1:10256
metricsBindAddress: 127.0.0.1:10249
# 0: leave the conntrack table size and timeouts alone (global settings of the machine).
conntrack: {maxPerCore: 0, min: 0, tcpEstablishedTimeout: 0s, tcpCloseWaitTimeout: 0s}
iptables: {syncPeriod: 30s, minSyncPeriod: 1s}
YAML
