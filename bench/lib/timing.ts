/** Timing for the in-process benchmarks (caseload, admin, social map): runs after a warm-up, nearest-rank percentiles. */

export const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Nearest-rank percentiles and the mean, in milliseconds. */
export function summarize(timings: number[]) {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return {
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    meanMs: round(sorted.reduce((sum, v) => sum + v, 0) / sorted.length),
    runs: sorted.length,
  };
}

/** Each run's time of `fn` in milliseconds, after `warmup` untimed runs. */
export async function time(runs: number, fn: (run: number) => unknown, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    timings.push(performance.now() - start);
  }
  return timings;
}
