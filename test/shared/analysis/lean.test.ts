/**
 * The lean Monte Carlo path must give exactly what simulate gives on the same
 * values (applyParameters): otherwise the bands would not belong to the model
 * the controller sees.
 */
import { describe, expect, it } from 'vitest';
import { compileLean } from '../../../src/shared/analysis/lean';
import { applyParameters, listParameters } from '../../../src/shared/analysis/parameters';
import { createRandom, triangular } from '../../../src/shared/analysis/random';
import { simulate } from '../../../src/shared/engine/simulate';
import type { Model } from '../../../src/shared/formats/model';
import { parseModel } from '../../../src/shared/formats/validate';
import type { Scenario } from '../../../src/shared/formats/scenario';
import { defaultModelWithoutRealisatie, shippedScenario, validScenario } from '../../fixtures';

/** Ranges on every kind of parameter, plus prevention, measures and a substitution with a range. */
function richScenario(m: Model): Scenario {
  const base = shippedScenario(m, 'beleidsplan-kpis.json');
  const ranges: Record<string, Record<string, { low: number; high: number }>> = {};
  for (const s of m.segments) {
    if (s.kind === 'volume') {
      ranges[s.id] = {
        inflowPerYear: { low: s.inflowPerYear * 0.9, high: s.inflowPerYear * 1.2 },
        avgDurationMonths: { low: s.avgDurationMonths, high: s.avgDurationMonths * 1.1 },
        unitsPerClientMonth: { low: (s.unitsPerClientMonth ?? 1) * 0.95, high: (s.unitsPerClientMonth ?? 1) * 1.05 },
        pricePerUnit: { low: s.pricePerUnit * 0.97, high: s.pricePerUnit * 1.03 },
        inflowChangePct: { low: -2, high: 3 },
        durationChangePct: { low: s.avgDurationMonths > 2 ? -1 : 0, high: 1 },
        intensityChangePct: { low: -1, high: 0.5 },
        priceIndexPct: { low: -0.5, high: 1.5 },
      };
    } else
      ranges[s.id] = { amount: { low: s.amount * 0.95, high: s.amount * 1.1 }, amountChangePct: { low: -1, high: 2 } };
  }
  const { format: _f, name: _n, ...rest } = base;
  return validScenario(m, {
    ...rest,
    ranges,
    substitutions: [
      ...rest.substitutions,
      {
        from: 'ambulante-behandeling',
        to: 'ambulante-begeleiding',
        sharePct: { '2024': 5, '2025': 10 },
        ranges: { sharePct: { low: -5, high: 5 } },
      },
    ],
    funding: {
      ...rest.funding,
      adjustments: { '2025': 250000 },
      ranges: {
        baseAmount: { low: m.funding.baseAmount * 0.98, high: m.funding.baseAmount * 1.01 },
        indexPct: { low: -1, high: 1 },
      },
    },
    prevention: {
      extraBudget: { '2023': 100000, '2024': 300000, '2026': -50000 },
      effects: [
        {
          segment: 'ambulante-begeleiding',
          inflowPctPer100k: 1,
          lagYears: 1,
          maxPct: 2.5,
          ranges: { inflowPctPer100k: { low: 0, high: 2 }, maxPct: { low: 1, high: 5 } },
        },
        { segment: 'ambulante-begeleiding', inflowPctPer100k: 0.5, lagYears: 2, maxPct: 10 },
        { segment: 'ambulante-ggz', inflowPctPer100k: 2, lagYears: 0, maxPct: 3 },
      ],
    },
    measures: { 'korting-511-mln': true, 'voorjaarsnota-2025-extra': true, 'eigen-bijdrage': true },
    autonomous: {
      youth0to17: { venlo: { '2024': 17000, '2027': 16500 }, beesel: { '2025': 2600 } },
      usageChangePct: { '2023': 1.5, '2026': 2 },
      severityChangePct: { '2024': 1 },
      wageIndexPct: { '2025': 4 },
      materialIndexPct: { '2025': 2, '2027': 1 },
      wageWeightPct: 80,
      ranges: {
        usageChangePct: { low: -1, high: 1.5 },
        severityChangePct: { low: -0.5, high: 0.5 },
        wageIndexPct: { low: -1, high: 2 },
        materialIndexPct: { low: -1, high: 1 },
      },
    },
    knownChanges: { 'lean-regio': true, 'lean-gemeente': true, 'lean-formule': true },
  });
}

