/** The node agent's structured log: one JSON object per line on stderr. Never Secret contents or user data. */
export type Logger = (msg: string, fields?: Record<string, unknown>) => void;

export function handlerLogger(base: Record<string, unknown>, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  return (msg, fields) => write(JSON.stringify({ ts: new Date().toISOString(), component: "virt-handler", ...base, ...fields, msg }) + "\n");
}

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : JSON.stringify(err));
