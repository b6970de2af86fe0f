import { describe, expect, it } from 'vitest';
import {
  applyGoalSeekResult,
  checkGoalSeekSpec,
  goalSeek,
  type GoalSeekResult,
} from '../../../src/shared/analysis/goalseek';
import { simulate } from '../../../src/shared/engine/simulate';
import { parseScenario } from '../../../src/shared/formats/validate';
import type { Model } from '../../../src/shared/formats/model';
import type { Scenario } from '../../../src/shared/formats/scenario';
import { budgetLine, defaultModel, oneMonthSegment, shippedScenario, handModel, validScenario } from '../../fixtures';

function found(r: GoalSeekResult) {
  if (r.status !== 'gevonden') throw new Error(r.message);
  return r;
}

function balanceAfterApply(m: Model, sc: Scenario, r: GoalSeekResult, year: number): number {
  const applied = applyGoalSeekResult(sc, r);
  const parsed = parseScenario(applied, m);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return simulate(m, parsed.value).totals[year - m.baseYear]!.balance;
}

describe('goal seek with a known answer', () => {
  it('a budget line change from 2023: +10% makes the 2024 saldo zero', () => {
    const m = handModel({ segments: [budgetLine('a', 1_000_000)], funding: { baseAmount: 1_100_000 } });
    const sc = validScenario(m, {});
    const r = found(
      goalSeek(m, sc, {
        variable: { kind: 'assumption', segment: 'a', field: 'amountChangePct', fromYear: 2023 },
        targetYear: 2024,
      }),
    );
    expect(Math.abs(r.balance)).toBeLessThanOrEqual(1000);
    expect(r.value).toBe(10); // rounded to the fewest decimals that still hit the target
    expect(r.current).toEqual({ value: 0, balance: 100_000 });
    expect(r.message).toContain('Budget a: budgetverandering in 2023 (blijvend): 10');
    const applied = applyGoalSeekResult(sc, r);
    expect(applied.assumptions.a?.amountChangePct).toEqual({ '2023': 10 });
    expect(applied.assumptions.a?.source).toBe('Doelzoeken: saldo 2024 = € 0');
    expect(sc.assumptions.a).toBeUndefined(); // the input is not changed
    expect(Math.abs(balanceAfterApply(m, sc, r, 2024))).toBeLessThanOrEqual(1000);
  });

  it('inflow: −10% from 2023 brings a steady 1-month segment from € 120.000 to € 108.000 in 2024', () => {
    const m = handModel({ segments: [oneMonthSegment('amb', 1200, 100)], funding: { baseAmount: 108_000 } });
    const sc = validScenario(m, {});
    const r = found(
      goalSeek(m, sc, {
        variable: { kind: 'assumption', segment: 'amb', field: 'inflowChangePct', fromYear: 2023 },
        targetYear: 2024,
      }),
    );
    expect(r.value).toBeCloseTo(-10, 1);
    expect(Math.abs(r.balance)).toBeLessThanOrEqual(1000);
  });

  it('a target other than zero, and the funding index as a yearly trend: (1 + x)² = 1,05 → x = 2,4695%', () => {
    const m = handModel({ segments: [budgetLine('a', 1_050_000)], funding: { baseAmount: 1_000_000 } });
    const sc = validScenario(m, {});
    const zero = found(
      goalSeek(m, sc, {
        variable: { kind: 'fundingIndex', fromYear: 2023, mode: 'yearly' },
        targetYear: 2024,
        tolerance: 10,
      }),
    );
    expect(zero.value).toBeCloseTo((Math.sqrt(1.05) - 1) * 100, 3);
    expect(applyGoalSeekResult(sc, zero).funding.indexPct).toEqual({ '2023': zero.value, '2024': zero.value });
    const plus = found(
      goalSeek(m, sc, { variable: { kind: 'fundingIndex', fromYear: 2023 }, targetYear: 2024, target: 50_000 }),
    );
    expect(plus.value).toBeCloseTo(10, 1);
    expect(Math.abs(plus.balance - 50_000)).toBeLessThanOrEqual(1000);
  });

  it('a substitution share: moving 50% of A (€ 100) to B (€ 50) from 2023 halves the gap', () => {
    const m = handModel({
      segments: [oneMonthSegment('a', 1200, 100), oneMonthSegment('b', 0, 50)],
      funding: { baseAmount: 90_000 },
    });
    const sc = validScenario(m, {});
    const r = found(
      goalSeek(m, sc, { variable: { kind: 'substitution', from: 'a', to: 'b', fromYear: 2023 }, targetYear: 2024 }),
    );
    // 2024: 1.200 × (1 − s) × 100 + 1.200 × s × 50 = 90.000 → s = 50%
    expect(r.value).toBeCloseTo(50, 0);
    expect(Math.abs(r.balance)).toBeLessThanOrEqual(1000);
    const applied = applyGoalSeekResult(sc, r);
    expect(applied.substitutions).toHaveLength(1);
    expect(applied.substitutions[0]!.sharePct).toEqual({ '2023': r.value, '2024': r.value });
  });

  it('hits the target within € 1.000 on the default model', () => {
    const m = defaultModel();
    const sc = shippedScenario(m, 'beleidsplan-kpis.json');
    const r = found(
      goalSeek(m, sc, {
        variable: { kind: 'assumption', segment: 'ambulante-begeleiding', field: 'inflowChangePct', fromYear: 2025 },
        targetYear: 2028,
        target: 2_000_000,
      }),
    );
    expect(Math.abs(r.balance - 2_000_000)).toBeLessThanOrEqual(1000);
    expect(Math.abs(balanceAfterApply(m, sc, r, 2028) - 2_000_000)).toBeLessThanOrEqual(1000);
  });
});

