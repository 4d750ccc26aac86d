/**
 * `kubectl virt create vm` against upstream virtctl v1.6.0's `create vm` (built by
 * hack/virtctl/build.sh, which npm test's pretest runs): the same flags must print the same
 * manifest, byte for byte, and the same error. Client side only: no cluster is needed (virtctl's
 * failed server-version probe on stderr is left out of the comparison).
 */
import test from "ava";
import { execFile } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "../../src/testing/temp-dir";

const root = resolve(__dirname, "../..");
const virtctl = join(root, ".local/bin/virtctl");
const ours = join(root, "bin/kubectl-virt.mjs");
const scratch = tempDir("create-vm-");
const passwordFile = join(scratch, "password");
writeFileSync(passwordFile, "s3cret\n");

const CASES: string[][] = [
  ["--name", "my-vm"],
  ["--name", "my-vm", "--instancetype", "u1.small", "--preference", "cirros", "--volume-containerdisk", "src:kubevirt/cirros-registry-disk-demo:devel"],
  ["--name", "my-vm", "--run-strategy", "manual", "--memory", "1Gi", "--termination-grace-period", "30"],
  ["--name", "my-vm", "--instancetype", "virtualmachineinstancetype/small", "--preference", "virtualmachinepreference/mine"],
  ["--name", "my-vm", "--volume-pvc", "src:my-pvc"],
  ["--name", "my-vm", "--volume-containerdisk", "src:img,name:root,bootorder:1", "--volume-pvc", "src:data,bootorder:2"],
  ["--name", "my-vm", "--user", "cirros", "--ssh-key", "ssh-ed25519 AAAA x@y", "--volume-containerdisk", "src:img"],
  ["--name", "my-vm", "--cloud-init", "configdrive", "--user", "fedora", "--password-file", passwordFile],
  ["-n", "other", "--name", "my-vm", "--ga-manage-ssh"],
  ["--name", "my-vm", "--run-strategy", "Sometimes"],
  ["--name", "my-vm", "--instancetype", "u1.small", "--memory", "1Gi"],
  ["--name", "my-vm", "--instancetype", "flavour/small"],
  ["--name", "my-vm", "--volume-containerdisk", "src:img,size:1Gi"],
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    // No kubeconfig: both clients must work offline.
    execFile(cmd, args, { cwd, env: { ...process.env, KUBECONFIG: join(scratch, "none") }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      done({ code, stdout, stderr: stderr.split("\n").filter((l) => !l.startsWith("dial tcp")).join("\n") });
    });
  });
}

test.before(() => {
  if (!existsSync(virtctl)) throw new Error(`${virtctl} is missing: build it with \`bash hack/virtctl/build.sh\` (npm test's pretest does)`);
});

for (const args of CASES) {
  test.serial(`create vm ${args.join(" ")}`, async (t) => {
    const [up, mine] = await Promise.all([run(virtctl, ["create", "vm", ...args], scratch), run("node", [ours, "create", "vm", ...args], root)]);
    t.is(mine.stdout, up.stdout);
    t.is(mine.stderr, up.stderr);
    t.is(mine.code, up.code);
  });
}
