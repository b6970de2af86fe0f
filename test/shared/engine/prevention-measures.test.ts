import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/shared/engine/simulate';
import { RIJKSMAATREGELEN, findMeasure, nationalAmounts } from '../../../src/shared/domain/rijksmaatregelen';
import { PREVENTION_LINE_ID } from '../../../src/shared/formats/prevention';
import { runMonteCarloSync } from '../../../src/shared/analysis/montecarlo';
import { budgetLine, oneMonthSegment, scenarioIssues, handModel, validScenario } from '../../fixtures';

describe('prevention effect (hand-computed)', () => {
  // 2022–2026; a 1-month segment: 1.200 per year, € 100 per client-month
  const m = handModel({
    endYear: 2026,
    segments: [oneMonthSegment('amb', 1200, 100), budgetLine('transformatie', 500_000)],
    gemeenten: [
      { id: 'g1', name: 'G1', youth0to17: 300 },
      { id: 'g2', name: 'G2', youth0to17: 100 },
    ],
  });
  const sc = validScenario(m, {
    prevention: {
      extraBudget: { '2023': 100_000, '2024': 300_000, '2025': 50_000 },
      effects: [{ segment: 'amb', inflowPctPer100k: 1, lagYears: 1, maxPct: 2.5 }],
      source: 'aanname: 1% minder instroom per € 100.000',
    },
  });
  const r = simulate(m, sc);
  const amb = r.lines[0]!;

  it('lowers the inflow from the year after the budget, at most by the ceiling', () => {
    // budget of year t works in t + 1: 2024 ← 100.000 (1%), 2025 ← 300.000 (3% → 2,5%), 2026 ← 50.000 (0,5%)
    expect(amb.kind === 'volume' && amb.years.map((y) => y.preventionPct)).toEqual([
      0,
      0,
      expect.closeTo(1, 12),
      expect.closeTo(2.5, 12),
      expect.closeTo(0.5, 12),
    ]);
    expect(amb.kind === 'volume' && amb.years.map((y) => y.inflow)).toEqual([
      1200,
      1200,
      expect.closeTo(1188, 9),
      expect.closeTo(1170, 9),
      expect.closeTo(1194, 9),
    ]);
  });

  it('costs follow by hand: client-months (i_prev + i)/2 + 11·i with i = inflow/12', () => {
    // 2024: i from 100 to 99 → 99,5 + 11 × 99 = 1.188,5 client-months × € 100
    expect(amb.years[2]!.cost).toBeCloseTo(118_850, 6);
    // 2025: 99 → 97,5: 98,25 + 1.072,5 = 1.170,75
    expect(amb.years[3]!.cost).toBeCloseTo(117_075, 6);
  });

  it('the extra budget is its own cost line, shared by youth, and counted in the lasten', () => {
    const line = r.lines[2]!;
    expect(line.id).toBe(PREVENTION_LINE_ID);
    expect(line.kind === 'budget' && line.origin).toBe('prevention');
    expect(line.kind === 'budget' && line.source).toBe('aanname: 1% minder instroom per € 100.000');
    expect(line.years.map((y) => y.cost)).toEqual([0, 100_000, 300_000, 50_000, 0]);
    expect(r.totals[1]!.cost).toBeCloseTo(120_000 + 500_000 + 100_000, 6);
    expect(r.gemeenten[0]!.costShares[PREVENTION_LINE_ID]).toBe(0.75);
    expect(r.gemeenten[0]!.lineCosts[2]).toEqual([0, 75_000, 225_000, 37_500, 0]);
    const sum = r.gemeenten.reduce((t, g) => t + g.years[2]!.cost, 0);
    expect(sum).toBeCloseTo(r.totals[2]!.cost, 6);
  });

  it('two effects on one segment multiply; less budget raises the inflow', () => {
    const two = validScenario(m, {
      prevention: {
        extraBudget: { '2023': 200_000, '2024': -100_000 },
        effects: [
          { segment: 'amb', inflowPctPer100k: 1, lagYears: 0, maxPct: 10 },
          { segment: 'amb', inflowPctPer100k: 5, lagYears: 1, maxPct: 4 },
        ],
      },
    });
    const line = simulate(m, two).lines[0]!;
    // 2023: 0,98 (2% now) × 1 ; 2024: 1,01 (−1% now) × 0,96 (10% → 4% from 2023) ; 2025: 1 × 1,04 (−5% → −4%)
    expect(line.kind === 'volume' && line.years.map((y) => y.inflow)).toEqual([
      1200,
      expect.closeTo(1176, 9),
      expect.closeTo(1200 * 1.01 * 0.96, 9),
      expect.closeTo(1248, 9),
      1200,
    ]);
  });

  it('a negative effect raises the inflow (early detection), still at most the ceiling', () => {
    const raising = validScenario(m, {
      prevention: {
        extraBudget: { '2023': 100_000, '2024': 400_000 },
        effects: [{ segment: 'amb', inflowPctPer100k: -2, lagYears: 0, maxPct: 5 }],
        source: 'aanname: vroegsignalering vindt 2% meer hulpvraag per € 100.000',
      },
    });
    const line = simulate(m, raising).lines[0]!;
    // 2023: 2% more (1.224); 2024: 8% more → capped at 5% (1.260); 2025: no budget, back to 1.200
    expect(line.kind === 'volume' && line.years.map((y) => y.inflow)).toEqual([
      1200,
      expect.closeTo(1224, 9),
      expect.closeTo(1260, 9),
      1200,
      1200,
    ]);
    expect(line.kind === 'volume' && line.years.map((y) => y.preventionPct)).toEqual([
      0,
      expect.closeTo(-2, 12),
      expect.closeTo(-5, 12),
      0,
      0,
    ]);
    // 2023: i from 100 to 102 → 101 + 11 × 102 = 1.223 client-months × € 100
    expect(line.years[1]!.cost).toBeCloseTo(122_300, 6);
  });

  it('takes a range: Monte Carlo varies the effect and leaves the years without effect alone', () => {
    const ranged = validScenario(m, {
      prevention: {
        extraBudget: { '2024': 200_000 },
        effects: [
          {
            segment: 'amb',
            inflowPctPer100k: 1,
            lagYears: 1,
            maxPct: 10,
            ranges: { inflowPctPer100k: { low: 0, high: 3 } },
          },
        ],
      },
    });
    const mc = runMonteCarloSync({ model: m, scenario: ranged, draws: 2000, seed: 4 });
    // 2022–2024 have no effect (the 2024 budget works in 2025): no spread at all
    for (const k of [0, 1, 2]) expect(mc.years[k]!.cost.p10).toBe(mc.years[k]!.cost.p90);
    // 2025: 0..6% lower inflow, most likely 2%
    expect(mc.years[3]!.cost.p90 - mc.years[3]!.cost.p10).toBeGreaterThan(2000);
    expect(mc.years[3]!.cost.p90).toBeLessThanOrEqual(mc.years[2]!.cost.p90);
  });

  it('validates the prevention block in Dutch', () => {
    expect(
      scenarioIssues(m, {
        prevention: {
          extraBudget: { '2030': 1 },
          effects: [{ segment: 'transformatie', inflowPctPer100k: 1, lagYears: 1, maxPct: 5 }],
        },
      }),
    ).toEqual([
      'prevention.extraBudget.2030: jaar 2030 ligt buiten 2023–2026',
      'prevention.effects[0].segment: "transformatie" is een budgetregel; een preventie-effect werkt op de instroom van een volumesegment',
    ]);
    expect(
      scenarioIssues(m, {
        prevention: {
          extraBudget: {},
          effects: [{ segment: 'amb', inflowPctPer100k: -101, lagYears: 1.5, maxPct: 120 }],
        },
      }),
    ).toEqual([
      'prevention.effects[0].inflowPctPer100k: -101 is kleiner dan -100% (negatief betekent: de maatregel verhoogt de instroom, bijv. door vroegsignalering)',
      'prevention.effects[0].lagYears: 1.5 is geen heel aantal jaren',
      'prevention.effects[0].maxPct: 120 is meer dan 100%',
    ]);
    expect(
      scenarioIssues(m, {
        prevention: {
          extraBudget: {},
          effects: [
            {
              segment: 'amb',
              inflowPctPer100k: 1,
              lagYears: 1,
              maxPct: 5,
              ranges: { inflowPctPer100k: { low: 2, high: 3 } },
            },
          ],
        },
      }),
    ).toEqual([
      'prevention.effects[0].ranges.inflowPctPer100k.low: low 2 is groter dan inflowPctPer100k 1: de meest waarschijnlijke waarde moet binnen de bandbreedte liggen',
    ]);
  });
});

