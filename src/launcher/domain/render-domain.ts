import { el, renderXml, type XmlElement } from "./xml";
import type { DomainModel } from "./model";
import { renderDevices } from "./render-devices";

/** KubeVirt's metadata namespace: tools that read KubeVirt domains find the grace period where they expect it. */
export const KUBEVIRT_METADATA_NS = "http://kubevirt.io";

function metadata(m: DomainModel["metadata"]): XmlElement {
  return el(
    "metadata",
    {},
    el(
      "kubevirt",
      { xmlns: KUBEVIRT_METADATA_NS },
      m.uid !== undefined && el("uid", {}, m.uid),
      el("namespace", {}, m.namespace),
      el("name", {}, m.name),
      el("graceperiod", {}, el("deletionGracePeriodSeconds", {}, m.gracePeriodSeconds)),
    ),
  );
}

function os(d: DomainModel): XmlElement {
  const fw = d.firmware;
  return el(
    "os",
    {},
    el("type", { arch: "x86_64", machine: d.machine }, "hvm"),
    fw.kind === "efi" && el("loader", { readonly: "yes", secure: fw.secureBoot ? "yes" : "no", type: "pflash" }, fw.loader),
    fw.kind === "efi" && el("nvram", { template: fw.nvramTemplate }, fw.nvram),
    d.kernelBoot && el("kernel", {}, d.kernelBoot.kernel),
    d.kernelBoot?.initrd !== undefined && el("initrd", {}, d.kernelBoot.initrd),
    d.kernelBoot?.cmdline !== undefined && el("cmdline", {}, d.kernelBoot.cmdline),
    fw.kind === "bios" && fw.useSerial && el("bios", { useserial: "yes" }),
    d.smbiosSerial !== undefined && el("smbios", { mode: "sysinfo" }),
  );
}

function cpu(d: DomainModel): XmlElement {
  const topology = el("topology", { ...d.topology });
  if (d.cpu === undefined) return el("cpu", {}, topology);
  if (d.cpu.mode === "custom") return el("cpu", { mode: "custom", match: "exact" }, el("model", { fallback: "allow" }, d.cpu.model), topology);
  return el("cpu", { mode: d.cpu.mode }, topology);
}

function clock(c: DomainModel["clock"]): XmlElement {
  if (c.offset === "timezone") return el("clock", { offset: "timezone", timezone: c.timezone });
  return el("clock", { offset: "utc", adjustment: c.adjustmentSeconds });
}

/** The domain XML libvirt gets; validated against libvirt's schema in the tests. */
export function renderDomainXml(d: DomainModel): string {
  const root = el(
    "domain",
    { type: d.type },
    el("name", {}, d.name),
    d.uuid !== undefined && el("uuid", {}, d.uuid),
    metadata(d.metadata),
    el("memory", { unit: "b" }, d.memoryBytes),
    el("vcpu", { placement: "static" }, d.vcpus),
    d.smbiosSerial !== undefined && el("sysinfo", { type: "smbios" }, el("system", {}, el("entry", { name: "serial" }, d.smbiosSerial))),
    os(d),
    el("features", {}, d.features.acpi && el("acpi"), d.features.apic && el("apic"), d.features.smm && el("smm", { state: "on" })),
    cpu(d),
    clock(d.clock),
    el("on_poweroff", {}, "destroy"),
    el("on_reboot", {}, "restart"),
    el("on_crash", {}, "destroy"),
    renderDevices(d.devices),
  );
  return renderXml(root) + "\n";
}
