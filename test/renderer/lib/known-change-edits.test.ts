import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/shared/formats/validate';
import {
  addKnownChange,
  removeKnownChange,
  setKnownChangeAmount,
  setKnownChangeFormula,
  setKnownChangeRange,
  stripKnownChange,
} from '../../../src/renderer/lib/edits/knownChanges';
import { defaultModel, shippedScenario } from '../../fixtures';

const wpb = (m: ReturnType<typeof defaultModel>) => m.knownChanges!.find((c) => c.id === 'woonplaatsbeginsel')!;

describe('edits of the bekende ontwikkelingen', () => {
  it('sets and removes a year of a gemeente or the region; the model stays valid', () => {
    const m = defaultModel();
    const set = setKnownChangeAmount(m, 'woonplaatsbeginsel', 'venlo', 2026, 2_000_000);
    expect(wpb(set).perGemeente).toEqual({ venlo: { '2024': 2_970_000, '2025': 2_374_000, '2026': 2_000_000 } });
    expect(wpb(m).perGemeente!.venlo!['2026']).toBeUndefined(); // immutable
    expect(parseModel(set).ok).toBe(true);
    const regio = setKnownChangeAmount(set, 'woonplaatsbeginsel', undefined, 2027, -5);
    expect(wpb(regio).amount).toEqual({ '2027': -5 });
    const back = setKnownChangeAmount(regio, 'woonplaatsbeginsel', undefined, 2027, undefined);
    expect('amount' in wpb(back)).toBe(false);
    // the last amount of the only gemeente gone: no perGemeente, and the schema refuses a change without figures
    let empty = back;
    for (const y of ['2024', '2025', '2026'])
      empty = setKnownChangeAmount(empty, 'woonplaatsbeginsel', 'venlo', Number(y), undefined);
    expect('perGemeente' in wpb(empty)).toBe(false);
    expect(parseModel(empty).ok).toBe(false);
  });

  it('formula and range: a range with both 0 and no source goes; a bad low % is refused by parseModel', () => {
    const m = defaultModel();
    const f = setKnownChangeFormula(m, 'landelijk-tarief-jbjr', 'pct', 6);
    expect(f.knownChanges![1]!.pctOfSegments).toMatchObject({ pct: 6, fromYear: 2025 });
    const r = setKnownChangeRange(m, 'woonplaatsbeginsel', 'highPct', 40);
    expect(wpb(r).range).toMatchObject({ lowPct: -50, highPct: 40 });
    const bad = setKnownChangeRange(m, 'woonplaatsbeginsel', 'lowPct', 10);
    expect(parseModel(bad).ok).toBe(false);
    const { range: _r, ...noRange } = wpb(m);
    void _r;
    const m2 = { ...m, knownChanges: [noRange, ...m.knownChanges!.slice(1)] };
    const one = setKnownChangeRange(m2, 'woonplaatsbeginsel', 'highPct', 10);
    expect(wpb(one).range).toEqual({ lowPct: 0, highPct: 10 });
    expect('range' in wpb(setKnownChangeRange(one, 'woonplaatsbeginsel', 'highPct', undefined))).toBe(false);
  });

  it('adds a valid change with a fresh id and removes it, with the scenario switches', () => {
    const m = defaultModel();
    const { model: added, id } = addKnownChange(m, 'Nieuwe ontwikkeling');
    expect(id).toBe('nieuwe-ontwikkeling');
    expect(addKnownChange(added, 'x').id).toBe('nieuwe-ontwikkeling-2');
    expect(parseModel(added).ok).toBe(true);
    const removed = removeKnownChange(m, 'woonplaatsbeginsel');
    expect(removed.knownChanges!.map((c) => c.id)).toEqual(['landelijk-tarief-jbjr', 'tarieven-2026']);
    const s = shippedScenario(m, 'ongewijzigd-beleid.json');
    expect(s.knownChanges?.woonplaatsbeginsel).toBe(true);
    expect(stripKnownChange(s, 'woonplaatsbeginsel').knownChanges).not.toHaveProperty('woonplaatsbeginsel');
    expect(stripKnownChange(s, 'bestaat-niet')).toBe(s);
  });
});
