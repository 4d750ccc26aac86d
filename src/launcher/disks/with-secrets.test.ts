import test from "ava";
import type { VolumeSources } from "./sources";
import { withSecrets } from "./with-secrets";

const base = { secret: async (name: string) => ({ from: `base:${name}` }) } as unknown as VolumeSources;

test("a Secret sent with sync wins; others still come from the base sources", async (t) => {
  const s = withSecrets(base, { userdata: { userdata: "#cloud-config" } });
  t.deepEqual(await s.secret("userdata"), { userdata: "#cloud-config" });
  t.deepEqual(await s.secret("other"), { from: "base:other" });
});

test("no Secrets sent: the base sources unchanged", (t) => {
  t.is(withSecrets(base, undefined), base);
  t.is(withSecrets(base, {}), base);
});
