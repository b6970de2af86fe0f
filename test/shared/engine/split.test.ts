/**
 * Verdeelsleutel by realised use and funding per gemeente (issue 10, item 3): the rules of
 * docs/formats.md "Verdeling over gemeenten", checked on hand-computed cases.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/shared/engine/simulate';
import { lineKey, realisedUsage, usageInYear, youthShares } from '../../../src/shared/engine/split';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import type { Model, Realisatie, Split } from '../../../src/shared/formats/model';
import { parseModel } from '../../../src/shared/formats/validate';
import { budget, gemeente, model, scenario } from '../../fixtures';

const src = 'Jaarrekening, tabel 4';
const fig = (lasten: number) => ({ lasten, source: src });

/**
 * Three gemeenten, youth 200/100/100 → solidarity 0,5/0,25/0,25. R = 2024 of 2022–2026.
 * Line x: region € 1.000 in each realised year; per gemeente
 *   2022: 600/200/200 → 0,6/0,2/0,2
 *   2023: 500/300/200 → 0,5/0,3/0,2
 *   2024: 400/400/200 → 0,4/0,4/0,2
 * gebruik t−1 (for 2025 = 2024): 0,4/0,4/0,2; gemiddeld 3 jaar: 0,5/0,3/0,2.
 * Rijksmiddelen realised in 2023 and 2024: 2024 a 5.000, b 3.000, c 2.000 (Σ 10.000);
 * index 2025 2 %, 2026 3 %; base amount 12.000 (2022 is not realised: youth split).
 */
function perGemeente(years: Record<string, [number, number, number]>): NonNullable<Realisatie['gemeenten']> {
  const out: NonNullable<Realisatie['gemeenten']> = {
    a: {
      segments: { x: {} },
      rijksmiddelen: {
        '2023': { amount: 4_800, source: 'Septembercirculaire 2023' },
        '2024': { amount: 5_000, source: 'Septembercirculaire 2024' },
      },
    },
    b: {
      segments: { x: {} },
      rijksmiddelen: {
        '2023': { amount: 3_000, source: 'Septembercirculaire 2023' },
        '2024': { amount: 3_000, source: 'Septembercirculaire 2024' },
      },
    },
    c: {
      segments: { x: {} },
      rijksmiddelen: {
        '2023': { amount: 2_200, source: 'Septembercirculaire 2023' },
        '2024': { amount: 2_000, source: 'Septembercirculaire 2024' },
      },
    },
  };
  for (const [year, values] of Object.entries(years)) {
    (['a', 'b', 'c'] as const).forEach((id, k) => {
      if (values[k]! >= 0) out[id]!.segments!.x![year] = fig(values[k]!);
    });
  }
  return out;
}

const FULL = { '2022': [600, 200, 200], '2023': [500, 300, 200], '2024': [400, 400, 200] } as Record<
  string,
  [number, number, number]
>;

function splitModel(split: Split, years: Record<string, [number, number, number]> = FULL): Model {
  return model({
    baseYear: 2022,
    endYear: 2026,
    gemeenten: [gemeente('a', 200), gemeente('b', 100), gemeente('c', 100)],
    segments: [budget('x', 1_000, { split, usageShare: { a: 0.1, b: 0.1, c: 0.8 } })],
    funding: { baseAmount: 12_000, indexPct: { '2025': 2, '2026': 3 } },
    realisatie: {
      lastYear: 2024,
      segments: { x: { '2022': fig(1_000), '2023': fig(1_000), '2024': fig(1_000) } },
      gemeenten: perGemeente(years),
    },
  });
}

function shares(split: Split, years?: Record<string, [number, number, number]>) {
  const r = simulate(splitModel(split, years), emptyScenario('leeg'));
  return { r, key: r.gemeenten.map((g) => g.costShares['x']!), line: r.lines[0]! };
}

