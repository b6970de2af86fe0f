import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  categoryTotals,
  effectiveLines,
  mutatieOverzicht,
  mutatieSteps,
  type MutatieOverzicht,
} from '../../../src/shared/analysis/mutaties';
import { simulate } from '../../../src/shared/engine/simulate';
import type { Model } from '../../../src/shared/formats/model';
import type { Scenario } from '../../../src/shared/formats/scenario';
import { budget, defaultModel, gemeente, model, scenario, shippedScenario, volume } from '../../fixtures';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Σ lines === total, per year and per field, as integers (cents). */
function expectAddsUp(o: MutatieOverzicht) {
  for (const f of ['lasten', 'baten', 'saldo'] as const) {
    o.years.forEach((_, k) => {
      const lines = o.lines.map((l) => l[f][k]!);
      expect(lines.every(Number.isInteger)).toBe(true);
      expect(sum(lines)).toBe(o.total[f][k]);
      expect(o.target[f][k]! - o.reference[f][k]!).toBe(o.total[f][k]);
    });
  }
}

function lineOf(o: MutatieOverzicht, id: string) {
  const line = o.lines.find((l) => l.id === id);
  if (!line) throw new Error(`geen regel ${id}`);
  return line;
}

describe('mutatieOverzicht: hand-computed', () => {
  // One segment in steady state: 12/yr × 6 months × 1 unit × € 100 = € 7.200 per year.
  const m = model({
    segments: [volume('s')],
    funding: { baseAmount: 10_000, nationalShare: { value: 0.001, source: 'test' } },
  });

  it('only a price change: everything in prijs (tariefindex), nothing elsewhere', () => {
    const ref = scenario(m);
    const target = scenario(m, { assumptions: { s: { priceIndexPct: { '2023': 10 } } } });
    const o = mutatieOverzicht({ model: m, scenario: ref }, { model: m, scenario: target });
    expect(o.years).toEqual([2022, 2023, 2024]);
    // 2023 and 2024: € 7.200 × 10% = € 720 more lasten = 72.000 cents
    expect(o.total.lasten).toEqual([0, 72_000, 72_000]);
    expect(o.total.saldo).toEqual([0, -72_000, -72_000]);
    expect(effectiveLines(o).map((l) => l.id)).toEqual(['prijs:tarief']);
    expect(lineOf(o, 'prijs:tarief').saldo).toEqual([0, -72_000, -72_000]);
    const cats = categoryTotals(o);
    expect(cats.find((c) => c.category === 'prijs')!.lasten).toEqual([0, 72_000, 72_000]);
    expect(cats.find((c) => c.category === 'volume')!.lasten).toEqual([0, 0, 0]);
    expectAddsUp(o);
  });

  it('loon/prijs from autonome ontwikkeling also lands in prijs', () => {
    const ref = scenario(m);
    const target = scenario(m, {
      autonomous: { wageIndexPct: { '2024': 10 }, materialIndexPct: { '2024': 0 }, wageWeightPct: 50 },
    });
    const o = mutatieOverzicht({ model: m, scenario: ref }, { model: m, scenario: target });
    // 2024: q = 1 + (0,5 × 10 + 0,5 × 0)% = 1,05 → € 7.200 × 5% = € 360
    expect(lineOf(o, 'prijs:loon-prijs').lasten).toEqual([0, 0, 36_000]);
    expect(effectiveLines(o).map((l) => l.id)).toEqual(['prijs:loon-prijs']);
    expectAddsUp(o);
  });

  it('price then volume: the interaction lands in volume (the later step)', () => {
    const ref = scenario(m);
    const target = scenario(m, {
      assumptions: { s: { priceIndexPct: { '2023': 10 }, inflowChangePct: { '2023': 50 } } },
    });
    const o = mutatieOverzicht({ model: m, scenario: ref }, { model: m, scenario: target });
    // prijs at the reference volume: € 720 in 2024 (steady state reached only gradually in 2023, so compare 2024's
    // price step with the reference cost × 10%)
    const refCost2024 = simulate(m, ref).totals[2]!.cost;
    expect(lineOf(o, 'prijs:tarief').lasten[2]).toBe(Math.round(refCost2024 * 110) - Math.round(refCost2024 * 100));
    const both = simulate(m, target).totals[2]!.cost;
    expect(lineOf(o, 'volume:instroom').lasten[2]).toBe(Math.round(both * 100) - Math.round(refCost2024 * 110));
    expectAddsUp(o);
  });

  it('a Rijksmaatregel is its own line by name, in Rijk; lasten untouched', () => {
    const ref = scenario(m);
    const target = scenario(m, { measures: { 'korting-511-mln': true } });
    const mm = { ...m, endYear: 2027 };
    const o = mutatieOverzicht({ model: mm, scenario: ref }, { model: mm, scenario: target });
    const line = lineOf(o, 'rijk:maatregel:korting-511-mln');
    expect(line.label).toMatch(/^Rijksmaatregel: /);
    // −511 mln × 0,001 = −€ 511.000 from 2026 on
    expect(line.baten).toEqual([0, 0, 0, 0, -51_100_000, -51_100_000]);
    expect(line.lasten.every((v) => v === 0)).toBe(true);
    expect(effectiveLines(o).map((l) => l.id)).toEqual(['rijk:maatregel:korting-511-mln']);
    expectAddsUp(o);
  });

  it('funding index and adjustments: Rijk', () => {
    const ref = scenario(m);
    const target = scenario(m, { funding: { indexPct: { '2023': 5 }, adjustments: { '2024': 1234.56 } } });
    const o = mutatieOverzicht({ model: m, scenario: ref }, { model: m, scenario: target });
    expect(lineOf(o, 'rijk:index').baten).toEqual([0, 50_000, 50_000]);
    expect(lineOf(o, 'rijk:bijstellingen').baten).toEqual([0, 0, 123_456]);
    expectAddsUp(o);
  });

  it('a substitution is its own beleid line named by its segments', () => {
    const m2 = model({ segments: [volume('a'), volume('b', { pricePerUnit: 50 })] });
    const target = scenario(m2, { substitutions: [{ from: 'a', to: 'b', sharePct: { '2023': 50, '2024': 50 } }] });
    const o = mutatieOverzicht({ model: m2, scenario: scenario(m2) }, { model: m2, scenario: target });
    const line = lineOf(o, 'beleid:substitutie:a>b');
    expect(line.label).toBe('Substitutie Segment a → Segment b');
    expect(line.lasten[2]).toBeLessThan(0);
    expect(effectiveLines(o).map((l) => l.id)).toEqual(['beleid:substitutie:a>b']);
    expectAddsUp(o);
  });

  it('a new model (higher price in the basismodel) is basismodel, not prijs', () => {
    const newer = model({ segments: [volume('s', { pricePerUnit: 110 })], funding: { baseAmount: 10_000 } });
    const s = scenario(m);
    const o = mutatieOverzicht({ model: m, scenario: s }, { model: newer, scenario: s });
    expect(lineOf(o, 'basismodel').lasten).toEqual([72_000, 72_000, 72_000]);
    expect(effectiveLines(o).map((l) => l.id)).toEqual(['basismodel']);
    expectAddsUp(o);
  });

  it('a reference whose model had a segment the current model no longer has: no error, basismodel takes it', () => {
    const old = model({
      segments: [volume('s'), volume('weg', { pricePerUnit: 80 })],
      funding: { baseAmount: 10_000 },
    });
    const refScenario = scenario(old, {
      assumptions: { weg: { inflowChangePct: { '2023': 10 } } },
      substitutions: [{ from: 's', to: 'weg', sharePct: { '2024': 20 } }],
    });
    const o = mutatieOverzicht({ model: old, scenario: refScenario }, { model: m, scenario: scenario(m) });
    expectAddsUp(o);
    // the segment's cost goes with the model; its substitution moves nothing without it
    expect(lineOf(o, 'basismodel').lasten[0]).toBe(-Math.round(12 * 6 * 80 * 100));
    expect(lineOf(o, 'beleid:substitutie:s>weg').lasten).toEqual([0, 0, 0]);
  });

  it('a stored result that today\'s engine would compute differently: "Rekenwijze" line, reference = stored', () => {
    const s = scenario(m);
    const stored = simulate(m, s);
    const adopted = { ...stored, totals: stored.totals.map((t) => ({ ...t, cost: t.cost - 1 })) };
    const o = mutatieOverzicht({ model: m, scenario: s, result: adopted }, { model: m, scenario: s });
    expect(o.reference.lasten[0]).toBe(Math.round((stored.totals[0]!.cost - 1) * 100));
    expect(lineOf(o, 'rekenwijze').lasten).toEqual([100, 100, 100]);
    expectAddsUp(o);
  });

  it('same inputs: every line zero', () => {
    const s = scenario(m, { assumptions: { s: { priceIndexPct: { '2023': 3 } } } });
    const o = mutatieOverzicht({ model: m, scenario: s }, { model: m, scenario: s });
    expect(effectiveLines(o)).toEqual([]);
    expect(o.total.saldo).toEqual([0, 0, 0]);
  });

  it('the steps are a plain array in the documented order', () => {
    const s = scenario(m);
    const ids = mutatieSteps({ model: m, scenario: s }, { model: m, scenario: s }).map((st) => st.category);
    const order = ['basismodel', 'prijs', 'volume', 'beleid', 'rijk'];
    const ranks = ids.map((c) => order.indexOf(c));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe('mutatieOverzicht: the shipped scenarios', () => {
  it("Beleidsplan KPI's against Ongewijzigd beleid adds up exactly and has beleid and volume lines", () => {
    const m = defaultModel();
    const ref = shippedScenario(m, 'ongewijzigd-beleid.json');
    const target = shippedScenario(m, 'beleidsplan-kpis.json');
    const o = mutatieOverzicht({ model: m, scenario: ref }, { model: m, scenario: target });
    expectAddsUp(o);
    const r = simulate(m, ref).totals;
    expect(o.reference.saldo).toEqual(r.map((t) => Math.round(t.funding * 100) - Math.round(t.cost * 100) || 0));
    expect(effectiveLines(o).length).toBeGreaterThan(1);
  });
});

// ── property: Σ contributions === total per year ────────────────────────────────────────────────

const FUTURE = ['2023', '2024', '2025'];
const pct = fc.double({ min: -20, max: 20, noNaN: true });
const pctMap = fc.dictionary(fc.constantFrom(...FUTURE), pct, { maxKeys: 3 });
const MEASURES = ['korting-511-mln', 'eigen-bijdrage', 'stelpost-hervormingsagenda'];

const modelArb = fc
  .record({
    inflow: fc.double({ min: 0, max: 5000, noNaN: true }),
    price: fc.double({ min: 0, max: 10_000, noNaN: true }),
    price2: fc.double({ min: 0, max: 10_000, noNaN: true }),
    amount: fc.double({ min: 0, max: 1e7, noNaN: true }),
    base: fc.double({ min: 0, max: 1e8, noNaN: true }),
  })
  .map((f): Model =>
    model({
      endYear: 2025,
      gemeenten: [gemeente('a', 1000), gemeente('b', 500)],
      segments: [
        volume('x', { inflowPerYear: f.inflow, pricePerUnit: f.price }),
        volume('y', { pricePerUnit: f.price2, avgDurationMonths: 14 }),
        budget('z', f.amount),
      ],
      funding: { baseAmount: f.base, nationalShare: { value: 0.01223, source: 'test' } },
    }),
  );

const scenarioArb = (m: Model): fc.Arbitrary<Scenario> =>
  fc
    .record({
      x: fc.record({ inflowChangePct: pctMap, priceIndexPct: pctMap, intensityChangePct: pctMap }),
      y: fc.record({
        durationChangePct: fc.dictionary(fc.constantFrom(...FUTURE), fc.double({ min: -5, max: 20, noNaN: true }), {
          maxKeys: 3,
        }),
        priceIndexPct: pctMap,
      }),
      z: fc.record({ amountChangePct: pctMap }),
      share: fc.dictionary(fc.constantFrom(...FUTURE), fc.double({ min: 0, max: 60, noNaN: true }), { maxKeys: 3 }),
      index: pctMap,
      adjustments: fc.dictionary(fc.constantFrom(...FUTURE), fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
        maxKeys: 2,
      }),
      measures: fc.subarray(MEASURES),
      autonomous: fc.option(
        fc.record({
          usageChangePct: pctMap,
          severityChangePct: pctMap,
          wageIndexPct: pctMap,
          youthB: fc.integer({ min: 100, max: 900 }),
        }),
        { nil: undefined },
      ),
      prevention: fc.option(fc.double({ min: -500_000, max: 500_000, noNaN: true }), { nil: undefined }),
    })
    .map((f) =>
      scenario(m, {
        assumptions: { x: f.x, y: f.y, z: f.z },
        substitutions: [{ from: 'x', to: 'y', sharePct: f.share }],
        funding: { indexPct: f.index, adjustments: f.adjustments },
        measures: Object.fromEntries(f.measures.map((id) => [id, true])),
        ...(f.autonomous
          ? {
              autonomous: {
                usageChangePct: f.autonomous.usageChangePct,
                severityChangePct: f.autonomous.severityChangePct,
                wageIndexPct: f.autonomous.wageIndexPct,
                youth0to17: { b: { '2024': f.autonomous.youthB } },
              },
            }
          : {}),
        ...(f.prevention !== undefined
          ? {
              prevention: {
                extraBudget: { '2023': f.prevention },
                effects: [{ segment: 'x', inflowPctPer100k: 1, lagYears: 1, maxPct: 5 }],
              },
            }
          : {}),
      }),
    );

describe('mutatieOverzicht: property', () => {
  it('Σ contributions === total difference, per year, for lasten, baten and saldo (also across models)', () => {
    const arb = fc
      .tuple(modelArb, modelArb)
      .chain(([m1, m2]) => fc.tuple(fc.constant(m1), fc.constant(m2), scenarioArb(m1), scenarioArb(m2)));
    fc.assert(
      fc.property(arb, fc.boolean(), ([m1, m2, s1, s2], sameModel) => {
        const target = sameModel ? m1 : m2;
        const o = mutatieOverzicht({ model: m1, scenario: s1 }, { model: target, scenario: s2 });
        expectAddsUp(o);
        // the target figures are the target's own simulation, in cents
        const t = simulate(target, s2).totals;
        expect(o.target.lasten).toEqual(t.map((y) => Math.round(y.cost * 100) || 0));
        // every component is moved by a step: nothing left for "Overig"
        expect(o.lines.some((l) => l.id === 'overig')).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('mutatieOverzicht: beleidsmaatregelen by name', () => {
  it("Beleidsplan KPI's against Ongewijzigd beleid: one beleid line per measure, nothing in Overig, exact sum", () => {
    const m = defaultModel();
    const kpis = shippedScenario(m, 'beleidsplan-kpis.json');
    const on = shippedScenario(m, 'ongewijzigd-beleid.json');
    const o = mutatieOverzicht({ model: m, scenario: on }, { model: m, scenario: kpis });
    expectAddsUp(o);
    const policyLines = o.lines.filter((l) => l.id.startsWith('beleid:maatregel:'));
    expect(policyLines.map((l) => l.label)).toEqual(kpis.policies!.map((p) => `Beleidsmaatregel: ${p.name}`));
    expect(o.lines.some((l) => l.id === 'overig')).toBe(false);
    // the difference between the two scenarios is the measures: a measure that moves the saldo shows it
    const last = o.years.length - 1;
    expect(sum(policyLines.map((l) => l.saldo[last]!))).not.toBe(0);
  });

  it('a policy only in the reference is moved out (its line undoes it)', () => {
    const m = defaultModel();
    const kpis = shippedScenario(m, 'beleidsplan-kpis.json');
    const on = shippedScenario(m, 'ongewijzigd-beleid.json');
    const o = mutatieOverzicht({ model: m, scenario: kpis }, { model: m, scenario: on });
    expectAddsUp(o);
    expect(o.lines.some((l) => l.id === 'overig')).toBe(false);
  });
});

describe('mutatieOverzicht: bekende ontwikkelingen by name', () => {
  it('Ongewijzigd beleid against itself without its bekende ontwikkelingen: one rijk line per change, exact', () => {
    const m = defaultModel();
    const on = shippedScenario(m, 'ongewijzigd-beleid.json');
    const { knownChanges: switched, ...without } = on;
    expect(Object.keys(switched ?? {}).length).toBeGreaterThan(0);
    const o = mutatieOverzicht({ model: m, scenario: without }, { model: m, scenario: on });
    expectAddsUp(o);
    expect(o.lines.some((l) => l.id === 'overig')).toBe(false);
    const known = o.lines.filter((l) => l.id.startsWith('rijk:bekend:'));
    expect(known.map((l) => l.label)).toEqual(
      m.knownChanges!.filter((c) => switched![c.id]).map((c) => `Bekende ontwikkeling: ${c.name}`),
    );
    // they are the whole difference: every other line is zero
    for (const l of o.lines.filter((x) => !x.id.startsWith('rijk:bekend:')))
      expect(l.saldo.every((v) => v === 0)).toBe(true);
    // a lasten change: more lasten, a lower saldo in 2028
    const last = o.years.length - 1;
    expect(o.total.saldo[last]!).toBeLessThan(0);
    expect(sum(known.map((l) => l.saldo[last]!))).toBe(o.total.saldo[last]);
  });
});
