/*
 * Kubernetes name formats (RFC 1123), checked the way the API server checks them, returning the
 * reasons a name fails rather than a boolean so messages can say what to change.
 */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const DNS_LABEL_MAX = 63;
export const DNS_SUBDOMAIN_MAX = 253;

export function dnsLabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > DNS_LABEL_MAX) errors.push(`must be no more than ${DNS_LABEL_MAX} characters`);
  if (!DNS_LABEL.test(value)) {
    errors.push("must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc')");
  }
  return errors;
}

export function dnsSubdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > DNS_SUBDOMAIN_MAX) errors.push(`must be no more than ${DNS_SUBDOMAIN_MAX} characters`);
  if (!DNS_SUBDOMAIN.test(value)) {
    errors.push("must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')");
  }
  return errors;
}

/** An absolute, normalised path inside an image: no `.`/`..` segments, no `//`, not the root itself. */
export function absolutePathError(value: string): string | undefined {
  if (value === "/") return "must not point to the root directory; name the file, for example /disk/disk.img";
  const trimmed = value.endsWith("/") ? value.slice(0, -1) : value;
  const segments = trimmed.split("/").slice(1);
  const clean = trimmed.startsWith("/") && segments.every(s => s !== "" && s !== "." && s !== "..");
  return clean ? undefined : "must be an absolute path to a file without relative components ('.', '..') or empty segments, for example /disk/disk.img";
}
