/**
 * Hand-computed engine cases: every expected number below is worked out in the
 * comments, not taken from the engine.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/shared/engine/simulate';
import { yearPath, yearValues } from '../../../src/shared/engine/paths';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import type { BudgetLineResult, VolumeLineResult } from '../../../src/shared/engine/result';
import { budget, gemeente, model, scenario, volume } from '../../fixtures';

function volumeLine(result: ReturnType<typeof simulate>, id: string): VolumeLineResult {
  const line = result.lines.find((l) => l.id === id);
  if (!line || line.kind !== 'volume') throw new Error(`geen volumeregel ${id}`);
  return line;
}

function budgetLine(result: ReturnType<typeof simulate>, id: string): BudgetLineResult {
  const line = result.lines.find((l) => l.id === id);
  if (!line || line.kind !== 'budget') throw new Error(`geen budgetregel ${id}`);
  return line;
}

describe('yearly paths', () => {
  it('compounds from 1 January of the year, persists, and treats a missing year as 0%', () => {
    // 2022: 100 (base year: the model's figure, a 2022 key would be ignored by the path)
    // 2023: 100 × 1,10 = 110
    // 2024: no key → 0% → 110
    // 2025: 110 × 0,5 = 55
    // 2026: 55 × 1,2 = 66
    const path = yearPath(100, { '2023': 10, '2025': -50, '2026': 20 }, [2022, 2023, 2024, 2025, 2026]);
    expect(path[0]).toBe(100);
    expect(path[1]).toBeCloseTo(110, 12);
    expect(path[2]).toBeCloseTo(110, 12);
    expect(path[3]).toBeCloseTo(55, 12);
    expect(path[4]).toBeCloseTo(66, 12);
  });

  it('without percentages keeps the base value every year', () => {
    expect(yearPath(7, undefined, [2022, 2023, 2024])).toEqual([7, 7, 7]);
  });

  it('yearValues gives 0 for absent years (one-off amounts do not persist)', () => {
    expect(yearValues({ '2023': 5 }, [2022, 2023, 2024])).toEqual([0, 5, 0]);
  });
});

describe('volume segment, month by month', () => {
  /*
   * inflowPerYear 12 → i = 1 per month; D = 4 months; openingClients 0;
   * 2022: u = 2 uur per cliëntmaand, p = € 10 per uur.
   * 2023: intensity +50% → u = 3; price +10% → p = 11; duration and inflow unchanged.
   *
   * S_next = S + 1 − S/4 = 0,75·S + 1, so S_n = 4 − 4·0,75^n.
   *  month  S          S_next      client-months (S+S_next)/2
   *   1     0          1           0,5
   *   2     1          1,75        1,375
   *   3     1,75       2,3125      2,03125
   *   4     2,3125     2,734375    2,5234375
   *   5     2,734375   3,05078125  2,892578125
   *   6     3,0507813  3,2880859   3,1694336
   *   7     3,2880859  3,4660645   3,3770752
   *   8     3,4660645  3,5995483   3,5328064
   *   9     3,5995483  3,6996613   3,6496048
   *  10     3,6996613  3,7747459   3,7372036
   *  11     3,7747459  3,8310595   3,8029027
   *  12     3,8310595  3,8732946   3,8521770
   *  sum 2022 = 34,4434689 (closed form 48 − 14·(1 − 0,75^12)); clients end 2022 = 4 − 4·0,75^12 = 3,8732946
   *  cost 2022 = 34,4434689 × 2 × 10 = 688,869379
   * 2023: client-months = 48 − 14·(0,75^12 − 0,75^24) = 47,5705785; clients end = 4 − 4·0,75^24 = 3,9959864
   *  cost 2023 = 47,5705785 × 3 × 11 = 1569,829092
   */
  const m = model({
    baseYear: 2022,
    endYear: 2023,
    segments: [
      volume('amb', {
        inflowPerYear: 12,
        avgDurationMonths: 4,
        openingClients: 0,
        unitsPerClientMonth: 2,
        unit: 'uur',
        pricePerUnit: 10,
      }),
    ],
  });
  const s = scenario(m, {
    assumptions: { amb: { intensityChangePct: { '2023': 50 }, priceIndexPct: { '2023': 10 } } },
  });
  const line = volumeLine(simulate(m, s), 'amb');

  it('first year', () => {
    const y = line.years[0]!;
    expect(y.year).toBe(2022);
    expect(y.clientMonths).toBeCloseTo(34.4434689283371, 9);
    expect(y.clientsEnd).toBeCloseTo(3.8732945919036865, 9);
    expect(y.cost).toBeCloseTo(688.869378566742, 7);
    expect(y.inflow).toBe(12);
  });

  it('second year carries the stock over and applies the new u and p', () => {
    const y = line.years[1]!;
    expect(y.clientMonths).toBeCloseTo(47.57057854954865, 9);
    expect(y.clientsEnd).toBeCloseTo(3.9959864348897867, 9);
    expect(y.unitsPerClientMonth).toBeCloseTo(3, 12);
    expect(y.pricePerUnit).toBeCloseTo(11, 12);
    expect(y.cost).toBeCloseTo(47.57057854954865 * 33, 7);
  });

  it('steady state when openingClients is omitted: inflow × duration × u × p', () => {
    // 30 per year, 8 months, 1,5 uur, € 80: 30 × 8 × 1,5 × 80 = 28.800 every year; 20 clients all the time.
    const ms = model({
      segments: [volume('x', { inflowPerYear: 30, avgDurationMonths: 8, unitsPerClientMonth: 1.5, pricePerUnit: 80 })],
    });
    const r = simulate(ms, emptyScenario('leeg'));
    for (const y of volumeLine(r, 'x').years) {
      expect(y.cost).toBeCloseTo(28800, 8);
      expect(y.clientMonths).toBeCloseTo(240, 10);
      expect(y.clientsEnd).toBeCloseTo(20, 10);
    }
  });
});

