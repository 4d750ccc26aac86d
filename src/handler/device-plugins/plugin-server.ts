/**
 * One device plugin's gRPC server on a unix socket in the kubelet's plugins_registry directory. The
 * same socket serves the plugin-registration service the kubelet's plugin watcher calls first
 * (GetInfo: "a DevicePlugin for resource X, at this endpoint") and the device-plugin service it
 * calls next (ListAndWatch, Allocate). The plugin watcher honours the kubelet's --root-dir, where
 * the older Register call to /var/lib/kubelet/device-plugins/kubelet.sock does not (that path is
 * fixed, so every cluster on one machine would share it). A restarted kubelet finds the socket
 * again on start and registers it anew: each kubelet simply opens new calls.
 */
import { Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall, type ServerWritableStream } from "@grpc/grpc-js";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../log";
import { errorText } from "../log";
import { allocateResponse, deviceList, socketName, type DevicePluginSpec } from "./devices";
import type { KubeletPluginServices } from "./grpc-services";

export const DEVICE_PLUGIN_API_VERSION = "v1beta1";
type Unary = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => void;

export class DevicePluginServer {
  readonly socketPath: string;
  private readonly server = new Server();
  private readonly streams = new Set<ServerWritableStream<unknown, unknown>>();

  constructor(
    private readonly spec: DevicePluginSpec,
    registryDir: string,
    services: KubeletPluginServices,
    private readonly log: Logger,
  ) {
    this.socketPath = join(registryDir, socketName(spec));
    this.server.addService(services.registration, { GetInfo: this.getInfo, NotifyRegistrationStatus: this.notifyRegistrationStatus });
    this.server.addService(services.devicePlugin, {
      GetDevicePluginOptions: ((_call, cb) => cb(null, { pre_start_required: false, get_preferred_allocation_available: false })) as Unary,
      ListAndWatch: this.listAndWatch,
      GetPreferredAllocation: ((_call, cb) => cb(null, { container_responses: [] })) as Unary,
      Allocate: this.allocate,
      PreStartContainer: ((_call, cb) => cb(null, {})) as Unary,
    });
  }

  /** Listens on the socket (a stale one from an earlier handler is replaced). */
  async start(): Promise<void> {
    // A unix socket's address holds 107 bytes: a deeper kubelet root cannot take the plugin watcher's sockets.
    if (Buffer.byteLength(this.socketPath) > 107) throw new Error(`device plugin ${this.spec.resourceName}: socket path ${this.socketPath} is longer than a unix socket address (107 bytes): use a shorter kubelet --root-dir`);
    await rm(this.socketPath, { force: true });
    await new Promise<void>((resolve, reject) =>
      this.server.bindAsync(`unix:${this.socketPath}`, ServerCredentials.createInsecure(), (err) =>
        err ? reject(new Error(`device plugin ${this.spec.resourceName}: cannot listen on ${this.socketPath}: ${err.message}`, { cause: err })) : resolve(),
      ),
    );
    this.log("device plugin listening", { resource: this.spec.resourceName, socket: this.socketPath });
  }

  /** Ends the kubelet's streams and removes the socket: the plugin watcher then deregisters the plugin. */
  async stop(): Promise<void> {
    for (const s of this.streams) s.end();
    this.streams.clear();
    this.server.forceShutdown();
    await rm(this.socketPath, { force: true });
  }

  private readonly getInfo: Unary = (_call, cb) =>
    cb(null, { type: "DevicePlugin", name: this.spec.resourceName, endpoint: this.socketPath, supported_versions: [DEVICE_PLUGIN_API_VERSION] });

  private readonly notifyRegistrationStatus: Unary = (call, cb) => {
    const { plugin_registered, error } = call.request as { plugin_registered?: boolean; error?: string };
    this.log(plugin_registered ? "device plugin registered with the kubelet" : "the kubelet refused the device plugin", {
      resource: this.spec.resourceName,
      ...(error ? { error } : {}),
    });
    cb(null, {});
  };

  /** The device list once; the stream stays open (the devices never change) until the kubelet or stop() ends it. */
  private readonly listAndWatch = (call: ServerWritableStream<unknown, unknown>): void => {
    this.streams.add(call);
    const forget = (): void => void this.streams.delete(call);
    call.on("cancelled", forget).on("close", forget).on("error", forget);
    call.write({ devices: deviceList(this.spec) });
  };

  private readonly allocate: Unary = (call, cb) => {
    try {
      cb(null, allocateResponse(this.spec, call.request as Parameters<typeof allocateResponse>[1]));
    } catch (err) {
      this.log("device plugin: allocation refused", { resource: this.spec.resourceName, error: errorText(err) });
      cb({ code: status.INVALID_ARGUMENT, details: errorText(err) });
    }
  };
}
