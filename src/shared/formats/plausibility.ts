/**
 * Plausibility warnings: values that are valid but far outside the model's own
 * range, so a typo (an extra zero) does not pass unnoticed. Not errors: the
 * value is applied, the field and the Overzicht ask "Klopt dit?" until the user
 * accepts. Pure: from the model, the scenario's paths and the result.
 *
 * - a tarief (price per unit), instroom or budget that becomes more than 10× or
 *   less than 1/10 of its base-year value (named at the first year it does);
 * - lasten in total above € 1 mld in a year (a region's youth care is tens of millions).
 */
import type { Model } from './model';
import type { SimulationResult } from '../engine/result';
import { formatEuroCents, formatEuroCompact, formatNumber } from '../format/numbers';

export const PLAUSIBLE_FACTOR = 10;
export const PLAUSIBLE_MAX_COST = 1e9;

export interface PlausibilityWarning {
  /** what accepting remembers: the field and the value, so a new value warns again */
  key: string;
  /** the field it concerns (a scenario path, or "totals.<year>") */
  path: string;
  /** Dutch, ends with the question */
  message: string;
}

function outside(value: number, base: number): 'high' | 'low' | undefined {
  if (!(base > 0) || !Number.isFinite(value)) return undefined;
  if (value > PLAUSIBLE_FACTOR * base) return 'high';
  if (value < base / PLAUSIBLE_FACTOR) return 'low';
  return undefined;
}

function ratioText(side: 'high' | 'low'): string {
  return side === 'high' ? `meer dan ${PLAUSIBLE_FACTOR}× ` : `minder dan 1/${PLAUSIBLE_FACTOR} van `;
}

export function plausibilityWarnings(model: Model, result: SimulationResult): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  const segments = new Map(model.segments.map((s) => [s.id, s]));
  for (const line of result.lines) {
    const seg = segments.get(line.id);
    if (!seg) continue;
    if (line.kind === 'volume' && seg.kind === 'volume') {
      const checks = [
        { field: 'priceIndexPct', what: 'tarief', base: seg.pricePerUnit, of: (y: (typeof line.years)[number]) => y.pricePerUnit, show: formatEuroCents },
        { field: 'inflowChangePct', what: 'instroom', base: seg.inflowPerYear, of: (y: (typeof line.years)[number]) => y.inflowBeforeSubstitution, show: (v: number) => formatNumber(v, 1) },
      ] as const;
      for (const c of checks) {
        for (const y of line.years.slice(1)) {
          const side = outside(c.of(y), c.base);
          if (!side) continue;
          const path = `assumptions.${seg.id}.${c.field}.${y.year}`;
          out.push({
            key: `${path}|${Math.round(c.of(y) * 100)}`,
            path,
            message: `${seg.name}, ${c.what} ${y.year}: ${c.show(c.of(y))} is ${ratioText(side)}de basis ${model.baseYear} (${c.show(c.base)}). Klopt dit?`,
          });
          break;
        }
      }
    } else if (line.kind === 'budget' && seg.kind === 'budget') {
      for (const y of line.years.slice(1)) {
        const side = outside(y.cost, seg.amount);
        if (!side) continue;
        const path = `assumptions.${seg.id}.amountChangePct.${y.year}`;
        out.push({
          key: `${path}|${Math.round(y.cost)}`,
          path,
          message: `${seg.name}, budget ${y.year}: ${formatEuroCompact(y.cost)} is ${ratioText(side)}de basis ${model.baseYear} (${formatEuroCompact(seg.amount)}). Klopt dit?`,
        });
        break;
      }
    }
  }
  const high = result.totals.find((t) => t.cost > PLAUSIBLE_MAX_COST);
  if (high) {
    out.push({
      key: `totals.${high.year}|${Math.round(high.cost / 1e6)}`,
      path: `totals.${high.year}`,
      message: `Lasten ${high.year}: ${formatEuroCompact(high.cost)}, meer dan ${formatEuroCompact(PLAUSIBLE_MAX_COST)} in één jaar. Klopt dit?`,
    });
  }
  return out;
}
