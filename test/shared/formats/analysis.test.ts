import { describe, expect, it } from 'vitest';
import { parseModel, parseScenario } from '../../../src/shared/formats/validate';
import { SCENARIO_FORMAT } from '../../../src/shared/formats/scenario';
import { NOORD_LIMBURG_NATIONAL_SHARE } from '../../../src/shared/domain/rijksmaatregelen';
import { budgetLine, defaultModel, oneMonthSegment, scenarioIssues, handModel, validScenario } from '../../fixtures';

const m = handModel({
  segments: [{ ...oneMonthSegment('amb', 1200, 100), avgDurationMonths: 4 }, budgetLine('b', 1000)],
  funding: { baseAmount: 5000, indexPct: { '2023': 2 } },
});

describe('scenario files without the analysis fields', () => {
  it('parse exactly as before: no new keys appear', () => {
    const parsed = parseScenario(
      { format: SCENARIO_FORMAT, name: 'Oud', assumptions: { amb: { inflowChangePct: { '2023': 2 } } } },
      m,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        format: SCENARIO_FORMAT,
        name: 'Oud',
        assumptions: { amb: { inflowChangePct: { '2023': 2 } } },
        substitutions: [],
        funding: {},
      },
    });
  });

  it('the shipped model carries a nationalShare with its source', () => {
    const model = defaultModel();
    expect(model.funding.nationalShare?.value).toBeGreaterThan(0.005);
    expect(model.funding.nationalShare?.value).toBeLessThan(0.03);
    expect(model.funding.nationalShare?.source.length).toBeGreaterThan(20);
    expect(NOORD_LIMBURG_NATIONAL_SHARE.value).toBeCloseTo(0.01508, 5);
  });

  it('a model nationalShare outside 0..1 is rejected in Dutch', () => {
    const parsed = parseModel({ ...m, funding: { baseAmount: 1, nationalShare: { value: 1.5, source: 'x' } } });
    expect(parsed.ok === false && parsed.issues.map((i) => i.message)).toEqual([
      'funding.nationalShare.value: 1.5 is groter dan 1 (een aandeel is een fractie tussen 0 en 1)',
    ]);
  });
});

describe('ranges are validated like everything else', () => {
  it('accepts ranges on base figures, percentages and funding, keeping their source', () => {
    const sc = validScenario(m, {
      ranges: {
        amb: {
          inflowPerYear: { low: 1000, high: 1500, source: 'realisatie 2019–2022' },
          priceIndexPct: { low: -1, high: 2 },
        },
        b: { amount: { low: 1000, high: 1000 } },
      },
      funding: { ranges: { baseAmount: { low: 4000, high: 6000 }, indexPct: { low: -0.5, high: 0.5 } } },
    });
    expect(sc.ranges?.amb?.inflowPerYear).toEqual({ low: 1000, high: 1500, source: 'realisatie 2019–2022' });
    expect(sc.funding.ranges?.indexPct).toEqual({ low: -0.5, high: 0.5 });
  });

  it('names the path and the value of each problem', () => {
    expect(
      scenarioIssues(m, {
        ranges: {
          onbekend: { amount: { low: 1, high: 2 } },
          amb: {
            inflowPerYear: { low: 1300, high: 1400 },
            amount: { low: 0, high: 1 },
            priceIndexPct: { low: 1, high: 2 },
            avgDurationMonths: { low: 0.5, high: 5 },
          },
          b: { amountChangePct: { low: -200, high: 0 } },
        },
      }),
    ).toEqual([
      'ranges.onbekend: "onbekend" is geen segment van model "Handmodel"',
      'ranges.amb.inflowPerYear.low: low 1.300 is groter dan de waarde in het model 1.200: de meest waarschijnlijke waarde moet binnen de bandbreedte liggen',
      'ranges.amb.avgDurationMonths.low: low 0,5 is kleiner dan 1 maand',
      'ranges.amb.amount: geldt niet voor een volumesegment',
      'ranges.amb.priceIndexPct.low: low 1 is groter dan 0: een bandbreedte op een percentage is een verschuiving in procentpunten rond de aanname (low ≤ 0 ≤ high)',
      'ranges.b.amountChangePct.low: low -200 maakt het percentage van 2023 -200%: kleiner dan -100%',
    ]);
  });

  it('checks low ≤ high in the schema, and the shortest duration the range allows', () => {
    expect(scenarioIssues(m, { ranges: { amb: { pricePerUnit: { low: 120, high: 80 } } } })).toEqual([
      'ranges.amb.pricePerUnit.low: low 120 is groter dan high 80',
    ]);
    // 4 months × 0,4 (2023) = 1,6; × 0,4 (2024) = 0,64
    expect(scenarioIssues(m, { ranges: { amb: { durationChangePct: { low: -60, high: 0 } } } })).toEqual([
      'ranges.amb.durationChangePct.low: low -60 maakt de trajectduur in 2024 0,64 maand: kleiner dan 1 maand',
    ]);
    expect(scenarioIssues(m, { ranges: { amb: { inflowPerYear: { low: 1000 } } } })).toEqual([
      'ranges.amb.inflowPerYear.high: ontbreekt',
    ]);
  });

  it('checks funding and substitution ranges', () => {
    const two = handModel({
      segments: [oneMonthSegment('a', 100, 1), oneMonthSegment('c', 100, 1)],
      funding: { baseAmount: 10 },
    });
    expect(
      scenarioIssues(two, {
        funding: { ranges: { baseAmount: { low: 11, high: 12 }, indexPct: { low: 0.5, high: 1 } } },
        substitutions: [
          { from: 'a', to: 'c', sharePct: { '2023': 95 }, ranges: { sharePct: { low: -100, high: 10 } } },
        ],
      }),
    ).toEqual([
      'funding.ranges.baseAmount.low: low 11 is groter dan baseAmount in het model 10: de meest waarschijnlijke waarde moet binnen de bandbreedte liggen',
      'funding.ranges.indexPct.low: low 0,5 is groter dan 0: een bandbreedte op een percentage is een verschuiving in procentpunten rond de aanname (low ≤ 0 ≤ high)',
      'substitutions[0].ranges.sharePct.low: low -100 maakt het aandeel van 2023 -5%: negatief',
      'substitutions[0].ranges.sharePct.high: met de high-waarden wordt in 2023 105% van de instroom van "a" verschoven: meer dan 100%',
    ]);
  });
});