describe('substitution', () => {
  /*
   * A: 120 per year, D 6, p 100; B: 60 per year, D 2, p 50 (steady state in 2022).
   * Scenario: A inflow +10% in 2023 → A before substitution 132 in 2023 and 2024.
   * Rule A → B: 25% in 2023, 50% in 2024 of A's inflow *before substitution*:
   *   2023: moved 33 → A 99, B 93;   2024: moved 66 → A 66, B 126.
   * Total inflow 2023: 132 + 60 = 192 = 99 + 93; 2024: 192 = 66 + 126.
   */
  const m = model({
    segments: [
      volume('a', { inflowPerYear: 120, avgDurationMonths: 6, pricePerUnit: 100 }),
      volume('b', { inflowPerYear: 60, avgDurationMonths: 2, pricePerUnit: 50 }),
    ],
  });
  const s = scenario(m, {
    assumptions: { a: { inflowChangePct: { '2023': 10 } } },
    substitutions: [{ from: 'a', to: 'b', sharePct: { '2023': 25, '2024': 50 } }],
  });
  const r = simulate(m, s);
  const a = volumeLine(r, 'a');
  const b = volumeLine(r, 'b');

  it('moves a share of the source inflow before substitution', () => {
    expect(a.years.map((y) => y.inflowBeforeSubstitution)).toEqual([
      120,
      expect.closeTo(132, 9),
      expect.closeTo(132, 9),
    ]);
    expect(a.years[1]!.inflow).toBeCloseTo(99, 9);
    expect(b.years[1]!.inflow).toBeCloseTo(93, 9);
    expect(a.years[2]!.inflow).toBeCloseTo(66, 9);
    expect(b.years[2]!.inflow).toBeCloseTo(126, 9);
  });

  it('conserves inflow', () => {
    for (let k = 0; k < 3; k++) {
      expect(a.years[k]!.inflow + b.years[k]!.inflow).toBeCloseTo(
        a.years[k]!.inflowBeforeSubstitution + b.years[k]!.inflowBeforeSubstitution,
        9,
      );
    }
  });

  it('base year is untouched: steady state 120 × 6 × 100 = 72.000 and 60 × 2 × 50 = 6.000', () => {
    expect(a.years[0]!.cost).toBeCloseTo(72000, 7);
    expect(b.years[0]!.cost).toBeCloseTo(6000, 7);
  });

  it("moved clients take the target's duration and price", () => {
    // B in 2023: stock starts at 10 (= 60 × 2 / 12), i = 93/12 = 7,75, D 2: S_next = S/2 + 7,75.
    // S_n = 15,5 − 5,5·0,5^n; client-months = Σ_{n=0..11} (S_n + S_{n+1})/2
    //     = 12 × 15,5 − 2,75 × (Σ_{0..11} 0,5^n + Σ_{1..12} 0,5^n) = 186 − 2,75 × 3 × (1 − 0,5^12)
    //     = 186 − 8,25 × 0,999755859 = 177,752014; cost × € 50 = 8.887,6007
    expect(b.years[1]!.clientMonths).toBeCloseTo(177.75201416015625, 9);
    expect(b.years[1]!.cost).toBeCloseTo(8887.6007080078125, 7);
  });
});

describe('budget lines', () => {
  it('follow their amount path: 500.000, +10% → 550.000, −20% → 440.000', () => {
    const m = model({ segments: [budget('tp', 500000)] });
    const r = simulate(m, scenario(m, { assumptions: { tp: { amountChangePct: { '2023': 10, '2024': -20 } } } }));
    const line = budgetLine(r, 'tp');
    expect(line.years.map((y) => y.cost)).toEqual([500000, expect.closeTo(550000, 6), expect.closeTo(440000, 6)]);
    expect(r.totals.map((t) => t.cost)).toEqual([500000, expect.closeTo(550000, 6), expect.closeTo(440000, 6)]);
  });
});

