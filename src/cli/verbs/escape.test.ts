import test from "ava";
import { splitAtEscape } from "./escape";

test("input before Ctrl+] goes to the guest, then the console is left", (t) => {
  t.deepEqual(splitAtEscape(Buffer.from("ls\n")), { forward: Buffer.from("ls\n"), leave: false });
  t.deepEqual(splitAtEscape(Buffer.from("ab\x1dcd")), { forward: Buffer.from("ab"), leave: true });
  t.deepEqual(splitAtEscape(Buffer.from("\x1d")), { forward: Buffer.alloc(0), leave: true });
});
