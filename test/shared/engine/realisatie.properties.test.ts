/**
 * Property tests for realisatie (issue 10): a model without realisatie gives exactly
 * the results of the engine before model@2, and with realisatie the gemeenten still
 * add up to the region and the realised years are exact.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../../src/shared/engine/simulate';
import type { SimulationResult } from '../../../src/shared/engine/result';
import type { Gemeente, Model, Realisatie, Segment, Split } from '../../../src/shared/formats/model';
import type { ScenarioInput } from '../../../src/shared/formats/scenario';
import { simulate as simulateV1 } from '../legacy/simulate-v1';
import { budget, closeRel, gemeente, model, scenario, volume } from '../../fixtures';

const BASE = 2022;
const END = 2027;
const FUTURE = ['2023', '2024', '2025', '2026', '2027'] as const;
const GIDS = ['g0', 'g1', 'g2', 'g3'];

const dbl = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const pctMap = fc.dictionary(fc.constantFrom(...FUTURE), dbl(-30, 30), { maxKeys: 5 });
const splitArb: fc.Arbitrary<Split | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant('solidarity' as const),
  fc.constant('usage' as const),
  dbl(0, 100).map((solidarityPct) => ({ solidarityPct })),
);
const usageArb = fc.dictionary(fc.constantFrom(...GIDS), dbl(0, 1), { maxKeys: 4 });

const segmentArb = (id: string): fc.Arbitrary<Segment> =>
  fc.oneof(
    fc
      .record({
        inflowPerYear: dbl(0, 5_000),
        avgDurationMonths: dbl(3, 60),
        unitsPerClientMonth: dbl(0.1, 50),
        pricePerUnit: dbl(0, 500),
        openingClients: fc.option(dbl(0, 5_000), { nil: undefined }),
        split: splitArb,
        usageShare: usageArb,
      })
      .map(({ openingClients, split, ...f }) =>
        volume(id, {
          ...f,
          ...(openingClients !== undefined ? { openingClients } : {}),
          ...(split !== undefined ? { split } : {}),
        }),
      ),
    fc
      .record({ amount: dbl(0, 1e7), split: splitArb, usageShare: usageArb })
      .map(({ amount, split, usageShare }) =>
        budget(id, amount, { usageShare, ...(split !== undefined ? { split } : {}) }),
      ),
  );

const gemeentenArb = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    youth: fc.array(dbl(1, 30_000), { minLength: 4, maxLength: 4 }),
    share: fc.array(fc.option(dbl(0, 1), { nil: undefined }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ n, youth, share }): Gemeente[] => {
    // fundingShare on some gemeenten only (all given must add up to 1: normalised then)
    const gs = GIDS.slice(0, n).map((id, k) =>
      gemeente(id, youth[k]!, share[k] !== undefined ? { fundingShare: share[k] } : {}),
    );
    if (gs.every((g) => g.fundingShare !== undefined)) {
      const sum = gs.reduce((t, g) => t + g.fundingShare!, 0);
      for (const g of gs)
        if (sum > 0) g.fundingShare = g.fundingShare! / sum;
        else delete g.fundingShare;
    }
    return gs;
  });

const modelArb = fc
  .record({
    gemeenten: gemeentenArb,
    segments: fc.tuple(segmentArb('s0'), segmentArb('s1'), segmentArb('s2')),
    nSeg: fc.integer({ min: 1, max: 3 }),
    baseAmount: dbl(0, 1e8),
    indexPct: pctMap,
    nationalShare: fc.boolean(),
  })
  .map((f): Model => {
    const ids = new Set(f.gemeenten.map((g) => g.id));
    const segments = f.segments.slice(0, f.nSeg).map((s) => ({
      ...s,
      usageShare: Object.fromEntries(Object.entries(s.usageShare ?? {}).filter(([id]) => ids.has(id))),
    }));
    return model({
      baseYear: BASE,
      endYear: END,
      gemeenten: f.gemeenten,
      segments,
      funding: {
        baseAmount: f.baseAmount,
        indexPct: f.indexPct,
        ...(f.nationalShare ? { nationalShare: { value: 0.0123, source: 'test' } } : {}),
      },
    });
  });

type ScenarioFields = Omit<ScenarioInput, 'format' | 'name'>;

const scenarioArb = (m: Model): fc.Arbitrary<ScenarioFields> => {
  const volumeIds = m.segments.filter((s) => s.kind === 'volume').map((s) => s.id);
  const assumption = (s: Segment) =>
    s.kind === 'volume'
      ? fc.record({
          inflowChangePct: pctMap,
          durationChangePct: fc.dictionary(fc.constantFrom(...FUTURE), dbl(-10, 10), { maxKeys: 5 }),
          intensityChangePct: pctMap,
          priceIndexPct: pctMap,
        })
      : fc.record({ amountChangePct: pctMap });
  return fc
    .record({
      assumptions: fc
        .tuple(...m.segments.map(assumption))
        .map((as) => Object.fromEntries(as.map((a, k) => [m.segments[k]!.id, a]))),
      substitutions:
        volumeIds.length >= 2
          ? fc
              .array(fc.record({ shares: fc.dictionary(fc.constantFrom(...FUTURE), dbl(0, 30), { maxKeys: 5 }) }), {
                maxLength: 2,
              })
              .map((rs) => rs.map((r) => ({ from: volumeIds[0]!, to: volumeIds[1]!, sharePct: r.shares })))
          : fc.constant<{ from: string; to: string; sharePct: Record<string, number> }[]>([]),
      funding: fc.record({
        indexPct: pctMap,
        adjustments: fc.dictionary(fc.constantFrom(...FUTURE), dbl(-1e6, 1e6), { maxKeys: 5 }),
      }),
      prevention: fc.option(
        fc.record({
          extraBudget: fc.dictionary(fc.constantFrom(...FUTURE), dbl(0, 1e6), { maxKeys: 5 }),
          effects:
            volumeIds.length > 0
              ? fc.array(
                  fc.record({
                    segment: fc.constantFrom(...volumeIds),
                    inflowPctPer100k: dbl(0, 5),
                    lagYears: fc.integer({ min: 0, max: 2 }),
                    maxPct: dbl(0, 30),
                  }),
                  { maxLength: 2 },
                )
              : fc.constant([]),
        }),
        { nil: undefined },
      ),
      measures: m.funding.nationalShare
        ? fc.constant({ 'stelpost-hervormingsagenda': true, 'korting-511-mln': true })
        : fc.constant(undefined),
    })
    .map(({ prevention, measures, ...rest }): ScenarioFields => ({
      ...rest,
      substitutions: [...rest.substitutions],
      ...(prevention ? { prevention: { extraBudget: prevention.extraBudget, effects: [...prevention.effects] } } : {}),
      ...(measures ? { measures } : {}),
    }));
};

/** The result without the kinds this version adds, to compare with the engine before model@2. */
function withoutKinds(r: SimulationResult): unknown {
  return JSON.parse(
    JSON.stringify(r, (key, value: unknown) =>
      (key === 'kind' && (value === 'raming' || value === 'realisatie')) || key === 'fundingKind' ? undefined : value,
    ),
  );
}