describe('goal seek without an answer', () => {
  it('says "niet haalbaar" with the reachable range when no allowed value reaches the target', () => {
    // B alone costs more than the funding: even A at −100% leaves a tekort of € 1 mln
    const m = handModel({
      segments: [budgetLine('a', 1_000_000), budgetLine('b', 2_000_000)],
      funding: { baseAmount: 1_000_000 },
    });
    const sc = validScenario(m, {});
    const r = goalSeek(m, sc, {
      variable: { kind: 'assumption', segment: 'a', field: 'amountChangePct', fromYear: 2023 },
      targetYear: 2024,
    });
    expect(r.status).toBe('niet-haalbaar');
    if (r.status !== 'niet-haalbaar') return;
    expect(r.reachable.highest.value).toBe(-100);
    expect(r.reachable.highest.balance).toBeCloseTo(-1_000_000, 6);
    expect(r.message).toMatch(/^Niet haalbaar: geen toegestane waarde geeft een saldo 2024 van € 0\./);
    expect(r.message).toContain('tussen € -');
    expect(applyGoalSeekResult(sc, r)).toBe(sc);
  });

  it('respects a narrower allowed range given by the user', () => {
    const m = handModel({ segments: [oneMonthSegment('amb', 1200, 100)], funding: { baseAmount: 108_000 } });
    const sc = validScenario(m, {});
    const r = goalSeek(m, sc, {
      variable: { kind: 'assumption', segment: 'amb', field: 'inflowChangePct', fromYear: 2023 },
      targetYear: 2024,
      min: -5,
      max: 5,
    });
    expect(r.status).toBe('niet-haalbaar');
    expect(r.allowed).toEqual({ min: -5, max: 5 });
  });

  it('keeps the scenario valid: a duration of 2 months can fall at most 50%', () => {
    const m = handModel({
      segments: [{ ...oneMonthSegment('d', 1200, 100), avgDurationMonths: 2 }],
      funding: { baseAmount: 0 },
    });
    const sc = validScenario(m, {});
    const r = goalSeek(m, sc, {
      variable: { kind: 'assumption', segment: 'd', field: 'durationChangePct', fromYear: 2023 },
      targetYear: 2024,
    });
    expect(r.status).toBe('niet-haalbaar');
    expect(r.allowed.min).toBeCloseTo(-50, 6);
    expect(r.allowed.max).toBe(1000);
  });

  it('rejects a spec that does not fit the model, in Dutch', () => {
    const m = handModel({ segments: [budgetLine('a', 1)] });
    const sc = validScenario(m, {});
    expect(() =>
      goalSeek(m, sc, {
        variable: { kind: 'assumption', segment: 'x', field: 'inflowChangePct', fromYear: 2023 },
        targetYear: 2024,
      }),
    ).toThrow('segment: "x" is geen segment');
    expect(() =>
      goalSeek(m, sc, {
        variable: { kind: 'assumption', segment: 'a', field: 'inflowChangePct', fromYear: 2023 },
        targetYear: 2024,
      }),
    ).toThrow('geldt niet voor budgetregel "a"');
    expect(() => goalSeek(m, sc, { variable: { kind: 'fundingIndex', fromYear: 2024 }, targetYear: 2023 })).toThrow(
      'vanaf-jaar: 2024 ligt na het doeljaar 2023',
    );
    expect(() => goalSeek(m, sc, { variable: { kind: 'fundingIndex', fromYear: 2022 }, targetYear: 2023 })).toThrow(
      'vanaf-jaar: 2022 ligt buiten 2023–2024',
    );
  });
});

describe('goal seek on a model with realisatie (issue 10)', () => {
  // 2022–2023 realised: budget a € 900.000 and € 1.000.000; funding € 1.100.000
  const m = handModel({
    segments: [budgetLine('a', 1)],
    funding: { baseAmount: 1_100_000 },
    realisatie: {
      lastYear: 2023,
      segments: { a: { '2022': { lasten: 900_000, source: 'test' }, '2023': { lasten: 1_000_000, source: 'test' } } },
    },
  });

  it('an assumption from a realised year is refused: it could not move the realised lasten', () => {
    expect(
      checkGoalSeekSpec(m, {
        variable: { kind: 'assumption', segment: 'a', field: 'amountChangePct', fromYear: 2023 },
        targetYear: 2024,
      }),
    ).toEqual(['vanaf-jaar: 2023 is een gerealiseerd jaar (realisatie t/m 2023); een aanname werkt pas vanaf 2024']);
  });

  it('from R+1 it works on the raming, which starts from the realised € 1.000.000', () => {
    const r = found(
      goalSeek(m, validScenario(m, {}), {
        variable: { kind: 'assumption', segment: 'a', field: 'amountChangePct', fromYear: 2024 },
        targetYear: 2024,
      }),
    );
    expect(r.value).toBe(10);
    expect(r.current).toEqual({ value: 0, balance: 100_000 });
  });
});
