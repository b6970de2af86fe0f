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
import { formatEuroCents, formatEuroCompact, formatNumber } from '../locale/numbers';

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
        {
          field: 'priceIndexPct',
          what: 'tarief',
          base: seg.pricePerUnit,
          of: (y: (typeof line.years)[number]) => y.pricePerUnit,
          show: formatEuroCents,
        },
        {
          field: 'inflowChangePct',
          what: 'instroom',
          base: seg.inflowPerYear,
          of: (y: (typeof line.years)[number]) => y.inflowBeforeSubstitution,
          show: (v: number) => formatNumber(v, 1),
        },
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

/** Base-model figures checked against the value they replaced (the model has no other base for them). */
export const MODEL_CHECKED_FIELDS = ['inflowPerYear', 'pricePerUnit', 'amount'] as const;
type CheckedField = (typeof MODEL_CHECKED_FIELDS)[number];

const MODEL_FIELD_NAMES: Record<CheckedField, string> = {
  inflowPerYear: 'instroom per jaar',
  pricePerUnit: 'prijs per eenheid',
  amount: 'bedrag',
};

function fieldValue(model: Model, segmentId: string, field: CheckedField): number | undefined {
  const seg = model.segments.find((s) => s.id === segmentId) as Record<string, unknown> | undefined;
  const v = seg?.[field];
  return typeof v === 'number' ? v : undefined;
}

/** `segments.<id>.<field>` */
export function modelCheckKey(segmentId: string, field: CheckedField): string {
  return `segments.${segmentId}.${field}`;
}

/**
 * Remembers, for every checked base-model figure an edit changes for the first
 * time, the value it had before (its base for the warning). Returns the same
 * object when nothing new is to be remembered.
 */
export function trackModelBases(
  before: Model,
  after: Model,
  bases: Readonly<Record<string, number>>,
): Record<string, number> {
  let next: Record<string, number> | undefined;
  for (const seg of after.segments) {
    for (const field of MODEL_CHECKED_FIELDS) {
      const key = modelCheckKey(seg.id, field);
      if (key in bases || (next && key in next)) continue;
      const was = fieldValue(before, seg.id, field);
      const now = fieldValue(after, seg.id, field);
      if (was === undefined || now === undefined || was === now) continue;
      next ??= { ...bases };
      next[key] = was;
    }
  }
  return next ?? (bases as Record<string, number>);
}

/** A base-model figure more than 10× or less than 1/10 of the value it replaced. */
export function modelChangeWarnings(model: Model, bases: Readonly<Record<string, number>>): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  model.segments.forEach((seg, i) => {
    for (const field of MODEL_CHECKED_FIELDS) {
      const key = modelCheckKey(seg.id, field);
      const base = bases[key];
      const now = fieldValue(model, seg.id, field);
      if (base === undefined || now === undefined) continue;
      const side = outside(now, base);
      if (!side) continue;
      const show =
        field === 'inflowPerYear'
          ? (v: number) => formatNumber(v, 1)
          : field === 'pricePerUnit'
            ? formatEuroCents
            : formatEuroCompact;
      out.push({
        key: `${key}|${Math.round(now * 100)}`,
        path: `segments[${i}].${field}`,
        message: `${seg.name}, ${MODEL_FIELD_NAMES[field]}: ${show(now)} is ${ratioText(side)}de vorige waarde (${show(base)}). Klopt dit?`,
      });
    }
  });
  return out;
}
