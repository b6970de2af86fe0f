import type { Model } from '../formats/model';
import type { Scenario } from '../formats/scenario';
import type { KnownChange } from '../formats/knownChanges';
import type { BudgetLineResult, FigureKind, KnownChangeResult, LineResult } from './result';

/**
 * Bekende ontwikkelingen (docs/formats.md, "Bekende ontwikkelingen"): each change a scenario
 * switches on is its own line — a lasten line among the result's lines, or a baten line next
 * to the Rijksmaatregelen. In year k (f = the Monte Carlo's factor, 1 otherwise):
 *
 *   regional_k = f·A_k + Σ_g f·P_g,k + (f·pct/100)·S_k
 *
 * A_k the regional amount, P_g,k the amount of gemeente g (a structureel change keeps its last
 * listed amount in later years, an incidentele only its listed years), S_k the lasten of the
 * pctOfSegments segments in k (from fromYear on). Zero in realised years: the realised figures
 * already contain the change (lasten: year ≤ R; baten: a year with realised Rijksmiddelen).
 */

export const KNOWN_CHANGE_LINE_PREFIX = 'bekend:';
/** The group of the lasten lines of known changes (charts and tables group lines by it). */
export const KNOWN_CHANGES_GROUP = 'Bekende ontwikkelingen';

/** The line id of a lasten known change (ids of segments cannot contain ':', so never the same). */
export function knownChangeLineId(id: string): string {
  return `${KNOWN_CHANGE_LINE_PREFIX}${id}`;
}

/** The amounts of a year map per year: listed, or for structureel the last earlier listed amount. */
export function amountPath(
  map: Readonly<Record<string, number>> | undefined,
  structural: boolean,
  years: readonly number[],
): number[] {
  const out = new Array<number>(years.length).fill(0);
  if (!map) return out;
  let last = 0;
  let seen = false;
  // a structureel amount listed before the model's first year still carries in
  const earlier = Object.keys(map)
    .map(Number)
    .filter((y) => y < years[0]!)
    .sort((a, b) => a - b);
  if (structural && earlier.length > 0) {
    last = map[String(earlier[earlier.length - 1])]!;
    seen = true;
  }
  for (let k = 0; k < years.length; k++) {
    const own = map[String(years[k])];
    if (own !== undefined) {
      out[k] = own;
      last = own;
      seen = true;
    } else if (structural && seen) out[k] = last;
  }
  return out;
}

/** The changes of the model a scenario switches on, in model order. */
export function switchedOn(model: Model, scenario: Scenario): KnownChange[] {
  const on = scenario.knownChanges;
  if (!on || !model.knownChanges) return [];
  return model.knownChanges.filter((c) => on[c.id] === true);
}

/** Whether year index k of a side is realised (the change is then in the realised figure). */
export interface RealisedYears {
  lasten: (k: number) => boolean;
  baten: (k: number) => boolean;
}

/**
 * The switched-on changes' results, before the lasten lines are in: the fixed parts (amount and
 * per gemeente) and the pct factor per year. `finishKnownChanges` adds the formula part once the
 * segments' lines are known.
 */
export function knownChangeParts(
  model: Model,
  scenario: Scenario,
  years: readonly number[],
  realised: RealisedYears,
  factors?: Readonly<Record<string, number>>,
): KnownChangeResult[] {
  const segIndex = new Map(model.segments.map((s, i) => [s.id, i]));
  return switchedOn(model, scenario).map((c) => {
    const f = factors?.[c.id] ?? 1;
    const structural = c.kind === 'structureel';
    const isRealised = c.side === 'lasten' ? realised.lasten : realised.baten;
    const regional = amountPath(c.amount, structural, years);
    const perGemeente: Record<string, number[]> = {};
    for (const g of model.gemeenten) {
      const map = c.perGemeente?.[g.id];
      if (!map) continue;
      perGemeente[g.id] = amountPath(map, structural, years).map((a, k) => (isRealised(k) ? 0 : f * a));
    }
    const pct = c.pctOfSegments;
    const pctFactor = years.map((y, k) => (pct && y >= pct.fromYear && !isRealised(k) ? (f * pct.pct) / 100 : 0));
    const out: KnownChangeResult = {
      id: c.id,
      name: c.name,
      side: c.side,
      kind: c.kind,
      source: c.source,
      ...(c.estimate !== undefined ? { estimate: c.estimate } : {}),
      ...(c.note !== undefined ? { note: c.note } : {}),
      ...(c.range !== undefined ? { range: { lowPct: c.range.lowPct, highPct: c.range.highPct } } : {}),
      ...(pct ? { pctOfSegments: { segments: pct.segments.slice(), pct: pct.pct, fromYear: pct.fromYear } } : {}),
      regional: regional.map((a, k) => (isRealised(k) ? 0 : f * a)),
      perGemeente,
      pctFactor,
      segmentIndexes: (pct?.segments ?? []).map((id) => segIndex.get(id) ?? -1),
      ...(c.splitAs !== undefined ? { splitAs: c.splitAs } : {}),
      years: new Array<number>(years.length).fill(0),
    };
    return out;
  });
}

/** regional_k = f·A_k + Σ_g f·P_g,k + (f·pct/100)·S_k, gemeenten in model order, segments in listed order. */
export function finishKnownChanges(
  changes: readonly KnownChangeResult[],
  model: Model,
  lines: readonly LineResult[],
): void {
  for (const c of changes) {
    for (let k = 0; k < c.years.length; k++) {
      let total = c.regional[k]!;
      for (const g of model.gemeenten) {
        const p = c.perGemeente[g.id];
        if (p) total += p[k]!;
      }
      const factor = c.pctFactor[k]!;
      if (factor !== 0) {
        let sum = 0;
        for (const l of c.segmentIndexes) if (l >= 0) sum += lines[l]!.years[k]!.cost;
        total += factor * sum;
      }
      c.years[k] = total;
    }
  }
}

/** A lasten known change as a cost line (in the result's lines, after the segments and prevention). */
export function knownChangeLine(
  c: KnownChangeResult,
  kinds: readonly FigureKind[],
  years: readonly number[],
): BudgetLineResult {
  return {
    id: knownChangeLineId(c.id),
    name: c.name,
    kind: 'budget',
    group: KNOWN_CHANGES_GROUP,
    origin: 'known-change',
    knownChange: c.id,
    source: c.source,
    years: years.map((year, k) => ({ year, kind: kinds[k]!, cost: c.years[k]! })),
  };
}
