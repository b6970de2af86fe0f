/** Item 1 of issue 12: a number field applies only the whole, valid text; never a prefix of it. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  leave,
  parseText,
  restingDraft,
  shownMessage,
  typeText,
  type Apply,
  type NumberDraft,
} from '../../../src/renderer/lib/numberDraft';
import { parseDutchNumber } from '../../../src/shared/locale/numbers';

/** A model with one percentage (-100..1000, like pctSchema) that records every value applied to it. */
function model(initial: number | undefined, min = -100, max = 1000) {
  const m = {
    value: initial,
    applies: 0,
    apply: ((v) => {
      m.applies++;
      if (v !== undefined && v < min) return `${v} is kleiner dan ${min}%`;
      if (v !== undefined && v > max) return `${v} is groter dan ${max}%`;
      m.value = v;
      return undefined;
    }) as Apply,
  };
  return m;
}

const OPTS = { label: 'Instroom', allowEmpty: true };

function valid(text: string, min = -100, max = 1000): number | undefined | null {
  if (text.trim() === '') return undefined;
  const n = parseDutchNumber(text);
  return n !== undefined && n >= min && n <= max ? n : null;
}

/** Types characters one at a time ("⌫" = backspace) and returns every text and draft on the way. */
function typeKeys(
  start: NumberDraft,
  keys: readonly string[],
  apply: Apply,
  each?: (text: string, draft: NumberDraft) => void,
): { text: string; draft: NumberDraft }[] {
  const out: { text: string; draft: NumberDraft }[] = [];
  let d = start;
  for (const k of keys) {
    const text = k === '⌫' ? d.text.slice(0, -1) : d.text + k;
    d = typeText(d, text, OPTS, apply);
    each?.(text, d);
    out.push({ text, draft: d });
  }
  return out;
}

const key = fc.constantFrom('0', '1', '2', '5', '9', ',', '.', '-', 'e', 'a', 'x', '%', ' ', '⌫');

describe('numberDraft', () => {
  it('property: the model holds the value from before the edit or the parse of the whole valid text, never a prefix', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -100, max: 1000 }), { nil: undefined }),
        fc.array(key, { maxLength: 30 }),
        (initial, keys) => {
          const m = model(initial);
          const start = restingDraft(initial, 4);
          typeKeys(start, keys, m.apply, (text, draft) => {
            const full = valid(text);
            // the model and the draft agree
            expect(Object.is(m.value, draft.applied)).toBe(true);
            if (full === null) expect(m.value).toBe(initial);
            else expect(m.value).toBe(full);
            // a refused or unfinished text always says so; an applied one never does
            expect(draft.error === undefined).toBe(full !== null);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: after leaving the field, the applied value is the base or the whole valid text, and the message names what is applied', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 1000 }), fc.array(key, { maxLength: 20 }), (initial, keys) => {
        const m = model(initial);
        const steps = typeKeys(restingDraft(initial, 4), keys, m.apply);
        const last = steps[steps.length - 1];
        if (!last) return;
        const left = leave(last.draft, 4);
        const full = valid(last.text);
        if (full === null) {
          expect(m.value).toBe(initial);
          expect(left.text).toBe(last.text);
          expect(shownMessage(left, 4)).toMatch(/\(toegepast: [-\d.,]+\)$/);
        } else {
          expect(m.value).toBe(full);
          expect(shownMessage(left, 4)).toBeUndefined();
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the cases of the issue apply nothing: -150, -99,5 (refused by the model), 99999999999, 1e309', () => {
    for (const [text, min, max] of [
      ['-150', -100, 1000],
      ['-99,5', -99, 1000],
      ['99999999999', -100, 1000],
      ['1e309', 0, 1e9],
    ] as const) {
      const m = model(0, min, max);
      const steps = typeKeys(restingDraft(0, 4), [...text], m.apply);
      expect(m.value, text).toBe(0);
      const left = leave(steps[steps.length - 1]!.draft, 4);
      expect(shownMessage(left, 4), text).toMatch(/\(toegepast: 0\)$/);
    }
  });

  it('an unfinished number shows no message while typing, and one after leaving', () => {
    const m = model(3);
    const steps = typeKeys(restingDraft(3, 4), ['⌫', '2', ','], m.apply);
    const typing = steps[2]!.draft;
    expect(typing.text).toBe('2,');
    expect(shownMessage(typing, 4)).toBeUndefined();
    expect(m.value).toBe(3);
    expect(shownMessage(leave(typing, 4), 4)).toBe('Instroom: "2," is geen volledig getal (toegepast: 3)');
    const done = typeText(typing, '2,5', OPTS, m.apply);
    expect(m.value).toBe(2.5);
    expect(shownMessage(done, 4)).toBeUndefined();
    expect(leave(done, 4).text).toBe('2,5');
  });

  it('parses whole texts only', () => {
    expect(parseText('-', OPTS)).toEqual({ kind: 'partial' });
    expect(parseText('1.', OPTS)).toEqual({ kind: 'partial' });
    expect(parseText('1e309', OPTS).kind).toBe('invalid');
    expect(parseText('abc', OPTS)).toEqual({
      kind: 'invalid',
      message: 'Instroom: "abc" is geen getal (gebruik bijvoorbeeld 2,5)',
    });
    expect(parseText('', { label: 'Prijs', allowEmpty: false })).toEqual({
      kind: 'invalid',
      message: 'Prijs: mag niet leeg zijn',
    });
    expect(parseText('1.234,5', OPTS)).toEqual({ kind: 'value', value: 1234.5 });
  });
});
