import test from "ava";
import { rssByName } from "./launcher-procs";

test("rssByName sums processes of one name and lists the largest first", (t) => {
  const procs = [
    { pid: 1, ppid: 0, comm: "node", rssKiB: 100 },
    { pid: 2, ppid: 1, comm: "libvirtd", rssKiB: 300 },
    { pid: 3, ppid: 1, comm: "node", rssKiB: 250 },
  ];
  t.deepEqual(Object.entries(rssByName(procs)), [["node", 350], ["libvirtd", 300]]);
});
