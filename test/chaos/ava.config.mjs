// `npm run test:chaos`: the chaos suite alone, one file at a time (it kills shared components).
import base from "../../package.json" with { type: "json" };

export default { ...base.ava, files: ["test/chaos/**/*.test.ts"], concurrency: 1, timeout: "10m" };
