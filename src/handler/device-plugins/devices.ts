/**
 * The device plugins virt-handler runs, as KubeVirt's: what each advertises and what an allocation
 * puts into a container (pure). Every plugin offers the same host device node many times over
 * (1000 each, KubeVirt's count): the resource counts how many launchers may use it, not hardware.
 */

export interface DevicePluginSpec {
  /** The extended resource name, e.g. devices.kubevirt.io/tun. */
  resourceName: string;
  /** The device node on the host and in the container. */
  devicePath: string;
  /** How many to advertise. */
  count: number;
}

export interface HostDeviceFacts {
  /** /dev/vhost-net exists. */
  vhostNet: boolean;
  /** The KVM probe ran a guest (kvm-probe): /dev/kvm existing is not enough. */
  kvmWorks: boolean;
}

export const DEVICE_COUNT = 1000;
export const RESOURCE_PREFIX = "devices.kubevirt.io/";
export const TUN = `${RESOURCE_PREFIX}tun`;
export const VHOST_NET = `${RESOURCE_PREFIX}vhost-net`;
export const KVM = `${RESOURCE_PREFIX}kvm`;

/** Which plugins this node gets: tun always; vhost-net where its device exists; kvm only where KVM really works. */
export function devicePluginsFor(facts: HostDeviceFacts): DevicePluginSpec[] {
  const specs: DevicePluginSpec[] = [{ resourceName: TUN, devicePath: "/dev/net/tun", count: DEVICE_COUNT }];
  if (facts.vhostNet) specs.push({ resourceName: VHOST_NET, devicePath: "/dev/vhost-net", count: DEVICE_COUNT });
  if (facts.kvmWorks) specs.push({ resourceName: KVM, devicePath: "/dev/kvm", count: DEVICE_COUNT });
  return specs;
}

export interface Device {
  ID: string;
  health: "Healthy" | "Unhealthy";
}

/** The devices ListAndWatch reports: `<name>0` … `<name>(count-1)`, all healthy. */
export function deviceList(spec: DevicePluginSpec): Device[] {
  const name = spec.resourceName.slice(spec.resourceName.indexOf("/") + 1);
  return Array.from({ length: spec.count }, (_, i) => ({ ID: `${name}${i}`, health: "Healthy" as const }));
}

export interface DeviceSpecMessage {
  container_path: string;
  host_path: string;
  permissions: string;
}

export interface ContainerAllocateResponse {
  envs: Record<string, string>;
  mounts: never[];
  devices: DeviceSpecMessage[];
  annotations: Record<string, string>;
  cdi_devices: never[];
}

/**
 * The answer to Allocate: per container, the device node once, read-write (however many of the
 * plugin's devices the container got: they all stand for the same node). Throws on an ID this
 * plugin never advertised, so the kubelet fails the pod instead of starting it without the device.
 */
export function allocateResponse(spec: DevicePluginSpec, request: { container_requests?: { devices_ids?: string[] }[] }): { container_responses: ContainerAllocateResponse[] } {
  const known = new Set(deviceList(spec).map((d) => d.ID));
  return {
    container_responses: (request.container_requests ?? []).map((c) => {
      const unknown = (c.devices_ids ?? []).filter((id) => !known.has(id));
      if (unknown.length > 0) throw new Error(`${spec.resourceName}: unknown device IDs ${unknown.join(", ")}`);
      return {
        envs: {},
        mounts: [],
        devices: [{ container_path: spec.devicePath, host_path: spec.devicePath, permissions: "rw" }],
        annotations: {},
        cdi_devices: [],
      };
    }),
  };
}

/** The plugin's socket file name in the kubelet's plugins_registry directory (short: a unix socket path has 108 bytes). */
export function socketName(spec: DevicePluginSpec): string {
  return `kubevirt-${spec.resourceName.slice(RESOURCE_PREFIX.length)}.sock`;
}
