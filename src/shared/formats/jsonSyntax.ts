/**
 * JSON text → value, with every syntax error in Dutch and with its line and
 * column: "regel 3, kolom 10: hier wordt een waarde verwacht". NaN, Infinity,
 * comments, single quotes, trailing commas and unquoted names are named as
 * such. Nesting deeper than MAX_JSON_DEPTH is refused before JSON.parse sees
 * the text, so a file of 100 000 brackets cannot overflow the stack.
 *
 * The fast path is the platform's JSON.parse; only when that fails (or the
 * nesting is too deep) does a small iterative scanner walk the text to find
 * the first problem and describe it. Pure: used by main (files, CLI, browser
 * mode request bodies) and by the renderer.
 */
import { MAX_JSON_DEPTH } from './limits';

export type JsonSyntaxResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      /** 1-based */
      line: number;
      /** 1-based, in characters (UTF-16 code units) of that line */
      column: number;
      /** e.g. "hier wordt een waarde verwacht" */
      problem: string;
      /** "regel 3, kolom 10: hier wordt een waarde verwacht" */
      message: string;
    };

export function parseJsonSyntax(text: string, maxDepth: number = MAX_JSON_DEPTH): JsonSyntaxResult {
  if (nestingWithin(text, maxDepth)) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      // described below
    }
  }
  const found = findSyntaxError(text, maxDepth) ?? { pos: 0, problem: 'de tekst is geen geldige JSON' };
  const { line, column } = lineAndColumn(text, found.pos);
  return {
    ok: false,
    line,
    column,
    problem: found.problem,
    message: `regel ${line}, kolom ${column}: ${found.problem}`,
  };
}

/** True when no `{` or `[` outside a string lies deeper than maxDepth. Linear, no recursion. */
export function nestingWithin(text: string, maxDepth: number): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // jump to the closing quote: one not preceded by an odd number of backslashes
      let j = text.indexOf('"', i + 1);
      while (j > 0) {
        let k = j - 1;
        while (text.charCodeAt(k) === 0x5c) k--;
        if ((j - 1 - k) % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      if (j < 0) return true; // an unterminated string: the syntax check reports it
      i = j;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return false;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return true;
}

export function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(pos, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

type Found = { pos: number; problem: string };
type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;
/** The plain characters of a string: no quote, backslash or control character (sticky: from lastIndex). */
const PLAIN = /[^"\\\u0000-\u001f]*/y;

/** The first syntax problem of the text, or undefined when it is valid JSON. Iterative: any depth is safe. */
export function findSyntaxError(text: string, maxDepth: number = MAX_JSON_DEPTH): Found | undefined {
  const n = text.length;
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length > 0 ? 'comma-or-close' : 'end');

  for (;;) {
    while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
    if (i >= n) return expect === 'end' ? undefined : { pos: n, problem: endProblem(expect, stack) };
    const c = text[i]!;
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      return { pos: i, problem: `commentaar (${text[i + 1] === '/' ? '//' : '/* */'}) is niet toegestaan in JSON` };
    }
    const top = stack[stack.length - 1];

    switch (expect) {
      case 'end':
        return { pos: i, problem: `na het einde van de JSON-waarde staat nog tekst (${describeChar(c)})` };

      case 'colon':
        if (c === ':') {
          i++;
          expect = 'value';
          continue;
        }
        return { pos: i, problem: `hier wordt een dubbele punt (:) na de veldnaam verwacht, niet ${describeChar(c)}` };

      case 'comma-or-close': {
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
          continue;
        }
        const close = top === '{' ? '}' : ']';
        if (c === close) {
          stack.pop();
          i++;
          expect = afterValue();
          continue;
        }
        if (c === '}' || c === ']')
          return { pos: i, problem: `${c} sluit niets af: hier hoort ${close} (of een komma)` };
        return {
          pos: i,
          problem: `hier wordt een komma (,) of ${close} verwacht, niet ${describeChar(c)}${top === '{' ? ': ontbreekt er een komma tussen twee velden?' : ''}`,
        };
      }

      case 'key-or-close':
      case 'key': {
        if (c === '}' && expect === 'key-or-close') {
          stack.pop();
          i++;
          expect = afterValue();
          continue;
        }
        if (c === '"') {
          const s = scanString(text, i);
          if ('problem' in s) return s;
          i = s.end;
          expect = 'colon';
          continue;
        }
        if (c === '}') return { pos: i, problem: 'komma vóór }: na het laatste veld hoort geen komma' };
        if (c === "'")
          return { pos: i, problem: 'een veldnaam staat tussen dubbele aanhalingstekens ("naam"), niet tussen enkele' };
        if (/[0-9]/.test(c) && expect === 'key') {
          return {
            pos: i,
            problem:
              'hier wordt een veldnaam verwacht; een decimaal getal schrijf je in JSON met een punt (1.5), niet met een komma',
          };
        }
        WORD.lastIndex = i;
        const w = WORD.exec(text);
        if (w) return { pos: i, problem: `veldnaam ${w[0]} zonder aanhalingstekens: schrijf "${w[0]}"` };
        return {
          pos: i,
          problem: `hier wordt een veldnaam tussen dubbele aanhalingstekens verwacht, niet ${describeChar(c)}`,
        };
      }

      case 'value-or-close':
      case 'value': {
        if (c === ']' && expect === 'value-or-close') {
          stack.pop();
          i++;
          expect = afterValue();
          continue;
        }
        if (c === '{' || c === '[') {
          if (stack.length >= maxDepth) {
            return {
              pos: i,
              problem: `meer dan ${maxDepth} niveaus { en [ in elkaar genest; zo diep gaat geen bestand van Jeugdplanner`,
            };
          }
          stack.push(c);
          i++;
          expect = c === '{' ? 'key-or-close' : 'value-or-close';
          continue;
        }
        if (c === '"') {
          const s = scanString(text, i);
          if ('problem' in s) return s;
          i = s.end;
          expect = afterValue();
          continue;
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
          const num = scanNumber(text, i);
          if ('problem' in num) return num;
          i = num.end;
          expect = afterValue();
          continue;
        }
        WORD.lastIndex = i;
        const w = WORD.exec(text);
        if (w) {
          const word = w[0];
          if (word === 'true' || word === 'false' || word === 'null') {
            i += word.length;
            expect = afterValue();
            continue;
          }
          return { pos: i, problem: wordProblem(word) };
        }
        if (c === ']' && top === '[') return { pos: i, problem: 'komma vóór ]: na de laatste waarde hoort geen komma' };
        if (c === "'")
          return { pos: i, problem: 'tekst staat in JSON tussen dubbele aanhalingstekens ("…"), niet tussen enkele' };
        if (c === '+')
          return { pos: i, problem: 'een + voor een getal is niet toegestaan in JSON (schrijf 5, niet +5)' };
        if (c === '.') return { pos: i, problem: 'een getal begint met een cijfer (0.5, niet .5)' };
        return { pos: i, problem: `hier wordt een waarde verwacht, niet ${describeChar(c)}` };
      }
    }
  }
}