describe('verdeelsleutel computed from the realised figures per gemeente', () => {
  it('usage in one year is each gemeente’s lasten over their sum', () => {
    const m = splitModel('usage-previous-year');
    expect(usageInYear(m, 'x', 2023)).toEqual([0.5, 0.3, 0.2]);
    expect(usageInYear(m, 'x', 2021)).toBeUndefined();
  });

  it('gebruik t−1: the use of the last realised year (2024) for the raming years', () => {
    const { r, key, line } = shares('usage-previous-year');
    expect(key).toEqual([0.4, 0.4, 0.2]);
    expect(line.splitBasis).toBe('gebruik 2024');
    expect(line.splitNote).toBeUndefined();
    // 2025 and 2026: € 1.000 (no scenario change) split 400/400/200
    for (const y of [3, 4])
      expect(r.gemeenten.map((g) => g.lineCosts[0]![y]!)).toEqual([
        expect.closeTo(400, 9),
        expect.closeTo(400, 9),
        expect.closeTo(200, 9),
      ]);
    // realised years: each gemeente its own figure
    expect(r.gemeenten.map((g) => g.lineCosts[0]![0]!)).toEqual([
      expect.closeTo(600, 9),
      expect.closeTo(200, 9),
      expect.closeTo(200, 9),
    ]);
  });

  it('gebruik gemiddeld over 3 jaar: the mean of the yearly shares of 2022–2024', () => {
    const { key, line } = shares('usage-average-3');
    expect(key).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.3, 12), expect.closeTo(0.2, 12)]);
    expect(line.splitBasis).toBe('gebruik gemiddeld 2022, 2023 en 2024');
    expect(line.splitNote).toBeUndefined();
  });

  it('each year counts equally in the 3-year mean, whatever its total', () => {
    // 2023 doubled in every gemeente: shares unchanged, so the mean is too (region 2.000 in 2023 would be needed
    // for a valid model; the helper reads only the gemeenten's figures)
    const m = splitModel('usage-average-3');
    const doubled: Model = {
      ...m,
      realisatie: { ...m.realisatie!, gemeenten: perGemeente({ ...FULL, '2023': [1_000, 600, 400] }) },
    };
    expect(realisedUsage(doubled, 'x', 'average-3').shares).toEqual([
      expect.closeTo(0.5, 12),
      expect.closeTo(0.3, 12),
      expect.closeTo(0.2, 12),
    ]);
  });

  it('mix: x % solidariteit + (100 − x) % gebruik, for each use basis', () => {
    // 40 % of 0,5/0,25/0,25 + 60 % of 0,4/0,4/0,2 = 0,44/0,34/0,22
    expect(shares({ solidarityPct: 40, usage: 'previous-year' }).key).toEqual([
      expect.closeTo(0.44, 12),
      expect.closeTo(0.34, 12),
      expect.closeTo(0.22, 12),
    ]);
    // 50 % of 0,5/0,25/0,25 + 50 % of 0,5/0,3/0,2 = 0,5/0,275/0,225
    expect(shares({ solidarityPct: 50, usage: 'average-3' }).key).toEqual([
      expect.closeTo(0.5, 12),
      expect.closeTo(0.275, 12),
      expect.closeTo(0.225, 12),
    ]);
    // vast: 30 % of 0,5/0,25/0,25 + 70 % of the typed 0,1/0,1/0,8 = 0,22/0,145/0,635 (as before: no basis, no note)
    const fixed = shares({ solidarityPct: 30 });
    expect(fixed.key).toEqual([expect.closeTo(0.22, 12), expect.closeTo(0.145, 12), expect.closeTo(0.635, 12)]);
    expect(fixed.line.splitBasis).toBeUndefined();
    expect(fixed.line.splitNote).toBeUndefined();
    expect(shares({ solidarityPct: 30, usage: 'fixed' }).key).toEqual(fixed.key);
  });

  it('the old kinds are unchanged: solidarity, typed usage ("vast")', () => {
    expect(shares('solidarity').key).toEqual([0.5, 0.25, 0.25]);
    expect(shares('usage').key).toEqual([expect.closeTo(0.1, 12), expect.closeTo(0.1, 12), expect.closeTo(0.8, 12)]);
    expect(shares('usage').line.splitNote).toBeUndefined();
  });
});

