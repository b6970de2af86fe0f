import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import type { Model } from '../../../src/shared/formats/model';
import { parseModel } from '../../../src/shared/formats/validate';
import {
  setAssumption,
  setSubstitutionShare,
  addSubstitution,
  stripSegment,
  setPolicyRange,
  setPolicyRealisatie,
} from '../../../src/renderer/lib/edits/scenario';
import { setFundingShare, freshId, removeSegment, addBudgetSegment } from '../../../src/renderer/lib/edits/model';
import { zeroTicks } from '../../../src/renderer/charts/ticks';
import { detectFileKind } from '../../../src/renderer/components/FileDialogs';
import { useHistory } from '../../../src/renderer/stores/history';

const model: Model = {
  format: 'jeugdbegroting/model@2',
  name: 'Test',
  baseYear: 2022,
  endYear: 2024,
  gemeenten: [
    { id: 'a', name: 'A', youth0to17: 100, fundingShare: 0.5 },
    { id: 'b', name: 'B', youth0to17: 300, fundingShare: 0.3 },
    { id: 'c', name: 'C', youth0to17: 100, fundingShare: 0.2 },
  ],
  segments: [{ id: 'x', name: 'X', kind: 'budget', amount: 10 }],
  funding: { baseAmount: 10 },
};

describe('beleidsmaatregel edits', () => {
  const policy = {
    id: 'p',
    name: 'P',
    realisatiePct: 50,
    effects: { x: { amountChangePct: { '2023': -10 } }, y: { inflowChangePct: { '2024': 5 } } },
    substitutions: [{ from: 'y', to: 'z', sharePct: { '2024': 10 } }],
  };
  const sc = { ...emptyScenario('S'), policies: [policy] };

  it('sets the realisatie immutably; the same value returns the same scenario', () => {
    const next = setPolicyRealisatie(sc, 0, 75);
    expect(next.policies![0]!.realisatiePct).toBe(75);
    expect(sc.policies[0]!.realisatiePct).toBe(50);
    expect(setPolicyRealisatie(sc, 0, 50)).toBe(sc);
    expect(setPolicyRealisatie(sc, 3, 10)).toBe(sc);
  });

  it('a range end starts from the realisatie; empty removes the range', () => {
    const high = setPolicyRange(sc, 0, 'high', 80);
    expect(high.policies![0]!.ranges).toEqual({ realisatiePct: { low: 50, high: 80 } });
    const both = setPolicyRange(high, 0, 'low', 20);
    expect(both.policies![0]!.ranges).toEqual({ realisatiePct: { low: 20, high: 80 } });
    const none = setPolicyRange(both, 0, 'low', undefined);
    expect(none.policies![0]).toEqual(policy);
    expect(setPolicyRange(sc, 0, 'low', undefined)).toBe(sc);
  });

  it('stripSegment drops a removed segment from every policy', () => {
    const stripped = stripSegment(sc, 'y');
    expect(stripped.policies![0]!.effects).toEqual({ x: { amountChangePct: { '2023': -10 } } });
    expect(stripped.policies![0]!.substitutions).toEqual([]);
    expect(stripSegment(sc, 'q').policies![0]).toBe(policy);
  });
});

describe('scenario edits', () => {
  it('sets and removes a year without touching the input, dropping empty maps', () => {
    const s0 = emptyScenario('S');
    const s1 = setAssumption(s0, 'seg', 'inflowChangePct', 2024, 10);
    expect(s1.assumptions).toEqual({ seg: { inflowChangePct: { '2024': 10 } } });
    expect(s0.assumptions).toEqual({});
    const s2 = setAssumption(s1, 'seg', 'inflowChangePct', 2024, undefined);
    expect(s2.assumptions).toEqual({});
  });
  it('edits substitution shares and strips a removed segment everywhere', () => {
    let s = addSubstitution(emptyScenario('S'), { from: 'v', to: 'w', sharePct: {} });
    s = setSubstitutionShare(s, 0, 2023, 12.5);
    s = setAssumption(s, 'v', 'priceIndexPct', 2023, 3);
    expect(s.substitutions[0]!.sharePct).toEqual({ '2023': 12.5 });
    const stripped = stripSegment(s, 'v');
    expect(stripped.substitutions).toEqual([]);
    expect(stripped.assumptions).toEqual({});
  });
});

describe('model edits', () => {
  it('keeps funding shares summing to 1 by scaling the others', () => {
    const m = setFundingShare(model, 'a', 0.6);
    const shares = m.gemeenten.map((g) => g.fundingShare!);
    expect(shares[0]).toBe(0.6);
    expect(shares[1]).toBeCloseTo(0.24, 12);
    expect(shares[2]).toBeCloseTo(0.16, 12);
    expect(parseModel(m).ok).toBe(true);
  });
  it('finds a fresh id', () => {
    expect(freshId([{ id: 'n' }, { id: 'n-2' }], 'n')).toBe('n-3');
  });
});

