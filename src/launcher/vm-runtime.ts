import { constants } from "node:fs";
import { chown, mkdir, open } from "node:fs/promises";
import { join } from "node:path";
import type { VirtualMachineInstance } from "../api";
import type { ConverterContext } from "./converter/context";
import { vmiToDomainXml } from "./converter/converter";
import { DEFAULT_GRACE_PERIOD_SECONDS } from "./converter/metadata";
import { prepareDisks } from "./disks/prepare";
import type { VolumeSources } from "./disks/sources";
import type { DomainModel } from "./domain/model";
import type { DaemonUser } from "./libvirt/daemon-command";
import type { DomainPort } from "./libvirt/port";
import { findEfiFirmware } from "./host/firmware-files";
import { vmSockets } from "./streams/targets";

export interface VmRuntimeOptions {
  workdir: string;
  consoleLog: string;
  virtType: DomainModel["type"];
  featureGates: ReadonlySet<string>;
  volumeSources: VolumeSources;
  /** Set when the launcher is root and QEMU runs as this user. */
  qemuUser: DaemonUser | undefined;
  /** Pod network name → prepared tap; networks without one stay unattached. */
  taps: Readonly<Record<string, string>>;
  /** Network name → MAC for interfaces without a macAddress of their own (pod mode). */
  macs?: Readonly<Record<string, string>>;
}

export interface StartedVm {
  domain: string;
  gracePeriodSeconds: number;
  xml: string;
}

async function ownedDir(path: string, owner: DaemonUser | undefined): Promise<string> {
  await mkdir(path, { recursive: true, mode: 0o755 });
  if (owner) await chown(path, owner.uid, owner.gid);
  return path;
}

/**
 * Creates the serial log (in the workdir, empty) up front, owned by QEMU's user, who writes it. The
 * workdir belongs to that user, so a symlink planted there is not followed (O_NOFOLLOW) and the
 * owner is changed on the opened file, not on a path.
 */
async function consoleLogFile(path: string, owner: DaemonUser | undefined): Promise<string> {
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o640);
  try {
    if (owner) await handle.chown(owner.uid, owner.gid);
  } finally {
    await handle.close();
  }
  return path;
}

/**
 * Starts a VMI's domain: host facts and disks first (I/O), then the pure conversion, then libvirt.
 * Sockets live in the workdir: serial0 (console), vnc, guest-agent.
 */
export async function startVm(vmi: VirtualMachineInstance, port: DomainPort, opts: VmRuntimeOptions): Promise<StartedVm> {
  const owner = opts.qemuUser;
  const diskDir = await ownedDir(join(opts.workdir, "disks"), owner);
  const volumes = await prepareDisks(vmi, opts.volumeSources, { diskDir, featureGates: opts.featureGates, owner });
  const ctx: ConverterContext = {
    virtType: opts.virtType,
    emulator: "/usr/bin/qemu-system-x86_64",
    sockets: vmSockets(opts.workdir),
    consoleLogFile: await consoleLogFile(opts.consoleLog, owner),
    volumes,
    efi: await findEfiFirmware(),
    nvramPath: join(opts.workdir, "nvram.fd"),
    taps: opts.taps,
    macs: opts.macs ?? {},
  };
  const xml = vmiToDomainXml(vmi, ctx);
  const meta = vmi.metadata ?? {};
  const domain = `${String(meta.namespace ?? "default")}_${String(meta.name)}`;
  await port.create(xml);
  return { domain, gracePeriodSeconds: vmi.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_PERIOD_SECONDS, xml };
}
