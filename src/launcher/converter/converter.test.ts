import test from "ava";
import { vmiToDomainXml } from "./converter";
import { ConversionError } from "./context";
import { validateDomainXml } from "../testing/validate-xml";
import {
  newVmi, testContext, withCloudInitNoCloud, withContainerDisk, withDisk, withGracePeriod, withNamespace, withSpec,
  type VmiOption,
} from "../testing/vmi-builder";
import type { ConverterContext } from "./context";

interface Row {
  title: string;
  options: VmiOption[];
  ctx?: Partial<ConverterContext>;
  has: string[];
  lacks?: string[];
}

const volumesOf = (options: VmiOption[]): string[] => (newVmi("x", ...options).spec.volumes ?? []).map((v) => v.name);

const rows: Row[] = [
  {
    title: "minimal VMI: TCG, q35, BIOS, ACPI, serial console, VNC socket, agent channel, balloon",
    options: [],
    has: ["<domain type=\"qemu\">", "<name>default_vm</name>", "machine=\"q35\"", "<memory unit=\"b\">134217728</memory>",
      "<acpi/>", "<apic/>", "<serial type=\"unix\">", "<log file=\"/run/vm/console.log\" append=\"on\"/>",
      "<graphics type=\"vnc\" socket=\"/run/vm/vnc\"/>", "org.qemu.guest_agent.0", "<memballoon model=\"virtio\">",
      "<deletionGracePeriodSeconds>30</deletionGracePeriodSeconds>", "<on_poweroff>destroy</on_poweroff>"],
    lacks: ["<loader", "<rng", "<interface", "<cpu mode="],
  },
  { title: "namespace in the domain name", options: [withNamespace("team-a")], has: ["<name>team-a_vm</name>", "<namespace>team-a</namespace>"] },
  { title: "grace period in metadata", options: [withGracePeriod(5)], has: ["<deletionGracePeriodSeconds>5</deletionGracePeriodSeconds>"] },
  { title: "KVM when the probe says so, host-model CPU", options: [], ctx: { virtType: "kvm" }, has: ["<domain type=\"kvm\">", "<cpu mode=\"host-model\">"] },
  {
    title: "CPU topology and a named model",
    options: [withSpec((s) => (s.domain.cpu = { sockets: 2, cores: 2, threads: 1, model: "Skylake-Client" }))],
    has: ["<vcpu placement=\"static\">4</vcpu>", "<topology sockets=\"2\" cores=\"2\" threads=\"1\"/>", "<model fallback=\"allow\">Skylake-Client</model>"],
  },
  { title: "memory.guest wins over requests", options: [withSpec((s) => (s.domain.memory = { guest: "1Gi" }))], has: ["<memory unit=\"b\">1073741824</memory>"] },
  {
    title: "EFI with secure boot: OVMF secure code, NVRAM copy, SMM",
    options: [withSpec((s) => (s.domain.firmware = { bootloader: { efi: {} } }))],
    has: ["<loader readonly=\"yes\" secure=\"yes\" type=\"pflash\">/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>", "<nvram template=", "<smm state=\"on\"/>"],
  },
  {
    title: "EFI without secure boot",
    options: [withSpec((s) => (s.domain.firmware = { bootloader: { efi: { secureBoot: false } } }))],
    has: ["secure=\"no\" type=\"pflash\">/usr/share/OVMF/OVMF_CODE_4M.fd</loader>"],
    lacks: ["<smm"],
  },
  {
    title: "BIOS on serial, SMBIOS serial and firmware UUID",
    options: [withSpec((s) => (s.domain.firmware = { uuid: "5d307ca9-b3ef-428c-8861-06e72d69f223", serial: "e4686d2c", bootloader: { bios: { useSerial: true } } }))],
    has: ["<bios useserial=\"yes\"/>", "<uuid>5d307ca9-b3ef-428c-8861-06e72d69f223</uuid>", "<entry name=\"serial\">e4686d2c</entry>", "<smbios mode=\"sysinfo\"/>"],
  },
  {
    title: "kernel boot",
    options: [withSpec((s) => (s.domain.firmware = { kernelBoot: { kernelArgs: "console=ttyS0", container: { image: "k" } } }))],
    ctx: { kernelBoot: { kernel: "/run/vm/kernel", initrd: "/run/vm/initrd" } },
    has: ["<kernel>/run/vm/kernel</kernel>", "<initrd>/run/vm/initrd</initrd>", "<cmdline>console=ttyS0</cmdline>"],
  },
  {
    title: "ACPI disabled, timezone clock",
    options: [withSpec((s) => { s.domain.features = { acpi: { enabled: false } }; s.domain.clock = { timezone: "Europe/Berlin" }; })],
    has: ["<clock offset=\"timezone\" timezone=\"Europe/Berlin\"/>"],
    lacks: ["<acpi/>"],
  },
  { title: "UTC offset", options: [withSpec((s) => (s.domain.clock = { utc: { offsetSeconds: 3600 } }))], has: ["<clock offset=\"utc\" adjustment=\"3600\"/>"] },
  {
    title: "containerDisk and cloud-init: virtio disks vda, vdb with boot order",
    options: [withContainerDisk("root"), withCloudInitNoCloud("#cloud-config\n"), withSpec((s) => (s.domain.devices.disks![0]!.bootOrder = 1))],
    has: ["<target dev=\"vda\" bus=\"virtio\"/>", "<target dev=\"vdb\" bus=\"virtio\"/>", "<boot order=\"1\"/>", "<alias name=\"ua-root\"/>", "<driver name=\"qemu\" type=\"qcow2\"/>"],
  },
  {
    title: "sata, scsi, usb disks share sdX; cdrom read-only; scsi controller; serial, cache, io",
    options: [
      withDisk({ name: "a", disk: { bus: "sata" }, serial: "SER-A", cache: "none", io: "native" }, { emptyDisk: { capacity: "1Gi" } }),
      withDisk({ name: "b", disk: { bus: "scsi" } }, { emptyDisk: { capacity: "1Gi" } }),
      withDisk({ name: "c", cdrom: {} }, { containerDisk: { image: "iso" } }),
      withDisk({ name: "d", disk: { bus: "usb", readonly: true } }, { emptyDisk: { capacity: "1Gi" } }),
    ],
    has: ["<target dev=\"sda\" bus=\"sata\"/>", "<target dev=\"sdb\" bus=\"scsi\"/>", "<target dev=\"sdc\" bus=\"sata\"/>", "<target dev=\"sdd\" bus=\"usb\"/>",
      "device=\"cdrom\"", "<readonly/>", "<serial>SER-A</serial>", "cache=\"none\" io=\"native\"", "model=\"virtio-scsi\""],
  },
  {
    title: "rng, no balloon, no console, no graphics",
    options: [withSpec((s) => (s.domain.devices = { rng: {}, autoattachMemBalloon: false, autoattachSerialConsole: false, autoattachGraphicsDevice: false }))],
    has: ["<rng model=\"virtio\">", "<memballoon model=\"none\"/>"],
    lacks: ["<serial", "<graphics", "<video"],
  },
  {
    title: "pod network with masquerade binding: an unmanaged tap",
    options: [withSpec((s) => { s.networks = [{ name: "default", pod: {} }]; s.domain.devices.interfaces = [{ name: "default", masquerade: {}, macAddress: "02:00:00:00:00:01" }]; })],
    ctx: { taps: { default: "tap0" } },
    has: ["<interface type=\"ethernet\">", "<target dev=\"tap0\" managed=\"no\"/>", "<model type=\"virtio\"/>", "<mac address=\"02:00:00:00:00:01\"/>"],
  },
  {
    title: "pod network without a tap (standalone): not attached",
    options: [withSpec((s) => { s.networks = [{ name: "default", pod: {} }]; s.domain.devices.interfaces = [{ name: "default", masquerade: {} }]; })],
    has: ["<name>default_vm</name>"],
    lacks: ["<interface"],
  },
];