describe('fallbacks are said, never silent', () => {
  it('without realisatie: solidarity, with a note', () => {
    const m = model({
      gemeenten: [gemeente('a', 300), gemeente('b', 100)],
      segments: [budget('x', 100, { split: 'usage-average-3' })],
    });
    const r = simulate(m, emptyScenario('leeg'));
    expect(r.gemeenten.map((g) => g.costShares['x'])).toEqual([0.75, 0.25]);
    expect(r.lines[0]!.splitNote).toBe('geen realisatie in het model: solidariteit (aandeel jeugdigen 0–17)');
    expect(r.lines[0]!.splitBasis).toBeUndefined();
  });

  it('gebruik t−1 when R lacks a gemeente: the latest complete year, with a note', () => {
    const { key, line } = shares('usage-previous-year', { ...FULL, '2024': [400, 400, -1] });
    expect(key).toEqual([0.5, 0.3, 0.2]);
    expect(line.splitBasis).toBe('gebruik 2023');
    expect(line.splitNote).toBe(
      '2024 (laatste realisatiejaar) heeft geen volledige cijfers per gemeente: gebruik 2023, het laatste jaar dat ze wel heeft',
    );
  });

  it('3-year mean over the complete years only, naming the missing ones', () => {
    const { key, line } = shares('usage-average-3', { ...FULL, '2024': [400, 400, -1] });
    // (0,6 + 0,5) / 2, (0,2 + 0,3) / 2, (0,2 + 0,2) / 2
    expect(key).toEqual([expect.closeTo(0.55, 12), expect.closeTo(0.25, 12), expect.closeTo(0.2, 12)]);
    expect(line.splitBasis).toBe('gebruik gemiddeld 2022 en 2023');
    expect(line.splitNote).toBe('2024 heeft geen volledige cijfers per gemeente: gebruik gemiddeld 2022 en 2023');
  });

  it('no complete year at all: solidarity, with a note; a mix becomes its solidarity part plus solidarity', () => {
    const partial = { '2022': [600, -1, -1], '2023': [500, -1, -1], '2024': [400, -1, -1] } as Record<
      string,
      [number, number, number]
    >;
    const avg = shares('usage-average-3', partial);
    expect(avg.key).toEqual([0.5, 0.25, 0.25]);
    expect(avg.line.splitNote).toBe(
      '2022, 2023 en 2024 hebben geen volledige cijfers per gemeente: solidariteit (aandeel jeugdigen 0–17)',
    );
    const prev = shares({ solidarityPct: 20, usage: 'previous-year' }, partial);
    expect(prev.key).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.25, 12), expect.closeTo(0.25, 12)]);
    expect(prev.line.splitNote).toBe(
      'geen realisatiejaar met volledige cijfers per gemeente: solidariteit (aandeel jeugdigen 0–17)',
    );
  });

  it('a year whose gemeente figures add up to € 0 is not complete: the year before is used', () => {
    // (a region of € 0 in 2024 would be needed for a valid model; the helper reads only the gemeenten's figures)
    const m = splitModel('usage-previous-year');
    const zero: Model = {
      ...m,
      realisatie: { ...m.realisatie!, gemeenten: perGemeente({ ...FULL, '2024': [0, 0, 0] }) },
    };
    expect(usageInYear(zero, 'x', 2024)).toBeUndefined();
    const u = realisedUsage(zero, 'x', 'previous-year');
    expect(u.shares).toEqual([0.5, 0.3, 0.2]);
    expect(u.note).toBe(
      '2024 (laatste realisatiejaar) heeft geen volledige cijfers per gemeente: gebruik 2023, het laatste jaar dat ze wel heeft',
    );
  });

  it('fewer than 3 realised years: the mean over those there are, said in the note', () => {
    const m = model({
      baseYear: 2023,
      endYear: 2026,
      gemeenten: [gemeente('a', 200), gemeente('b', 100), gemeente('c', 100)],
      segments: [budget('x', 1_000, { split: 'usage-average-3' })],
      funding: { baseAmount: 12_000 },
      realisatie: {
        lastYear: 2024,
        segments: { x: { '2023': fig(1_000), '2024': fig(1_000) } },
        gemeenten: {
          a: { segments: { x: { '2023': fig(500), '2024': fig(400) } } },
          b: { segments: { x: { '2023': fig(300), '2024': fig(400) } } },
          c: { segments: { x: { '2023': fig(200), '2024': fig(200) } } },
        },
      },
    });
    const line = simulate(m, emptyScenario('leeg'));
    // (0,5 + 0,4) / 2, (0,3 + 0,4) / 2, (0,2 + 0,2) / 2
    expect(line.gemeenten.map((g) => g.costShares['x'])).toEqual([
      expect.closeTo(0.45, 12),
      expect.closeTo(0.35, 12),
      expect.closeTo(0.2, 12),
    ]);
    expect(line.lines[0]!.splitBasis).toBe('gebruik gemiddeld 2023 en 2024');
    expect(line.lines[0]!.splitNote).toBe(
      'alleen 2023 en 2024 zijn gerealiseerd, geen 3 jaar: gebruik gemiddeld 2023 en 2024',
    );
  });

  it('a mix of 100 % solidarity needs no use and gives no note', () => {
    const m = model({ segments: [budget('x', 100, { split: { solidarityPct: 100, usage: 'average-3' } })] });
    const key = lineKey(m, m.segments[0]!, youthShares(m.gemeenten));
    expect(key).toEqual({ shares: [1] });
  });
});