/** The default model with three bekende ontwikkelingen of each kind, each with a range. */
function withChanges(base: Model): Model {
  const parsed = parseModel({
    ...base,
    knownChanges: [
      ...(base.knownChanges ?? []),
      {
        id: 'lean-regio',
        name: 'Regionaal bedrag',
        side: 'lasten',
        kind: 'structureel',
        amount: { '2025': 1_250_000, '2027': 900_000 },
        range: { lowPct: -30, highPct: 40 },
        source: 'test',
      },
      {
        id: 'lean-gemeente',
        name: 'Per gemeente',
        side: 'baten',
        kind: 'incidenteel',
        perGemeente: { venlo: { '2024': -2_970_000, '2025': -1_000_000 }, venray: { '2025': 400_000 } },
        range: { lowPct: -50, highPct: 20 },
        source: 'test',
      },
      {
        id: 'lean-formule',
        name: 'Formule',
        side: 'lasten',
        kind: 'structureel',
        pctOfSegments: { segments: ['ambulante-begeleiding', 'ambulante-ggz'], pct: 3.5, fromYear: 2025 },
        range: { lowPct: -100, highPct: 100 },
        source: 'test',
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

describe('lean path', () => {
  // the lean path knows no realisatie (a model with realisatie draws through simulate): its own figures
  const m = withChanges(defaultModelWithoutRealisatie());
  const sc = richScenario(m);
  const params = listParameters(m, sc);

  it('covers every kind of ranged parameter', () => {
    const kinds = new Set(params.map((p) => p.target.kind));
    expect([...kinds].sort()).toEqual([
      'autonomous',
      'fundingBase',
      'fundingIndex',
      'knownChange',
      'measure',
      'policy',
      'prevention',
      'segmentBase',
      'segmentPct',
      'substitution',
    ]);
    expect(params.length).toBeGreaterThan(100);
  });

  it('gives exactly the numbers of simulate for the most likely values', () => {
    const lean = compileLean(m, sc, params);
    const cost = new Float64Array(lean.years);
    const funding = new Float64Array(lean.years);
    lean.reset();
    params.forEach((p, i) => lean.setters[i]!(p.likely));
    lean.run(cost, funding);
    const ref = simulate(m, sc, { perGemeente: false });
    expect(Array.from(cost)).toEqual(ref.totals.map((t) => t.cost));
    expect(Array.from(funding)).toEqual(ref.totals.map((t) => t.funding));
  });

  it('gives exactly the numbers of simulate on applyParameters for 200 random draws', () => {
    const lean = compileLean(m, sc, params);
    const cost = new Float64Array(lean.years);
    const funding = new Float64Array(lean.years);
    const random = createRandom(99);
    for (let draw = 0; draw < 200; draw++) {
      const values = params.map((p) => triangular(random.next(), p.low, p.likely, p.high));
      lean.reset();
      values.forEach((v, i) => lean.setters[i]!(v));
      lean.run(cost, funding);
      const applied = applyParameters(m, sc, params, values);
      const ref = simulate(applied.model, applied.scenario, { perGemeente: false, scale: applied.scale });
      expect(Array.from(cost)).toEqual(ref.totals.map((t) => t.cost));
      expect(Array.from(funding)).toEqual(ref.totals.map((t) => t.funding));
    }
  });

  it('starts every draw from the scenario: reset undoes the previous draw', () => {
    const lean = compileLean(m, sc, params);
    const a = new Float64Array(lean.years);
    const b = new Float64Array(lean.years);
    const f = new Float64Array(lean.years);
    lean.reset();
    lean.run(a, f);
    params.forEach((p, i) => lean.setters[i]!(p.high));
    lean.run(b, f);
    expect(Array.from(b)).not.toEqual(Array.from(a));
    lean.reset();
    lean.run(b, f);
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});
