/**
 * Headline and uncertainty agree or explain (issue 11, item 6). Wherever one figure is shown — the saldo of the
 * end year and the cumulative saldo (Overzicht, slide 1, Excel Samenvatting) — the P10–P50–P90 of the same
 * scenario's Monte Carlo stands next to it; when the scenario's own figure lies outside P25–P75, a short Dutch
 * text says why: the ranges are asymmetric, and which of them pull the band to one side.
 *
 * Why it happens: every range is a triangle (low, the scenario's value, high). Its mean is (low + likely + high)/3,
 * so a range that reaches further on one side moves the draws' centre away from the scenario's value. For an
 * assumption whose effect on the saldo is close to linear, the shift of the mean saldo is
 * ((saldo at low − saldo) + (saldo at high − saldo)) / 3 — what `shift` computes from RangeSkew.
 */
import type { MonteCarloResult, RangeSkew } from './montecarlo';
import { formatEuroCompact, formatNumber } from '../locale/numbers';

export type HeadlineMetric = 'endYear' | 'cumulative';

export interface HeadlineBand {
  metric: HeadlineMetric;
  /** the end year (endYear) or the last year of the cumulative period */
  year: number;
  fromYear: number;
  /** the scenario's own figure */
  deterministic: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  /** where the scenario's figure lies against P25–P75 */
  position: 'below' | 'inside' | 'above';
}

export function headlineBand(mc: MonteCarloResult, metric: HeadlineMetric): HeadlineBand | undefined {
  const last = mc.years.at(-1);
  if (!last) return undefined;
  const first = mc.years[0]!;
  const p = metric === 'endYear' ? last.balance : last.cumulativeBalance;
  const q = metric === 'endYear' ? last.balanceQuartiles : last.cumulativeQuartiles;
  const deterministic =
    metric === 'endYear' ? last.deterministic.balance : mc.years.reduce((t, y) => t + y.deterministic.balance, 0);
  return {
    metric,
    year: last.year,
    fromYear: first.year,
    deterministic,
    p10: p.p10,
    p25: q.p25,
    p50: p.p50,
    p75: q.p75,
    p90: p.p90,
    position: deterministic < q.p25 ? 'below' : deterministic > q.p75 ? 'above' : 'inside',
  };
}

/** How far a range moves the mean of the saldo away from the scenario's figure (see the module comment). */
export function shift(skew: RangeSkew, metric: HeadlineMetric): number {
  const e = metric === 'endYear' ? skew.endYear : skew.cumulative;
  return (e.low + e.high) / 3;
}

/** The ranges that pull towards the band's side, largest first (at most `max`). */
export function pullingRanges(
  skews: readonly RangeSkew[],
  metric: HeadlineMetric,
  towards: 'down' | 'up',
  max = 3,
): { skew: RangeSkew; shift: number }[] {
  return skews
    .map((skew) => ({ skew, shift: shift(skew, metric) }))
    .filter((x) => (towards === 'down' ? x.shift < 0 : x.shift > 0))
    .sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift))
    .slice(0, max);
}

function describeRange(s: RangeSkew, effect: number): string {
  const side = s.high - s.likely > s.likely - s.low ? 'boven' : 'beneden';
  const values = [s.low, s.likely, s.high].map((x) => formatNumber(x, 2)).join(' – ');
  return `${s.label} reikt verder naar ${side} (${values}; gemiddeld ${formatEuroCompact(effect)} op het saldo)`;
}

/**
 * The explanation when the scenario's figure lies outside P25–P75, or undefined when it lies inside. Short: the
 * quartile it lies beyond, where the draws' middle (P50) lies, and the (at most two) ranges that pull the draws
 * to that side, each with the side it reaches further to and its effect on the mean saldo.
 */
export function explainHeadline(band: HeadlineBand, skews: readonly RangeSkew[]): string | undefined {
  if (band.position === 'inside') return undefined;
  const what = band.metric === 'endYear' ? `Het saldo ${band.year}` : `Het cumulatieve saldo`;
  const above = band.position === 'above';
  const head =
    `${what} van het scenario ligt ${above ? `boven P75 (${formatEuroCompact(band.p75)})` : `onder P25 (${formatEuroCompact(band.p25)})`}: ` +
    `de bandbreedtes zijn scheef, dus het midden van de trekkingen (P50 ${formatEuroCompact(band.p50)}) ligt ${above ? 'lager' : 'hoger'}.`;
  const pulling = pullingRanges(skews, band.metric, above ? 'down' : 'up', 2);
  if (pulling.length === 0)
    return `${head} Geen afzonderlijke bandbreedte springt eruit; samen wegen ze naar die kant.`;
  return `${head} Vooral: ${pulling.map(({ skew, shift: e }) => describeRange(skew, e)).join('; ')}.`;
}
