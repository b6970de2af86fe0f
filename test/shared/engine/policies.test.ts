import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../../src/shared/engine/simulate';
import { scenarioAfter } from '../../../src/shared/engine/realisatie';
import { runMonteCarloSync } from '../../../src/shared/analysis/montecarlo';
import { compileLean } from '../../../src/shared/analysis/lean';
import { listParameters } from '../../../src/shared/analysis/parameters';
import { budgetLine, handModel, oneMonthSegment, scenarioIssues, validScenario } from '../../fixtures';

// 2022–2024: a 1-month segment (cost = inflow × price in a steady year), a 10-month one, a budget line
const m = handModel({
  segments: [
    oneMonthSegment('a', 1200, 100),
    oneMonthSegment('c', 600, 300),
    {
      id: 'long',
      name: 'Lang',
      kind: 'volume',
      inflowPerYear: 120,
      avgDurationMonths: 10,
      unitsPerClientMonth: 2,
      unit: 'uur',
      pricePerUnit: 50,
    },
    budgetLine('b', 1000),
  ],
});

const kpi = (fields: Record<string, unknown>) => ({
  id: 'kpi-1',
  name: 'KPI 1',
  source: 'Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 8, Ambulant KPI 1',
  realisatiePct: 50,
  ...fields,
});

describe('beleidsmaatregelen (hand-computed)', () => {
  it('realisatiePct/100 × the effect, multiplied after the segment’s own yearly path', () => {
    const sc = validScenario(m, {
      assumptions: { a: { inflowChangePct: { '2023': 10 } } },
      policies: [
        kpi({
          effects: { a: { inflowChangePct: { '2023': -20, '2024': -20 } }, b: { amountChangePct: { '2024': 10 } } },
        }),
      ],
    });
    const r = simulate(m, sc);
    const a = r.lines[0]!;
    // 2023: 1.200 × 1,10 (own) × (1 − 0,5 × 0,20) = 1.188; 2024: × 0,9 again (an effect persists) = 1.069,2
    expect(a.kind === 'volume' && a.years.map((y) => y.inflow)).toEqual([
      1200,
      expect.closeTo(1188, 9),
      expect.closeTo(1069.2, 9),
    ]);
    // 2023 client-months with D = 1: (100 + 99) / 2 + 11 × 99 = 1.188,5 × € 100
    expect(a.years[1]!.cost).toBeCloseTo(118_850, 6);
    // budget: 1.000 × (1 + 0,5 × 10%) in 2024
    expect(r.lines[3]!.years.map((y) => y.cost)).toEqual([1000, 1000, expect.closeTo(1050, 9)]);
  });

  it('duration and intensity: the factor on the own path, then the next policy', () => {
    const sc = validScenario(m, {
      assumptions: { long: { intensityChangePct: { '2023': 10 } } },
      policies: [
        kpi({ realisatiePct: 40, effects: { long: { durationChangePct: { '2023': -50 } } } }),
        kpi({ id: 'kpi-2', realisatiePct: 40, effects: { long: { intensityChangePct: { '2023': -25 } } } }),
        kpi({ id: 'kpi-3', realisatiePct: 100, effects: { long: { intensityChangePct: { '2024': -50 } } } }),
      ],
    });
    const long = simulate(m, sc).lines[2]!;
    if (long.kind !== 'volume') throw new Error('volume');
    // duration 10 × (1 − 0,4 × 0,5) = 8; intensity 2 × 1,10 × (1 − 0,4 × 0,25) = 1,98; 2024 × 0,5 = 0,99
    expect(long.years.map((y) => y.durationMonths)).toEqual([10, expect.closeTo(8, 12), expect.closeTo(8, 12)]);
    expect(long.years.map((y) => y.unitsPerClientMonth)).toEqual([
      2,
      expect.closeTo(1.98, 12),
      expect.closeTo(0.99, 12),
    ]);
  });

  it('a shift moves realisatiePct/100 × sharePct of the inflow before substitution', () => {
    const sc = validScenario(m, {
      substitutions: [{ from: 'a', to: 'c', sharePct: { '2023': 10 } }],
      policies: [kpi({ realisatiePct: 60, substitutions: [{ from: 'a', to: 'c', sharePct: { '2023': 50 } }] })],
    });
    const r = simulate(m, sc);
    const [a, c] = r.lines;
    // own rule 10% + policy 0,6 × 50% = 30%: 40% of 1.200 = 480 moves
    expect(a!.kind === 'volume' && a!.years[1]!.inflow).toBeCloseTo(720, 9);
    expect(c!.kind === 'volume' && c!.years[1]!.inflow).toBeCloseTo(1080, 9);
    expect(a!.kind === 'volume' && a!.years[2]!.inflow).toBe(1200);
  });

  it('at 100% realisation a policy equals the same effect as the segment’s own path (order documented)', () => {
    const own = validScenario(m, {
      assumptions: { a: { inflowChangePct: { '2023': (1.1 * 0.8 - 1) * 100, '2024': -20 } } },
    });
    const policy = validScenario(m, {
      assumptions: { a: { inflowChangePct: { '2023': 10 } } },
      policies: [kpi({ realisatiePct: 100, effects: { a: { inflowChangePct: { '2023': -20, '2024': -20 } } } })],
    });
    const x = simulate(m, own).totals.map((t) => t.cost);
    const y = simulate(m, policy).totals.map((t) => t.cost);
    y.forEach((v, k) => expect(v).toBeCloseTo(x[k]!, 6));
  });
});

