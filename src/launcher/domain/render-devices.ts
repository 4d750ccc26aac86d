import { el, type XmlElement } from "./xml";
import type { DiskDevice, DomainModel, NicDevice } from "./model";

function disk(d: DiskDevice): XmlElement {
  const source = d.source.type === "file" ? el("source", { file: d.source.path }) : el("source", { dev: d.source.path });
  return el(
    "disk",
    { type: d.source.type, device: d.device },
    el("driver", { name: "qemu", type: d.format, cache: d.cache, io: d.io }),
    source,
    el("target", { dev: d.target.dev, bus: d.target.bus }),
    d.readonly && el("readonly"),
    d.serial !== undefined && el("serial", {}, d.serial),
    d.bootOrder !== undefined && el("boot", { order: d.bootOrder }),
    el("alias", { name: `ua-${d.alias}` }),
  );
}

function nic(n: NicDevice): XmlElement {
  return el(
    "interface",
    { type: "ethernet" },
    n.mac !== undefined && el("mac", { address: n.mac }),
    el("target", { dev: n.tap, managed: "no" }),
    el("model", { type: n.model }),
    n.bootOrder !== undefined && el("boot", { order: n.bootOrder }),
    el("alias", { name: `ua-${n.alias}` }),
  );
}

function serialConsole(console: { socket: string; logFile: string }): XmlElement[] {
  return [
    el(
      "serial",
      { type: "unix" },
      el("source", { mode: "bind", path: console.socket }),
      el("log", { file: console.logFile, append: "on" }),
      el("target", { port: 0 }),
    ),
    el("console", { type: "unix" }, el("source", { mode: "bind", path: console.socket }), el("target", { type: "serial", port: 0 })),
  ];
}

/** The <devices> element, in libvirt's schema order. */
export function renderDevices(devices: DomainModel["devices"]): XmlElement {
  const needsScsi = devices.disks.some((d) => d.target.bus === "scsi");
  return el(
    "devices",
    {},
    el("emulator", {}, devices.emulator),
    ...devices.disks.map(disk),
    needsScsi && el("controller", { type: "scsi", index: 0, model: "virtio-scsi" }),
    ...devices.interfaces.map(nic),
    ...(devices.serialConsole ? serialConsole(devices.serialConsole) : []),
    devices.guestAgentChannel &&
      el(
        "channel",
        { type: "unix" },
        el("source", { mode: "bind", path: devices.guestAgentChannel.socket }),
        el("target", { type: "virtio", name: "org.qemu.guest_agent.0" }),
      ),
    devices.vnc && el("graphics", { type: "vnc", socket: devices.vnc.socket }),
    devices.vnc && el("video", {}, el("model", { type: "vga", heads: 1, vram: 16384 })),
    devices.memballoon ? el("memballoon", { model: "virtio" }, el("stats", { period: 10 })) : el("memballoon", { model: "none" }),
    devices.rng && el("rng", { model: "virtio" }, el("backend", { model: "random" }, "/dev/urandom")),
  );
}
