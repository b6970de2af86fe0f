/**
 * Property test for the verdeelsleutel (issue 10, item 3): for every key kind and mix,
 * with or without realised figures per gemeente (complete, partial or none), the
 * gemeenten add up to the region per line, per year, in lasten and in Rijksmiddelen.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../../src/shared/engine/simulate';
import { USAGE_BASES, type Model, type Realisatie, type Segment, type Split } from '../../../src/shared/formats/model';
import { budget, closeRel, gemeente, model, scenario, volume } from '../../fixtures';

const BASE = 2022;
const END = 2027;
const GIDS = ['g0', 'g1', 'g2', 'g3', 'g4'];
const dbl = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Every kind: the four names and the mix with each use basis (and without one). */
const splitArb: fc.Arbitrary<Split | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom<Split>('solidarity', 'usage', 'usage-previous-year', 'usage-average-3'),
  fc
    .record({
      solidarityPct: fc.oneof(dbl(0, 100), fc.constantFrom(0, 100)),
      usage: fc.option(fc.constantFrom(...USAGE_BASES), { nil: undefined }),
    })
    .map(({ solidarityPct, usage }): Split => (usage ? { solidarityPct, usage } : { solidarityPct })),
);

const segmentArb = (id: string, gids: readonly string[]): fc.Arbitrary<Segment> =>
  fc
    .record({
      isVolume: fc.boolean(),
      amount: dbl(0, 1e7),
      inflowPerYear: dbl(0, 3_000),
      split: splitArb,
      usageShare: fc.array(fc.option(dbl(0, 1), { nil: undefined }), {
        minLength: gids.length,
        maxLength: gids.length,
      }),
    })
    .map(({ isVolume, amount, inflowPerYear, split, usageShare }) => {
      const fields = {
        usageShare: Object.fromEntries(
          gids.flatMap((g, k) => (usageShare[k] === undefined ? [] : [[g, usageShare[k]]])),
        ),
        ...(split !== undefined ? { split } : {}),
      };
      return isVolume
        ? volume(id, { inflowPerYear, avgDurationMonths: 9, pricePerUnit: 120, ...fields })
        : budget(id, amount, fields);
    });

/**
 * A model with realisatie up to R (or none): per segment and year a region figure; per gemeente a figure
 * in one of three patterns — all gemeenten (scaled to the region), some, or none.
 */
const modelArb: fc.Arbitrary<Model> = fc
  .integer({ min: 1, max: 5 })
  .chain((n) => {
    const gids = GIDS.slice(0, n);
    return fc.record({
      gids: fc.constant(gids),
      youth: fc.array(dbl(1, 30_000), { minLength: n, maxLength: n }),
      segments: fc.tuple(segmentArb('s0', gids), segmentArb('s1', gids), segmentArb('s2', gids)),
      R: fc.option(fc.integer({ min: BASE, max: END - 1 }), { nil: undefined, freq: 4 }),
      region: fc.array(dbl(0, 1e7), { minLength: 3 * 6, maxLength: 3 * 6 }),
      pattern: fc.array(fc.constantFrom('all', 'some', 'none'), { minLength: 3 * 6, maxLength: 3 * 6 }),
      weights: fc.array(dbl(0, 1), { minLength: 3 * 6 * n, maxLength: 3 * 6 * n }),
      funding: fc.array(fc.option(fc.array(dbl(0, 5e7), { minLength: n, maxLength: n }), { nil: undefined }), {
        minLength: 6,
        maxLength: 6,
      }),
      indexPct: fc.dictionary(fc.constantFrom('2023', '2024', '2025', '2026', '2027'), dbl(-10, 10), { maxKeys: 5 }),
    });
  })
  .map((f) => {
    const gemeenten = f.gids.map((id, k) => gemeente(id, f.youth[k]!));
    let realisatie: Realisatie | undefined;
    if (f.R !== undefined) {
      const R = f.R;
      const r: Realisatie = {
        lastYear: R,
        segments: {},
        gemeenten: Object.fromEntries(f.gids.map((g) => [g, { segments: {}, rijksmiddelen: {} }])),
      };
      f.segments.forEach((seg, si) => {
        r.segments[seg.id] = {};
        for (let y = BASE; y <= R; y++) {
          const yi = y - BASE;
          const region = f.region[si * 6 + yi]!;
          r.segments[seg.id]![String(y)] = {
            lasten: region,
            ...(seg.kind === 'volume' ? { clients: 100 } : {}),
            source: 'test',
          };
          const pattern = f.pattern[si * 6 + yi]!;
          if (pattern === 'none') continue;
          const w = f.gids.map((_, gi) => f.weights[(si * 6 + yi) * f.gids.length + gi]!);
          const sum = w.reduce((t, v) => t + v, 0);
          f.gids.forEach((g, gi) => {
            if (pattern === 'some' && gi === f.gids.length - 1) return; // the last gemeente unknown
            if (!(sum > 0)) return;
            // all: the figures add up to the region; some: to at most half of it
            const lasten = pattern === 'all' ? (region * w[gi]!) / sum : (region * w[gi]!) / sum / 2;
            (r.gemeenten![g]!.segments![seg.id] ??= {})[String(y)] = { lasten, source: 'test' };
          });
        }
      });
      for (let y = BASE; y <= R; y++) {
        const amounts = f.funding[y - BASE];
        if (amounts)
          f.gids.forEach(
            (g, gi) => (r.gemeenten![g]!.rijksmiddelen![String(y)] = { amount: amounts[gi]!, source: 'test' }),
          );
      }
      realisatie = r;
    }
    return model({
      baseYear: BASE,
      endYear: END,
      gemeenten,
      segments: [...f.segments],
      funding: { baseAmount: 4e7, indexPct: f.indexPct },
      ...(realisatie ? { realisatie } : {}),
    });
  });

describe('the gemeenten add up to the region for every verdeelsleutel', () => {
  it('per line and year, in total lasten and in Rijksmiddelen; keys are shares that sum to 1', () => {
    fc.assert(
      fc.property(modelArb, (m) => {
        const r = simulate(m, scenario(m));
        r.lines.forEach((line, l) => {
          const shares = r.gemeenten.map((g) => g.costShares[line.id]!);
          for (const s of shares) expect(s).toBeGreaterThanOrEqual(-1e-15);
          expect(
            closeRel(
              shares.reduce((t, s) => t + s, 0),
              1,
              1e-12,
            ),
          ).toBe(true);
          // a realised-use key either says which years it used or why it fell back
          const split = m.segments[l]?.split;
          const realisedUse =
            split === 'usage-previous-year' ||
            split === 'usage-average-3' ||
            (typeof split === 'object' &&
              split.usage !== undefined &&
              split.usage !== 'fixed' &&
              split.solidarityPct < 100);
          if (realisedUse) expect(line.splitBasis !== undefined || line.splitNote !== undefined).toBe(true);
          else expect([line.splitBasis, line.splitNote]).toEqual([undefined, undefined]);
          line.years.forEach((ly, k) => {
            const sum = r.gemeenten.reduce((t, g) => t + g.lineCosts[l]![k]!, 0);
            expect(Math.abs(sum - ly.cost)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(ly.cost), 1));
          });
        });
        r.totals.forEach((t, k) => {
          const cost = r.gemeenten.reduce((s, g) => s + g.years[k]!.cost, 0);
          const funding = r.gemeenten.reduce((s, g) => s + g.years[k]!.funding, 0);
          expect(closeRel(cost, t.cost, 1e-12)).toBe(true);
          expect(closeRel(funding, t.funding, 1e-12)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
