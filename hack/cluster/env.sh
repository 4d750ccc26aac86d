# Shared settings of the local cluster; sourced by every script in hack/cluster.
# Addresses: the project owns these small ranges; they never leave this machine (the namespace has
# no default route and the host only routes the veth's /30 to it).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
local_dir=$root/.local
bin=$local_dir/bin
logs=$local_dir/logs
run=$local_dir/run
pki=$local_dir/pki
data=$local_dir/data
# KVTS_INSTANCE=N (0-255, default 0) runs a second checkout's cluster beside this one: its own
# namespace, veth pair and /30 (10.201.N.0/30); everything else lives inside the namespace.
instance=${KVTS_INSTANCE:-0}
if [ "$instance" = 0 ]; then suffix=""; else suffix=$instance; fi
NETNS=kubevirt-ts$suffix
VETH_HOST=kvts$suffix-host
VETH_NS=kvts$suffix-ns
HOST_IP=10.201.$instance.1        # the host's end of the veth pair
NODE_IP=10.201.$instance.2        # the namespace's end: API server advertise/bind address, later the node IP
VETH_CIDR=30
SERVICE_CIDR=10.202.0.0/24
KUBERNETES_SVC_IP=10.202.0.1
CLUSTER_DNS_IP=10.202.0.10       # Service kube-system/kube-dns (CoreDNS, hack/coredns)
CLUSTER_DOMAIN=cluster.local
API_PORT=6443
API_URL=https://$NODE_IP:$API_PORT
# Pepr's dev certificate names its host as a DNS name only, so the webhook URL uses this name;
# /etc/netns/$NETNS/hosts maps it to NODE_IP for everything running in the namespace.
PEPR_HOST=kubevirt-ts-pepr
PEPR_PORT=3000
KUBECONFIG_PATH=$local_dir/kubeconfig
export PATH=$bin:/usr/local/go/bin:$PATH

log() { echo "cluster: $*"; }
die() { echo "cluster: ERROR: $*" >&2; exit 1; }
in_ns() { ip netns exec "$NETNS" "$@"; }
# pid_alive NAME: its recorded process runs, inside our namespace (a stale pid file can name a
# reused pid of some other process).
pid_alive() {
  local f=$run/$1.pid pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  kill -0 "$pid" 2>/dev/null && [ "$(ip netns identify "$pid" 2>/dev/null)" = "$NETNS" ]
}
