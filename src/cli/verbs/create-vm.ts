/**
 * `create vm`: prints a VirtualMachine manifest as upstream virtctl v1.6.0's `create vm` does for
 * the same flags (client side only, nothing is sent). Supported: --name, --run-strategy,
 * --termination-grace-period, --memory, --instancetype, --preference, --volume-containerdisk,
 * --volume-pvc, --user, --password-file, --ssh-key, --ga-manage-ssh, --cloud-init,
 * --cloud-init-user-data, --cloud-init-network-data, -n. Flags needing CDI (--volume-import) are
 * refused with a reason.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { goYaml } from "./go-yaml";
import { VerbUsageError, type VerbIo } from "./vm-verbs";

export interface CreateVmFlags {
  name?: string;
  namespace?: string;
  "run-strategy"?: string;
  "termination-grace-period"?: string;
  memory?: string;
  instancetype?: string;
  preference?: string;
  "volume-containerdisk"?: string[];
  "volume-pvc"?: string[];
  user?: string;
  "password-file"?: string;
  "ssh-key"?: string[];
  "ga-manage-ssh"?: boolean;
  "cloud-init"?: string;
  "cloud-init-user-data"?: string;
  "cloud-init-network-data"?: string;
}

type Json = Record<string, unknown>;
const RUN_STRATEGIES = ["Always", "Manual", "Halted", "Once", "RerunOnFailure"];
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export class CreateVmError extends Error {}
const flagErr = (flag: string, message: string): CreateVmError => new CreateVmError(`failed to parse "--${flag}" flag: ${message}`);

/** `a:b,c:d` params of a volume flag (virtctl's params.Map), only the names the flag knows. */
function volumeParams(flag: string, value: string): { name?: string; src?: string; bootorder?: number } {
  if (value === "") throw flagErr(flag, "params may not be empty");
  const params = new Map<string, string>();
  for (const p of value.split(",")) {
    const i = p.indexOf(":");
    if (i < 0) throw flagErr(flag, `params need to have at least one colon: ${p}`);
    params.set(p.slice(0, i), p.slice(i + 1));
  }
  const out: { name?: string; src?: string; bootorder?: number } = { name: params.get("name"), src: params.get("src") };
  const bootorder = params.get("bootorder");
  if (bootorder !== undefined) {
    if (!/^[0-9]+$/.test(bootorder)) throw flagErr(flag, `failed to parse param "bootorder": strconv.ParseUint: parsing "${bootorder}": invalid syntax`);
    out.bootorder = Number(bootorder);
  }
  const unknown = [...params].filter(([k]) => !["name", "src", "bootorder"].includes(k)).map(([k, v]) => `${k}:${v}`);
  if (unknown.length > 0) throw flagErr(flag, `unknown param(s): ${unknown.join(",")}`);
  return out;
}

function prefixedName(flag: string, value: string): { prefix: string; name: string } {
  const parts = value.split("/");
  if (parts.length > 2) throw flagErr(flag, `invalid count ${parts.length - 1} of slashes in prefix/name`);
  const [prefix, name] = parts.length === 2 ? [parts[0]!, parts[1]!] : ["", parts[0]!];
  if (name === "") throw flagErr(flag, "name cannot be empty");
  return { prefix, name };
}

function matcher(flag: "instancetype" | "preference", value: string): Json {
  const { prefix, name } = prefixedName(flag, value);
  const kind = prefix.toLowerCase();
  const allowed = flag === "instancetype" ? ["virtualmachineinstancetype", "virtualmachineclusterinstancetype"] : ["virtualmachinepreference", "virtualmachineclusterpreference"];
  if (kind !== "" && !allowed.includes(kind)) throw flagErr(flag, `invalid ${flag} kind "${kind}", supported values are: ${allowed.join(", ")}`);
  return kind ? { name, kind } : { name };
}

interface Building {
  vm: Json;
  spec: Json;
  volumes: Json[];
  disks: Json[];
  bootOrders: Map<number, string>;
}

