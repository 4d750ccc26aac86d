#!/usr/bin/env bash
# Generates the cluster's certificates and keys into .local/pki once (kept across restarts, so
# kubeconfigs stay valid): one CA, serving certs for etcd and the API server, client certs for each
# component and the admin, and the service-account signing key. ECDSA P-256: fast to generate.
set -euo pipefail
source "$(dirname "$0")/env.sh"
mkdir -p "$pki"
cd "$pki"

key() { [ -f "$1.key" ] || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }

# cert NAME SUBJECT EXT   (EXT: openssl extension lines for this certificate)
cert() {
  local name=$1 subj=$2 ext=$3
  [ -f "$name.crt" ] && return
  key "$name"
  openssl req -new -key "$name.key" -subj "$subj" -out "$name.csr" 2>/dev/null
  printf '%b\n' "$ext" >"$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
    -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
}

if [ ! -f ca.crt ]; then
  log "generating certificates in $pki"
  key ca
  openssl req -x509 -new -key ca.key -subj "/CN=kubevirt-ts-ca" -days 3650 -out ca.crt \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
fi

server="basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth"
client="basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth"
api_sans="DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,DNS:localhost,IP:$NODE_IP,IP:$KUBERNETES_SVC_IP,IP:127.0.0.1"

cert etcd-server "/CN=etcd-server" "$server\nsubjectAltName=DNS:localhost,IP:127.0.0.1"
cert apiserver "/CN=kube-apiserver" "$server\nsubjectAltName=$api_sans"
cert apiserver-etcd-client "/CN=kube-apiserver-etcd-client" "$client"
cert apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client" "$client"
cert admin "/O=system:masters/CN=kubernetes-admin" "$client"
cert controller-manager "/CN=system:kube-controller-manager" "$client"
cert scheduler "/CN=system:kube-scheduler" "$client"
# The aggregation layer's front proxy: its own CA, as kubeadm does (the API server's
# requestheader authentication trusts only certificates from it).
if [ ! -f front-proxy-ca.crt ]; then
  key front-proxy-ca
  openssl req -x509 -new -key front-proxy-ca.key -subj "/CN=front-proxy-ca" -days 3650 -out front-proxy-ca.crt \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
fi
if [ ! -f front-proxy-client.crt ]; then
  key front-proxy-client
  openssl req -new -key front-proxy-client.key -subj "/CN=front-proxy-client" -out front-proxy-client.csr 2>/dev/null
  printf '%b\n' "$client" >front-proxy-client.ext
  openssl x509 -req -in front-proxy-client.csr -CA front-proxy-ca.crt -CAkey front-proxy-ca.key \
    -CAcreateserial -days 3650 -extfile front-proxy-client.ext -out front-proxy-client.crt 2>/dev/null
  rm -f front-proxy-client.csr front-proxy-client.ext
fi
key sa
[ -f sa.pub ] || openssl pkey -in sa.key -pubout -out sa.pub 2>/dev/null
chmod 600 ./*.key
