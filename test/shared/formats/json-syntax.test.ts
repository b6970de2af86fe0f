/**
 * JSON files speak Dutch down to the character (formats/jsonSyntax, used by
 * file import, the CLI and browser-mode request bodies): line and column,
 * NaN / Infinity / comments named as such, deep nesting refused before parsing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSyntaxError, lineAndColumn, nestingWithin, parseJsonSyntax } from '../../../src/shared/formats/jsonSyntax';
import { parseJsonText } from '../../../src/main/files/jsonText';
import { detectFileKind } from '../../../src/renderer/components/FileDialogs';
import { MAX_JSON_DEPTH } from '../../../src/shared/formats/limits';

function error(text: string): string {
  const r = parseJsonSyntax(text);
  if (r.ok) throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
  return r.message;
}

describe('parseJsonSyntax: Dutch errors with line and column', () => {
  it.each([
    [
      'a missing value',
      '{\n  "a": 1,\n  "b": ,\n  "c": 2\n}',
      'regel 3, kolom 8: hier wordt een waarde verwacht, niet een komma',
    ],
    ['a missing value before }', '{"a": }', 'regel 1, kolom 7: hier wordt een waarde verwacht, niet "}"'],
    ['NaN', '{\n  "a": NaN\n}', 'regel 2, kolom 8: NaN is geen geldig getal in JSON'],
    [
      'Infinity',
      '[1, Infinity]',
      'regel 1, kolom 5: Infinity is geen geldig getal in JSON (een getal moet eindig zijn)',
    ],
    [
      '-Infinity',
      '{"x": -Infinity}',
      'regel 1, kolom 7: -Infinity is geen geldig getal in JSON (een getal moet eindig zijn)',
    ],
    [
      'a line comment',
      '{\n  // basismodel\n  "a": 1\n}',
      'regel 2, kolom 3: commentaar (//) is niet toegestaan in JSON',
    ],
    ['a block comment', '{"a": 1 /* oud */}', 'regel 1, kolom 9: commentaar (/* */) is niet toegestaan in JSON'],
    [
      'a trailing comma in an object',
      '{"a": 1,\n}',
      'regel 2, kolom 1: komma vóór }: na het laatste veld hoort geen komma',
    ],
    ['a trailing comma in a list', '[1, 2,]', 'regel 1, kolom 7: komma vóór ]: na de laatste waarde hoort geen komma'],
    [
      'single quotes',
      '{"a": \'x\'}',
      'regel 1, kolom 7: tekst staat in JSON tussen dubbele aanhalingstekens ("…"), niet tussen enkele',
    ],
    ['an unquoted name', '{naam: "x"}', 'regel 1, kolom 2: veldnaam naam zonder aanhalingstekens: schrijf "naam"'],
    [
      'a decimal comma',
      '{"prijs": 1,5}',
      'regel 1, kolom 13: hier wordt een veldnaam verwacht; een decimaal getal schrijf je in JSON met een punt (1.5), niet met een komma',
    ],
    [
      'a missing colon',
      '{"a" 1}',
      'regel 1, kolom 6: hier wordt een dubbele punt (:) na de veldnaam verwacht, niet "1"',
    ],
    [
      'a missing comma',
      '{"a": 1\n "b": 2}',
      'regel 2, kolom 2: hier wordt een komma (,) of } verwacht, niet een aanhalingsteken: ontbreekt er een komma tussen twee velden?',
    ],
    ['True', '{"a": True}', 'regel 1, kolom 7: True is geen geldige waarde: schrijf true (kleine letters)'],
    ['undefined', '{"a": undefined}', 'regel 1, kolom 7: undefined is geen geldige waarde in JSON (laat het veld weg)'],
    ['a leading zero', '{"a": 007}', 'regel 1, kolom 7: een getal begint in JSON niet met een 0 (schrijf 7, niet 07)'],
    [
      'a bad escape',
      '{"a": "c:\\map"}',
      'regel 1, kolom 10: \\m is geen geldige escape in tekst (toegestaan: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
    ],
    [
      'a line break in text',
      '{"a": "regel\nvolgende"}',
      'regel 1, kolom 13: de tekst loopt door over het einde van de regel: ontbreekt er een afsluitend aanhalingsteken (")? Een regeleinde in tekst schrijf je als \\n',
    ],
    ['an unterminated string', '{"a": "x', 'regel 1, kolom 7: tekst zonder afsluitend aanhalingsteken (")'],
    [
      'text after the end',
      '{"a": 1}\n{"b": 2}',
      'regel 2, kolom 1: na het einde van de JSON-waarde staat nog tekst ("{")',
    ],
    ['a wrong bracket', '{"a": [1, 2}', 'regel 1, kolom 12: } sluit niets af: hier hoort ] (of een komma)'],
    [
      'a cut-off file',
      '{"a": [1, 2',
      'regel 1, kolom 12: de tekst houdt op: hier wordt een komma (,) of ] verwacht (er zijn 2 haakjes niet gesloten)',
    ],
    ['a cut-off value', '{"format": ', 'regel 1, kolom 12: de tekst houdt op: hier wordt een waarde verwacht'],
  ])('%s', (_what, text, message) => {
    expect(error(text)).toBe(message);
  });

  it('counts lines with \\r\\n and columns from 1', () => {
    expect(error('{\r\n  "a": 1,\r\n  "b": x\r\n}')).toBe(
      'regel 3, kolom 8: x is geen geldige waarde: tekst staat in JSON tussen dubbele aanhalingstekens ("x")',
    );
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('parses valid JSON exactly as JSON.parse does, also with brackets inside strings', () => {
    const text = JSON.stringify({ a: [1, -2.5e3, { b: 'x[{"y' }], c: null, d: true, e: '\u00e9\ud83d\ude00\\"' });
    expect(parseJsonSyntax(text)).toEqual({ ok: true, value: JSON.parse(text) });
    expect(findSyntaxError(text)).toBeUndefined();
    // the scanner agrees with JSON.parse on every valid document it is given
    for (const t of ['0', '-0', '1E+2', '"\\u00E9"', '[]', '{}', ' [ { } , [ ] ] ', 'null']) {
      expect(findSyntaxError(t)).toBeUndefined();
      expect(parseJsonSyntax(t)).toEqual({ ok: true, value: JSON.parse(t) });
    }
  });
});

