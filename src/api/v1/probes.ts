import { ApiType, Free, Int, Obj } from "../schema";

@ApiType("Probe by pinging the guest agent.")
export class GuestAgentPing {}

@ApiType("A health check of the guest, as a container probe but aimed at the VM.")
export class Probe {
  @Free("Run a command in the guest through the guest agent (core/v1 ExecAction).")
  exec?: Record<string, unknown>;
  @Free("HTTP GET against the guest (core/v1 HTTPGetAction).")
  httpGet?: Record<string, unknown>;
  @Free("Open a TCP connection to the guest (core/v1 TCPSocketAction).")
  tcpSocket?: Record<string, unknown>;
  @Obj(() => GuestAgentPing, "Succeeds when the guest agent answers.")
  guestAgentPing?: GuestAgentPing;
  @Int("Seconds after the VMI starts before the first probe.", { format: "int32" })
  initialDelaySeconds?: number;
  @Int("Seconds before a probe times out. Defaults to 1.", { format: "int32" })
  timeoutSeconds?: number;
  @Int("Seconds between probes. Defaults to 10.", { format: "int32" })
  periodSeconds?: number;
  @Int("Successes in a row after a failure that count as healthy. Defaults to 1.", { format: "int32" })
  successThreshold?: number;
  @Int("Failures in a row that count as unhealthy. Defaults to 3.", { format: "int32" })
  failureThreshold?: number;
}
