/**
 * Cell values in realisatie files: Dutch numbers, CBS period codes and gemeente codes.
 */
import { parseDutchNumber } from '../locale/numbers';

export type NumberCell = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; text: string };

/**
 * A number as Dutch files and CBS StatLine write it: "1.234,5", "1234,5", "3.871" (thousands),
 * "1234.5" (a decimal point, as the CBS "Onbewerkte dataset" writes it), "€ 1.234", "-5".
 * CBS signs: "." (cijfer onbekend of geheim) and "x" (geheim) are empty — no figure, nothing is
 * invented; "-" is CBS's "nihil" and reads as 0.
 */
export function parseNumberCell(text: string): NumberCell {
  const t = text.replace(/\u00a0/g, ' ').trim();
  if (t === '' || t === '.' || t.toLowerCase() === 'x' || t === '..') return { kind: 'empty' };
  if (t === '-' || t === '\u2212') return { kind: 'number', value: 0 };
  const n = parseDutchNumber(t);
  return n === undefined ? { kind: 'invalid', text: t } : { kind: 'number', value: n };
}

export interface ParsedPeriod {
  year: number;
  /** CBS marks provisional figures with "*" (e.g. "2023*") */
  provisional: boolean;
}

/**
 * A year as a period cell gives it: "2023", "2023JJ00" (CBS period code for the whole year),
 * "2023*" (provisional). Quarters, months and half years (2023KW01, 2023MM01, 2023HJ01) are not
 * whole-year figures: undefined, and the caller says why.
 */
export function parsePeriod(text: string): ParsedPeriod | undefined {
  const t = text.trim();
  const m = /^(\d{4})(JJ00)?\s*(\*)?$/i.exec(t);
  if (!m) return undefined;
  return { year: Number(m[1]), provisional: m[3] === '*' };
}

/** Explains a period that is not a whole year, for the message. */
export function periodProblem(text: string): string {
  const t = text.trim();
  if (/^\d{4}(KW|MM|HJ|X0)\d{2}$/i.test(t))
    return `${JSON.stringify(t)} is geen heel jaar (alleen jaarcijfers, CBS-code …JJ00)`;
  return `${JSON.stringify(t)} is geen jaartal (verwacht bijv. 2023 of de CBS-code 2023JJ00)`;
}

/** "GM0983    " (CBS pads codes with spaces), "gm0983", "0983" → "GM0983"; else undefined. */
export function normaliseGemeenteCode(text: string): string | undefined {
  const t = text.trim().toUpperCase();
  const m = /^(GM)?(\d{4})$/.exec(t);
  return m ? `GM${m[2]}` : undefined;
}

/** For matching names and codes: trimmed, single spaces, lower case. */
export function normaliseKey(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
