import test from "ava";
import { histogramQuantile, readHistogram } from "./histogram";

const scrape = [
  '# TYPE h histogram',
  'h_bucket{le="10",phase="Running"} 0',
  'h_bucket{le="20",phase="Running"} 4',
  'h_bucket{le="40",phase="Running"} 8',
  'h_bucket{le="+Inf",phase="Running"} 10',
  'h_bucket{le="10",phase="Pending"} 3',
  'h_count{phase="Running"} 10',
].join("\n");

test("buckets of one label set, in order", (t) => {
  t.deepEqual(readHistogram(scrape, "h", { phase: "Running" }).map((b) => b.le), [10, 20, 40, Infinity]);
  t.deepEqual(readHistogram(scrape, "h", { phase: "Gone" }), []);
});

test("quantiles interpolate within the bucket, as histogram_quantile", (t) => {
  const b = readHistogram(scrape, "h", { phase: "Running" });
  t.is(histogramQuantile(b, 0.2), 15);
  t.is(histogramQuantile(b, 0.5), 25);
  t.is(histogramQuantile(b, 0.95), 40);
  t.true(Number.isNaN(histogramQuantile([], 0.5)));
});