describe('saldo axis', () => {
  it('always includes 0 and uses round steps', () => {
    const { domain, ticks } = zeroTicks([-8_997_879, -11_201_508]);
    expect(domain).toEqual([-12_500_000, 0]);
    expect(ticks).toEqual([-12_500_000, -10_000_000, -7_500_000, -5_000_000, -2_500_000, 0]);
    expect(ticks).toContain(0);
    expect(ticks).toContain(-10_000_000);
    const mixed = zeroTicks([-702_000, 1_958_432]);
    expect(mixed.ticks[0]).toBeLessThanOrEqual(-702_000);
    expect(mixed.ticks.at(-1)).toBeGreaterThanOrEqual(1_958_432);
    expect(mixed.ticks).toContain(0);
  });
});

describe('import', () => {
  it('recognises model and scenario files and explains anything else in Dutch', () => {
    expect(detectFileKind('{"format":"jeugdbegroting/model@1"}')).toEqual({ kind: 'model' });
    expect(detectFileKind('{"format":"jeugdbegroting/scenario@1"}')).toEqual({ kind: 'scenario' });
    expect(detectFileKind('{"format":"iets"}')).toEqual({
      error: expect.stringMatching(/format: "iets" is geen bekend bestandsformaat/),
    });
    expect(detectFileKind('{kapot')).toEqual({ error: expect.stringMatching(/geen geldige JSON/) });
  });
});

describe('undo history', () => {
  it('merges fast edits of the same field into one step, and redo follows undo', () => {
    const h = useHistory.getState();
    const a = emptyScenario('a');
    const b = emptyScenario('b');
    const c = emptyScenario('c');
    h.record('s1', a, 'f');
    h.record('s1', b, 'f'); // typing on in the same field: still one step back to a
    expect(useHistory.getState().undo('s1', c)).toBe(a);
    expect(useHistory.getState().redo('s1', a)).toBe(c);
    h.record('s2', a, 'f');
    h.record('s2', b, 'g');
    expect(useHistory.getState().undo('s2', c)).toBe(b);
  });
});

describe('one undo history per thing edited', () => {
  it('Basismodel and Per gemeente undo the model, other views the open scenario; each step is named', async () => {
    const { activeHistory, undoLabel, redoLabel, MODEL_HISTORY, scenarioHistory } =
      await import('../../../src/renderer/stores/history');
    expect(activeHistory('basismodel', 7)).toBe(MODEL_HISTORY);
    expect(activeHistory('gemeenten', 7)).toBe(MODEL_HISTORY);
    expect(activeHistory('realisatie', 7)).toBe(MODEL_HISTORY);
    expect(activeHistory('aannames', 7)).toBe(scenarioHistory(7));
    expect(activeHistory('aannames', undefined)).toBeUndefined();
    const h = useHistory.getState();
    h.clearAll();
    h.record(MODEL_HISTORY, 'm0', undefined, 'Pleegzorg, prijs per eenheid');
    h.record(scenarioHistory(7), 's0', undefined, 'Pleegzorg, instroom 2024');
    expect(undoLabel(useHistory.getState(), MODEL_HISTORY)).toBe('Pleegzorg, prijs per eenheid');
    expect(undoLabel(useHistory.getState(), scenarioHistory(7))).toBe('Pleegzorg, instroom 2024');
    // undoing the model leaves the scenario's history alone
    expect(useHistory.getState().undo(MODEL_HISTORY, 'm1')).toBe('m0');
    expect(undoLabel(useHistory.getState(), MODEL_HISTORY)).toBeUndefined();
    expect(redoLabel(useHistory.getState(), MODEL_HISTORY)).toBe('Pleegzorg, prijs per eenheid');
    expect(undoLabel(useHistory.getState(), scenarioHistory(7))).toBe('Pleegzorg, instroom 2024');
    expect(useHistory.getState().redo(MODEL_HISTORY, 'm0')).toBe('m1');
  });
});

describe('model edits with realisatie', () => {
  const src = 'Jaarrekening 2022';
  const withRealisatie: Model = {
    ...model,
    segments: [...model.segments, { id: 'b2', name: 'B2', kind: 'budget', amount: 10 }],
    realisatie: {
      lastYear: 2022,
      segments: Object.fromEntries(
        [...model.segments.map((s) => s.id), 'b2'].map((id) => [
          id,
          { '2022': { lasten: 100, clients: 10, source: src } },
        ]),
      ),
      gemeenten: { a: { segments: { b2: { '2022': { lasten: 40, source: src } } } } },
    },
  };

  it('removing a segment removes its realised figures too, so the model stays valid', () => {
    expect(parseModel(withRealisatie).ok).toBe(true);
    const next = removeSegment(withRealisatie, 'b2');
    const r = parseModel(next);
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([]);
    expect(next.realisatie!.segments.b2).toBeUndefined();
    expect(next.realisatie!.gemeenten!.a!.segments).toEqual({});
    expect(withRealisatie.realisatie!.segments.b2).toBeDefined(); // not mutated
  });

  it('a segment added to a model with realisatie is new: the model stays valid', () => {
    const r = parseModel(addBudgetSegment(withRealisatie, 'Nieuw'));
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([]);
  });

  it('a model@2 file is recognised as a model (model@1 too, above)', () => {
    expect(detectFileKind('{"format":"jeugdbegroting/model@2"}')).toEqual({ kind: 'model' });
  });
});
