/** The kubelet's device-plugin and plugin-registration services as grpc-js service definitions, from api-proto.ts. */
import { loadPackageDefinition, type ServiceDefinition } from "@grpc/grpc-js";
import { fromJSON } from "@grpc/proto-loader";
import { parse } from "protobufjs";
import { DEVICE_PLUGIN_PROTO, PLUGIN_REGISTRATION_PROTO } from "./api-proto";

export interface KubeletPluginServices {
  devicePlugin: ServiceDefinition;
  registration: ServiceDefinition;
}

/** keepCase: the messages keep the proto's field names (devices_ids, container_requests), as the kubelet sends them. */
function service(proto: string, pkg: string, name: string): ServiceDefinition {
  const root = parse(proto, { keepCase: true }).root;
  const definition = loadPackageDefinition(fromJSON(root.toJSON(), { keepCase: true, longs: String, defaults: true }));
  const ctor = (definition[pkg] as Record<string, { service?: ServiceDefinition }>)[name];
  if (!ctor?.service) throw new Error(`device plugins: service ${pkg}.${name} missing from its proto`);
  return ctor.service;
}

export function kubeletPluginServices(): KubeletPluginServices {
  return {
    devicePlugin: service(DEVICE_PLUGIN_PROTO, "v1beta1", "DevicePlugin"),
    registration: service(PLUGIN_REGISTRATION_PROTO, "pluginregistration", "Registration"),
  };
}