function wordProblem(word: string): string {
  if (word === 'NaN') return 'NaN is geen geldig getal in JSON';
  if (word === 'Infinity') return 'Infinity is geen geldig getal in JSON (een getal moet eindig zijn)';
  if (word === 'undefined') return 'undefined is geen geldige waarde in JSON (laat het veld weg)';
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null')
    return `${word} is geen geldige waarde: schrijf ${lower} (kleine letters)`;
  return `${word} is geen geldige waarde: tekst staat in JSON tussen dubbele aanhalingstekens ("${word}")`;
}

function endProblem(expect: Expect, stack: readonly string[]): string {
  const open = stack[stack.length - 1];
  const close = open === '{' ? '}' : ']';
  switch (expect) {
    case 'colon':
      return 'de tekst houdt op na een veldnaam: hier wordt een dubbele punt (:) verwacht';
    case 'key':
    case 'key-or-close':
      return 'de tekst houdt op: hier wordt een veldnaam of } verwacht';
    case 'comma-or-close':
      return `de tekst houdt op: hier wordt een komma (,) of ${close} verwacht (er ${stack.length === 1 ? 'is 1 haakje' : `zijn ${stack.length} haakjes`} niet gesloten)`;
    default:
      return 'de tekst houdt op: hier wordt een waarde verwacht';
  }
}

function scanString(text: string, start: number): { end: number } | Found {
  const n = text.length;
  let j = start + 1;
  while (j < n) {
    PLAIN.lastIndex = j;
    PLAIN.test(text);
    j = PLAIN.lastIndex;
    if (j >= n) break;
    const ch = text.charCodeAt(j);
    if (ch === 0x22) return { end: j + 1 };
    if (ch === 0x5c) {
      const e = text[j + 1];
      if (e === undefined) break;
      if ('"\\/bfnrt'.includes(e)) {
        j += 2;
        continue;
      }
      if (e === 'u') {
        if (/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
          j += 6;
          continue;
        }
        return { pos: j, problem: 'na \\u horen vier hexadecimale cijfers (bijv. \\u00e9)' };
      }
      return {
        pos: j,
        problem: `\\${e} is geen geldige escape in tekst (toegestaan: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`,
      };
    }
    if (ch === 0x0a || ch === 0x0d) {
      return {
        pos: j,
        problem:
          'de tekst loopt door over het einde van de regel: ontbreekt er een afsluitend aanhalingsteken (")? Een regeleinde in tekst schrijf je als \\n',
      };
    }
    if (ch < 0x20)
      return {
        pos: j,
        problem: `een stuurteken (U+${ch.toString(16).toUpperCase().padStart(4, '0')}) in tekst moet als escape geschreven worden (een tab als \\t)`,
      };
    j++;
  }
  return { pos: start, problem: 'tekst zonder afsluitend aanhalingsteken (")' };
}

function scanNumber(text: string, start: number): { end: number } | Found {
  let j = start;
  if (text[j] === '-') {
    j++;
    if (text.startsWith('Infinity', j))
      return { pos: start, problem: '-Infinity is geen geldig getal in JSON (een getal moet eindig zijn)' };
    if (!isDigit(text[j])) return { pos: j, problem: 'na een - hoort een cijfer' };
  }
  if (text[j] === '0' && isDigit(text[j + 1]))
    return { pos: start, problem: 'een getal begint in JSON niet met een 0 (schrijf 7, niet 07)' };
  while (isDigit(text[j])) j++;
  if (text[j] === '.') {
    j++;
    if (!isDigit(text[j])) return { pos: j, problem: 'na de decimale punt hoort een cijfer (1.0, niet 1.)' };
    while (isDigit(text[j])) j++;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    if (!isDigit(text[j])) return { pos: j, problem: 'na de e van een exponent hoort een cijfer (1e6)' };
    while (isDigit(text[j])) j++;
  }
  return { end: j };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function describeChar(c: string): string {
  if (c === ',') return 'een komma';
  if (c === ':') return 'een dubbele punt';
  if (c === ';') return 'een puntkomma';
  if (c === '"') return 'een aanhalingsteken';
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) || code === 0xfeff || code === 0xa0) {
    return `het teken U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return JSON.stringify(c);
}
