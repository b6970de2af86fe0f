/** Autonome ontwikkeling (scenario.autonomous): hand-computed cases and "no drivers = old results". */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../../src/shared/engine/simulate';
import { parseScenario } from '../../../src/shared/formats/validate';
import { SCENARIO_FORMAT, type ScenarioInput } from '../../../src/shared/formats/scenario';
import { budget, gemeente, model, scenario, volume } from '../../fixtures';

/**
 * A 1-month segment in steady state: 10 clients per month (inflow 120/yr), price € 10.
 * Client-months of year y: (i_{y−1} + i_y)/2 + 11 × i_y with i = inflow / 12 (first month half old, half new).
 */
const m = () =>
  model({
    baseYear: 2022,
    endYear: 2024,
    gemeenten: [gemeente('a', 100), gemeente('b', 300)],
    segments: [volume('s', { inflowPerYear: 120, avgDurationMonths: 1, pricePerUnit: 10 }), budget('sub', 1000)],
  });

function costs(fields: Omit<ScenarioInput, 'format' | 'name'>): number[] {
  const mm = m();
  return simulate(mm, scenario(mm, fields)).lines[0]!.years.map((y) => y.cost);
}

describe('autonome ontwikkeling: hand-computed', () => {
  it('demografie: inflow × (Σ youth_y / Σ youth_base); a missing year keeps the last known figure', () => {
    // youth 400 → 410 (a: 110 in 2023) → 440 (b: 330 in 2024, a stays 110): d = 1; 1,025; 1,1
    const c = costs({ autonomous: { youth0to17: { a: { '2023': 110 }, b: { '2024': 330 } } } });
    expect(c[0]).toBeCloseTo(1200, 9);
    // 2023: i 10 → 10,25: (10 + 10,25)/2 + 11 × 10,25 = 122,875 client-months × € 10
    expect(c[1]).toBeCloseTo(1228.75, 9);
    // 2024: i 10,25 → 11: (10,25 + 11)/2 + 11 × 11 = 131,625
    expect(c[2]).toBeCloseTo(1316.25, 9);
  });

  it('gebruik multiplies after the segment’s own inflowChangePct: 120 × 1,1 × 1,1 = 145,2', () => {
    const c = costs({
      assumptions: { s: { inflowChangePct: { '2023': 10 } } },
      autonomous: { usageChangePct: { '2023': 10 } },
    });
    // i 10 → 12,1: (10 + 12,1)/2 + 11 × 12,1 = 144,15 client-months; 2024 steady 145,2
    expect(c[1]).toBeCloseTo(1441.5, 9);
    expect(c[2]).toBeCloseTo(1452, 9);
  });

  it('zwaarte scales the units per client-month: 120 × 1,2 × € 10', () => {
    const c = costs({ autonomous: { severityChangePct: { '2023': 20 } } });
    expect(c).toEqual([1200, expect.closeTo(1440, 9), expect.closeTo(1440, 9)]);
  });

  it('prijs = 90% loon + 10% prijs by default, after the segment’s own priceIndexPct', () => {
    // 0,9 × 5 + 0,1 × 2 = 4,7%: € 10,47
    expect(costs({ autonomous: { wageIndexPct: { '2023': 5 }, materialIndexPct: { '2023': 2 } } })[1]).toBeCloseTo(
      1256.4,
      9,
    );
    // weight 50: 3,5%
    expect(
      costs({ autonomous: { wageIndexPct: { '2023': 5 }, materialIndexPct: { '2023': 2 }, wageWeightPct: 50 } })[1],
    ).toBeCloseTo(1242, 9);
    // own index 10% then 4,7%: € 10 × 1,1 × 1,047 = € 11,517; compounding into 2024 with 0% there
    const c = costs({
      assumptions: { s: { priceIndexPct: { '2023': 10 } } },
      autonomous: { wageIndexPct: { '2023': 5 }, materialIndexPct: { '2023': 2 } },
    });
    expect(c[1]).toBeCloseTo(1382.04, 9);
    expect(c[2]).toBeCloseTo(1382.04, 9);
  });

  it('budget lines and the Rijksmiddelen are not touched', () => {
    const mm = m();
    const r = simulate(
      mm,
      scenario(mm, { autonomous: { usageChangePct: { '2023': 50 }, wageIndexPct: { '2023': 50 } } }),
    );
    expect(r.lines[1]!.years.map((y) => y.cost)).toEqual([1000, 1000, 1000]);
    expect(r.totals.map((t) => t.funding)).toEqual([0, 0, 0]);
  });
});

describe('autonome ontwikkeling: validation', () => {
  it('names an unknown gemeente and a year outside the model', () => {
    const r = parseScenario(
      {
        format: SCENARIO_FORMAT,
        name: 'x',
        autonomous: { youth0to17: { zz: { '2023': 5 } }, usageChangePct: { '2030': 1 }, wageWeightPct: 120 },
      },
      m(),
    );
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
    expect(messages.join('\n')).toMatch(/wageWeightPct: 120 is meer dan 100%/);
    const r2 = parseScenario(
      {
        format: SCENARIO_FORMAT,
        name: 'x',
        autonomous: { youth0to17: { zz: { '2023': 5 } }, usageChangePct: { '2030': 1 } },
      },
      m(),
    );
    const m2 = r2.ok ? [] : r2.issues.map((i) => `${i.path}: ${i.message}`);
    expect(m2.some((t) => t.includes('autonomous.youth0to17.zz') && t.includes('"zz" is geen gemeente'))).toBe(true);
    expect(m2.some((t) => t.includes('autonomous.usageChangePct.2030') && t.includes('2030'))).toBe(true);
  });
});

describe('autonome ontwikkeling: no drivers = the results without them, exactly', () => {
  const pct = fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true });
  const pctMap = fc.dictionary(fc.constantFrom('2023', '2024'), pct, { maxKeys: 2 });
  it('absent, empty, zero paths or a youth prognosis equal to the model give identical results', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        pctMap,
        pctMap,
        fc.integer({ min: 1, max: 1e5 }),
        (inflow, duration, price, inflowPct, pricePct, youth) => {
          const mm = model({
            gemeenten: [gemeente('a', youth), gemeente('b', 7)],
            segments: [
              volume('s', { inflowPerYear: inflow, avgDurationMonths: duration, pricePerUnit: price }),
              volume('t'),
              budget('x', 500),
            ],
            funding: { baseAmount: 1e6, indexPct: { '2023': 3 } },
          });
          const base = { assumptions: { s: { inflowChangePct: inflowPct, priceIndexPct: pricePct } } };
          const expected = simulate(mm, scenario(mm, base));
          const zero = { '2023': 0, '2024': 0 };
          for (const autonomous of [
            {},
            {
              usageChangePct: zero,
              severityChangePct: zero,
              wageIndexPct: zero,
              materialIndexPct: zero,
              wageWeightPct: 35,
            },
            { youth0to17: { a: { '2023': youth, '2024': youth }, b: { '2024': 7 } } },
          ]) {
            expect(simulate(mm, scenario(mm, { ...base, autonomous }))).toEqual(expected);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
