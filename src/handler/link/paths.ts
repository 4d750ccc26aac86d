/**
 * The link's requests (pure, both ends use it): virt-api asks the handler of the VMI's node for one
 * action on one VMI, naming the VMI's uid so a VMI re-created under the same name is never mistaken.
 *   PUT /v1/namespaces/NS/virtualmachineinstances/NAME/pause|unpause?uid=UID
 *   GET /v1/namespaces/NS/virtualmachineinstances/NAME/console|vnc|portforward/PORT?uid=UID  (Upgrade)
 */
export type LinkAction = { kind: "pause" | "unpause" | "console" | "vnc" } | { kind: "portforward"; port: number };

export interface LinkRequest {
  namespace: string;
  name: string;
  uid: string;
  action: LinkAction;
}

/** Streams upgrade the link's HTTP connection to this protocol; after the 101 it carries raw bytes. */
export const LINK_UPGRADE = "kubevirt-ts-stream";

export const isStream = (a: LinkAction): boolean => a.kind === "console" || a.kind === "vnc" || a.kind === "portforward";
export const methodOf = (a: LinkAction): "PUT" | "GET" => (isStream(a) ? "GET" : "PUT");

export function linkPath(r: LinkRequest): string {
  const action = r.action.kind === "portforward" ? `portforward/${r.action.port}` : r.action.kind;
  return `/v1/namespaces/${encodeURIComponent(r.namespace)}/virtualmachineinstances/${encodeURIComponent(r.name)}/${action}?uid=${encodeURIComponent(r.uid)}`;
}

/** The request a path names, or why it names none. */
export function parseLinkPath(raw: string): LinkRequest | { problem: string } {
  const url = new URL(raw, "https://link");
  const uid = url.searchParams.get("uid") ?? "";
  const parts = url.pathname.split("/").map(decodeURIComponent);
  // ["", "v1", "namespaces", NS, "virtualmachineinstances", NAME, ACTION, PORT?]
  if (parts[1] !== "v1" || parts[2] !== "namespaces" || parts[4] !== "virtualmachineinstances" || !parts[3] || !parts[5]) return { problem: `unknown path ${url.pathname}` };
  if (!uid) return { problem: "the uid query parameter is required" };
  const base = { namespace: parts[3], name: parts[5], uid };
  const kind = parts[6];
  if ((kind === "pause" || kind === "unpause" || kind === "console" || kind === "vnc") && parts.length === 7) return { ...base, action: { kind } };
  if (kind === "portforward" && parts.length === 8) {
    const port = Number(parts[7]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { problem: `port ${parts[7]}: must be from 1 to 65535` };
    return { ...base, action: { kind, port } };
  }
  return { problem: `unknown action ${parts.slice(6).join("/")}` };
}
