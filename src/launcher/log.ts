/** Structured log lines on stderr (JSON, one per line) tagged with the component and the VMI. No user data. */
export type Logger = (msg: string, fields?: Record<string, unknown>) => void;

export function jsonLogger(base: Record<string, unknown>, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  return (msg, fields) => write(JSON.stringify({ ts: new Date().toISOString(), component: "virt-launcher", ...base, ...fields, msg }) + "\n");
}
