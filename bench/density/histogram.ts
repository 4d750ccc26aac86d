/**
 * A Prometheus histogram read from a scrape, and its quantiles estimated as PromQL's
 * histogram_quantile does (linear within the bucket that holds the rank). Lets the benchmark
 * quote the figures KubeVirt's own dashboards would show for the same run.
 */
export interface Bucket {
  le: number;
  count: number;
}

/** The cumulative buckets of `name` whose labels include `labels` (exact matches), sorted by le. */
export function readHistogram(text: string, name: string, labels: Record<string, string>): Bucket[] {
  const buckets: Bucket[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}_bucket{`)) continue;
    const m = /^[^{]+\{([^}]*)\} ([0-9.e+-]+|\+Inf)$/.exec(line);
    if (!m) continue;
    const found = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).some(([k, v]) => found[k] !== v)) continue;
    buckets.push({ le: found.le === "+Inf" ? Infinity : Number(found.le), count: Number(m[2]) });
  }
  return buckets.sort((a, b) => a.le - b.le);
}

/** histogram_quantile(q, buckets); NaN when the histogram is empty. */
export function histogramQuantile(buckets: Bucket[], q: number): number {
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  let lowerLe = 0;
  let lowerCount = 0;
  for (const b of buckets) {
    if (b.count >= rank) {
      // PromQL answers the last finite bound when the rank falls in +Inf.
      if (b.le === Infinity) return lowerLe;
      return lowerLe + ((b.le - lowerLe) * (rank - lowerCount)) / (b.count - lowerCount || 1);
    }
    lowerLe = b.le;
    lowerCount = b.count;
  }
  return lowerLe;
}
