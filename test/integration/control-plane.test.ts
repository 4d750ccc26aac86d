/**
 * The control plane itself: the pinned upstream version, the namespace's address as the API
 * server's advertised endpoint, and a namespace with no way out of this machine.
 */
import test from "ava";
import { execFileSync } from "node:child_process";
import { kubectlOk, requireCluster } from "./kube";

const instance = Number(process.env.KVTS_INSTANCE ?? "0");
const netns = instance === 0 ? "kubevirt-ts" : `kubevirt-ts${instance}`;
const nodeIp = `10.201.${instance}.2`;

test.before(async () => {
  await requireCluster();
});

test("the API server is upstream v1.34.4", async t => {
  const version = JSON.parse(await kubectlOk(["get", "--raw", "/version"])) as { gitVersion: string };
  t.is(version.gitVersion, "v1.34.4");
});

test("the kubernetes Service points at the namespace's address", async t => {
  const ips = await kubectlOk(["get", "endpointslices", "-n", "default", "-l", "kubernetes.io/service-name=kubernetes",
    "-o", "jsonpath={.items[*].endpoints[*].addresses[*]}"]);
  t.is(ips.trim(), nodeIp);
});

test("the cluster's network namespace has no default route", t => {
  for (const family of ["-4", "-6"]) {
    const routes = execFileSync("ip", ["netns", "exec", netns, "ip", family, "route", "show", "default"], {
      encoding: "utf8",
      timeout: 10_000,
    });
    t.is(routes.trim(), "", `ip ${family} route in ${netns}`);
  }
});
