import { describe, expect, it } from 'vitest';
import { explainHeadline, headlineBand, pullingRanges, shift } from '../../../src/shared/analysis/headline';
import type { MonteCarloResult, RangeSkew, YearBand } from '../../../src/shared/analysis/montecarlo';

const p = (p10: number, p50: number, p90: number) => ({ p10, p50, p90 });

function year(y: number, balance: number, det: number): YearBand {
  return {
    year: y,
    cost: p(0, 0, 0),
    funding: p(0, 0, 0),
    balance: p(balance - 2e6, balance, balance + 2e6),
    balanceQuartiles: { p25: balance - 1e6, p75: balance + 1e6 },
    cumulativeBalance: p(2 * balance - 4e6, 2 * balance, 2 * balance + 4e6),
    cumulativeQuartiles: { p25: 2 * balance - 2e6, p75: 2 * balance + 2e6 },
    deficitProbability: 0.5,
    deterministic: { cost: 0, funding: 0, balance: det },
  };
}

function skew(label: string, low: number, likely: number, high: number, endLow: number, endHigh: number): RangeSkew {
  return {
    key: `ranges.${label}`,
    label,
    low,
    likely,
    high,
    endYear: { low: endLow, high: endHigh },
    cumulative: { low: 2 * endLow, high: 2 * endHigh },
  };
}

const mc = (years: YearBand[], skews: RangeSkew[] = []): MonteCarloResult => ({
  seed: 1,
  draws: 100,
  engineVersion: 'test',
  parameters: [],
  years,
  skews,
});

describe('headlineBand', () => {
  it('end year and cumulative: P10–P90 of the Monte Carlo, the scenario figure, inside or outside P25–P75', () => {
    const r = mc([year(2027, -1e6, -1.5e6), year(2028, -3e6, 0)]);
    expect(headlineBand(r, 'endYear')).toEqual({
      metric: 'endYear',
      year: 2028,
      fromYear: 2027,
      deterministic: 0,
      p10: -5e6,
      p25: -4e6,
      p50: -3e6,
      p75: -2e6,
      p90: -1e6,
      position: 'above',
    });
    const cum = headlineBand(r, 'cumulative')!;
    expect(cum.deterministic).toBe(-1.5e6); // −1,5 mln + 0
    expect([cum.p25, cum.p75]).toEqual([-8e6, -4e6]);
    expect(cum.position).toBe('above');
    expect(headlineBand(mc([year(2028, -3e6, -3.5e6)]), 'endYear')!.position).toBe('inside');
    expect(headlineBand(mc([year(2028, -3e6, -4.5e6)]), 'endYear')!.position).toBe('below');
  });
});

describe('the explanation: which asymmetric ranges pull the band, and which way', () => {
  // pleegzorg: high much further than low, costs up → saldo at high −3 mln, at low +0,6 mln: mean shift −0,8 mln
  const pleeg = skew('Pleegzorg, instroom per jaar', 90, 100, 150, 600_000, -3_000_000);
  // tarief: symmetric → no shift
  const tarief = skew('Ambulant, tarief per eenheid', 90, 100, 110, 1_000_000, -1_000_000);
  // index: lower further → saldo at low +1,5 mln, at high −0,3 mln: mean shift +0,4 mln
  const index = skew('Index Rijksmiddelen (%-punt)', -3, 0, 1, -1_500_000, 300_000);

  it('shift = (effect at low + effect at high) / 3', () => {
    expect(shift(pleeg, 'endYear')).toBeCloseTo(-800_000, 6);
    expect(shift(tarief, 'endYear')).toBe(0);
    expect(shift(index, 'endYear')).toBeCloseTo(-400_000, 6);
    expect(shift(index, 'cumulative')).toBeCloseTo(-800_000, 6);
  });

  it('the ranges pulling down, largest first; none pulling up', () => {
    expect(pullingRanges([tarief, index, pleeg], 'endYear', 'down').map((x) => x.skew.label)).toEqual([
      'Pleegzorg, instroom per jaar',
      'Index Rijksmiddelen (%-punt)',
    ]);
    expect(pullingRanges([tarief, index, pleeg], 'endYear', 'up')).toEqual([]);
  });

  it('above P75: names P75, P50 and the two ranges that pull down most, with their side and effect', () => {
    const band = headlineBand(mc([year(2028, -3e6, 0)]), 'endYear')!;
    expect(explainHeadline(band, [tarief, index, pleeg])).toBe(
      'Het saldo 2028 van het scenario ligt boven P75 (€ -2 mln): de bandbreedtes zijn scheef, dus het midden van de ' +
        'trekkingen (P50 € -3 mln) ligt lager. Vooral: Pleegzorg, instroom per jaar reikt verder naar boven ' +
        '(90 – 100 – 150; gemiddeld € -800 dzd op het saldo); Index Rijksmiddelen (%-punt) reikt verder naar beneden ' +
        '(-3 – 0 – 1; gemiddeld € -400 dzd op het saldo).',
    );
  });

  it('below P25 with nothing pulling up: says so; inside P25–P75: no explanation', () => {
    const cum = headlineBand(mc([year(2028, -3e6, -8.5e6)]), 'cumulative')!;
    expect(cum.position).toBe('below');
    expect(explainHeadline(cum, [pleeg])).toBe(
      'Het cumulatieve saldo van het scenario ligt onder P25 (€ -8 mln): de bandbreedtes zijn scheef, dus het midden ' +
        'van de trekkingen (P50 € -6 mln) ligt hoger. Geen afzonderlijke bandbreedte springt eruit; samen wegen ze naar die kant.',
    );
    expect(explainHeadline(headlineBand(mc([year(2028, -3e6, -3e6)]), 'endYear')!, [pleeg])).toBeUndefined();
  });

  it('the ranges pulling down, largest first; none pulling up', () => {
    expect(pullingRanges([tarief, index, pleeg], 'endYear', 'down').map((x) => x.skew.label)).toEqual([
      'Pleegzorg, instroom per jaar',
      'Index Rijksmiddelen (%-punt)',
    ]);
    expect(pullingRanges([tarief, index, pleeg], 'endYear', 'up')).toEqual([]);
  });
});
