/**
 * Two network namespaces a test makes and owns, standing in for a launcher pod and its pod network
 * on this machine without a cluster: `pod`, whose `eth0` is a veth to `peer`'s `veth-peer`. Neither
 * gets a default route, so nothing in them reaches beyond the two.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { sleep } from "./launcher-harness";

export interface NetnsPair {
  pod: string;
  peer: string;
  /** Runs argv in namespace `ns` and returns its stdout. */
  inNs(ns: string, ...argv: string[]): string;
  /** A process living in `pod`, through which the node agent's set-up enters it, as through a launcher pod's. */
  holder(): Promise<ChildProcess>;
  remove(): void;
}

/** `eth0` takes `eth0Options` (e.g. address, mtu) at creation. */
export function netnsPair(name: string, eth0Options: string[] = []): NetnsPair {
  const pod = `kvts-${name}-pod-${process.pid}`;
  const peer = `kvts-${name}-peer-${process.pid}`;
  const inNs = (ns: string, ...argv: string[]): string => execFileSync("ip", ["netns", "exec", ns, ...argv], { encoding: "utf8" });
  const remove = (): void => {
    for (const ns of [pod, peer]) execFileSync("ip", ["netns", "del", ns], { stdio: "ignore" });
  };
  execFileSync("ip", ["netns", "add", pod]);
  execFileSync("ip", ["netns", "add", peer]);
  try {
    execFileSync("ip", ["-n", pod, "link", "add", "eth0", ...eth0Options, "type", "veth", "peer", "name", "veth-peer", "netns", peer]);
  } catch (err) {
    remove();
    throw err;
  }
  const holder = async (): Promise<ChildProcess> => {
    const child = spawn("ip", ["netns", "exec", pod, "sleep", "900"], { stdio: "ignore" });
    await sleep(200);
    return child;
  };
  return { pod, peer, inNs, holder, remove };
}