describe('funding per gemeente: its own Rijksmiddelen, indexed after the last realised year', () => {
  it('realised years exact, later years the own 2024 amount × the funding path, earlier years the youth split', () => {
    const r = simulate(splitModel('solidarity'), emptyScenario('leeg'));
    const funding = (y: number) => r.gemeenten.map((g) => g.years[y]!.funding);
    expect(funding(0)).toEqual([6_000, 3_000, 3_000]); // 2022: 12.000 by youth 0,5/0,25/0,25
    expect(funding(1)).toEqual([4_800, 3_000, 2_200]);
    expect(funding(2)).toEqual([5_000, 3_000, 2_000]);
    expect(funding(3)).toEqual([expect.closeTo(5_100, 9), expect.closeTo(3_060, 9), expect.closeTo(2_040, 9)]); // × 1,02
    expect(funding(4)).toEqual([expect.closeTo(5_253, 9), expect.closeTo(3_151.8, 9), expect.closeTo(2_101.2, 9)]); // × 1,02 × 1,03
  });

  it('an incidental adjustment after R follows the same own proportions', () => {
    const m = splitModel('solidarity');
    const r = simulate(m, scenario(m, { funding: { adjustments: { '2025': 1_000 } } }));
    // 2025: (10.000 × 1,02 + 1.000) × 0,5/0,3/0,2
    expect(r.gemeenten.map((g) => g.years[3]!.funding)).toEqual([
      expect.closeTo(5_600, 9),
      expect.closeTo(3_360, 9),
      expect.closeTo(2_240, 9),
    ]);
  });
});

describe('the model format accepts the new kinds and refuses unknown ones', () => {
  it('accepts each new kind and refuses an unknown basis with a Dutch message naming field and value', () => {
    for (const split of [
      'usage-previous-year',
      'usage-average-3',
      { solidarityPct: 60, usage: 'average-3' },
    ] as Split[]) {
      expect(parseModel(splitModel(split)).ok).toBe(true);
    }
    const bad = parseModel({
      ...splitModel('solidarity'),
      segments: [budget('x', 1_000, { split: { solidarityPct: 60, usage: 'gisteren' } as unknown as Split })],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.issues.map((i) => i.message).join('\n')).toContain(
        'segments[0].split: {"solidarityPct":60,"usage":"gisteren"} heeft geen geldige vorm',
      );
  });
});
