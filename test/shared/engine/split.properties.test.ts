/**
 * Property test for the verdeelsleutel (issue 10, item 3): for every key kind and mix,
 * with or without realised figures per gemeente (complete, partial or none), the
 * gemeenten add up to the region per line, per year, in lasten and in Rijksmiddelen — also with
 * bekende ontwikkelingen switched on (regional, per gemeente and formula amounts, both sides).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../../src/shared/engine/simulate';
import { USAGE_BASES, type Model, type Realisatie, type Segment, type Split } from '../../../src/shared/formats/model';
import type { KnownChange } from '../../../src/shared/formats/knownChanges';
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

const yearAmounts = fc.dictionary(fc.constantFrom('2022', '2023', '2024', '2025', '2026', '2027'), dbl(-2e6, 2e6), {
  maxKeys: 4,
});

/** A bekende ontwikkeling of any kind: regional amount, per gemeente, a formula on segments, or all. */
const changeArb = (id: string, gids: readonly string[]): fc.Arbitrary<KnownChange> =>
  fc
    .record({
      side: fc.constantFrom('lasten' as const, 'baten' as const),
      kind: fc.constantFrom('structureel' as const, 'incidenteel' as const),
      amount: fc.option(yearAmounts, { nil: undefined }),
      perGemeente: fc.option(
        fc.array(fc.option(yearAmounts, { nil: undefined }), { minLength: gids.length, maxLength: gids.length }),
        { nil: undefined },
      ),
      pct: fc.option(
        fc.record({
          segments: fc.subarray(['s0', 's1', 's2'], { minLength: 1 }),
          pct: dbl(-20, 20),
          fromYear: fc.integer({ min: BASE, max: END }),
        }),
        { nil: undefined },
      ),
      splitAs: fc.option(fc.constantFrom('s0', 's1', 's2'), { nil: undefined }),
    })
    .map((f): KnownChange => {
      const perGemeente = f.perGemeente
        ? Object.fromEntries(gids.flatMap((g, k) => (f.perGemeente![k] ? [[g, f.perGemeente![k]!]] : [])))
        : undefined;
      const none = !f.amount && !f.pct && (!perGemeente || Object.keys(perGemeente).length === 0);
      return {
        id,
        name: `Ontwikkeling ${id}`,
        side: f.side,
        kind: f.kind,
        source: 'test',
        ...(f.amount || none ? { amount: f.amount ?? { '2025': 1e6 } } : {}),
        ...(perGemeente && Object.keys(perGemeente).length > 0 ? { perGemeente } : {}),
        ...(f.pct ? { pctOfSegments: f.pct } : {}),
        ...(f.splitAs ? { splitAs: f.splitAs } : {}),
      };
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
      changes: fc.oneof(
        fc.constant([] as KnownChange[]),
        fc.tuple(changeArb('k0', gids), changeArb('k1', gids), changeArb('k2', gids)),
      ),
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
      ...(f.changes.length > 0 ? { knownChanges: [...f.changes] } : {}),
    });
  });

describe('the gemeenten add up to the region for every verdeelsleutel', () => {
  it('per line and year, in total lasten and in Rijksmiddelen; keys are shares that sum to 1', () => {
    fc.assert(
      fc.property(modelArb, (m) => {
        const on = Object.fromEntries((m.knownChanges ?? []).map((c) => [c.id, true]));
        const r = simulate(m, scenario(m, m.knownChanges ? { knownChanges: on } : {}));
        if (m.knownChanges) expect(r.knownChanges?.map((c) => c.id)).toEqual(['k0', 'k1', 'k2']);
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
            // parts of opposite sign (a known change + here, − there) round relative to their size
            const size = r.gemeenten.reduce((t, g) => t + Math.abs(g.lineCosts[l]![k]!), 0);
            expect(Math.abs(sum - ly.cost)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(ly.cost), size, 1));
          });
        });
        r.totals.forEach((t, k) => {
          const cost = r.gemeenten.reduce((s, g) => s + g.years[k]!.cost, 0);
          const funding = r.gemeenten.reduce((s, g) => s + g.years[k]!.funding, 0);
          const costSize = r.gemeenten.reduce((s, g) => s + g.lineCosts.reduce((u, lc) => u + Math.abs(lc[k]!), 0), 0);
          const known = (r.knownChanges ?? []).reduce((s, c) => s + Math.abs(c.years[k]!), 0);
          expect(Math.abs(cost - t.cost)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(t.cost), costSize, 1));
          expect(Math.abs(funding - t.funding)).toBeLessThanOrEqual(
            1e-12 * Math.max(Math.abs(t.funding), Math.abs(t.fundingBaseline) + known, 1),
          );
          // the lasten known changes are lines; the baten ones in the funding
          const baten = (r.knownChanges ?? []).filter((c) => c.side === 'baten').reduce((s, c) => s + c.years[k]!, 0);
          expect(t.fundingKnownChanges ?? 0).toBe(baten);
        });
      }),
      { numRuns: 300 },
    );
  });
});
