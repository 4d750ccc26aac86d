import test from "ava";
import { parseRunArgs, parseStandaloneArgs } from "./args";

test("flags", (t) => {
  t.deepEqual(parseStandaloneArgs(["-f", "vm.yaml", "--pvc-dir", "/p", "--console-log", "/c.log", "--virt-type", "qemu", "--feature-gates", "HostDisk"]), {
    manifest: "vm.yaml", pvcDir: "/p", consoleLog: "/c.log", virtType: "qemu", featureGates: ["HostDisk"], taps: {}, isolation: "namespaces",
  });
});

const bad: Array<[string, string[]]> = [
  ["no manifest", ["--pvc-dir", "/p"]],
  ["unknown flag", ["-f", "x", "--net", "user"]],
  ["missing value", ["-f"]],
  ["bad virt type", ["-f", "x", "--virt-type", "xen"]],
];
for (const [title, argv] of bad) test(`rejected: ${title}`, (t) => void t.throws(() => parseStandaloneArgs(argv), { message: /usage: virt-launcher/ }));

test("run (pod mode) needs a workdir and a socket and takes no manifest", (t) => {
  t.like(parseRunArgs(["--workdir", "/w", "--socket", "/s/l.sock"]), { workdir: "/w", socket: "/s/l.sock", virtType: "auto" });
  t.throws(() => parseRunArgs(["--workdir", "/w"]), { message: /needs --workdir and --socket/ });
  t.throws(() => parseRunArgs(["-f", "x", "--workdir", "/w", "--socket", "/s"]), { message: /not -f/ });
});
