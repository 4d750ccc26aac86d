/**
 * A CLI run kept open (console, vnc, port-forward): its output collected, waits for a pattern with a
 * deadline, input written on demand, and its exit awaited. Both virtctl and kubectl virt run so.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

export class ClientProcess {
  stdout = "";
  stderr = "";
  readonly exited: Promise<number>;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly listeners = new Set<() => void>();

  constructor(cmd: string, args: string[]) {
    this.child = spawn(cmd, args, { stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (d: Buffer) => this.got(() => (this.stdout += d.toString("latin1"))));
    this.child.stderr.on("data", (d: Buffer) => this.got(() => (this.stderr += d.toString("latin1"))));
    this.child.stdin.on("error", () => undefined);
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 0)))).then((code) => {
      this.got(() => undefined);
      return code as number;
    });
  }

  /** Resolves with the match once stdout or stderr (as chosen) matches; rejects at the deadline or when the process ended without it. */
  waitFor(pattern: RegExp, what: string, timeoutMs = 120_000, stream: "stdout" | "stderr" | "both" = "both"): Promise<RegExpExecArray> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    return new Promise((resolve, reject) => {
      const text = (): string => (stream === "stdout" ? this.stdout : stream === "stderr" ? this.stderr : this.stdout + this.stderr);
      const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}; stdout: ${this.stdout.slice(-800)} stderr: ${this.stderr.slice(-800)}`)), timeoutMs);
      const check = (): void => {
        const m = pattern.exec(text());
        if (m) return done(undefined, m);
        if (exited) done(new Error(`the process ended without ${what}; stdout: ${this.stdout.slice(-800)} stderr: ${this.stderr.slice(-800)}`));
      };
      const done = (err?: Error, m?: RegExpExecArray): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        if (err) reject(err);
        else resolve(m!);
      };
      this.listeners.add(check);
      check();
    });
  }

  write(text: string | Buffer): void {
    this.child.stdin.write(text);
  }

  endInput(): void {
    this.child.stdin.end();
  }

  kill(signal: NodeJS.Signals = "SIGTERM"): void {
    this.child.kill(signal);
  }

  private got(update: () => void): void {
    update();
    for (const l of [...this.listeners]) l();
  }
}
