/**
 * Backtest (issue 10, item 6): the last realised year forecast from the year before,
 * with the scenario's assumptions, against what was realised. Hand-computed.
 */
import { describe, expect, it } from 'vitest';
import { backtest, modelBeforeLastYear } from '../../../src/shared/analysis/backtest';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import type { Model } from '../../../src/shared/formats/model';
import { parseModel } from '../../../src/shared/formats/validate';
import { budget, gemeente, model, scenario, volume } from '../../fixtures';

const src = 'Jaarrekening 2023, tabel 4';

/**
 * 2022–2025, R = 2023.
 * amb: volume, D = 6 months. 2022: N 300, K 90.000 → I = 200, S = 100, 1.200 client-months, € 75 per client-month.
 *   2023 realised: K 120.000.
 * sub: budget, 2022 € 1.000, 2023 € 1.100.
 * nieuw: budget without realised figures (a new segment): left out.
 */
function realisedModel(fields: Partial<Model> = {}): Model {
  return model({
    baseYear: 2022,
    endYear: 2025,
    gemeenten: [gemeente('a', 200), gemeente('b', 100)],
    segments: [
      volume('amb', { avgDurationMonths: 6, unit: 'uur', pricePerUnit: 999, inflowPerYear: 1 }),
      budget('sub', 777),
      budget('nieuw', 5_000),
    ],
    funding: { baseAmount: 5_000 },
    realisatie: {
      lastYear: 2023,
      segments: {
        amb: {
          '2022': { clients: 300, lasten: 90_000, source: src },
          '2023': { clients: 360, lasten: 120_000, volume: 2_400, source: src },
        },
        sub: { '2022': { lasten: 1_000, source: src }, '2023': { lasten: 1_100, source: src } },
      },
      gemeenten: {
        a: {
          rijksmiddelen: {
            '2022': { amount: 3_000, source: 'Septembercirculaire 2022' },
            '2023': { amount: 3_300, source: 'Septembercirculaire 2023' },
          },
          segments: { sub: { '2023': { lasten: 700, source: src } } },
        },
        b: {
          rijksmiddelen: {
            '2022': { amount: 1_500, source: 'Septembercirculaire 2022' },
            '2023': { amount: 1_600, source: 'Septembercirculaire 2023' },
          },
        },
      },
    },
    ...fields,
  });
}

describe('backtest', () => {
  it('the model before R is a valid model with realisatie up to R − 1', () => {
    const before = modelBeforeLastYear(realisedModel());
    expect(before.realisatie!.lastYear).toBe(2022);
    expect(Object.keys(before.realisatie!.segments.amb!)).toEqual(['2022']);
    expect(before.realisatie!.gemeenten!.a!.segments!.sub).toEqual({});
    expect(Object.keys(before.realisatie!.gemeenten!.b!.rijksmiddelen!)).toEqual(['2022']);
    expect(parseModel(before).ok).toBe(true);
  });

  it('without assumptions the raming of R is the realised R − 1 (steady state)', () => {
    const r = backtest(realisedModel(), emptyScenario('leeg'));
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toMatchObject({ year: 2023, fromYear: 2022, scenarioName: 'leeg', skipped: ['Budget nieuw'] });
    const [amb, sub] = r.value.lines;
    expect(amb!.forecast).toBeCloseTo(90_000, 6);
    expect(amb!.realised).toBe(120_000);
    expect(amb!.error).toBeCloseTo(-30_000, 6);
    expect(amb!.errorPct).toBeCloseTo(-25, 9);
    expect(sub).toMatchObject({ forecast: 1_000, realised: 1_100, error: -100 });
    expect(sub!.errorPct).toBeCloseTo(-9.0909090909, 8);
    expect(r.value.total.forecast).toBeCloseTo(91_000, 6);
    expect(r.value.total.realised).toBe(121_100);
    expect(r.value.total.errorPct).toBeCloseTo((-30_100 / 121_100) * 100, 8);
  });

  it('applies the scenario’s percentages for R (price +10%, budget +5%)', () => {
    const m = realisedModel();
    const s = scenario(m, {
      assumptions: { amb: { priceIndexPct: { '2023': 10 } }, sub: { amountChangePct: { '2023': 5 } } },
    });
    const r = backtest(m, s);
    if (!r.ok) throw new Error(r.error);
    const [amb, sub] = r.value.lines;
    // 1.200 client-months × € 75 × 1,10 = € 99.000; € 1.000 × 1,05 = € 1.050
    expect(amb!.forecast).toBeCloseTo(99_000, 6);
    expect(amb!.errorPct).toBeCloseTo(-17.5, 9);
    expect(sub!.forecast).toBeCloseTo(1_050, 9);
    expect(r.value.total.forecast).toBeCloseTo(100_050, 6);
    expect(r.value.total.error).toBeCloseTo(-21_050, 6);
  });

  it('refuses a model with fewer than two realised years, in Dutch', () => {
    const one = realisedModel();
    one.realisatie = modelBeforeLastYear(one).realisatie;
    const r1 = backtest(one, emptyScenario('leeg'));
    expect(r1).toEqual({
      ok: false,
      error: expect.stringContaining('heeft één gerealiseerd jaar (2022)') as unknown as string,
    });
    const none = realisedModel({ realisatie: undefined });
    delete none.realisatie;
    const r0 = backtest(none, emptyScenario('leeg'));
    expect(r0.ok).toBe(false);
    if (!r0.ok) expect(r0.error).toContain('heeft geen realisatie');
    if (!r0.ok) expect(r0.error).toContain('minstens twee gerealiseerde jaren');
  });
});