function addVolume(b: Building, flag: string, name: string, source: Json, bootorder: number | undefined): void {
  if (!DNS1123_LABEL.test(name) || name.length > 63) throw flagErr(flag, `invalid name "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`);
  if (b.volumes.some((v) => v.name === name)) throw flagErr(flag, `there is already a volume with name "${name}"`);
  b.volumes.push({ name, ...source });
  if (bootorder === undefined) return;
  if (bootorder === 0) throw flagErr(flag, "bootorder must be greater than 0");
  if (b.bootOrders.has(bootorder)) throw flagErr(flag, `bootorder ${bootorder} was specified multiple times`);
  b.disks.push({ name, bootOrder: bootorder });
  b.bootOrders.set(bootorder, name);
}

function cloudInitUserData(f: CreateVmFlags): string {
  let config = "#cloud-config";
  if (f.user) config += `\nuser: ${f.user}`;
  if (f["password-file"]) {
    let data: string;
    try {
      data = readFileSync(f["password-file"], "utf8");
    } catch (e) {
      throw flagErr("password-file", `open ${f["password-file"]}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}`);
    }
    const password = data.trim();
    if (password) config += `\npassword: ${password}\nchpasswd: { expire: False }`;
  }
  const keys = (f["ssh-key"] ?? []).flatMap((k) => k.split(","));
  if (keys.length > 0) config += `\nssh_authorized_keys:${keys.map((k) => `\n  - ${k}`).join("")}`;
  if (f["ga-manage-ssh"]) config += "\nruncmd:\n  - [ setsebool, -P, 'virt_qemu_ga_manage_ssh', 'on' ]";
  return config;
}

const CLOUD_INIT_FLAGS = ["user", "password-file", "ssh-key", "ga-manage-ssh", "cloud-init", "cloud-init-user-data", "cloud-init-network-data"] as const;

/** The cloudinitdisk volume virtctl adds when a cloud-init flag is given (none when only the header would be in it). */
function cloudInitVolume(f: CreateVmFlags, io: { warn: (m: string) => void }): Json | undefined {
  if (!CLOUD_INIT_FLAGS.some((k) => f[k] !== undefined)) return undefined;
  if (f["password-file"] !== undefined) io.warn("WARNING: --password-file: The password is stored in cleartext in the VM definition!\n");
  const type = (f["cloud-init"] ?? "nocloud").toLowerCase();
  if (type === "none") return undefined;
  if (type !== "nocloud" && type !== "configdrive") throw flagErr("cloud-init", `invalid cloud-init data source type "${f["cloud-init"]}", supported values are: nocloud, configdrive, none`);
  const src: Json = {};
  if (f["cloud-init-network-data"]) src.networkDataBase64 = f["cloud-init-network-data"];
  if (f["cloud-init-user-data"]) src.userDataBase64 = f["cloud-init-user-data"];
  else src.userData = cloudInitUserData(f);
  if (f["cloud-init"] === undefined && src.userData === "#cloud-config" && !src.networkDataBase64) return undefined;
  return { name: "cloudinitdisk", [type === "nocloud" ? "cloudInitNoCloud" : "cloudInitConfigDrive"]: src };
}

/** Implicit inference (virtctl's default): from the first boot volume, ignored unless it is a PVC. */
function inferFromVolume(b: Building, f: CreateVmFlags): void {
  if (b.volumes.length === 0) return;
  const first = b.bootOrders.size > 0 ? b.bootOrders.get(Math.min(...b.bootOrders.keys()))! : (b.volumes[0]!.name as string);
  const vol = b.volumes.find((v) => v.name === first);
  if (!vol?.persistentVolumeClaim) return;
  if (f.instancetype === undefined && f.memory === undefined) b.spec.instancetype = { inferFromVolume: first, inferFromVolumeFailurePolicy: "Ignore" };
  if (f.preference === undefined) b.spec.preference = { inferFromVolume: first, inferFromVolumeFailurePolicy: "Ignore" };
}

