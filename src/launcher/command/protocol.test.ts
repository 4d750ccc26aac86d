import test from "ava";
import { PROTOCOL_VERSION, decodeRequest, encode, type ErrorCode } from "./protocol";

test("a valid request decodes", (t) => {
  t.deepEqual(decodeRequest(encode({ v: PROTOCOL_VERSION, id: 7, method: "pause" })), { v: 1, id: 7, method: "pause" });
});

const bad: Array<[string, string, ErrorCode]> = [
  ["not json", "{", "bad-request"],
  ["no id", JSON.stringify({ v: 1, method: "ping" }), "bad-request"],
  ["other version", JSON.stringify({ v: 2, id: 1, method: "ping" }), "unsupported-version"],
  ["unknown method", JSON.stringify({ v: 1, id: 1, method: "reboot" }), "unknown-method"],
  ["sync without a VMI", JSON.stringify({ v: 1, id: 1, method: "sync" }), "bad-request"],
];
for (const [title, line, code] of bad) {
  test(`rejected: ${title}`, (t) => {
    const r = decodeRequest(line);
    t.true("error" in r);
    if ("error" in r) t.is(r.error, code);
  });
}

test("messages are single lines", (t) => {
  t.regex(encode({ v: 1, event: { kind: "paused", domain: "d", detail: "x\ny", at: "now" } }), /^[^\n]*\n$/);
});

test("stream targets: console, vnc and a TCP port in range", (t) => {
  for (const params of [{ target: "console" }, { target: "vnc" }, { target: "tcp", port: 80 }]) {
    t.like(decodeRequest(JSON.stringify({ v: 1, id: 1, method: "stream", params })), { method: "stream", params });
  }
  for (const params of [undefined, { target: "ssh" }, { target: "tcp" }, { target: "tcp", port: 0 }, { target: "tcp", port: 70000 }, { target: "tcp", port: "80" }]) {
    const r = decodeRequest(JSON.stringify({ v: 1, id: 1, method: "stream", params }));
    t.like(r, { error: "bad-request", id: 1 }, JSON.stringify(params));
  }
});
