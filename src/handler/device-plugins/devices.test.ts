import test from "ava";
import { allocateResponse, deviceList, devicePluginsFor, DEVICE_COUNT, KVM, socketName, TUN, VHOST_NET } from "./devices";

const names = (facts: { vhostNet: boolean; kvmWorks: boolean }): string[] => devicePluginsFor(facts).map((s) => s.resourceName);

test("tun always; vhost-net only with its device; kvm only where the probe ran a guest", (t) => {
  t.deepEqual(names({ vhostNet: false, kvmWorks: false }), [TUN]);
  t.deepEqual(names({ vhostNet: true, kvmWorks: false }), [TUN, VHOST_NET]);
  t.deepEqual(names({ vhostNet: false, kvmWorks: true }), [TUN, KVM]);
  t.deepEqual(names({ vhostNet: true, kvmWorks: true }), [TUN, VHOST_NET, KVM]);
});

test("each plugin advertises 1000 healthy devices with distinct IDs", (t) => {
  for (const spec of devicePluginsFor({ vhostNet: true, kvmWorks: true })) {
    const devices = deviceList(spec);
    t.is(devices.length, DEVICE_COUNT);
    t.is(new Set(devices.map((d) => d.ID)).size, DEVICE_COUNT);
    t.true(devices.every((d) => d.health === "Healthy"));
  }
  t.is(deviceList(devicePluginsFor({ vhostNet: false, kvmWorks: false })[0]).at(-1)?.ID, "tun999");
});

test("an allocation gives each container the device node once, read-write", (t) => {
  const [tun] = devicePluginsFor({ vhostNet: false, kvmWorks: false });
  const r = allocateResponse(tun, { container_requests: [{ devices_ids: ["tun3", "tun7"] }, { devices_ids: ["tun9"] }] });
  t.is(r.container_responses.length, 2);
  for (const c of r.container_responses) t.deepEqual(c.devices, [{ container_path: "/dev/net/tun", host_path: "/dev/net/tun", permissions: "rw" }]);
  t.deepEqual(allocateResponse(tun, {}).container_responses, []);
});

test("an allocation of a device the plugin never advertised is refused", (t) => {
  const [tun] = devicePluginsFor({ vhostNet: false, kvmWorks: false });
  t.throws(() => allocateResponse(tun, { container_requests: [{ devices_ids: ["tun1000"] }] }), { message: /unknown device IDs tun1000/ });
  t.throws(() => allocateResponse(tun, { container_requests: [{ devices_ids: ["kvm1"] }] }), { message: /kvm1/ });
});

test("socket names are short and distinct", (t) => {
  const sockets = devicePluginsFor({ vhostNet: true, kvmWorks: true }).map(socketName);
  t.deepEqual(sockets, ["kubevirt-tun.sock", "kubevirt-vhost-net.sock", "kubevirt-kvm.sock"]);
});
