/** Shared timing helpers for the benchmark suites. */

export interface BenchResult {
  median_ms: number;
  p95_ms: number;
  /** number of timed calls */
  runs?: number;
  /** target for the median, when there is one */
  target_ms?: number;
  [extra: string]: number | string | undefined;
}

export interface BenchSuite {
  name: string;
  run(): Promise<Record<string, BenchResult>>;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Times `fn` call by call after a warm-up (so the JIT has compiled it), and
 * returns median and p95 in milliseconds. Calls shorter than the timer's
 * resolution are timed in batches of `batch` and divided.
 */
export function timeCalls(
  fn: () => unknown,
  { warmup = 200, runs = 2000, batch = 1 }: { warmup?: number; runs?: number; batch?: number } = {},
): BenchResult {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const samples = new Array<number>(runs);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (let b = 0; b < batch; b++) sink = fn();
    samples[i] = (performance.now() - t0) / batch;
  }
  if (sink === Symbol.for('never')) console.log(sink); // keeps the calls from being optimised away
  samples.sort((a, b) => a - b);
  return { median_ms: quantile(samples, 0.5), p95_ms: quantile(samples, 0.95), runs: runs * batch };
}

/** timeCalls for asynchronous work (ExcelJS writes): each call awaited, then timed. */
export async function timeAsyncCalls(
  fn: () => Promise<unknown>,
  { warmup = 2, runs = 10 }: { warmup?: number; runs?: number } = {},
): Promise<BenchResult> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = new Array<number>(runs);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples[i] = performance.now() - t0;
  }
  samples.sort((a, b) => a - b);
  return { median_ms: quantile(samples, 0.5), p95_ms: quantile(samples, 0.95), runs };
}