describe('Rijksmaatregelen (hand-computed)', () => {
  const share = { value: 0.01, source: 'test: 1%' };
  const m = handModel({
    baseYear: 2022,
    endYear: 2028,
    segments: [budgetLine('a', 1_000_000)],
    funding: { baseAmount: 1_000_000, nationalShare: share },
  });

  it('a measure switched on is its own funding line: national × share, continuing when structureel', () => {
    const on = simulate(m, validScenario(m, { measures: { 'korting-511-mln': true, 'eigen-bijdrage': true } }));
    expect(on.fundingMeasures!.map((f) => f.id)).toEqual(['korting-511-mln', 'eigen-bijdrage']);
    const korting = on.fundingMeasures![0]!;
    expect(korting.kind).toBe('structureel');
    expect(korting.years).toEqual([0, 0, 0, 0, -5_110_000, -5_110_000, -5_110_000]);
    expect(korting.national[6]).toBe(-511_000_000);
    expect(korting.source).toContain('Voorjaarsnota 2024');
    expect(on.fundingMeasures![1]!.years).toEqual([0, 0, 0, 0, 0, 0, -2_600_000]);
    expect(on.totals.map((t) => t.fundingMeasures)).toEqual([0, 0, 0, 0, -5_110_000, -5_110_000, -7_710_000]);
    expect(on.totals[6]!.funding).toBe(1_000_000 - 7_710_000);
    expect(on.totals[6]!.balance).toBe(-7_710_000);
  });

  it('switched off (false or absent) changes nothing', () => {
    const off = simulate(m, validScenario(m, { measures: { 'korting-511-mln': false } }));
    const none = simulate(m, validScenario(m, {}));
    expect(off.totals).toEqual(none.totals);
    expect(off.fundingMeasures).toEqual([]);
    expect(none.totals.every((t) => t.fundingMeasures === 0 && t.funding === 1_000_000)).toBe(true);
  });

  it('an incidentele measure stops after its last year', () => {
    const r = simulate(m, validScenario(m, { measures: { 'stelpost-hervormingsagenda': true } }));
    expect(r.fundingMeasures![0]!.years).toEqual([0, 0, 12_650_000, 7_580_000, 3_670_000, 0, 0]);
  });

  it('the library: every measure has a source, a kind and amounts; exclusions are mutual', () => {
    expect(RIJKSMAATREGELEN.length).toBeGreaterThanOrEqual(8);
    for (const measure of RIJKSMAATREGELEN) {
      expect(measure.source.length).toBeGreaterThan(20);
      expect(Object.keys(measure.national).length).toBeGreaterThan(0);
      for (const other of measure.excludes ?? []) expect(findMeasure(other)?.excludes).toContain(measure.id);
    }
    expect(nationalAmounts(findMeasure('besparing-hervormingsagenda')!, [2024, 2025, 2026, 2027, 2028])).toEqual([
      0, -500e6, -1000e6, -1000e6, -1000e6,
    ]);
  });

  it('rejects unknown measures, measures counting the same money, and a model without nationalShare', () => {
    expect(scenarioIssues(m, { measures: { 'bestaat-niet': true } })[0]).toMatch(
      /^measures\.bestaat-niet: "bestaat-niet" is geen bekende Rijksmaatregel \(bekend: stelpost-hervormingsagenda, /,
    );
    expect(
      scenarioIssues(m, { measures: { 'besparing-hervormingsagenda': true, 'lagere-uitgaven-2022': true } }),
    ).toEqual([
      'measures.lagere-uitgaven-2022: "lagere-uitgaven-2022" en "besparing-hervormingsagenda" gaan over hetzelfde geld en kunnen niet allebei aan staan',
    ]);
    const bare = handModel({ segments: [budgetLine('a', 1)] });
    expect(scenarioIssues(bare, { measures: { 'eigen-bijdrage': true } })).toEqual([
      'measures: model "Handmodel" heeft geen funding.nationalShare: het aandeel van de regio in het landelijke jeugdbudget is nodig om Rijksmaatregelen door te rekenen',
    ]);
    expect(validScenario(bare, { measures: { 'eigen-bijdrage': false } }).measures).toEqual({
      'eigen-bijdrage': false,
    });
  });
});
