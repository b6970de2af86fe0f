import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../../src/shared/engine/result';
import { MAX_BANDS, OTHER_GROUP, stackBands, stackRows } from '../../../src/renderer/charts/stack';

/** A result with budget lines only: enough for the stack (ids, names, groups, cost per year). */
function result(lines: { id: string; group?: string; cost: number[] }[]): SimulationResult {
  const years = lines[0]!.cost.map((_, k) => 2024 + k);
  return {
    years,
    lines: lines.map((l) => ({
      id: l.id,
      name: `Regel ${l.id}`,
      group: l.group,
      kind: 'budget',
      years: l.cost.map((c, k) => ({ year: years[k]!, cost: c })),
    })),
    totals: years.map((year, k) => {
      const cost = lines.reduce((s, l) => s + l.cost[k]!, 0);
      return { year, cost, funding: 100, balance: 100 - cost };
    }),
  } as unknown as SimulationResult;
}

describe('stackBands', () => {
  it('one band per group in the order of its first line; lines without a group under "Overige"', () => {
    const r = result([
      { id: 'a', group: 'Wonen', cost: [1, 2] },
      { id: 'b', group: 'Ambulant', cost: [10, 20] },
      { id: 'c', group: 'Wonen', cost: [3, 4] },
      { id: 'd', cost: [5, 6] },
    ]);
    const bands = stackBands(r, 'groep');
    expect(bands.map((b) => [b.name, b.lineIds])).toEqual([
      ['Wonen', ['a', 'c']],
      ['Ambulant', ['b']],
      [OTHER_GROUP, ['d']],
    ]);
    expect(new Set(bands.map((b) => b.color)).size).toBe(3);
    const rows = stackRows(r, bands);
    expect(rows.map((row) => bands.map((b) => row[b.key]))).toEqual([
      [4, 10, 5],
      [6, 20, 6],
    ]);
    // the bands add up to the lasten
    for (const [k, row] of rows.entries()) expect(bands.reduce((s, b) => s + row[b.key]!, 0)).toBe(r.totals[k]!.cost);
  });

  it(`more than ${MAX_BANDS} groups: the largest ${MAX_BANDS - 1} stay, the rest is one band "Overige"`, () => {
    const lines = Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, group: `G${i}`, cost: [i + 1, i + 1] }));
    const bands = stackBands(result(lines), 'groep');
    expect(bands).toHaveLength(MAX_BANDS);
    expect(bands.at(-1)!.name).toBe(OTHER_GROUP);
    expect(bands.at(-1)!.lineIds.sort()).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(bands.slice(0, -1).map((b) => b.name)).toEqual(['G5', 'G6', 'G7', 'G8', 'G9', 'G10', 'G11']);
  });

  it('per segment: one band per line, 17 lines in 17 different colours', () => {
    const lines = Array.from({ length: 17 }, (_, i) => ({ id: `s${i}`, group: 'G', cost: [1] }));
    const bands = stackBands(result(lines), 'segment');
    expect(bands.map((b) => b.lineIds[0])).toEqual(lines.map((l) => l.id));
    expect(new Set(bands.map((b) => b.color)).size).toBe(17);
  });
});
