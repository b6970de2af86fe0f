/**
 * Monte Carlo draws the ranges of bekende ontwikkelingen and Rijksmaatregelen (a factor on the
 * amount, triangular around 1) and of the autonome-ontwikkeling drivers (a shift in
 * percentage points), issue 11 item 2.
 */
import { describe, expect, it } from 'vitest';
import { runMonteCarloSync } from '../../../src/shared/analysis/montecarlo';
import { listParameters } from '../../../src/shared/analysis/parameters';
import { tornado } from '../../../src/shared/analysis/tornado';
import { findMeasure } from '../../../src/shared/domain/rijksmaatregelen';
import { simulate } from '../../../src/shared/engine/simulate';
import { handModel, scenarioIssues, validScenario } from '../../fixtures';

// 2022–2024, one budget line of € 1.000 (split by youth), Rijksmiddelen € 2.000 and a share of 1 per mille
const m = handModel({
  segments: [{ id: 'x', name: 'X', kind: 'budget', amount: 1000 }],
  funding: { baseAmount: 2000, nationalShare: { value: 1e-9, source: 'test' } },
  knownChanges: [
    {
      id: 'lijn',
      name: 'Een lijn van € 1.000',
      side: 'lasten',
      kind: 'structureel',
      amount: { '2023': 1000 },
      range: { lowPct: -50, highPct: 50, source: 'halve bandbreedte' },
      source: 'Testbron, 2025',
    },
  ],
});

/** The q-quantile of the triangle (a, c, b). */
function triangleQuantile(q: number, a: number, c: number, b: number): number {
  const split = (c - a) / (b - a);
  return q < split ? a + Math.sqrt(q * (b - a) * (c - a)) : b - Math.sqrt((1 - q) * (b - a) * (b - c));
}

describe('Monte Carlo draws the range of a bekende ontwikkeling', () => {
  const sc = validScenario(m, { knownChanges: { lijn: true } });

  it('lists it as a factor 0,5 – 1 – 1,5 with its source', () => {
    const params = listParameters(m, sc);
    expect(params.map((p) => [p.key, p.low, p.likely, p.high, p.mode, p.rangeSource])).toEqual([
      ['knownChanges.lijn', 0.5, 1, 1.5, 'value', 'halve bandbreedte'],
    ]);
    // off: nothing to draw
    expect(listParameters(m, validScenario(m, {}))).toEqual([]);
  });

  it('P10/P50/P90 of the lasten in 2023 are 1.000 + 1.000 × the triangle’s quantiles − 1', () => {
    const r = runMonteCarloSync({ model: m, scenario: sc, draws: 4000, seed: 7 });
    const y = r.years[1]!;
    const expected = (q: number) => 1000 + 1000 * triangleQuantile(q, 0.5, 1, 1.5);
    expect(y.deterministic.cost).toBe(2000);
    expect(y.cost.p10).toBeCloseTo(expected(0.1), -1); // ≈ 1.724
    expect(y.cost.p50).toBeCloseTo(expected(0.5), -1); // 2.000
    expect(y.cost.p90).toBeCloseTo(expected(0.9), -1); // ≈ 2.276
    expect(Math.abs(y.cost.p10 - 1723.6)).toBeLessThan(15);
    // 2022 has no amount: no spread
    expect(r.years[0]!.cost).toEqual({ p10: 1000, p50: 1000, p90: 1000 });
  });

  it('the tornado swings the line from its low to its high', () => {
    const t = tornado(m, sc, { year: 2023 });
    const bar = t.bars.find((b) => b.parameter.key === 'knownChanges.lijn')!;
    expect(bar.low.yearBalance).toBe(2000 - 1000 - 500);
    expect(bar.high.yearBalance).toBe(2000 - 1000 - 1500);
  });
});

