import { PREVENTION_LINE_ID, PREVENTION_LINE_NAME, type Prevention } from '../formats/prevention';
import type { BudgetLineResult, FigureKind, LineResult } from './result';

/**
 * The inflow change of one prevention effect in one year, in percent (positive
 * = lower inflow): `inflowPctPer100k` × (extra budget of year y − lag) / 100.000,
 * limited to ±maxPct. Less budget (a negative amount) raises the inflow the same
 * way; a negative `inflowPctPer100k` (a measure that finds more need, e.g. early
 * detection) turns the sign: extra budget raises the inflow, still at most maxPct.
 * The effect lasts as long as the budget is spent: it is a level, not a
 * cumulative gain.
 */
export function preventionReductionPct(extraBudget: number, inflowPctPer100k: number, maxPct: number): number {
  const raw = (inflowPctPer100k * extraBudget) / 100_000;
  return raw > maxPct ? maxPct : raw < -maxPct ? -maxPct : raw;
}

/**
 * Per segment, the factor on its inflow path in each year (1 = no effect).
 * Several effects on one segment multiply. Applied to the segment's own inflow
 * before substitution.
 */
export function preventionFactors(prevention: Prevention | undefined, years: readonly number[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (!prevention) return out;
  for (const e of prevention.effects) {
    const factors = out.get(e.segment) ?? years.map(() => 1);
    for (let k = 0; k < years.length; k++) {
      const budget = prevention.extraBudget[String(years[k]! - e.lagYears)] ?? 0;
      factors[k] = factors[k]! * (1 - preventionReductionPct(budget, e.inflowPctPer100k, e.maxPct) / 100);
    }
    out.set(e.segment, factors);
  }
  return out;
}

/** The extra budget per year, as a cost line (0 where absent). */
export function preventionBudget(prevention: Prevention | undefined, years: readonly number[]): number[] {
  return years.map((y) => prevention?.extraBudget[String(y)] ?? 0);
}

/** The extra transformation budget as its own cost line, shared over the gemeenten by youth. */
export function preventionLine(
  prevention: Prevention,
  years: readonly number[],
  kinds: readonly FigureKind[],
): BudgetLineResult {
  const amounts = preventionBudget(prevention, years);
  return {
    id: PREVENTION_LINE_ID,
    name: prevention.name ?? PREVENTION_LINE_NAME,
    kind: 'budget',
    origin: 'prevention',
    ...(prevention.source !== undefined ? { source: prevention.source } : {}),
    years: years.map((year, k) => ({ year, kind: kinds[k]!, cost: amounts[k]! })),
  };
}

/** Records the inflow change in % on each affected volume line, so the figure is traceable. */
export function annotatePrevention(
  lines: readonly LineResult[],
  factors: ReadonlyMap<string, readonly number[]>,
): void {
  for (const line of lines) {
    const f = factors.get(line.id);
    if (!f || line.kind !== 'volume') continue;
    line.years.forEach((y, k) => {
      y.preventionPct = (1 - f[k]!) * 100;
    });
  }
}
