import test from "ava";
import { parseUserTarget, scpArgs, sshArgs } from "./ssh-args";

const o = { self: ["/usr/bin/node", "/opt/kubectl-virt.mjs"], port: 22, localOptions: ["-o", "StrictHostKeyChecking=no"] };

test("ssh: a ProxyCommand through port-forward --stdio, the guest as KIND.NAME.NAMESPACE", (t) => {
  const ut = parseUserTarget("cirros@vmi/myvm", "ns1");
  if ("problem" in ut) return t.fail(ut.problem);
  t.deepEqual(sshArgs(ut.user, ut.target, { ...o, identityFile: "/k" }, "uname -a"), [
    "-o", "ProxyCommand=/usr/bin/node /opt/kubectl-virt.mjs port-forward --stdio vmi/myvm/ns1 22",
    "-o", "StrictHostKeyChecking=no", "-i", "/k", "cirros@vmi.myvm.ns1", "uname -a",
  ]);
});

test("scp: exactly one remote side, mapped to the same host name", (t) => {
  t.deepEqual(scpArgs("./f", "root@vm/myvm/ns2:/tmp/f", "default", { ...o, kubeconfig: "/a b/kc", recursive: true }), [
    "-o", "ProxyCommand=/usr/bin/node /opt/kubectl-virt.mjs port-forward --stdio --kubeconfig '/a b/kc' vm/myvm/ns2 22",
    "-o", "StrictHostKeyChecking=no", "-r", "./f", "root@vm.myvm.ns2:/tmp/f",
  ]);
  t.regex((scpArgs("a", "b", "d", { ...o, recursive: false }) as { problem: string }).problem, /exactly one remote side/);
});