for (const row of rows) {
  test(`converter: ${row.title}`, async (t) => {
    const vmi = newVmi("vm", ...row.options);
    const xml = vmiToDomainXml(vmi, testContext(volumesOf(row.options), row.ctx));
    for (const s of row.has) t.true(xml.includes(s), `expected ${s} in\n${xml}`);
    for (const s of row.lacks ?? []) t.false(xml.includes(s), `did not expect ${s} in\n${xml}`);
    await validateDomainXml(xml);
  });
}

const failures: Array<{ title: string; options: VmiOption[]; field: string; ctx?: Partial<ConverterContext> }> = [
  { title: "no memory", options: [withSpec((s) => (s.domain.resources = {}))], field: "spec.domain.memory.guest" },
  { title: "disk without a volume", options: [withSpec((s) => (s.domain.devices.disks = [{ name: "ghost" }]))], field: "spec.domain.devices.disks[0].name" },
  { title: "unknown bus", options: [withDisk({ name: "a", disk: { bus: "ide" } }, { emptyDisk: { capacity: "1Gi" } })], field: "spec.domain.devices.disks[0].bus" },
  { title: "bad cache mode", options: [withDisk({ name: "a", cache: "unsafe" }, { emptyDisk: { capacity: "1Gi" } })], field: "spec.domain.devices.disks[0].cache" },
  { title: "i440fx machine", options: [withSpec((s) => (s.domain.machine = { type: "pc-i440fx-7.2" }))], field: "spec.domain.machine.type" },
  { title: "EFI with no OVMF on the host", options: [withSpec((s) => (s.domain.firmware = { bootloader: { efi: {} } }))], field: "spec.domain.firmware.bootloader.efi", ctx: { efi: undefined } },
  { title: "zero cores", options: [withSpec((s) => (s.domain.cpu = { cores: 0 }))], field: "spec.domain.cpu.cores" },
];

for (const row of failures) {
  test(`converter rejects: ${row.title}`, (t) => {
    const vmi = newVmi("vm", ...row.options);
    const err = t.throws(() => vmiToDomainXml(vmi, testContext(volumesOf(row.options), row.ctx)), { instanceOf: ConversionError });
    t.is(err?.field, row.field);
  });
}
