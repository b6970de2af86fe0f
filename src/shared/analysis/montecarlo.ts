/**
 * Monte Carlo: how sure are we? Every assumption with a range is drawn from
 * its triangular distribution (low, the scenario's value, high), N times with
 * a seeded generator: independently, except ranges with the same `link`, which
 * share one uniform number per draw (each through its own triangle); per year the 10th, 50th and 90th percentile
 * of lasten, baten and saldo, and the share of draws with a tekort.
 *
 * Pure and chunked, for a Web Worker: `monteCarloSteps` is a generator that
 * yields progress after each chunk, `runMonteCarlo` drives it asynchronously
 * with progress and cancellation, `runMonteCarloSync` runs it at once (CLI,
 * Excel export). The result does not depend on the chunk size.
 */
import type { Model } from '../formats/model';
import type { Scenario } from '../formats/scenario';
import { simulate } from '../engine/simulate';
import { ENGINE_VERSION } from '../engine/version';
import { compileLean } from './lean';
import { applyParameters, drawSlots, listParameters, type Parameter } from './parameters';
import { DEFAULT_SEED, createRandom, isValidSeed, triangular, type Random } from './random';

export const DEFAULT_DRAWS = 2000;
export const MAX_DRAWS = 50_000;

export interface MonteCarloInput {
  model: Model;
  scenario: Scenario;
  /** number of draws, 1..50.000; default 2.000 */
  draws?: number;
  /** 0..2^32−1; default DEFAULT_SEED */
  seed?: number;
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

/** The 25th and 75th percentile: a headline outside them gets an explanation (analysis/headline.ts). */
export interface Quartiles {
  p25: number;
  p75: number;
}

export interface YearBand {
  year: number;
  cost: Percentiles;
  funding: Percentiles;
  balance: Percentiles;
  balanceQuartiles: Quartiles;
  /** saldo summed from baseYear up to and including this year */
  cumulativeBalance: Percentiles;
  cumulativeQuartiles: Quartiles;
  /** share of the draws with saldo < 0 in this year, 0..1 */
  deficitProbability: number;
  /** the scenario's own result, for comparison */
  deterministic: { cost: number; funding: number; balance: number };
}

export interface MonteCarloResult {
  seed: number;
  draws: number;
  engineVersion: string;
  /** the assumptions that were drawn (those with a range), in draw order */
  parameters: Parameter[];
  years: YearBand[];
  /**
   * Per range (a link group as one): the saldo of the end year and the cumulative saldo with it at its low and at
   * its high, everything else as in the scenario. Says which asymmetric ranges pull the band away from the
   * scenario's own figure (analysis/headline.ts).
   */
  skews: RangeSkew[];
}

export interface RangeSkew {
  key: string;
  label: string;
  low: number;
  likely: number;
  high: number;
  /** saldo endYear and cumulative saldo at low and at high, minus the scenario's own */
  endYear: { low: number; high: number };
  cumulative: { low: number; high: number };
}

export interface MonteCarloProgress {
  done: number;
  total: number;
}

/** Checks draws and seed; a Dutch message naming the value, or undefined when fine. */
export function checkMonteCarloOptions(draws: unknown, seed: unknown): string | undefined {
  if (
    draws !== undefined &&
    !(typeof draws === 'number' && Number.isInteger(draws) && draws >= 1 && draws <= MAX_DRAWS)
  ) {
    return `aantal trekkingen: ${String(draws)} is geen heel getal van 1 tot 50.000`;
  }
  if (seed !== undefined && !isValidSeed(seed))
    return `seed: ${String(seed)} is geen heel getal van 0 tot 4.294.967.295`;
  return undefined;
}

/** The generator behind every way of running: yields after each chunk of draws. */
export function* monteCarloSteps(
  input: MonteCarloInput,
  chunkSize = 500,
): Generator<MonteCarloProgress, MonteCarloResult, void> {
  const problem = checkMonteCarloOptions(input.draws, input.seed);
  if (problem) throw new RangeError(problem);
  const draws = input.draws ?? DEFAULT_DRAWS;
  const seed = input.seed ?? DEFAULT_SEED;
  const { model, scenario } = input;
  const params = listParameters(model, scenario);
  // The lean path knows no realisatie: a model with realised years draws through simulate itself
  // (slower, about 0,2–0,5 ms a draw, but the realised years stay exact and the raming starts from R).
  const lean = model.realisatie ? undefined : compileLean(model, scenario, params);
  const exact = lean ? undefined : { model, scenario, ...withoutRealisatie(model) };
  const n = lean ? lean.years : model.endYear - model.baseYear + 1;
  const random = createRandom(seed);

  // Draw-major storage: cost[d * n + k].
  const cost = new Float64Array(draws * n);
  const funding = new Float64Array(draws * n);
  const { slot, slots } = drawSlots(params);
  const state: DrawState = {
    lean,
    exact,
    params,
    slot,
    u: new Float64Array(slots),
    values: new Float64Array(params.length),
    random,
    cost,
    funding,
    yearCost: new Float64Array(n),
    yearFunding: new Float64Array(n),
  };
  const step = Math.max(1, Math.floor(chunkSize));
  for (let done = 0; done < draws;) {
    const to = Math.min(draws, done + step);
    drawRange(state, done, to);
    done = to;
    if (done < draws) yield { done, total: draws };
  }

  const det = simulate(model, scenario, { perGemeente: false });
  const column = new Float64Array(draws);
  const cumulative = new Float64Array(draws);
  const years: YearBand[] = det.years.map((year, k) => {
    const pick = (source: Float64Array) => {
      for (let d = 0; d < draws; d++) column[d] = source[d * n + k]!;
      return percentiles(column);
    };
    const costP = pick(cost);
    const fundingP = pick(funding);
    let deficits = 0;
    for (let d = 0; d < draws; d++) {
      const balance = funding[d * n + k]! - cost[d * n + k]!;
      column[d] = balance;
      cumulative[d] = (k === 0 ? 0 : cumulative[d]!) + balance;
      if (balance < 0) deficits++;
    }
    const balanceP = percentiles(column); // sorts column
    const balanceQuartiles = quartiles(column);
    const cumulativeSorted = cumulative.slice();
    const cumulativeP = percentiles(cumulativeSorted);
    const t = det.totals[k]!;
    return {
      year,
      cost: costP,
      funding: fundingP,
      balance: balanceP,
      balanceQuartiles,
      cumulativeBalance: cumulativeP,
      cumulativeQuartiles: quartiles(cumulativeSorted),
      deficitProbability: deficits / draws,
      deterministic: { cost: t.cost, funding: t.funding, balance: t.balance },
    };
  });
  return {
    seed,
    draws,
    engineVersion: ENGINE_VERSION,
    parameters: params,
    years,
    skews: rangeSkews(model, scenario, params, det.totals),
  };
}

/** Each range (a link group together) to its low and to its high: the saldo effects (see RangeSkew). */
export function rangeSkews(
  model: Model,
  scenario: Scenario,
  params: readonly Parameter[],
  baseTotals: readonly { balance: number }[],
): RangeSkew[] {
  const baseEnd = baseTotals.at(-1)?.balance ?? 0;
  const baseCum = baseTotals.reduce((t, x) => t + x.balance, 0);
  const groups: Parameter[][] = [];
  const byLink = new Map<string, Parameter[]>();
  for (const p of params) {
    if (p.link === undefined) groups.push([p]);
    else if (byLink.has(p.link)) byLink.get(p.link)!.push(p);
    else {
      const g = [p];
      byLink.set(p.link, g);
      groups.push(g);
    }
  }
  return groups.map((members) => {
    const at = (side: 'low' | 'high') => {
      const applied = applyParameters(
        model,
        scenario,
        members,
        members.map((m) => m[side]),
      );
      // with the scale of the Rijksmaatregelen and bekende ontwikkelingen: their ranges are factors on the amount
      const totals = simulate(applied.model, applied.scenario, { perGemeente: false, scale: applied.scale }).totals;
      return { end: totals.at(-1)!.balance - baseEnd, cum: totals.reduce((t, x) => t + x.balance, 0) - baseCum };
    };
    const lo = at('low');
    const hi = at('high');
    const first = members[0]!;
    return {
      key: members.length === 1 ? first.key : `links.${first.link!}`,
      label: members.length === 1 ? first.label : `${first.link!} (gekoppeld: ${members.length} aannames)`,
      low: first.low,
      likely: first.likely,
      high: first.high,
      endYear: { low: lo.end, high: hi.end },
      cumulative: { low: lo.cum, high: hi.cum },
    };
  });
}

interface DrawState {
  lean: ReturnType<typeof compileLean> | undefined;
  /** set instead of lean for a model with realisatie */
  exact: { model: Model; scenario: Scenario; rest: Model; realisatie: Model['realisatie'] } | undefined;
  params: readonly Parameter[];
  /** parameter i uses u[slot[i]] (see drawSlots) */
  slot: Int32Array;
  u: Float64Array;
  /** the drawn value of each parameter in the current draw */
  values: Float64Array;
  random: ReturnType<typeof createRandom>;
  cost: Float64Array;
  funding: Float64Array;
  yearCost: Float64Array;
  yearFunding: Float64Array;
}

/** Draws from..to−1 (a plain function: V8 optimises it better than a loop inside a generator). */
function drawRange(s: DrawState, from: number, to: number): void {
  const { lean, params, slot, u, values, random, yearCost, yearFunding } = s;
  if (!lean) return drawRangeExact(s, from, to);
  const n = lean.years;
  for (let d = from; d < to; d++) {
    lean.reset();
    drawValues(params, slot, u, random, values);
    for (let i = 0; i < params.length; i++) lean.setters[i]!(values[i]!);
    lean.run(yearCost, yearFunding);
    s.cost.set(yearCost, d * n);
    s.funding.set(yearFunding, d * n);
  }
}

function withoutRealisatie(model: Model): { rest: Model; realisatie: Model['realisatie'] } {
  const { realisatie, ...rest } = model;
  return { rest, realisatie };
}

/** Draws from..to−1 through applyParameters and simulate: the same draws, for a model with realisatie. */
function drawRangeExact(s: DrawState, from: number, to: number): void {
  const { exact, params, slot, u, values, random, yearCost, yearFunding } = s;
  const n = yearCost.length;
  for (let d = from; d < to; d++) {
    drawValues(params, slot, u, random, values);
    // no parameter touches the realisatie: it is left out of applyParameters' copy and put back
    const applied = applyParameters(exact!.rest, exact!.scenario, params, Array.from(values));
    const r = simulate({ ...applied.model, realisatie: exact!.realisatie }, applied.scenario, {
      perGemeente: false,
      scale: applied.scale,
    });
    for (let k = 0; k < n; k++) {
      yearCost[k] = r.totals[k]!.cost;
      yearFunding[k] = r.totals[k]!.funding;
    }
    s.cost.set(yearCost, d * n);
    s.funding.set(yearFunding, d * n);
  }
}

/**
 * One draw: a uniform u per slot (in slot order: without links one per
 * parameter, in parameter order), then each parameter's value through its
 * own triangle at the u of its slot. `u` and `values` are filled in place.
 */
export function drawValues(
  params: readonly Parameter[],
  slot: Int32Array,
  u: Float64Array,
  random: Random,
  values: Float64Array,
): void {
  for (let j = 0; j < u.length; j++) u[j] = random.next();
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    values[i] = triangular(u[slot[i]!]!, p.low, p.likely, p.high);
  }
}

