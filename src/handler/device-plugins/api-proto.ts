/**
 * The kubelet's gRPC APIs a device plugin speaks, as protobuf source (written here from the
 * kubelet's published API, k8s.io/kubelet/pkg/apis): device plugin API v1beta1, and plugin
 * registration v1 (the kubelet's plugin watcher, which finds plugins by their socket in
 * `<kubelet root>/plugins_registry`). Kept as text in a module so the handler's esbuild bundle
 * carries it (hack/bundle/build.mjs); grpc-services.ts parses it at start.
 */

/** deviceplugin/v1beta1/api.proto: the services and messages this plugin uses (Registration.Register is not: the plugin watcher replaces it). */
export const DEVICE_PLUGIN_PROTO = `
syntax = "proto3";
package v1beta1;

message DevicePluginOptions {
  bool pre_start_required = 1;
  bool get_preferred_allocation_available = 2;
}
message Empty {}
message ListAndWatchResponse { repeated Device devices = 1; }
message TopologyInfo { repeated NUMANode nodes = 1; }
message NUMANode { int64 ID = 1; }
message Device {
  string ID = 1;
  string health = 2;
  TopologyInfo topology = 3;
}
message PreStartContainerRequest { repeated string devices_ids = 1; }
message PreStartContainerResponse {}
message PreferredAllocationRequest { repeated ContainerPreferredAllocationRequest container_requests = 1; }
message ContainerPreferredAllocationRequest {
  repeated string available_deviceIDs = 1;
  repeated string must_include_deviceIDs = 2;
  int32 allocation_size = 3;
}
message PreferredAllocationResponse { repeated ContainerPreferredAllocationResponse container_responses = 1; }
message ContainerPreferredAllocationResponse { repeated string deviceIDs = 1; }
message AllocateRequest { repeated ContainerAllocateRequest container_requests = 1; }
message ContainerAllocateRequest { repeated string devices_ids = 1; }
message CDIDevice { string name = 1; }
message AllocateResponse { repeated ContainerAllocateResponse container_responses = 1; }
message ContainerAllocateResponse {
  map<string, string> envs = 1;
  repeated Mount mounts = 2;
  repeated DeviceSpec devices = 3;
  map<string, string> annotations = 4;
  repeated CDIDevice cdi_devices = 5;
}
message Mount {
  string container_path = 1;
  string host_path = 2;
  bool read_only = 3;
}
message DeviceSpec {
  string container_path = 1;
  string host_path = 2;
  string permissions = 3;
}

service DevicePlugin {
  rpc GetDevicePluginOptions(Empty) returns (DevicePluginOptions) {}
  rpc ListAndWatch(Empty) returns (stream ListAndWatchResponse) {}
  rpc GetPreferredAllocation(PreferredAllocationRequest) returns (PreferredAllocationResponse) {}
  rpc Allocate(AllocateRequest) returns (AllocateResponse) {}
  rpc PreStartContainer(PreStartContainerRequest) returns (PreStartContainerResponse) {}
}
`;

/** pluginregistration/v1/api.proto (its package name is "pluginregistration", not v1). */
export const PLUGIN_REGISTRATION_PROTO = `
syntax = "proto3";
package pluginregistration;

message PluginInfo {
  string type = 1;
  string name = 2;
  string endpoint = 3;
  repeated string supported_versions = 4;
}
message RegistrationStatus {
  bool plugin_registered = 1;
  string error = 2;
}
message RegistrationStatusResponse {}
message InfoRequest {}

service Registration {
  rpc GetInfo(InfoRequest) returns (PluginInfo) {}
  rpc NotifyRegistrationStatus(RegistrationStatus) returns (RegistrationStatusResponse) {}
}
`;