describe('nesting: refused before JSON.parse, no stack overflow', () => {
  it(`accepts ${MAX_JSON_DEPTH} levels, refuses ${MAX_JSON_DEPTH + 1}`, () => {
    const at = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(parseJsonSyntax(at).ok).toBe(true);
    const over = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(error(over)).toBe(
      `regel 1, kolom ${MAX_JSON_DEPTH + 1}: meer dan 32 niveaus { en [ in elkaar genest; zo diep gaat geen bestand van Jeugdplanner`,
    );
    expect(nestingWithin(at, MAX_JSON_DEPTH)).toBe(true);
    expect(nestingWithin(over, MAX_JSON_DEPTH)).toBe(false);
  });

  it('a file nested 100 000 deep gets a Dutch refusal, not "Maximum call stack size exceeded"', () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(() => parseJsonText(deep, 'diep.json')).toThrow(
      'Het bestand "diep.json" is geen geldige JSON: regel 1, kolom 161: meer dan 32 niveaus { en [ in elkaar genest; zo diep gaat geen bestand van Jeugdplanner',
    );
    const unclosed = '['.repeat(100_000);
    expect(error(unclosed)).toContain('meer dan 32 niveaus');
  });

  it('brackets inside strings do not count', () => {
    const text = JSON.stringify({ a: '['.repeat(1000), b: '{'.repeat(1000) });
    expect(parseJsonSyntax(text).ok).toBe(true);
  });

  it('the first problem in the text is the one reported, whether a syntax error or too deep', () => {
    expect(error('{"a": NaN, "b": ' + '['.repeat(40))).toBe('regel 1, kolom 7: NaN is geen geldig getal in JSON');
  });
});

describe("parseJsonText (file import and CLI) and the renderer's file check use it", () => {
  it('names the file, the line and column, in Dutch', () => {
    expect(() => parseJsonText('{\n  "name": NaN\n}', 'model.json')).toThrow(
      'Het bestand "model.json" is geen geldige JSON: regel 2, kolom 11: NaN is geen geldig getal in JSON',
    );
    expect(() => parseJsonText('   ', 'leeg.json')).toThrow('Het bestand "leeg.json" is leeg.');
    expect(parseJsonText('\ufeff{"a": 1}', 'bom.json')).toEqual({ a: 1 });
  });

  it('the import dialog reports the same message before sending the file', () => {
    expect(detectFileKind('{"format": Infinity}')).toEqual({
      error:
        'Het bestand is geen geldige JSON: regel 1, kolom 12: Infinity is geen geldig getal in JSON (een getal moet eindig zijn)',
    });
    expect(detectFileKind('['.repeat(100_000))).toEqual({ error: expect.stringContaining('meer dan 32 niveaus') });
  });
});

describe('property: the Dutch scanner agrees with JSON.parse', () => {
  const parses = (t: string) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  };

  it('every JSON value (within the depth limit) parses to itself', () => {
    fc.assert(
      fc.property(fc.jsonValue({ depthSize: 'medium' }), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined);
        expect(findSyntaxError(text, 1000)).toBeUndefined();
        if (nestingWithin(text, MAX_JSON_DEPTH))
          expect(parseJsonSyntax(text)).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('a text JSON.parse refuses gets a Dutch message with a position inside the text; one it accepts gets none', () => {
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '"',
      '\\',
      '1',
      '-',
      '.',
      'e',
      '0',
      ' ',
      '\n',
      'true',
      'nul',
      'NaN',
      '/',
      '*',
      "'",
      'x',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        const found = findSyntaxError(text, 1000);
        expect(found === undefined).toBe(parses(text));
        if (found) {
          expect(found.pos).toBeGreaterThanOrEqual(0);
          expect(found.pos).toBeLessThanOrEqual(text.length);
          expect(found.problem).not.toMatch(/Unexpected|token|JSON at position/);
        }
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
});
