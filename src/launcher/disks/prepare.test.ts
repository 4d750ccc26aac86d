import test from "ava";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Volume } from "../../api";
import { newVmi, withDisk, withSpec } from "../testing/vmi-builder";
import { mayChown, prepareDisks } from "./prepare";
import type { VolumeSources } from "./sources";
import { imageInfo } from "./tools";

const scratch: string[] = [];
test.after.always(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

function fixture(): { dir: string; sources: VolumeSources } {
  const dir = mkdtempSync(join(tmpdir(), "disks-"));
  scratch.push(dir);
  mkdirSync(join(dir, "claims/data"), { recursive: true });
  execFileSync("qemu-img", ["create", "-q", "-f", "raw", join(dir, "claims/data/disk.img"), "16M"]);
  mkdirSync(join(dir, "image/disk"), { recursive: true });
  execFileSync("qemu-img", ["create", "-q", "-f", "qcow2", join(dir, "image/disk/guest.qcow2"), "32M"]);
  mkdirSync(join(dir, "vm"));
  const sources: VolumeSources = {
    claim: async (name) => ({ type: "file", path: join(dir, "claims", name, "disk.img") }),
    containerDisk: async () => join(dir, "image/disk/guest.qcow2"),
    secret: async (name) => ({ userdata: `#cloud-config\nhostname: from-${name}\n`, password: "s3cret" }),
    configMap: async () => ({ "app.conf": "debug=true\n" }),
    serviceAccount: async () => ({ token: "tkn", namespace: "default" }),
    imageFormat: async (path) => ((await imageInfo(path)).format === "raw" ? "raw" : "qcow2"),
  };
  return { dir, sources };
}

/** The ISO's volume label and files (extracted with xorriso). */
function readIso(path: string): { label: string; files: Record<string, string> } {
  const pvd = execFileSync("xorriso", ["-indev", path, "-pvd_info"], { stdio: ["ignore", "pipe", "ignore"] }).toString();
  const label = /Volume Id\s*:\s*(\S+)/.exec(pvd)?.[1] ?? "";
  const out = mkdtempSync(join(tmpdir(), "iso-"));
  scratch.push(out);
  execFileSync("xorriso", ["-osirrox", "on", "-indev", path, "-extract", "/", out], { stdio: "ignore" });
  const list = execFileSync("find", [out, "-type", "f"]).toString().trim().split("\n").filter(Boolean);
  return { label, files: Object.fromEntries(list.map((f) => [f.slice(out.length + 1), readFileSync(f, "utf8")])) };
}

async function prepareOne(volume: Omit<Volume, "name">, gates: string[] = []) {
  const { dir, sources } = fixture();
  const vmi = newVmi("vm1", withDisk({ name: "v" }, volume), withSpec((s) => (s.hostname = "host1")));
  const prepared = await prepareDisks(vmi, sources, { diskDir: join(dir, "vm"), featureGates: new Set(gates) });
  return { dir, source: prepared.v! };
}

test("containerDisk: a qcow2 overlay over the image's disk, image untouched", async (t) => {
  const { dir, source } = await prepareOne({ containerDisk: { image: "guest" } });
  const info = await imageInfo(source.path);
  t.is(info.format, "qcow2");
  t.is(info.backing, join(dir, "image/disk/guest.qcow2"));
  t.false(source.readonly);
});

test("persistentVolumeClaim (filesystem): disk.img in the claim, raw, attached as is", async (t) => {
  const { dir, source } = await prepareOne({ persistentVolumeClaim: { claimName: "data" } });
  t.deepEqual(source, { type: "file", path: join(dir, "claims/data/disk.img"), format: "raw", readonly: false });
});

test("persistentVolumeClaim readOnly: attached read-only", async (t) => {
  const { source } = await prepareOne({ persistentVolumeClaim: { claimName: "data", readOnly: true } });
  t.true(source.readonly);
});

test("ephemeral: a qcow2 overlay over the claim's raw disk", async (t) => {
  const { dir, source } = await prepareOne({ ephemeral: { persistentVolumeClaim: { claimName: "data" } } });
  const info = await imageInfo(source.path);
  t.is(info.backing, join(dir, "claims/data/disk.img"));
  t.not(source.path, join(dir, "claims/data/disk.img"));
});

test("emptyDisk: a sparse qcow2 of the given capacity", async (t) => {
  const { source } = await prepareOne({ emptyDisk: { capacity: "2Gi" } });
  const info = await imageInfo(source.path);
  t.is(info.format, "qcow2");
  t.is(info.virtualSize, 2 * 1024 ** 3);
});

test("hostDisk: refused while the HostDisk feature gate is off", async (t) => {
  await t.throwsAsync(prepareOne({ hostDisk: { path: "/tmp/x.img", type: "DiskOrCreate", capacity: "1Mi" } }), { message: /HostDisk feature gate/ });
});

test("hostDisk DiskOrCreate with the gate: creates a raw image once", async (t) => {
  const hostDir = mkdtempSync(join(tmpdir(), "hostdisk-"));
  scratch.push(hostDir);
  const path = join(hostDir, "disk.img");
  const { source } = await prepareOne({ hostDisk: { path, type: "DiskOrCreate", capacity: "1Mi" } }, ["HostDisk"]);
  t.true(existsSync(path));
  t.is(source.format, "raw");
  t.is((await imageInfo(path)).virtualSize, 1024 ** 2);
});

test("cloudInitNoCloud: ISO labelled cidata with user-data, meta-data and network-config", async (t) => {
  const { source } = await prepareOne({ cloudInitNoCloud: { userData: "#cloud-config\n", networkData: "version: 2\n" } });
  const iso = readIso(source.path);
  t.is(iso.label, "cidata");
  t.is(iso.files["user-data"], "#cloud-config\n");
  t.is(iso.files["meta-data"], "instance-id: vm1.default\nlocal-hostname: host1\n");
  t.is(iso.files["network-config"], "version: 2\n");
  t.true(source.readonly);
});

test("cloudInitNoCloud: userDataBase64 and Secret sources", async (t) => {
  const fromB64 = readIso((await prepareOne({ cloudInitNoCloud: { userDataBase64: Buffer.from("#!/bin/sh\necho hi\n").toString("base64") } })).source.path);
  t.is(fromB64.files["user-data"], "#!/bin/sh\necho hi\n");
  const fromSecret = readIso((await prepareOne({ cloudInitNoCloud: { secretRef: { name: "ud" } } })).source.path);
  t.is(fromSecret.files["user-data"], "#cloud-config\nhostname: from-ud\n");
});

test("cloudInitConfigDrive: ISO labelled config-2 in the openstack/latest layout", async (t) => {
  const iso = readIso((await prepareOne({ cloudInitConfigDrive: { userData: "#cloud-config\n" } })).source.path);
  t.is(iso.label, "config-2");
  t.is(iso.files["openstack/latest/user_data"], "#cloud-config\n");
  t.like(JSON.parse(iso.files["openstack/latest/meta_data.json"] ?? "{}"), { hostname: "host1" });
});

test("configMap, secret and serviceAccount: ISOs of their keys", async (t) => {
  t.deepEqual(readIso((await prepareOne({ configMap: { name: "cm" } })).source.path).files, { "app.conf": "debug=true\n" });
  t.is(readIso((await prepareOne({ secret: { secretName: "s", volumeLabel: "SECRETS" } })).source.path).label, "SECRETS");
  t.is(readIso((await prepareOne({ serviceAccount: { serviceAccountName: "default" } })).source.path).files.token, "tkn");
});

test("a volume without a supported source is an error naming it", async (t) => {
  await t.throwsAsync(prepareOne({}), { message: /volume v: no supported volume source/ });
});

test("the ISO writer leaves no staging files behind", async (t) => {
  const { dir } = await prepareOne({ cloudInitNoCloud: { userData: "x" } });
  t.deepEqual(execFileSync("ls", ["-A", join(dir, "vm")]).toString().trim().split("\n"), ["v.iso"]);
});

test("mayChown: only the launcher's own files and claims are handed to QEMU's user, never a hostDisk path", (t) => {
  const file = (path: string, readonly = false) => ({ type: "file" as const, path, format: "raw" as const, readonly });
  t.true(mayChown({ name: "e", emptyDisk: { capacity: "1Gi" } }, file("/w/disks/e.qcow2"), "/w/disks"));
  t.true(mayChown({ name: "c", persistentVolumeClaim: { claimName: "c" } }, file("/pvcs/c/disk.img"), "/w/disks"));
  t.false(mayChown({ name: "h", hostDisk: { path: "/etc/shadow", type: "Disk" } }, file("/etc/shadow"), "/w/disks"));
  t.false(mayChown({ name: "h", hostDisk: { path: "/w/disks/h.img", type: "Disk" } }, file("/w/disks/h.img"), "/w/disks"));
  t.false(mayChown({ name: "x", containerDisk: { image: "i" } }, file("/elsewhere/x.qcow2"), "/w/disks"));
  t.false(mayChown({ name: "i", cloudInitNoCloud: { userData: "x" } }, file("/w/disks/i.iso", true), "/w/disks"));
});

test("a volume name or ISO key that would leave the disk dir is refused", async (t) => {
  const { dir, sources } = fixture();
  const vmi = newVmi("evil", withSpec((s) => void (s.volumes = [{ name: "../../evil", emptyDisk: { capacity: "1Mi" } }])));
  await t.throwsAsync(prepareDisks(vmi, sources, { diskDir: join(dir, "vm"), featureGates: new Set() }), { message: /outside .*refused/ });
  const leaky: VolumeSources = { ...sources, configMap: async () => ({ "../../escaped": "x" }) };
  const cfg = newVmi("cfg", withSpec((s) => void (s.volumes = [{ name: "cfg", configMap: { name: "c" } }])));
  await t.throwsAsync(prepareDisks(cfg, leaky, { diskDir: join(dir, "vm"), featureGates: new Set() }), { message: /ISO file name.*outside.*refused/ });
  t.false(existsSync(join(dir, "escaped")) || existsSync(join(dir, "evil.qcow2")) || existsSync(join(dir, "..", "evil.qcow2")));
});
