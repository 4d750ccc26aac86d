import test from "ava";
import type { VirtualMachineInstance } from "../api";
import { pauseRefusal, portForwardTarget, streamRefusal, unpauseRefusal } from "./vmi-checks";

const vmi = (o: { phase?: string; paused?: boolean; devices?: object; liveness?: boolean } = {}): VirtualMachineInstance =>
  ({
    metadata: { name: "myvm" },
    spec: { domain: { devices: o.devices ?? {} }, ...(o.liveness && { livenessProbe: { tcpSocket: { port: 22 } } }) },
    status: { phase: o.phase ?? "Running", conditions: o.paused ? [{ type: "Paused", status: "True", reason: "PausedByUser" }] : [] },
  }) as unknown as VirtualMachineInstance;

test("pause: refused when not running, already paused, or with a liveness probe", (t) => {
  t.is(pauseRefusal(vmi()), undefined);
  t.like(pauseRefusal(vmi({ phase: "Scheduled" }))?.status, { code: 409, message: 'Operation cannot be fulfilled on virtualmachineinstance.kubevirt.io "myvm": VM is not running' });
  t.like(pauseRefusal(vmi({ paused: true }))?.status, { code: 409, message: 'Operation cannot be fulfilled on virtualmachineinstance.kubevirt.io "myvm": VMI is already paused' });
  t.like(pauseRefusal(vmi({ liveness: true }))?.status, { code: 403 });
});

test("unpause: refused unless paused", (t) => {
  t.is(unpauseRefusal(vmi({ paused: true })), undefined);
  t.like(unpauseRefusal(vmi())?.status, { code: 409, message: 'Operation cannot be fulfilled on virtualmachineinstance.kubevirt.io "myvm": VMI is not paused' });
});

test("streams: only a running VMI; VNC needs the graphics device, console the serial console; a paused VMI forwards no port", (t) => {
  t.is(streamRefusal(vmi(), "vnc"), undefined);
  t.like(streamRefusal(vmi({ phase: "Scheduling" }), "console")?.status, { code: 400, message: "VMI is not running" });
  t.like(streamRefusal(vmi({ phase: "Failed" }), "console")?.status, { code: 409 });
  t.like(streamRefusal(vmi({ phase: "Scheduling", devices: { autoattachGraphicsDevice: false } }), "vnc")?.status, { code: 400, message: "No graphics devices are present." });
  t.like(streamRefusal(vmi({ paused: true }), "portforward")?.status, { code: 409, message: 'Operation cannot be fulfilled on virtualmachineinstance.kubevirt.io "myvm": VMI is paused' });
  t.is(streamRefusal(vmi({ paused: true }), "console"), undefined);
  t.is(streamRefusal(vmi({ devices: { autoattachGraphicsDevice: false } }), "console"), undefined);
  t.like(streamRefusal(vmi({ devices: { autoattachSerialConsole: false } }), "console")?.status, { code: 400, message: "No serial consoles are present." });
});

test("port-forward paths: a port in range, tcp by default; udp and bad ports refused with 400", (t) => {
  t.deepEqual(portForwardTarget(["80"]), { port: 80 });
  t.deepEqual(portForwardTarget(["8080", "tcp"]), { port: 8080 });
  for (const rest of [["0"], ["65536"], ["http"], [], ["80", "udp"], ["80", "sctp"]]) {
    const r = portForwardTarget(rest);
    t.true("status" in r && r.status.code === 400, rest.join("/"));
  }
});
