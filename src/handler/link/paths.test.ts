import test from "ava";
import { linkPath, parseLinkPath, type LinkRequest } from "./paths";

const cases: LinkRequest[] = [
  { namespace: "ns", name: "vm", uid: "u-1", action: { kind: "pause" } },
  { namespace: "ns", name: "vm", uid: "u-1", action: { kind: "unpause" } },
  { namespace: "ns", name: "vm", uid: "u-1", action: { kind: "console" } },
  { namespace: "ns", name: "vm", uid: "u-1", action: { kind: "vnc" } },
  { namespace: "ns", name: "vm", uid: "u-1", action: { kind: "portforward", port: 8080 } },
];
for (const r of cases) {
  test(`${r.action.kind}: a path and back`, (t) => t.deepEqual(parseLinkPath(linkPath(r)), r));
}

test("bad paths say what is wrong", (t) => {
  t.like(parseLinkPath("/v1/namespaces/ns/virtualmachineinstances/vm/pause"), { problem: "the uid query parameter is required" });
  t.like(parseLinkPath("/v1/namespaces/ns/virtualmachineinstances/vm/portforward/0?uid=u"), { problem: "port 0: must be from 1 to 65535" });
  t.like(parseLinkPath("/v1/namespaces/ns/virtualmachineinstances/vm/reboot?uid=u"), { problem: "unknown action reboot" });
  t.like(parseLinkPath("/healthz"), { problem: "unknown path /healthz" });
});
