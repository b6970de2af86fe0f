/** Property-based tests of the engine (fast-check): laws that must hold for any valid input. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../../src/shared/engine/simulate';
import { emptyScenario, type ScenarioInput, type SegmentAssumption } from '../../../src/shared/formats/scenario';
import type { Model, Segment, Split, VolumeSegment } from '../../../src/shared/formats/model';
import { budget, closeRel, gemeente, model, scenario, volume } from '../../fixtures';

const BASE = 2022;
const END = 2026;
const FUTURE = ['2023', '2024', '2025', '2026'] as const;

const money = fc.double({ min: 0, max: 1e5, noNaN: true, noDefaultInfinity: true });
const inflow = fc.double({ min: 0, max: 1e4, noNaN: true, noDefaultInfinity: true });
const duration = fc.double({ min: 1, max: 120, noNaN: true, noDefaultInfinity: true });
const units = fc.double({ min: 0.01, max: 100, noNaN: true, noDefaultInfinity: true });
const pct = fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true });
const pctMap = fc.dictionary(fc.constantFrom(...FUTURE), pct, { maxKeys: 4 });

/** minDuration > 1 where a scenario may shorten durations: 3 × 0,8^4 ≥ 1 keeps it valid. */
const volumeArb = (id: string, minDuration = 1) =>
  fc
    .record({
      inflowPerYear: inflow,
      avgDurationMonths: fc.double({ min: minDuration, max: 120, noNaN: true, noDefaultInfinity: true }),
      unitsPerClientMonth: units,
      pricePerUnit: money,
      openingClients: fc.option(fc.double({ min: 0, max: 1e4, noNaN: true, noDefaultInfinity: true }), {
        nil: undefined,
      }),
    })
    .map((f) => {
      const { openingClients, ...rest } = f;
      return volume(id, openingClients === undefined ? rest : { ...rest, openingClients });
    });

