import test from "ava";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { main } from "./main";
import { tempDir } from "../testing/temp-dir";

const seedPath = join(__dirname, "../../test/fixtures/seed/example-vm.yaml");
const bin = join(__dirname, "../../bin/kubectl-virt.mjs");
const dir = tempDir("kubectl-virt-");
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function run(args: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: s => out.push(s), err: s => err.push(s), readStdin: () => stdin });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const invalidVmi = `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: broken}
spec:
  domain:
    resources: {requests: {memory: 64Mi}}
    devices:
      disks:
      - name: root
        disk: {bus: virtio}
        cdrom: {bus: sata}
  volumes:
  - name: root
    containerDisk: {image: example/disk:v1}
`;

test("validate admits the seed and prints the admitted v1 object with -o yaml", t => {
  const { code, out } = run(["validate", "-f", seedPath, "-o", "yaml"]);
  t.is(code, 0);
  const vm = parse(out);
  t.is(vm.apiVersion, "kubevirt.io/v1");
  t.is(vm.spec.template.spec.domain.machine.type, "q35");
});

test("validate without -o prints one line per admitted object", t => {
  const { code, out } = run(["validate", "-f", seedPath]);
  t.is(code, 0);
  t.is(out, "virtualmachine.kubevirt.io/myvm admitted");
});

test("validate denies with field paths and exit code 1", t => {
  const { code, err } = run(["validate", "-f", write("bad.yaml", invalidVmi)]);
  t.is(code, 1);
  t.regex(err, /virtualmachineinstance.kubevirt.io\/broken is invalid/);
  t.regex(err, /spec\.domain\.devices\.disks\[0\]/);
});

test("several documents, from standard input, printed as a List with -o json", t => {
  const two = `${readFileSync(seedPath, "utf8")}\n---\n${readFileSync(seedPath, "utf8").replace("name: myvm", "name: other")}`;
  const { code, out } = run(["validate", "-f", "-", "-o", "json"], two);
  t.is(code, 0);
  const list = JSON.parse(out);
  t.is(list.kind, "List");
  t.deepEqual(list.items.map((i: any) => i.metadata.name), ["myvm", "other"]);
});

test("bad input gets a clear error, never a stack trace", t => {
  const cases: [string[], string, RegExp, number][] = [
    [["validate", "-f", join(dir, "missing.yaml")], "", /cannot read .*missing\.yaml: no such file/, 1],
    [["validate", "-f", write("empty.yaml", "")], "", /holds no object/, 1],
    [["validate", "-f", write("notyaml.yaml", "a: [b\n")], "", /is not valid YAML/, 1],
    [["validate", "-f", write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n")], "", /kind: must be one of/, 1],
    [["validate"], "", /validate needs -f FILE/, 2],
    [["validate", "-f", seedPath, "-o", "wide"], "", /-o must be yaml or json/, 2],
    [["frobnicate"], "", /unknown command "frobnicate"/, 2],
  ];
  for (const [args, stdin, message, expected] of cases) {
    const { code, err } = run(args, stdin);
    t.is(code, expected, args.join(" "));
    t.regex(err, message);
    t.notRegex(err, /\n\s+at /, "no stack trace");
  }
});

test("the installed bin runs as a process: exit codes and output", t => {
  const ok = execFileSync(bin, ["validate", "-f", "-", "-o", "yaml"], { input: readFileSync(seedPath) }).toString();
  t.is(parseAllDocuments(ok).length, 1);
  const denied = spawnSync(bin, ["validate", "-f", write("bad2.yaml", invalidVmi)]);
  t.is(denied.status, 1);
  t.regex(denied.stderr.toString(), /spec\.domain\.devices\.disks\[0\]/);
});

test("the bin works from any working directory, as a kubectl plugin on PATH is run", t => {
  const ok = spawnSync(bin, ["validate", "-f", seedPath], { cwd: tmpdir() });
  t.is(ok.status, 0, ok.stderr.toString());
  t.regex(ok.stdout.toString(), /admitted/);
});

test("usbredir answers that it is not supported yet, with exit 1 (as a refused call)", async t => {
  const err: string[] = [];
  t.is(await main(["usbredir", "vmi", "x"], { out: () => undefined, err: (s) => void err.push(s) }), 1);
  t.regex(err.join("\n"), /usbredir is not supported yet/);
});