describe('beleidsmaatregelen: absent or 0% = results exactly as before (property)', () => {
  const pct = fc.double({ min: -30, max: 30, noNaN: true, noDefaultInfinity: true });
  const map = fc.dictionary(fc.constantFrom('2023', '2024'), pct, { maxKeys: 2 });
  it('no policies, an empty list and every policy at 0% give identical results', () => {
    fc.assert(
      fc.property(map, map, map, map, (own, inflow, duration, amount) => {
        const base = {
          assumptions: { a: { inflowChangePct: own }, long: { durationChangePct: own } },
          substitutions: [{ from: 'a', to: 'c', sharePct: { '2024': 5 } }],
        };
        const plain = simulate(m, validScenario(m, base));
        expect(simulate(m, validScenario(m, { ...base, policies: [] }))).toEqual(plain);
        const zero = simulate(
          m,
          validScenario(m, {
            ...base,
            policies: [
              kpi({
                realisatiePct: 0,
                effects: {
                  a: { inflowChangePct: inflow },
                  long: { durationChangePct: duration, intensityChangePct: inflow },
                  b: { amountChangePct: amount },
                },
                substitutions: [{ from: 'c', to: 'a', sharePct: { '2023': 40 } }],
              }),
            ],
          }),
        );
        expect(zero).toEqual(plain);
      }),
      { numRuns: 60 },
    );
  });
});

describe('beleidsmaatregelen in the Monte Carlo', () => {
  const sc = validScenario(m, {
    policies: [
      kpi({
        effects: { a: { inflowChangePct: { '2024': -20 } } },
        ranges: { realisatiePct: { low: 25, high: 75, source: 'aanname' } },
      }),
    ],
  });

  it('lists the realisatie as a parameter with its range', () => {
    const params = listParameters(m, sc);
    expect(params).toEqual([
      expect.objectContaining({
        key: 'policies.0.ranges.realisatiePct',
        label: 'KPI 1: realisatie (%)',
        target: { kind: 'policy', policy: 0 },
        mode: 'value',
        low: 25,
        likely: 50,
        high: 75,
      }),
    ]);
  });

  it('draws the realisatie: spread only in the years the policy works', () => {
    const mc = runMonteCarloSync({ model: m, scenario: sc, draws: 2000, seed: 3 });
    for (const k of [0, 1]) expect(mc.years[k]!.cost.p10).toBe(mc.years[k]!.cost.p90);
    // 2024: inflow 1.200 × (1 − r × 0,2), r from 0,25 to 0,75: cost between ≈ 102.000 and ≈ 114.000
    expect(mc.years[2]!.cost.p90 - mc.years[2]!.cost.p10).toBeGreaterThan(3000);
    expect(mc.years[2]!.cost.p50).toBeCloseTo(simulate(m, sc).totals[2]!.cost, -3);
  });

  it('the lean path gives exactly what simulate gives at a drawn realisatie', () => {
    const params = listParameters(m, sc);
    const lean = compileLean(m, sc, params);
    const cost = new Float64Array(3);
    const funding = new Float64Array(3);
    lean.setters[0]!(70);
    lean.run(cost, funding);
    const at70 = validScenario(m, { policies: [{ ...sc.policies![0]!, realisatiePct: 70 }] });
    expect(Array.from(cost)).toEqual(simulate(m, at70).totals.map((t) => t.cost));
    lean.reset();
    lean.run(cost, funding);
    expect(Array.from(cost)).toEqual(simulate(m, sc).totals.map((t) => t.cost));
  });
});

