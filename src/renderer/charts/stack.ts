/**
 * The series of the stacked lasten chart: by default one band per group of segments (the beleidsplan's
 * grouping, e.g. "Ambulant"), at most MAX_BANDS bands so small segments stay readable; "per segment"
 * gives one band per line (detail on demand). Each band has its own colour.
 */
import type { SimulationResult } from '../../shared/engine/result';
import { segmentColor } from './palette';

export const MAX_BANDS = 8;
/** the band of segments without a group, and of the smallest groups when there are more than MAX_BANDS */
export const OTHER_GROUP = 'Overige';

export interface StackBand {
  /** the data key in the chart's rows */
  key: string;
  name: string;
  color: string;
  /** the ids of the lines summed in this band */
  lineIds: string[];
}

export type StackDetail = 'groep' | 'segment';

export function stackBands(result: SimulationResult, detail: StackDetail): StackBand[] {
  if (detail === 'segment')
    return result.lines.map((l, i) => ({ key: `seg:${l.id}`, name: l.name, color: segmentColor(i), lineIds: [l.id] }));
  // groups in the order of their first line (the model's order: bottom band first)
  const groups = new Map<string, string[]>();
  for (const l of result.lines) {
    const g = l.group?.trim() || OTHER_GROUP;
    groups.set(g, [...(groups.get(g) ?? []), l.id]);
  }
  let list = [...groups].map(([name, lineIds]) => ({ name, lineIds }));
  if (list.length > MAX_BANDS) {
    // keep the largest groups (lasten over all years), fold the rest into "Overige"
    const total = new Map(result.lines.map((l) => [l.id, l.years.reduce((s, y) => s + y.cost, 0)]));
    const size = (ids: string[]) => ids.reduce((s, id) => s + (total.get(id) ?? 0), 0);
    const keep = new Set(
      list
        .filter((g) => g.name !== OTHER_GROUP)
        .sort((a, b) => size(b.lineIds) - size(a.lineIds))
        .slice(0, MAX_BANDS - 1)
        .map((g) => g.name),
    );
    const other = list.filter((g) => !keep.has(g.name)).flatMap((g) => g.lineIds);
    list = [...list.filter((g) => keep.has(g.name)), { name: OTHER_GROUP, lineIds: other }];
  }
  return list.map((g, i) => ({ key: `grp:${i}`, name: g.name, color: segmentColor(i), lineIds: g.lineIds }));
}

/** The chart's rows: per year the band sums, the Rijksmiddelen and the total lasten. */
export function stackRows(result: SimulationResult, bands: readonly StackBand[]): Record<string, number>[] {
  const byId = new Map(result.lines.map((l) => [l.id, l]));
  return result.totals.map((t, k) => {
    const row: Record<string, number> = { year: t.year, cost: t.cost, funding: t.funding, balance: t.balance };
    for (const b of bands) row[b.key] = b.lineIds.reduce((s, id) => s + (byId.get(id)?.years[k]?.cost ?? 0), 0);
    return row;
  });
}
