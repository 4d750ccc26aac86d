#!/usr/bin/env bash
# Writes the node's own containerd configuration (never the machine's /etc/containerd): its own
# root, state directory and socket; CRI with the locally built pause image as sandbox and CNI
# (bridge + host-local + portmap) for the node's pod range. No registry: every image is imported
# beforehand (hack/node/images.sh); a pull could not leave anyway (the namespace has no route out
# and no name server), and no mirror is configured.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$root/hack/images/images.sh"
mkdir -p "$node_conf/cni"
write_if_changed "$node_conf/containerd.toml" <<TOML
version = 2
root = "$node_dir/containerd"
state = "$node_run/containerd"
disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs",
  "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.zfs",
  "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing"]

[grpc]
  address = "$CONTAINERD_SOCK"
[ttrpc]
  address = "$node_run/containerd/containerd.sock.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""

[plugins."io.containerd.internal.v1.opt"]
  path = "$node_dir/containerd-opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$(image_ref pause)"
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
  disable_apparmor = true
  # Root here lacks CAP_SYS_RESOURCE, so no process may lower its OOM score below containerd's:
  # without this, every sandbox fails ("failed to update /proc/self/oom_score_adj: Permission denied").
  restrict_oom_score_adj = true
  enable_selinux = false
  # Pods' network namespaces under the node's state directory, not the machine's /run/netns: every
  # one there is this node's, so npm stop removes them all, even those containerd lost track of.
  netns_mounts_under_state_dir = true
  max_container_log_line_size = 16384
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        BinaryName = "/usr/sbin/runc"
        SystemdCgroup = false
        Root = "$node_run/runc"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "$CNI_BIN_DIR"
    conf_dir = "$node_conf/cni"
    max_conf_num = 1
  [plugins."io.containerd.grpc.v1.cri".registry]
    config_path = ""
TOML

# Pods get routes to the node, the host's veth end, services and pods only: no default route, so
# neither a pod nor a VM in it can reach anything beyond the cluster's namespace.
write_if_changed "$node_conf/cni/10-kubevirt-ts.conflist" <<JSON
{
  "cniVersion": "0.4.0",
  "name": "kubevirt-ts",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$CNI_BRIDGE",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "dataDir": "$node_run/cni-ipam",
        "ranges": [[{ "subnet": "$NODE_POD_CIDR", "gateway": "$POD_GATEWAY" }]],
        "routes": [
          { "dst": "$NODE_IP/32" }, { "dst": "$HOST_IP/32" },
          { "dst": "$SERVICE_CIDR" }, { "dst": "$POD_CIDR" }
        ]
      }
    },
    { "type": "portmap", "capabilities": { "portMappings": true } }
  ]
}
JSON
