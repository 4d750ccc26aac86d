/**
 * Kubernetes Status bodies as KubeVirt's virt-api writes them (apimachinery's StatusError shapes), so
 * virtctl and kubectl print the message and map the code as they do against KubeVirt.
 */
export interface Status {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure";
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string };
  code: number;
}

export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
  get code(): number {
    return this.status.code;
  }
}

export const make = (code: number, reason: string, message: string, details?: Status["details"]): StatusError =>
  new StatusError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, ...(details ? { details } : {}), code });

/** A resource of kubevirt.io, named as apimachinery names it in messages: `virtualmachine.kubevirt.io "myvm"`. */
export type Kind = "virtualmachine" | "virtualmachineinstance";
const qualified = (kind: Kind, name: string): string => `${kind}.kubevirt.io "${name}"`;

export const notFound = (kind: Kind, name: string): StatusError =>
  make(404, "NotFound", `${qualified(kind, name)} not found`, { name, group: "kubevirt.io", kind });

export const conflict = (kind: Kind, name: string, why: string): StatusError =>
  make(409, "Conflict", `Operation cannot be fulfilled on ${qualified(kind, name)}: ${why}`, { name, group: "kubevirt.io", kind });

export const forbiddenOn = (kind: Kind, name: string, why: string): StatusError =>
  make(403, "Forbidden", `${qualified(kind, name)} is forbidden: ${why}`, { name, group: "kubevirt.io", kind });

export const badRequest = (message: string): StatusError => make(400, "BadRequest", message);

export const internal = (message: string): StatusError => make(500, "InternalError", `Internal error occurred: ${message}`);

export const notFoundPath = (path: string): StatusError => make(404, "NotFound", `the server could not find the requested resource (${path})`);

export const methodNotAllowed = (method: string, path: string): StatusError => make(405, "MethodNotAllowed", `${method} is not supported on ${path}`);

export const unauthorized = (why: string): StatusError => make(401, "Unauthorized", why);

/** The refusal after a SubjectAccessReview, worded as the API server words its own. */
export function forbidden(a: { user: string; verb: string; resource: string; subresource: string; name: string; namespace: string; reason?: string }): StatusError {
  const what = `${a.resource}/${a.subresource}`;
  const tail = a.reason ? `: ${a.reason}` : "";
  return make(
    403,
    "Forbidden",
    `${a.resource}.subresources.kubevirt.io "${a.name}" is forbidden: User "${a.user}" cannot ${a.verb} resource "${what}" in API group "subresources.kubevirt.io" in the namespace "${a.namespace}"${tail}`,
    { name: a.name, group: "subresources.kubevirt.io", kind: a.resource },
  );
}

/** A verb this server answers but does not implement yet: 501 with what to do instead. */
export const notSupported = (what: string, instead: string): StatusError => make(501, "NotImplemented", `${what} is not supported yet by kubevirt-ts: ${instead}`);
