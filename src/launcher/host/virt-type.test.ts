import test from "ava";
import { resolveVirtType } from "./virt-type";

test("an explicit virt type is used as given, without probing", async (t) => {
  t.is(await resolveVirtType("qemu"), "qemu");
  t.is(await resolveVirtType("kvm"), "kvm");
});

test("auto answers kvm or qemu within the probe's bound", async (t) => {
  const start = Date.now();
  t.true(["kvm", "qemu"].includes(await resolveVirtType("auto")));
  t.true(Date.now() - start < 10_000);
});
