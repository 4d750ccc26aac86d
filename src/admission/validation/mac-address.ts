/*
 * MAC addresses in the notations Go's net.ParseMAC reads (as KubeVirt does): colon or dash
 * separated octets, or dotted groups of four hex digits. Only 6-octet (EUI-48) addresses fit a NIC.
 */
const SEPARATED = /^[0-9a-fA-F]{2}(?:([:-])[0-9a-fA-F]{2})*$/;
const DOTTED = /^[0-9a-fA-F]{4}(?:\.[0-9a-fA-F]{4})*$/;
const GO_LENGTHS = [6, 8, 20];

/** The address's octets, or undefined when it is not in a notation Go accepts. */
export function parseMac(value: string): number[] | undefined {
  let hex: string | undefined;
  if (SEPARATED.test(value)) {
    const separator = value[2];
    if (value.length > 2 && value.split(separator).some(part => part.length !== 2)) return undefined;
    hex = value.replace(/[:-]/g, "");
  } else if (DOTTED.test(value)) {
    hex = value.replace(/\./g, "");
  }
  if (hex === undefined) return undefined;
  const octets = hex.match(/../g)?.map(h => parseInt(h, 16)) ?? [];
  return GO_LENGTHS.includes(octets.length) ? octets : undefined;
}

/** Canonical lower-case colon form of 6 octets. */
export function formatMac(octets: readonly number[]): string {
  return octets.map(o => o.toString(16).padStart(2, "0")).join(":");
}

/** The masquerade binding's in-pod bridge uses this address; a guest NIC may not. */
export const RESERVED_MASQUERADE_MAC = "02:00:00:00:00:00";

/** A multicast address (least significant bit of the first octet) cannot be a NIC's own address. */
export function isMulticast(octets: readonly number[]): boolean {
  return (octets[0] & 1) === 1;
}