describe('beleidsmaatregelen: validation in Dutch', () => {
  it('names field and value', () => {
    expect(
      scenarioIssues(m, {
        policies: [
          kpi({
            realisatiePct: 120,
            effects: { x: { inflowChangePct: { '2023': -5 } } },
          }),
        ],
      }),
    ).toEqual(['policies[0].realisatiePct: 120 is meer dan 100%: de realisatie ligt tussen 0% en 100%']);
    expect(
      scenarioIssues(m, {
        policies: [
          kpi({ effects: { x: { inflowChangePct: { '2023': -5 } }, b: { inflowChangePct: { '2023': 1 } } } }),
          kpi({ name: 'Twee' }),
        ],
      }),
    ).toEqual(['policies[1].id: "kpi-1" komt twee keer voor: elke maatregel heeft een eigen id']);
    expect(
      scenarioIssues(m, {
        policies: [
          kpi({
            effects: { x: { inflowChangePct: { '2023': -5 } }, b: { inflowChangePct: { '2030': 1 } } },
            ranges: { realisatiePct: { low: 60, high: 80 } },
          }),
        ],
      }),
    ).toEqual([
      'policies[0].effects.x: "x" is geen segment van model "Handmodel"',
      'policies[0].effects.b.inflowChangePct: geldt niet voor een budgetregel',
      'policies[0].ranges.realisatiePct.low: laag 60% is groter dan de realisatie 50%: de meest waarschijnlijke waarde moet binnen de bandbreedte liggen',
    ]);
  });

  it('checks durations and shifts at full realisation', () => {
    expect(
      scenarioIssues(m, {
        policies: [kpi({ realisatiePct: 10, effects: { long: { durationChangePct: { '2023': -95 } } } })],
      }),
    ).toEqual([
      'policies[0].effects.long.durationChangePct: maakt de trajectduur in 2023 0,5 maand bij volledige realisatie: kleiner dan 1 maand',
    ]);
    expect(
      scenarioIssues(m, {
        substitutions: [{ from: 'a', to: 'c', sharePct: { '2024': 60 } }],
        policies: [kpi({ substitutions: [{ from: 'a', to: 'c', sharePct: { '2024': 50 } }] })],
      }),
    ).toEqual([
      'policies[0].substitutions[0].sharePct.2024: bij volledige realisatie wordt in 2024 110% van de instroom van "a" verschoven: meer dan 100%',
    ]);
  });
});

describe('beleidsmaatregelen with realisatie t/m R', () => {
  it('years ≤ R do not apply, like every other yearly path (scenarioAfter)', () => {
    const sc = validScenario(m, {
      policies: [
        kpi({
          effects: { a: { inflowChangePct: { '2023': -10, '2024': -20 } } },
          substitutions: [{ from: 'a', to: 'c', sharePct: { '2023': 5, '2024': 10 } }],
        }),
      ],
    });
    const after = scenarioAfter(sc, 2023);
    expect(after.policies![0]!.effects).toEqual({ a: { inflowChangePct: { '2024': -20 } } });
    expect(after.policies![0]!.substitutions).toEqual([{ from: 'a', to: 'c', sharePct: { '2024': 10 } }]);
    expect(after.policies![0]!.realisatiePct).toBe(50);
    // the input is not touched
    expect(sc.policies![0]!.effects.a!.inflowChangePct).toEqual({ '2023': -10, '2024': -20 });
  });
});
