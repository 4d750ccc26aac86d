// `npm run test:chaos`: the chaos suite alone, one file at a time (it kills shared components).
// Its short mode (the default, run by `npm test` and CI) kills the platform's pods and a VM's own
// processes; `npm run test:chaos:full` (CHAOS_FULL=1) adds the control plane's processes
// (kube-apiserver, etcd, the kubelet, admission), each followed by `npm start`.
import base from "../../package.json" with { type: "json" };

const full = process.env.CHAOS_FULL === "1";
const files = ["test/chaos/**/*.test.ts", ...(full ? [] : ["!test/chaos/control-plane.test.ts"])];

export default { ...base.ava, files, concurrency: 1, timeout: "10m" };
