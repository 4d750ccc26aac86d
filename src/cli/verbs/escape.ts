/** The console's escape (pure): Ctrl+] is byte 0x1d, which terminals also send for Ctrl+5. */
export const ESCAPE = 0x1d;

/** What of a chunk of keyboard input goes to the guest, and whether the user asked to leave. */
export function splitAtEscape(chunk: Buffer): { forward: Buffer; leave: boolean } {
  const at = chunk.indexOf(ESCAPE);
  return at < 0 ? { forward: chunk, leave: false } : { forward: chunk.subarray(0, at), leave: true };
}
