import { join } from "node:path";
import type { VirtualMachineInstance } from "../api";
import type { CommandHandler } from "./command/server";
import { CommandServer } from "./command/server";
import type { DomainInfo, Request, StreamTarget } from "./command/protocol";
import type { VolumeSources } from "./disks/sources";
import { startLibvirtd, type LibvirtDaemon } from "./libvirt/daemon";
import { connectLibvirt } from "./libvirt/connection";
import { followDomainEvents, type EventStream } from "./libvirt/event-stream";
import type { DomainPort } from "./libvirt/port";
import { resolveVirtType, type VirtTypeChoice } from "./host/virt-type";
import { qemuUser } from "./host/qemu-user";
import { DomainSupervisor } from "./lifecycle/supervisor";
import type { Outcome } from "./lifecycle/outcome";
import type { Logger } from "./log";
import { checkVmiInput } from "./input/check-vmi";
import { ConsoleLogRelay } from "./console/log-relay";
import { startVm } from "./vm-runtime";
import { attachPodNetwork, type AttachedNetwork } from "./network/pod-attach";
import { StreamTargets } from "./streams/targets";
import type { Duplex } from "node:stream";

export interface LauncherConfig {
  /** Per-VM working directory: libvirt's runtime dirs, disks, console/VNC/agent sockets. */
  workdir: string;
  /** The command socket; its directory is made 0700. */
  socketPath: string;
  consoleLog: string;
  virtType: VirtTypeChoice;
  featureGates: ReadonlySet<string>;
  volumeSources: VolumeSources;
  /** A project-created network namespace (/run/netns/NAME) for libvirtd and QEMU; none: no network. */
  netns?: string;
  /** Pod network name → tap device in `netns`, owned by QEMU's user. */
  taps?: Readonly<Record<string, string>>;
  /** Pod mode: attach the pod network the node agent prepared (tap, DHCP for the guest). */
  podNetwork?: boolean;
  /** Run libvirtd in PID and mount namespaces of its own (standalone); a pod's container already is one. */
  isolateDaemon?: boolean;
  /** Check peers' uids on the command socket (standalone); a pod relies on the socket directory's permissions. */
  checkPeerUid?: boolean;
  /** uids allowed on the command socket besides root and the launcher's own. */
  extraAllowedUids?: number[];
  log: Logger;
}

const noDomain = (): Error => Object.assign(new Error("no domain is running"), { code: "no-domain" });

/**
 * One VM's launcher: its own libvirtd, the domain, its supervision, the command socket. `run()`
 * resolves with how the VM ended; pod mode waits for a sync command, standalone mode syncs itself.
 */
export class Launcher implements CommandHandler {
  private daemon?: LibvirtDaemon;
  private port?: DomainPort;
  private events?: EventStream;
  private server?: CommandServer;
  private supervisor?: DomainSupervisor;
  private syncing?: Promise<unknown>;
  private consoleRelay?: ConsoleLogRelay;
  private network?: AttachedNetwork;
  private vmi?: VirtualMachineInstance;
  private streams?: StreamTargets;
  private stopping = false;
  private settle!: (o: Outcome) => void;
  readonly outcome = new Promise<Outcome>((resolve) => (this.settle = resolve));

  constructor(private readonly config: LauncherConfig) {}

  async start(): Promise<void> {
    const { log } = this.config;
    const user = await qemuUser();
    const daemon = await startLibvirtd(join(this.config.workdir, "libvirt"), user, this.config.netns, this.config.isolateDaemon ?? true);
    this.daemon = daemon;
    // Without its libvirtd the launcher would wait for domain events that never come: it ends as failed.
    void daemon.exited.then(() => {
      if (!this.stopping) this.settle({ kind: "failed", error: new Error(`libvirtd exited unexpectedly; see ${daemon.logPath}`) });
    });
    this.port = await connectLibvirt(this.daemon.uri);
    this.events = await followDomainEvents(this.daemon.socketPath, this.daemon.uri, (e) => {
      this.supervisor?.onEvent(e);
      if (e.kind !== "started") this.server?.publish({ kind: e.kind, domain: e.domain, detail: e.detail, at: new Date().toISOString() });
    });
    const allowed = new Set([0, process.getuid?.() ?? 0, ...(this.config.extraAllowedUids ?? [])]);
    this.server = new CommandServer(this, { socketPath: this.config.socketPath, allowedUids: this.config.checkPeerUid === false ? "any" : allowed, log });
    await this.server.start();
    log("launcher ready", { libvirtd: this.daemon.uri, commandSocket: this.config.socketPath });
  }

