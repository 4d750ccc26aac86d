/** virt-controller's log: one JSON line per message, with the error's message when there is one. */
export function controllerLog(message: string, err?: unknown): void {
  const line: Record<string, unknown> = { time: new Date().toISOString(), component: "virt-controller", msg: message };
  if (err !== undefined) line.error = err instanceof Error ? err.message : String((err as { message?: string })?.message ?? err);
  process.stdout.write(JSON.stringify(line) + "\n");
}
