import "reflect-metadata";
import test from "ava";
import { Capability, Mutate, readCapability, toPeprCapability, Validate, Watch } from ".";

const kind = { group: "example.io", version: "v1", kind: "Widget", plural: "widgets" };
const other = { group: "example.io", version: "v1", kind: "Gadget", plural: "gadgets" };

@Capability({ name: "widgets", description: "test capability" })
class Widgets {
  calls: string[] = [];
  constructor(private readonly prefix = "w") {}

  @Mutate(kind)
  @Mutate(other, "CREATE")
  defaults(): void {
    this.calls.push(`${this.prefix}:defaults`);
  }

  @Validate(kind, "UPDATE")
  check(): void {}

  @Watch(kind)
  observe(): void {}
}

test("decorators record bindings as data, in declaration order", t => {
  const { capability, bindings } = readCapability(Widgets);
  t.is(capability.name, "widgets");
  t.deepEqual(
    bindings.map(b => [b.action, b.kind.kind, b.event, b.method]),
    [
      ["mutate", "Gadget", "CREATE", "defaults"],
      ["mutate", "Widget", "CREATE_OR_UPDATE", "defaults"],
      ["validate", "Widget", "UPDATE", "check"],
      ["watch", "Widget", "CREATE_OR_UPDATE", "observe"],
    ],
  );
});

test("toPeprCapability registers one Pepr binding per declaration, calling the instance made by create", async t => {
  const instance = new Widgets("x");
  const capability = toPeprCapability(Widgets, () => instance);
  t.is(capability.name, "widgets");
  const summary = capability.bindings.map(b => [b.kind.kind, b.event, !!b.isMutate, !!b.isValidate, !!b.isWatch]);
  t.deepEqual(summary, [
    ["Gadget", "CREATE", true, false, false],
    ["Widget", "CREATEORUPDATE", true, false, false],
    ["Widget", "UPDATE", false, true, false],
    // Pepr decides at import time (PEPR_WATCH_MODE / PEPR_MODE) whether to keep watch bindings;
    // in this admission-mode test process it drops them.
  ]);
  await capability.bindings[0].mutateCallback!({} as never);
  t.deepEqual(instance.calls, ["x:defaults"]);
});

test("a class without @Capability or without bindings is refused with a fix-it message", t => {
  class Plain {}
  t.throws(() => readCapability(Plain), { message: /decorate it with @Capability/ });
  @Capability({ name: "empty", description: "none" })
  class Empty {}
  t.throws(() => readCapability(Empty), { message: /declares no bindings/ });
});

test("capability names must be DNS labels", t => {
  t.throws(() => Capability({ name: "Bad_Name", description: "x" }), { message: /DNS label/ });
});
