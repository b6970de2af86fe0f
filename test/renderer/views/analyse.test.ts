/** Pure helpers of the Analyse view: chart ticks, tornado texts, goal seek spec from the form, the Monte Carlo caption. */
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../../src/renderer/charts/BandChart';
import { tornadoDeltas } from '../../../src/renderer/charts/TornadoChart';
import { discussFirst } from '../../../src/renderer/views/analyse/Gevoeligheid';
import { boundsText, deficitText, mcCaption } from '../../../src/renderer/lib/analysisText';
import { buildSpec } from '../../../src/renderer/views/analyse/Doelzoeken';
import { tornado } from '../../../src/shared/analysis/tornado';
import { applyGoalSeekResult, goalSeek } from '../../../src/shared/analysis/goalseek';
import { runMonteCarloSync } from '../../../src/shared/analysis/montecarlo';
import { simulate } from '../../../src/shared/engine/simulate';
import { defaultModel, shippedScenario, validScenario, withoutRanges } from '../../fixtures';

const model = defaultModel();
// the bare scenario: these tests set their own ranges
// (and without the bekende ontwikkelingen, whose ranges are in the model)
const { knownChanges: _known, ...base } = withoutRanges(shippedScenario(model, 'ongewijzigd-beleid.json'));
void _known;

describe('BandChart axis', () => {
  it('gives round ticks around the lasten, covering every value', () => {
    const t = niceTicks([86_249_215, 114_470_455]);
    expect(t.ticks).toEqual([80e6, 90e6, 100e6, 110e6, 120e6]);
    expect(t.domain).toEqual([80e6, 120e6]);
    expect(niceTicks([-3_700_000, 3_000_000]).ticks).toEqual([-4e6, -2e6, 0, 2e6, 4e6]);
    const flat = niceTicks([5, 5]);
    expect(flat.domain[0]).toBeLessThanOrEqual(5);
    expect(flat.domain[1]).toBeGreaterThanOrEqual(5);
  });
});

describe('tornado texts', () => {
  const s = validScenario(model, {
    ...base,
    ranges: { 'ambulante-begeleiding': { inflowPerYear: { low: 1100, high: 1500 } } },
  });
  const t = tornado(model, s);
  it('"Bespreek eerst" names the three largest, in order', () => {
    const [a, b, c] = t.bars.map((x) => x.parameter.label);
    expect(discussFirst(t.bars)).toBe(`Bespreek eerst: ${a}, ${b} en ${c}.`);
    expect(discussFirst(t.bars.slice(0, 1))).toBe(`Bespreek eerst: ${a}.`);
    expect(discussFirst([])).toBe('');
  });
  it('says what low and high are: a range, euros, or ±10% of the assumption', () => {
    const byKey = new Map(t.bars.map((b) => [b.parameter.key, b.parameter]));
    expect(boundsText(byKey.get('ranges.ambulante-begeleiding.inflowPerYear')!)).toBe('1.100 – 1.500');
    expect(boundsText(byKey.get('funding.ranges.baseAmount')!)).toMatch(/^€ 81\.612\.317 – € 99\.748\.387$/);
    expect(boundsText(byKey.get('funding.ranges.indexPct')!)).toBe('-10% / +10% van de aanname');
  });
  it('bar ends are the saldo change against the scenario', () => {
    const bar = t.bars[0]!;
    const d = tornadoDeltas(bar, t.base, 'cumulative');
    expect(d.low).toBeCloseTo(bar.low.cumulativeBalance - t.base.cumulativeBalance, 6);
    const y = tornadoDeltas(bar, t.base, 'year');
    expect(y.high).toBeCloseTo(bar.high.yearBalance - t.base.yearBalance, 6);
  });
});

describe('goal seek from the form', () => {
  it('builds the spec the engine solves; applying the answer gives saldo 2028 within € 1.000 of 0', () => {
    const spec = buildSpec({
      kind: 'assumption',
      segment: 'ambulante-begeleiding',
      field: 'inflowChangePct',
      from: '',
      to: '',
      mode: 'step',
      fromYear: 2025,
      targetYear: 2028,
      target: 0,
    });
    expect(spec).toEqual({
      variable: {
        kind: 'assumption',
        segment: 'ambulante-begeleiding',
        field: 'inflowChangePct',
        fromYear: 2025,
        mode: 'step',
      },
      targetYear: 2028,
      target: 0,
    });
    const r = goalSeek(model, base, spec);
    expect(r.status).toBe('gevonden');
    const applied = applyGoalSeekResult(base, r);
    expect(Math.abs(simulate(model, applied).totals.at(-1)!.balance)).toBeLessThanOrEqual(1000);
    const sub = buildSpec({
      kind: 'substitution',
      segment: '',
      field: 'inflowChangePct',
      from: 'a',
      to: 'b',
      mode: 'yearly',
      fromYear: 2024,
      targetYear: 2026,
      target: -5,
    });
    expect(sub).toEqual({
      variable: { kind: 'substitution', from: 'a', to: 'b', fromYear: 2024 },
      targetYear: 2026,
      target: -5,
    });
    const idx = buildSpec({
      kind: 'fundingIndex',
      segment: '',
      field: 'inflowChangePct',
      from: '',
      to: '',
      mode: 'yearly',
      fromYear: 2027,
      targetYear: 2028,
      target: 0,
    });
    expect(idx.variable).toEqual({ kind: 'fundingIndex', fromYear: 2027, mode: 'yearly' });
  });
});

describe('Monte Carlo caption', () => {
  it('names draws, seed and the number of ranges in nl-NL', () => {
    const s = validScenario(model, {
      ...base,
      ranges: { 'ambulante-begeleiding': { inflowPerYear: { low: 1100, high: 1500 } } },
    });
    const r = runMonteCarloSync({ model, scenario: s, draws: 2000, seed: 42 });
    expect(mcCaption(r)).toMatch(/^Monte Carlo: 2\.000 trekkingen, seed 42, 1 aanname met bandbreedte/);
    expect(deficitText(0.5534)).toBe('55%');
    expect(deficitText(1)).toBe('100%');
  });
});
