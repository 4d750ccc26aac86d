#!/usr/bin/env bash
# The node's certificates, signed by the cluster's CA (hack/cluster/pki.sh makes it), and its
# kubeconfigs: the kubelet as system:node:<name> (Node authorizer, NodeRestriction), kube-proxy as
# system:kube-proxy (bound to system:node-proxier by default), and the kubelet's serving
# certificate for the API server's logs/exec/port-forward connections. Made once, kept in .local/pki.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$pki"
[ -f ca.key ] || die "no cluster CA in $pki (hack/cluster/pki.sh makes it)"

# cert NAME SUBJECT EXTENSIONS
cert() {
  local name=$1 subj=$2 ext=$3
  [ -f "$name.crt" ] && return
  [ -f "$name.key" ] || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$name.key" 2>/dev/null
  chmod 600 "$name.key"
  openssl req -new -key "$name.key" -subj "$subj" 2>/dev/null |
    openssl x509 -req -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile <(printf '%b\n' "$ext") -out "$name.crt" 2>/dev/null
}
client="basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth"
cert kubelet "/O=system:nodes/CN=system:node:$NODE_NAME" "$client"
cert kube-proxy "/CN=system:kube-proxy" "$client"
cert kubelet-serving "/O=system:nodes/CN=system:node:$NODE_NAME" \
  "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:$NODE_NAME,IP:$NODE_IP"

# kubeconfig USER CERT_NAME: $pki/CERT_NAME.kubeconfig with the certificates embedded.
kubeconfig() {
  local user=$1 name=$2 file=$pki/$2.kubeconfig
  [ -f "$file" ] && return
  kubectl config --kubeconfig "$file.tmp" set-cluster kubevirt-ts --server "$API_URL" \
    --certificate-authority ca.crt --embed-certs >/dev/null
  kubectl config --kubeconfig "$file.tmp" set-credentials "$user" --client-certificate "$name.crt" \
    --client-key "$name.key" --embed-certs >/dev/null
  kubectl config --kubeconfig "$file.tmp" set-context default --cluster kubevirt-ts --user "$user" >/dev/null
  kubectl config --kubeconfig "$file.tmp" use-context default >/dev/null
  chmod 600 "$file.tmp" && mv "$file.tmp" "$file"
}
kubeconfig "system:node:$NODE_NAME" kubelet
kubeconfig system:kube-proxy kube-proxy