describe('Monte Carlo draws the range of a Rijksmaatregel', () => {
  it('besparing Hervormingsagenda: a factor 0 – 1 – 1 (the cut may be dropped, never larger)', () => {
    const measure = findMeasure('besparing-hervormingsagenda')!;
    expect(measure.range).toMatchObject({ lowPct: -100, highPct: 0 });
    const mm = handModel({
      endYear: 2026,
      segments: [{ id: 'x', name: 'X', kind: 'budget', amount: 1000 }],
      funding: { baseAmount: 2000, nationalShare: { value: 1e-6, source: 'test' } },
    });
    const sc = validScenario(mm, { measures: { 'besparing-hervormingsagenda': true } });
    const params = listParameters(mm, sc);
    expect(params.map((p) => [p.key, p.low, p.likely, p.high])).toEqual([
      ['measures.besparing-hervormingsagenda', 0, 1, 1],
    ]);
    const det = simulate(mm, sc).totals[4]!.funding; // 2026: 2.000 − € 1 mld × 10^-6 = 1.000
    expect(det).toBeCloseTo(1000, 9);
    const r = runMonteCarloSync({ model: mm, scenario: sc, draws: 4000, seed: 3 });
    const f = r.years[4]!.funding;
    // funding = 2.000 − 1.000 × factor, factor ~ triangle(0, 1, 1): P10 of the factor is √0,1
    expect(f.p90).toBeCloseTo(2000 - 1000 * Math.sqrt(0.1), -1);
    expect(f.p50).toBeCloseTo(2000 - 1000 * Math.sqrt(0.5), -1);
    expect(f.p10).toBeGreaterThanOrEqual(det - 1e-6);
  });
});

describe('Monte Carlo draws the autonome-ontwikkeling drivers', () => {
  const mm = handModel({
    segments: [
      {
        id: 'v',
        name: 'V',
        kind: 'volume',
        inflowPerYear: 1200,
        avgDurationMonths: 1,
        unit: 'cliëntmaand',
        pricePerUnit: 100,
      },
    ],
  });

  it('usageChangePct: a shift in percentage points on every later year', () => {
    const sc = validScenario(mm, {
      autonomous: { usageChangePct: { '2023': 2, '2024': 2 }, ranges: { usageChangePct: { low: -2, high: 2 } } },
    });
    const params = listParameters(mm, sc);
    expect(params.map((p) => [p.key, p.mode, p.low, p.likely, p.high])).toEqual([
      ['autonomous.ranges.usageChangePct', 'shift', -2, 0, 2],
    ]);
    const r = runMonteCarloSync({ model: mm, scenario: sc, draws: 2000, seed: 11 });
    const y = r.years[2]!;
    // the deterministic path has +2% twice; the band spreads around it, P50 ≈ it
    expect(y.cost.p10).toBeLessThan(y.deterministic.cost);
    expect(y.cost.p90).toBeGreaterThan(y.deterministic.cost);
    expect(y.cost.p50 / y.deterministic.cost).toBeCloseTo(1, 2);
    // the tornado: more use (high) is a lower saldo; its low (0% a year) costs about as 2022
    const t = tornado(mm, sc, { year: 2024 });
    const bar = t.bars.find((b) => b.parameter.key === 'autonomous.ranges.usageChangePct')!;
    expect(bar.high.yearBalance).toBeLessThan(bar.low.yearBalance);
    expect(-bar.low.yearBalance / 120_000).toBeCloseTo(1, 2);
  });

  it('a range on a driver: a shift around 0, and the shifted percentage stays ≥ −100%', () => {
    expect(
      scenarioIssues(mm, {
        autonomous: { wageIndexPct: { '2023': -99 }, ranges: { wageIndexPct: { low: -2, high: 1 } } },
      }),
    ).toEqual([expect.stringContaining('low -2 maakt het percentage van 2023 -101%: kleiner dan -100%')]);
    expect(scenarioIssues(mm, { autonomous: { ranges: { severityChangePct: { low: 1, high: 2 } } } })).toEqual([
      expect.stringContaining('low 1 is groter dan 0'),
    ]);
  });
});