/** The manifest, as the Go struct virtctl marshals (empty structs it always prints included). */
export function buildVm(f: CreateVmFlags, randomSuffix: () => string, io: { warn: (m: string) => void } = { warn: () => undefined }): Json {
  const name = f.name ?? `vm-${randomSuffix()}`;
  const grace = f["termination-grace-period"] === undefined ? 180 : Number(f["termination-grace-period"]);
  if (!Number.isInteger(grace)) throw new CreateVmError(`invalid argument "${f["termination-grace-period"]}" for "--termination-grace-period" flag: strconv.ParseInt: parsing "${f["termination-grace-period"]}": invalid syntax`);
  const domain: Json = { devices: {}, memory: { guest: f.memory ?? "512Mi" }, resources: {} };
  const b: Building = { vm: {}, spec: {}, volumes: [], disks: [], bootOrders: new Map() };
  b.spec.runStrategy = "Always";
  if (f["run-strategy"] !== undefined) {
    const rs = RUN_STRATEGIES.find((s) => s.toLowerCase() === f["run-strategy"]!.toLowerCase());
    if (!rs) throw flagErr("run-strategy", `invalid run strategy "${f["run-strategy"]}", supported values are: ${RUN_STRATEGIES.join(", ")}`);
    b.spec.runStrategy = rs;
  }
  if (f.instancetype !== undefined) {
    b.spec.instancetype = matcher("instancetype", f.instancetype);
    delete domain.memory;
  }
  if (f.preference !== undefined) b.spec.preference = matcher("preference", f.preference);
  for (const [i, v] of (f["volume-containerdisk"] ?? []).entries()) {
    const p = volumeParams("volume-containerdisk", v);
    if (!p.src) throw flagErr("volume-containerdisk", "src must be specified");
    addVolume(b, "volume-containerdisk", p.name ?? `${name}-containerdisk-${i}`, { containerDisk: { image: p.src } }, p.bootorder);
  }
  for (const v of f["volume-pvc"] ?? []) {
    const p = volumeParams("volume-pvc", v);
    if (!p.src) throw flagErr("volume-pvc", "src must be specified");
    const ref = prefixedName("volume-pvc", p.src);
    if (ref.prefix) throw flagErr("volume-pvc", `not allowed to specify namespace of pvc "${ref.name}"`);
    addVolume(b, "volume-pvc", p.name ?? ref.name, { persistentVolumeClaim: { claimName: ref.name } }, p.bootorder);
  }
  const cloudInit = cloudInitVolume(f, io);
  if (cloudInit) b.volumes.push(cloudInit);
  inferFromVolume(b, f);
  if (b.disks.length > 0) (domain.devices as Json).disks = b.disks;
  const templateSpec: Json = { domain, terminationGracePeriodSeconds: grace, ...(b.volumes.length > 0 ? { volumes: b.volumes } : {}) };
  return {
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachine",
    metadata: { creationTimestamp: null, name, ...(f.namespace ? { namespace: f.namespace } : {}) },
    spec: { ...b.spec, template: { metadata: { creationTimestamp: null }, spec: templateSpec } },
    status: {},
  };
}

const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
const randomSuffix = (): string => Array.from({ length: 5 }, () => ALPHANUMS[Math.floor(Math.random() * ALPHANUMS.length)]).join("");

export function runCreateVm(args: readonly string[], io: VerbIo & { err: (m: string) => void }): number {
  let values: CreateVmFlags;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        name: { type: "string" }, namespace: { type: "string", short: "n" }, "run-strategy": { type: "string" }, "termination-grace-period": { type: "string" },
        memory: { type: "string" }, instancetype: { type: "string" }, preference: { type: "string" },
        "volume-containerdisk": { type: "string", multiple: true }, "volume-pvc": { type: "string", multiple: true },
        user: { type: "string" }, "password-file": { type: "string" }, "ssh-key": { type: "string", multiple: true }, "ga-manage-ssh": { type: "boolean" },
        "cloud-init": { type: "string" }, "cloud-init-user-data": { type: "string" }, "cloud-init-network-data": { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new VerbUsageError(`${(e as Error).message}; create vm supports --name, --run-strategy, --termination-grace-period, --memory, --instancetype, --preference, --volume-containerdisk, --volume-pvc and the cloud-init flags (--volume-import needs CDI, not installed here)`);
  }
  try {
    if (values.memory !== undefined && values.instancetype !== undefined) {
      throw new CreateVmError("if any flags in the group [memory instancetype infer-instancetype infer-instancetype-from] are set none of the others can be; [instancetype memory] were all set");
    }
    io.out(goYaml(buildVm(values, randomSuffix, { warn: (m) => io.err(m.replace(/\n$/, "")) })).replace(/\n$/, ""));
    return 0;
  } catch (e) {
    if (e instanceof CreateVmError) {
      io.err(e.message); // virtctl prints the bare message, exit 1
      return 1;
    }
    throw e;
  }
}