describe('funding', () => {
  /*
   * baseAmount 1.000.000; model index 2023 +2%, 2024 +3%; scenario overrides 2024 with +5%;
   * one-off adjustments 2023 +50.000, 2024 −20.000.
   *   2022: 1.000.000
   *   2023: baseline 1.020.000, + 50.000 = 1.070.000
   *   2024: baseline 1.020.000 × 1,05 = 1.071.000 (the adjustment of 2023 does not compound), − 20.000 = 1.051.000
   * Cost: one budget line of 1.060.000 → balance 2022 −60.000, 2023 +10.000, 2024 −9.000.
   */
  const m = model({
    segments: [budget('x', 1060000)],
    funding: { baseAmount: 1000000, indexPct: { '2023': 2, '2024': 3 } },
  });
  const r = simulate(
    m,
    scenario(m, { funding: { indexPct: { '2024': 5 }, adjustments: { '2023': 50000, '2024': -20000 } } }),
  );

  it('baseline with the index overridden year by year, plus one-off adjustments', () => {
    expect(r.totals.map((t) => t.fundingBaseline)).toEqual([
      1000000,
      expect.closeTo(1020000, 6),
      expect.closeTo(1071000, 6),
    ]);
    expect(r.totals.map((t) => t.fundingAdjustment)).toEqual([0, 50000, -20000]);
    expect(r.totals.map((t) => t.funding)).toEqual([1000000, expect.closeTo(1070000, 6), expect.closeTo(1051000, 6)]);
  });

  it('balance = funding − cost (negative is a tekort)', () => {
    expect(r.totals.map((t) => t.balance)).toEqual([
      expect.closeTo(-60000, 6),
      expect.closeTo(10000, 6),
      expect.closeTo(-9000, 6),
    ]);
  });

  it("without a scenario index the model's own index applies", () => {
    const r2 = simulate(m, emptyScenario('leeg'));
    expect(r2.totals[2]!.funding).toBeCloseTo(1000000 * 1.02 * 1.03, 6);
  });
});

describe('per-gemeente split', () => {
  /*
   * Gemeente A 300 jeugdigen, B 100 → youth shares 0,75 / 0,25.
   *   solidarity line € 1.000:                          A 750, B 250
   *   usage line € 1.000, usageShare A 0,2 B 0,8:        A 200, B 800
   *   mix 50% solidarity of the same usage:  A 0,5·0,75 + 0,5·0,2 = 0,475 → 475, B 525
   *   usage with only B given (0,5): A falls back to its youth share 0,75; normalised
   *     A 0,75/1,25 = 0,6 → 600, B 0,4 → 400
   *   total cost A 750+200+475+600 = 2.025, B 250+800+525+400 = 1.975 (sum 4.000)
   * Funding € 5.000 with fundingShare A 0,6 B 0,4 → A 3.000, B 2.000;
   *   balance A 3.000 − 2.025 = 975, B 2.000 − 1.975 = 25.
   */
  const m = model({
    baseYear: 2022,
    endYear: 2023,
    gemeenten: [gemeente('A', 300, { fundingShare: 0.6 }), gemeente('B', 100, { fundingShare: 0.4 })],
    segments: [
      budget('sol', 1000),
      budget('use', 1000, { split: 'usage', usageShare: { A: 0.2, B: 0.8 } }),
      budget('mix', 1000, { split: { solidarityPct: 50 }, usageShare: { A: 0.2, B: 0.8 } }),
      budget('part', 1000, { split: 'usage', usageShare: { B: 0.5 } }),
    ],
    funding: { baseAmount: 5000 },
  });
  const r = simulate(m, emptyScenario('leeg'));
  const [A, B] = r.gemeenten;

  it('splits each line by its verdeelsleutel', () => {
    expect(A!.lineCosts.map((c) => c[0])).toEqual([750, 200, expect.closeTo(475, 9), expect.closeTo(600, 9)]);
    expect(B!.lineCosts.map((c) => c[0])).toEqual([250, 800, expect.closeTo(525, 9), expect.closeTo(400, 9)]);
    expect(A!.costShares).toEqual({
      sol: 0.75,
      use: 0.2,
      mix: expect.closeTo(0.475, 12),
      part: expect.closeTo(0.6, 12),
    });
  });

  it('totals, funding and balance per gemeente', () => {
    expect(A!.years[0]).toEqual({
      year: 2022,
      kind: 'raming',
      cost: expect.closeTo(2025, 9),
      funding: 3000,
      balance: expect.closeTo(975, 9),
    });
    expect(B!.years[0]).toEqual({
      year: 2022,
      kind: 'raming',
      cost: expect.closeTo(1975, 9),
      funding: 2000,
      balance: expect.closeTo(25, 9),
    });
    expect(A!.fundingShare).toBeCloseTo(0.6, 12);
  });

  it('funding defaults to the youth share', () => {
    const m2 = model({
      gemeenten: [gemeente('A', 300), gemeente('B', 100)],
      segments: [budget('x', 0)],
      funding: { baseAmount: 4000 },
    });
    const r2 = simulate(m2, emptyScenario('leeg'));
    expect(r2.gemeenten.map((g) => g.years[0]!.funding)).toEqual([3000, 1000]);
  });

  it('can be skipped for speed', () => {
    expect(simulate(m, emptyScenario('leeg'), { perGemeente: false }).gemeenten).toEqual([]);
  });
});