  async handle(request: Request): Promise<unknown> {
    switch (request.method) {
      case "sync":
        return this.sync(request.params.vmi);
      case "shutdown":
        return this.requireDomain().requestShutdown();
      case "kill":
        return this.requireDomain().kill("killed");
      case "pause":
        return this.port!.pause(this.requireDomain().domain);
      case "unpause":
        return this.port!.unpause(this.requireDomain().domain);
      case "domainInfo":
        return this.info();
      case "ping":
      case "subscribe":
        return {};
    }
  }

  /** The console, VNC or a guest port, for the node agent's `stream` request (streams/targets.ts). */
  openStream(target: StreamTarget): Promise<Duplex> {
    this.streams ??= new StreamTargets(this.config.workdir);
    return this.streams.open(target, this.supervisor ? this.vmi : undefined);
  }

  /**
   * Defines and starts the VMI's domain once; later syncs of a running domain are no-ops. A VMI the
   * admission chain refuses is refused before anything is touched, and the launcher keeps waiting
   * for a valid one (the caller gets every cause with its field path).
   */
  sync(vmi: VirtualMachineInstance): Promise<unknown> {
    if (this.syncing === undefined) {
      try {
        checkVmiInput(vmi, this.config.featureGates);
      } catch (err) {
        this.config.log("sync refused", { error: (err as Error).message });
        return Promise.reject(err);
      }
    }
    this.syncing ??= this.startDomain(vmi).catch((err: unknown) => {
      const error = new Error(`starting the VMI failed: ${(err as Error).message}`, { cause: err });
      this.settle({ kind: "failed", error });
      throw error;
    });
    return this.syncing;
  }

  /** SIGTERM: graceful shutdown of the guest, or an immediate end when no domain was started. */
  terminate(): void {
    if (this.supervisor) this.supervisor.requestShutdown();
    else if (this.syncing) void this.syncing.then(() => this.supervisor?.requestShutdown(), () => undefined);
    else this.settle({ kind: "not-started" });
  }

  /** Tears down the command socket, the event stream, the libvirt connection and the daemon's PID namespace. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.server?.stop().catch(() => undefined);
    this.events?.stop();
    await this.port?.close().catch(() => undefined);
    await this.daemon?.stop();
    await this.consoleRelay?.stop(); // after QEMU is gone: the guest's last lines are in
    this.network?.stop();
  }

  private async startDomain(vmi: VirtualMachineInstance): Promise<DomainInfo> {
    const c = this.config;
    const virtType = await resolveVirtType(c.virtType);
    // QEMU's side of the console log lives in the workdir; the launcher copies it to the user's file.
    const serialLog = join(c.workdir, "serial0.log");
    this.consoleRelay = await ConsoleLogRelay.open(c.consoleLog, serialLog);
    this.consoleRelay.start();
    this.network = c.podNetwork ? await attachPodNetwork(vmi, { workdir: c.workdir, log: c.log, qemuUid: (await qemuUser())?.uid }) : undefined;
    const vm = await startVm(vmi, this.port!, {
      workdir: c.workdir, consoleLog: serialLog, virtType, featureGates: c.featureGates, volumeSources: c.volumeSources, qemuUser: await qemuUser(),
      taps: this.network?.taps ?? c.taps ?? {},
      macs: this.network?.macs ?? {},
    });
    const supervisor = new DomainSupervisor(this.port!, vm.domain, { gracePeriodSeconds: vm.gracePeriodSeconds, log: (m) => c.log(m) });
    this.supervisor = supervisor;
    this.vmi = vmi;
    supervisor.start();
    void supervisor.outcome.then((o) => this.settle(o));
    c.log("domain started", { domain: vm.domain, virtType, gracePeriodSeconds: vm.gracePeriodSeconds });
    this.server?.publish({ kind: "started", domain: vm.domain, detail: "Started Booted", at: new Date().toISOString() });
    return this.info();
  }

  private requireDomain(): DomainSupervisor {
    if (!this.supervisor) throw noDomain();
    return this.supervisor;
  }

  private async info(): Promise<DomainInfo> {
    const name = this.requireDomain().domain;
    const status = await this.port!.status(name);
    if (!status) throw noDomain();
    return { name, ...status };
  }
}
