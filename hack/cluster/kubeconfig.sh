#!/usr/bin/env bash
# Writes kubeconfigs with embedded certificates: the admin one at .local/kubeconfig (what users
# export) and one per control-plane component in .local/pki. All point at the namespace's address.
set -euo pipefail
source "$(dirname "$0")/env.sh"

b64() { base64 -w0 <"$1"; }

# kubeconfig USER CERT_NAME OUTPUT
kubeconfig() {
  local user=$1 certname=$2 out=$3
  umask 077
  cat >"$out" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: kubevirt-ts
  cluster:
    server: $API_URL
    certificate-authority-data: $(b64 "$pki/ca.crt")
users:
- name: $user
  user:
    client-certificate-data: $(b64 "$pki/$certname.crt")
    client-key-data: $(b64 "$pki/$certname.key")
contexts:
- name: $user@kubevirt-ts
  context: {cluster: kubevirt-ts, user: $user}
current-context: $user@kubevirt-ts
YAML
}

kubeconfig kubernetes-admin admin "$KUBECONFIG_PATH"
kubeconfig kube-controller-manager controller-manager "$pki/controller-manager.kubeconfig"
kubeconfig kube-scheduler scheduler "$pki/scheduler.kubeconfig"
