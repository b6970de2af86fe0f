/** Issue 11: the indexation warning, and a new scenario starting from Ongewijzigd beleid's assumptions. */
import { describe, expect, it } from 'vitest';
import { indexationWarning, startingScenario } from '../../../src/shared/formats/starting';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import { parseScenario } from '../../../src/shared/formats/validate';
import { simulate } from '../../../src/shared/engine/simulate';
import { budget, defaultModel, model, scenario, shippedScenario, volume } from '../../fixtures';

describe('indexationWarning', () => {
  const nl = defaultModel();

  it('a model run without a scenario (no assumptions): "lasten niet geïndexeerd, Rijksmiddelen wel"', () => {
    expect(indexationWarning(nl, emptyScenario('Geen aannames'))).toMatch(
      /^Lasten niet geïndexeerd, Rijksmiddelen wel/,
    );
  });

  it('Ongewijzigd beleid indexes both sides: no warning', () => {
    expect(indexationWarning(nl, shippedScenario(nl, 'ongewijzigd-beleid.json'))).toBeUndefined();
  });

  it('costs indexed but the Rijksmiddelen not: the other warning; neither indexed: none; 0% counts as not indexed', () => {
    const m = model({ segments: [volume('s'), budget('b', 100)], funding: { baseAmount: 1000 } });
    expect(indexationWarning(m, scenario(m, { assumptions: { s: { priceIndexPct: { '2023': 2 } } } }))).toMatch(
      /^Rijksmiddelen niet geïndexeerd, lasten wel/,
    );
    expect(indexationWarning(m, scenario(m, { autonomous: { wageIndexPct: { '2024': 3 } } }))).toMatch(
      /^Rijksmiddelen niet geïndexeerd/,
    );
    expect(
      indexationWarning(m, scenario(m, { assumptions: { b: { amountChangePct: { '2023': 0 } } } })),
    ).toBeUndefined();
    expect(indexationWarning(m, scenario(m, { funding: { indexPct: { '2023': 2 } } }))).toMatch(
      /^Lasten niet geïndexeerd/,
    );
    expect(
      indexationWarning(
        m,
        scenario(m, { funding: { indexPct: { '2023': 2 } }, assumptions: { b: { amountChangePct: { '2023': 2 } } } }),
      ),
    ).toBeUndefined();
  });
});

describe('startingScenario ("Nieuw scenario")', () => {
  it('copies Ongewijzigd beleid’s assumptions, funding path and ranges under the new name: same result, no warning', () => {
    const nl = defaultModel();
    const ref = shippedScenario(nl, 'ongewijzigd-beleid.json');
    const fresh = startingScenario(nl, 'Nieuw scenario', ref);
    expect(fresh.name).toBe('Nieuw scenario');
    expect(fresh.description).toBe('Begint vanuit de aannames van "Ongewijzigd beleid".');
    expect([fresh.assumptions, fresh.funding, fresh.autonomous, fresh.ranges]).toEqual([
      ref.assumptions,
      ref.funding,
      ref.autonomous,
      ref.ranges,
    ]);
    expect(fresh.assumptions).not.toBe(ref.assumptions); // a copy: editing it leaves the reference alone
    const parsed = parseScenario(fresh, nl);
    expect(parsed.ok).toBe(true);
    expect(simulate(nl, fresh).totals).toEqual(simulate(nl, ref).totals);
    expect(indexationWarning(nl, fresh)).toBeUndefined();
  });

  it('without Ongewijzigd beleid: the lasten get the model’s Rijksmiddelen index, so no warning', () => {
    const m = model({
      segments: [volume('s'), budget('b', 100)],
      funding: { baseAmount: 1000, indexPct: { '2023': 3, '2024': 2 } },
    });
    const fresh = startingScenario(m, 'Nieuw');
    expect(fresh.assumptions.s?.priceIndexPct).toEqual({ '2023': 3, '2024': 2 });
    expect(fresh.assumptions.b?.amountChangePct).toEqual({ '2023': 3, '2024': 2 });
    expect(parseScenario(fresh, m).ok).toBe(true);
    expect(indexationWarning(m, emptyScenario('leeg'))).toMatch(/^Lasten niet geïndexeerd/);
    expect(indexationWarning(m, fresh)).toBeUndefined();
    // costs and funding grow alike: 3% then 2% on both sides
    const r = simulate(m, fresh);
    expect(r.totals[2]!.funding).toBeCloseTo(1000 * 1.03 * 1.02, 9);
    expect(r.lines[1]!.years[2]!.cost).toBeCloseTo(100 * 1.03 * 1.02, 9);
  });

  it('a model without any index: the empty scenario', () => {
    const m = model();
    expect(startingScenario(m, 'Nieuw')).toEqual(emptyScenario('Nieuw'));
  });
});

describe('autonome ontwikkeling in words', () => {
  it('names the field and the gemeente in a message path', async () => {
    const { describePath } = await import('../../../src/shared/formats/describe');
    const m = model({ gemeenten: [{ id: 'venlo', name: 'Venlo', youth0to17: 100 }] });
    expect(describePath('autonomous.youth0to17.venlo.2024', m)).toBe(
      'Autonome ontwikkeling, jeugdigen 0–17 Venlo 2024',
    );
    expect(describePath('autonomous.usageChangePct.2025', m)).toBe('Autonome ontwikkeling, gebruik per jeugdige 2025');
  });
});
