import test from "ava";
import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConsoleLogRelay } from "./log-relay";

test("the relay appends the source's new bytes to the target, across a rotation, and drains on stop", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "relay-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const source = join(dir, "serial0.log");
  const target = join(dir, "console.log");
  writeFileSync(target, "earlier run\n");
  const relay = await ConsoleLogRelay.open(target, source);
  await relay.pump(); // no source yet: nothing to do
  writeFileSync(source, "line 1\n");
  await relay.pump();
  appendFileSync(source, "line 2\n");
  await relay.pump();
  appendFileSync(source, "line 3\n");
  renameSync(source, `${source}.0`); // a replaced file (as a rotation does): the old one keeps its last lines
  writeFileSync(source, "line 4\n");
  await relay.stop();
  t.is(readFileSync(target, "utf8"), "earlier run\nline 1\nline 2\nline 3\nline 4\n");
});

test("a target that cannot be opened fails with the flag's name", async (t) => {
  await t.throwsAsync(ConsoleLogRelay.open("/nonexistent-dir/console.log", "/tmp/x"), { message: /--console-log \/nonexistent-dir\/console.log: cannot open/ });
});