/** The values Monte Carlo draws for `params` (draw-major: `[draw][parameter]`); for tests and checks. */
export function sampleParameters(
  params: readonly Parameter[],
  draws: number,
  seed: number = DEFAULT_SEED,
): Float64Array[] {
  const { slot, slots } = drawSlots(params);
  const random = createRandom(seed);
  const u = new Float64Array(slots);
  return Array.from({ length: draws }, () => {
    const values = new Float64Array(params.length);
    drawValues(params, slot, u, random, values);
    return values;
  });
}

export function runMonteCarloSync(input: MonteCarloInput): MonteCarloResult {
  const it = monteCarloSteps(input, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

export interface RunOptions {
  onProgress?: (progress: MonteCarloProgress) => void;
  /** cancels the run: the promise rejects with the signal's reason (an AbortError) */
  signal?: AbortSignal;
  /** draws between progress reports and yields to the event loop; default 500 */
  chunkSize?: number;
}

/** Runs in chunks, giving the event loop (and a Web Worker's message handler) room between them. */
export async function runMonteCarlo(input: MonteCarloInput, options: RunOptions = {}): Promise<MonteCarloResult> {
  const it = monteCarloSteps(input, options.chunkSize ?? 500);
  for (;;) {
    options.signal?.throwIfAborted();
    const r = it.next();
    if (r.done) {
      options.onProgress?.({ done: r.value.draws, total: r.value.draws });
      return r.value;
    }
    options.onProgress?.(r.value);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/** P10/P50/P90 with linear interpolation between order statistics (sorts `values` in place). */
export function percentiles(values: Float64Array): Percentiles {
  values.sort();
  return { p10: quantile(values, 0.1), p50: quantile(values, 0.5), p90: quantile(values, 0.9) };
}

/** P25/P75 of values already sorted (by percentiles). */
function quartiles(sorted: Float64Array): Quartiles {
  return { p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75) };
}

function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a === b ? a : a + (h - lo) * (b - a);
}
