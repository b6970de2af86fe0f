import { describe, expect, it } from 'vitest';
import { tornado } from '../../../src/shared/analysis/tornado';
import { budgetLine, defaultModel, shippedScenario, handModel, validScenario, withoutRanges } from '../../fixtures';

describe('tornado on a hand-built case', () => {
  // 2022–2024, three budget lines and the funding; B has a wide range, the rest gets ±10%.
  const m = handModel({
    segments: [budgetLine('a', 1_000_000), budgetLine('b', 500_000), budgetLine('c', 100_000)],
    funding: { baseAmount: 1_500_000 },
  });
  const sc = validScenario(m, {
    ranges: { b: { amount: { low: 0, high: 2_000_000, source: 'spreiding offertes' } } },
    assumptions: { c: { amountChangePct: { '2024': 10 } } },
  });
  const r = tornado(m, sc, { year: 2023 });

  it('sorts by the effect on the cumulative saldo: B (range), funding ±10%, A ±10%, C ±10%, C index ±10%', () => {
    expect(r.bars.map((b) => b.parameter.key)).toEqual([
      'ranges.b.amount',
      'funding.ranges.baseAmount',
      'ranges.a.amount',
      'ranges.c.amount',
      'ranges.c.amountChangePct',
    ]);
  });

  it('computes each bar by hand', () => {
    const [b, funding, a, c, cIndex] = r.bars;
    // base: cost 1,6 mln (2024: 1,61 mln), funding 1,5 mln → −100.000, −100.000, −110.000
    expect(r.base.cumulativeBalance).toBeCloseTo(-310_000, 6);
    expect(r.base.yearBalance).toBeCloseTo(-100_000, 6);
    // B 0 .. 2 mln: each year ±; cumulative swing 3 × 2 mln
    expect(b!.low.value).toBe(0);
    expect(b!.low.cumulativeBalance).toBeCloseTo(-310_000 + 3 * 500_000, 6);
    expect(b!.high.cumulativeBalance).toBeCloseTo(-310_000 - 3 * 1_500_000, 6);
    expect(b!.cumulativeSwing).toBeCloseTo(6_000_000, 6);
    expect(b!.yearSwing).toBeCloseTo(2_000_000, 6);
    expect(b!.parameter.fromRange).toBe(true);
    expect(b!.parameter.rangeSource).toBe('spreiding offertes');
    // funding 1,35 .. 1,65 mln: 3 × 300.000
    expect(funding!.cumulativeSwing).toBeCloseTo(900_000, 6);
    expect(funding!.high.cumulativeBalance).toBeCloseTo(-310_000 + 3 * 150_000, 6);
    // A 0,9 .. 1,1 mln
    expect(a!.cumulativeSwing).toBeCloseTo(600_000, 6);
    expect(a!.parameter.fromRange).toBe(false);
    // C 90.000 .. 110.000, 2024 × 1,1: 20.000 + 20.000 + 22.000
    expect(c!.cumulativeSwing).toBeCloseTo(62_000, 6);
    // C's 10% in 2024 scaled to 9% .. 11%: only 2024 moves, 100.000 × 2%
    expect(cIndex!.low.value).toBeCloseTo(0.9, 12);
    expect(cIndex!.cumulativeSwing).toBeCloseTo(2_000, 6);
    expect(cIndex!.yearSwing).toBe(0);
  });

  it('can sort by the chosen year instead', () => {
    const byYear = tornado(m, sc, { year: 2024, sortBy: 'year' });
    expect(byYear.bars[0]!.parameter.key).toBe('ranges.b.amount');
    expect(byYear.bars[byYear.bars.length - 1]!.yearSwing).toBeCloseTo(2_000, 6);
    expect(byYear.year).toBe(2024);
  });

  it('rejects a year outside the model and a bad default percentage', () => {
    expect(() => tornado(m, sc, { year: 2030 })).toThrow('jaar: 2030 ligt buiten 2022–2024');
    expect(() => tornado(m, sc, { defaultPct: 0 })).toThrow('standaardbandbreedte');
  });
});

describe('tornado on the default model', () => {
  it('lists base figures and set percentages, largest first', () => {
    const m = defaultModel();
    const sc = withoutRanges(shippedScenario(m, 'beleidsplan-kpis.json'));
    const r = tornado(m, sc);
    // one base-figure bar per segment (tariff or budget), the funding's two, and each percentage the scenario sets
    const volumeCount = m.segments.filter((s) => s.kind === 'volume').length;
    expect(r.bars.filter((b) => b.parameter.target.kind === 'segmentBase')).toHaveLength(m.segments.length);
    expect(r.bars.filter((b) => b.parameter.key.endsWith('.pricePerUnit'))).toHaveLength(volumeCount);
    expect(r.bars.some((b) => b.parameter.key.endsWith('.inflowPerYear'))).toBe(false);
    expect(r.bars.filter((b) => b.parameter.mode === 'scale').length).toBeGreaterThan(10);
    for (let i = 1; i < r.bars.length; i++)
      expect(r.bars[i - 1]!.cumulativeSwing).toBeGreaterThanOrEqual(r.bars[i]!.cumulativeSwing);
    // without the scenario's ranges the largest are the reële tarieven 2026 (its range in the model) and the index
    // of the Rijksmiddelen; the base amount moves nothing since the default model has realised Rijksmiddelen per
    // gemeente for 2022–2024 (the raming starts from those)
    expect(r.bars.slice(0, 2).map((b) => b.parameter.key)).toEqual([
      'knownChanges.tarieven-2026',
      'funding.ranges.indexPct',
    ]);
    expect(r.bars.some((b) => b.parameter.key === 'funding.ranges.baseAmount' && b.cumulativeSwing > 0)).toBe(false);
  });
});