describe('a model without realisatie gives the old results', () => {
  it('equal to the engine before model@2, every figure, for random models and scenarios', () => {
    fc.assert(
      fc.property(
        modelArb.chain((m) => scenarioArb(m).map((s) => [m, s] as const)),
        ([m, sIn]) => {
          const s = scenario(m, sIn);
          const now = simulate(m, s);
          const before = simulateV1(m, s);
          expect(withoutKinds(now)).toEqual(withoutKinds(before as unknown as SimulationResult));
          expect(now.totals.every((t) => t.kind === 'raming' && t.fundingKind === 'raming')).toBe(true);
          expect(now.lines.every((l) => l.years.every((y) => y.kind === 'raming'))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a model@1 file gives the same results as before, migrated', () => {
    fc.assert(
      fc.property(modelArb, (m) => {
        const v1 = { ...m, format: 'jeugdbegroting/model@1' };
        const migrated = model(v1 as unknown as Model);
        expect(migrated.format).toBe('jeugdbegroting/model@2');
        expect(withoutKinds(simulate(migrated, scenario(migrated)))).toEqual(
          withoutKinds(simulateV1(m, scenario(m)) as unknown as SimulationResult),
        );
      }),
      { numRuns: 50 },
    );
  });
});

/** Realisatie for a random model: every segment 2022..R, some gemeenten with their own figures. */
const realisedArb = (m: Model): fc.Arbitrary<Model> =>
  fc
    .record({
      R: fc.integer({ min: BASE, max: END }),
      lasten: fc.array(fc.array(dbl(0, 1e7), { minLength: 6, maxLength: 6 }), { minLength: 3, maxLength: 3 }),
      clients: fc.array(fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 6, maxLength: 6 }), {
        minLength: 3,
        maxLength: 3,
      }),
      // per segment, year and gemeente: the fraction of the region this gemeente is known to have (or unknown)
      known: fc.array(fc.option(dbl(0, 1), { nil: undefined, freq: 2 }), {
        minLength: 3 * 6 * 4,
        maxLength: 3 * 6 * 4,
      }),
      funding: fc.array(fc.option(fc.array(dbl(0, 5e7), { minLength: 4, maxLength: 4 }), { nil: undefined }), {
        minLength: 6,
        maxLength: 6,
      }),
      // a new segment has no realised figures at all
      fresh: fc.array(
        fc.integer({ min: 0, max: 3 }).map((x) => x === 0),
        { minLength: 3, maxLength: 3 },
      ),
    })
    .map(({ R, lasten, clients, known, funding, fresh }) => {
      const years = Array.from({ length: R - BASE + 1 }, (_, k) => BASE + k);
      const r: Realisatie = { lastYear: R, segments: {}, gemeenten: {} };
      const gem = r.gemeenten!;
      for (const g of m.gemeenten) gem[g.id] = { segments: {}, rijksmiddelen: {} };
      m.segments.forEach((seg, si) => {
        if (fresh[si]) return;
        r.segments[seg.id] = {};
        years.forEach((y, yi) => {
          const region = lasten[si]![yi]!;
          r.segments[seg.id]![String(y)] = {
            lasten: region,
            ...(seg.kind === 'volume' ? { clients: clients[si]![yi]! } : {}),
            source: 'test',
          };
          // known fractions scaled so that together they never exceed the region
          const fr = m.gemeenten.map((_, gi) => known[(si * 6 + yi) * 4 + gi]);
          const total = fr.reduce<number>((t, f) => t + (f ?? 0), 0);
          m.gemeenten.forEach((g, gi) => {
            const f = fr[gi];
            if (f === undefined) return;
            const byYear = (gem[g.id]!.segments![seg.id] ??= {});
            byYear[String(y)] = { lasten: total > 1 ? (region * f) / total : region * f, source: 'test' };
          });
          if (fr.every((f) => f !== undefined)) {
            // all known: they must match the region, so scale them to it (or leave one out when all are 0)
            if (total > 0)
              m.gemeenten.forEach(
                (g, gi) => (gem[g.id]!.segments![seg.id]![String(y)]!.lasten = (region * fr[gi]!) / total),
              );
            else delete gem[m.gemeenten[0]!.id]!.segments![seg.id]![String(y)];
          }
        });
      });
      years.forEach((y, yi) => {
        const amounts = funding[yi];
        if (amounts)
          m.gemeenten.forEach(
            (g, gi) => (gem[g.id]!.rijksmiddelen![String(y)] = { amount: amounts[gi]!, source: 'test' }),
          );
      });
      return model({ ...m, realisatie: r });
    });

describe('with realisatie', () => {
  it('realised years are exact, the gemeenten add up to the region, known gemeenten get their figure', () => {
    fc.assert(
      fc.property(
        modelArb.chain((m) => realisedArb(m)).chain((m) => scenarioArb(m).map((s) => [m, s] as const)),
        ([m, sIn]) => {
          const s = scenario(m, sIn);
          const r = simulate(m, s);
          const R = m.realisatie!.lastYear;
          r.years.forEach((year, k) => {
            const realised = year <= R;
            expect(r.totals[k]!.kind).toBe(realised ? 'realisatie' : 'raming');
            let cost = 0;
            let funding = 0;
            for (const g of r.gemeenten) {
              cost += g.years[k]!.cost;
              funding += g.years[k]!.funding;
            }
            expect(closeRel(cost, r.totals[k]!.cost, 1e-9)).toBe(true);
            expect(closeRel(funding, r.totals[k]!.funding, 1e-9)).toBe(true);
            if (!realised) return;
            m.segments.forEach((seg, l) => {
              const fig = m.realisatie!.segments[seg.id]?.[String(year)] ?? { lasten: 0 };
              expect(r.lines[l]!.years[k]!.cost).toBe(fig.lasten);
              const known = m.gemeenten.map(
                (g) => m.realisatie!.gemeenten?.[g.id]?.segments?.[seg.id]?.[String(year)]?.lasten,
              );
              const sumKnown = known.reduce<number>((t, v) => t + (v ?? 0), 0);
              const partial = known.some((v) => v === undefined) && sumKnown < fig.lasten;
              // floating point: the last gemeente takes the remainder, exact to ~1e-15 of the region's amount
              if (partial)
                known.forEach(
                  (v, gi) =>
                    v !== undefined &&
                    expect(Math.abs(r.gemeenten[gi]!.lineCosts[l]![k]! - v)).toBeLessThanOrEqual(
                      1e-9 * Math.max(fig.lasten, 1),
                    ),
                );
            });
            const prevention = r.lines.find((l) => l.id === 'preventie:extra-budget');
            if (prevention) expect(prevention.years[k]!.cost).toBe(0);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the raming after R equals R’s lasten when the scenario changes nothing', () => {
    fc.assert(
      fc.property(
        modelArb.chain((m) => realisedArb(m)),
        (m) => {
          const r = simulate(m, scenario(m));
          const R = m.realisatie!.lastYear;
          const k = r.years.indexOf(R);
          m.segments.forEach((seg, l) => {
            const fig = m.realisatie!.segments[seg.id]?.[String(R)];
            if (!fig) return; // a new segment runs on its own figures
            const lastLasten = fig.lasten;
            for (let j = k + 1; j < r.years.length; j++)
              expect(closeRel(r.lines[l]!.years[j]!.cost, lastLasten, 1e-9)).toBe(true);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