describe('steady state (Little’s law)', () => {
  it('openingClients omitted, empty scenario: every year costs inflow × duration × u × p', () => {
    fc.assert(
      fc.property(inflow, duration, units, money, (i, d, u, p) => {
        const m = model({
          baseYear: BASE,
          endYear: END,
          segments: [volume('s', { inflowPerYear: i, avgDurationMonths: d, unitsPerClientMonth: u, pricePerUnit: p })],
        });
        const r = simulate(m, emptyScenario('leeg'));
        const expected = i * d * u * p;
        for (const y of r.lines[0]!.years) {
          if (!closeRel(y.cost, expected, 1e-9)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('conservation of clients under substitution', () => {
  it('the sum of inflows after substitution equals the sum before, every year', () => {
    const n = 4;
    const ids = ['s0', 's1', 's2', 's3'];
    // Shares per source are drawn as fractions of a budget of 100% so they never exceed it together.
    const ruleArb = fc.record({
      from: fc.integer({ min: 0, max: n - 1 }),
      to: fc.integer({ min: 0, max: n - 2 }),
      shares: fc.dictionary(fc.constantFrom(...FUTURE), fc.double({ min: 0, max: 1, noNaN: true }), { maxKeys: 4 }),
    });
    fc.assert(
      fc.property(
        fc.tuple(...ids.map((id) => volumeArb(id))),
        fc.array(fc.tuple(fc.constantFrom(...ids), pctMap), { maxLength: 4 }),
        fc.array(ruleArb, { minLength: 1, maxLength: 6 }),
        (segments, changes, rawRules) => {
          const m = model({ baseYear: BASE, endYear: END, segments });
          // each source's shares per year: rule j gets shares_j / (number of rules from that source) × 100%
          const perSource = new Map<number, number>();
          for (const r of rawRules) perSource.set(r.from, (perSource.get(r.from) ?? 0) + 1);
          const substitutions = rawRules.map((r) => {
            const to = r.to >= r.from ? r.to + 1 : r.to; // never the source itself
            const count = perSource.get(r.from)!;
            const sharePct = Object.fromEntries(Object.entries(r.shares).map(([y, f]) => [y, (f * 100) / count]));
            return { from: ids[r.from]!, to: ids[to]!, sharePct };
          });
          const assumptions: NonNullable<ScenarioInput['assumptions']> = {};
          for (const [id, map] of changes) assumptions[id] = { inflowChangePct: map };
          const res = simulate(m, scenario(m, { assumptions, substitutions }));
          for (let k = 0; k < res.years.length; k++) {
            let before = 0;
            let after = 0;
            for (const line of res.lines) {
              if (line.kind !== 'volume') continue;
              const y = line.years[k]!;
              before += y.inflowBeforeSubstitution;
              after += y.inflow;
              if (y.inflow < -1e-9 * Math.max(1, y.inflowBeforeSubstitution)) return false;
            }
            if (!closeRel(before, after, 1e-9)) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

const splitArb: fc.Arbitrary<Split | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant('solidarity' as const),
  fc.constant('usage' as const),
  fc.double({ min: 0, max: 100, noNaN: true }).map((solidarityPct) => ({ solidarityPct })),
);

/** A random valid model with 1–7 gemeenten, volume and budget lines, random splits and usage shares. */
const modelArb: fc.Arbitrary<Model> = fc
  .record({
    youth: fc.array(fc.integer({ min: 1, max: 50000 }), { minLength: 1, maxLength: 7 }),
    withFundingShares: fc.boolean(),
    segments: fc.array(
      fc.record({
        isVolume: fc.boolean(),
        vol: volumeArb('x'),
        amount: money,
        split: splitArb,
        usage: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), {
          minLength: 7,
          maxLength: 7,
        }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    fundingBase: fc.double({ min: 0, max: 1e8, noNaN: true }),
    fundingIndex: pctMap,
  })
  .map(({ youth, withFundingShares, segments, fundingBase, fundingIndex }) => {
    const total = youth.reduce((t, y) => t + y, 0);
    const gemeenten = youth.map((y, k) => gemeente(`g${k}`, y, withFundingShares ? { fundingShare: y / total } : {}));
    const segs: Segment[] = segments.map((s, k) => {
      const usageShare: Record<string, number> = {};
      s.usage.slice(0, youth.length).forEach((u, j) => {
        if (u !== undefined) usageShare[`g${j}`] = u;
      });
      const common = { ...(s.split !== undefined ? { split: s.split } : {}), usageShare };
      return s.isVolume ? { ...s.vol, id: `s${k}`, ...common } : budget(`s${k}`, s.amount, common);
    });
    return model({
      baseYear: BASE,
      endYear: END,
      gemeenten,
      segments: segs,
      funding: { baseAmount: fundingBase, indexPct: fundingIndex },
    });
  });

describe('gemeenten add up to the region', () => {
  it('cost, funding and balance per year, for random models', () => {
    fc.assert(
      fc.property(
        modelArb,
        fc.dictionary(fc.constantFrom(...FUTURE), fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxKeys: 4 }),
        (m, adjustments) => {
          const r = simulate(m, scenario(m, { funding: { adjustments } }));
          return r.totals.every((t, k) => {
            const cost = r.gemeenten.reduce((s, g) => s + g.years[k]!.cost, 0);
            const funding = r.gemeenten.reduce((s, g) => s + g.years[k]!.funding, 0);
            const balance = r.gemeenten.reduce((s, g) => s + g.years[k]!.balance, 0);
            // the line parts also add up to each line
            const linesOk = r.lines.every((line, l) =>
              closeRel(
                r.gemeenten.reduce((s, g) => s + g.lineCosts[l]![k]!, 0),
                line.years[k]!.cost,
                1e-9,
              ),
            );
            return (
              linesOk &&
              closeRel(cost, t.cost, 1e-9) &&
              closeRel(funding, t.funding, 1e-9) &&
              closeRel(balance, t.balance, 1e-9)
            );
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every verdeelsleutel sums to 1 and has no negative share', () => {
    fc.assert(
      fc.property(modelArb, (m) => {
        const r = simulate(m, emptyScenario('leeg'));
        const fundingSum = r.gemeenten.reduce((s, g) => s + g.fundingShare, 0);
        return (
          closeRel(fundingSum, 1, 1e-12) &&
          m.segments.every((seg) => {
            const shares = r.gemeenten.map((g) => g.costShares[seg.id]!);
            return (
              shares.every((x) => x >= 0) &&
              closeRel(
                shares.reduce((s, x) => s + x, 0),
                1,
                1e-12,
              )
            );
          })
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('monotonicity', () => {
  const assumptionArb = fc.record({
    inflowChangePct: pctMap,
    durationChangePct: fc.dictionary(fc.constantFrom(...FUTURE), fc.double({ min: -20, max: 50, noNaN: true }), {
      maxKeys: 4,
    }),
    intensityChangePct: pctMap,
    priceIndexPct: pctMap,
  });
  const noLower = (higher: number, lower: number) => higher >= lower - 1e-9 * Math.max(1, Math.abs(lower));

  function costs(seg: VolumeSegment, a: SegmentAssumption): number[] {
    const m = model({ baseYear: BASE, endYear: END, segments: [seg] });
    return simulate(m, scenario(m, { assumptions: { s: a } })).lines[0]!.years.map((y) => y.cost);
  }

  it('more inflow never lowers any year’s cost', () => {
    fc.assert(
      fc.property(volumeArb('s', 3), assumptionArb, fc.double({ min: 0, max: 1000, noNaN: true }), (seg, a, extra) => {
        const low = costs(seg, a);
        const high = costs({ ...seg, inflowPerYear: seg.inflowPerYear + extra }, a);
        return high.every((c, k) => noLower(c, low[k]!));
      }),
      { numRuns: 200 },
    );
  });

  it('a higher inflow change in one year never lowers any year’s cost', () => {
    fc.assert(
      fc.property(
        volumeArb('s', 3),
        assumptionArb,
        fc.constantFrom(...FUTURE),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (seg, a, year, extra) => {
          const low = costs(seg, a);
          const bumped = {
            ...a,
            inflowChangePct: { ...a.inflowChangePct, [year]: (a.inflowChangePct[year] ?? 0) + extra },
          };
          const high = costs(seg, bumped);
          return high.every((c, k) => noLower(c, low[k]!));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('longer duration never lowers any year’s cost', () => {
    fc.assert(
      fc.property(volumeArb('s', 3), assumptionArb, fc.double({ min: 0, max: 60, noNaN: true }), (seg, a, extra) => {
        const low = costs(seg, a);
        const high = costs({ ...seg, avgDurationMonths: seg.avgDurationMonths + extra }, a);
        return high.every((c, k) => noLower(c, low[k]!));
      }),
      { numRuns: 200 },
    );
  });

  it('a longer-duration change in one year never lowers any year’s cost', () => {
    fc.assert(
      fc.property(
        volumeArb('s', 3),
        assumptionArb,
        fc.constantFrom(...FUTURE),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (seg, a, year, extra) => {
          const low = costs(seg, a);
          const bumped = {
            ...a,
            durationChangePct: { ...a.durationChangePct, [year]: (a.durationChangePct[year] ?? 0) + extra },
          };
          const high = costs(seg, bumped);
          return high.every((c, k) => noLower(c, low[k]!));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is checked for real: a lower inflow does lower the cost', () => {
    const m = model({ segments: [volume('s', { inflowPerYear: 100 })] });
    const base = simulate(m, emptyScenario('leeg')).lines[0]!.years[2]!.cost;
    const less = simulate(m, scenario(m, { assumptions: { s: { inflowChangePct: { '2023': -10 } } } })).lines[0]!
      .years[2]!.cost;
    expect(less).toBeLessThan(base);
  });
});
