import { z } from 'zod';
import {
  MAX_AMOUNT,
  MAX_COUNT,
  MAX_NAME_LENGTH,
  MAX_PCT,
  MAX_TEXT_LENGTH,
  MAX_YEAR,
  MIN_PCT,
  MIN_YEAR,
  overMaximum,
  underMinimum,
  type LimitUnit,
} from './limits';

/** Identifier of a segment or gemeente: letters, digits, '-' and '_'. */
export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, {
  error: (iss) => `${fmt(iss.input)} is geen geldige id (letters, cijfers, - en _, max. 64 tekens)`,
});

/**
 * Text that may be stored: no lone surrogates (half of a UTF-16 pair, which
 * no UTF-8 reader can store) and no control characters; tab, line feed and
 * carriage return only where the text may span lines. Undefined when fine,
 * else the Dutch problem (the caller's path names the field).
 */
export function textProblem(text: string, multiline: boolean): string | undefined {
  const re = multiline ? BAD_MULTILINE : BAD_SINGLE_LINE;
  const m = re.exec(text);
  if (!m) return undefined;
  const ch = m[0];
  const code = ch.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const at = `op positie ${m.index + 1}`;
  const shown = quoteShort(text);
  if (code >= 0xd800 && code <= 0xdfff)
    return `${shown} bevat een losse surrogaat (${hex}) ${at}: geen geldige Unicode-tekst`;
  if (ch === '\n' || ch === '\r' || ch === '\t') {
    return `${shown} bevat een ${ch === '\t' ? 'tab' : 'regeleinde'} (${hex}) ${at}: dit veld is één regel tekst`;
  }
  return `${shown} bevat een stuurteken (${hex}) ${at}: dat is geen tekst`;
}

// With the u flag a surrogate class matches only a surrogate that is not part of a pair.
const BAD_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]/u;
const BAD_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]/u;

/** A string for a message: quoted, at most 60 characters (a 10 MB value does not become a 10 MB message). */
export function quoteShort(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

/** A zod check refusing what textProblem refuses. */
export function storableText(multiline: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(value, multiline);
    if (problem) ctx.addIssue({ code: 'custom', input: value, message: problem });
  };
}

/** A name: one line of 1–200 characters, trimmed. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, { error: 'mag niet leeg zijn' })
  .max(MAX_NAME_LENGTH, { error: (iss) => `is langer dan ${MAX_NAME_LENGTH} tekens (${String(iss.input).length})` })
  .superRefine(storableText(false));

/** Free text (description, source, note): up to 5.000 characters, may span lines. */
export const textSchema = z
  .string()
  .max(MAX_TEXT_LENGTH, { error: 'is langer dan 5.000 tekens' })
  .superRefine(storableText(true));

/** A finite number that is at least 0. */
export const nonNegative = z.number().min(0, { error: (iss) => `${fmt(iss.input)} is negatief` });

/** A number at most `max`, with the limit's message naming value and limit. */
export function atMost<T extends z.ZodNumber>(schema: T, max: number, unit: LimitUnit = ''): T {
  return schema.max(max, { error: (iss) => overMaximum(iss.input as number, max, unit) }) as T;
}

/** A euro amount ≥ 0, at most € 10^12. */
export const amountSchema = atMost(nonNegative, MAX_AMOUNT, 'euro');
/** A count of people ≥ 0, at most 10^7. */
export const countSchema = atMost(nonNegative, MAX_COUNT);

/** A year (baseYear, endYear, calibration year): whole, 2000–2060. */
export const yearSchema = z
  .number()
  .int({ error: (iss) => `${fmt(iss.input)} is geen heel jaartal` })
  .min(MIN_YEAR, { error: (iss) => underMinimum(iss.input as number, MIN_YEAR, 'jaartal') })
  .max(MAX_YEAR, { error: (iss) => overMaximum(iss.input as number, MAX_YEAR, 'jaartal') });

/** A yearly percentage change: -100% (to zero) up to +1.000% (catches typos). */
export const pctSchema = z
  .number()
  .min(MIN_PCT, { error: (iss) => `${fmt(iss.input)} is kleiner dan -100%` })
  .max(MAX_PCT, { error: (iss) => `${fmt(iss.input)} is groter dan 1.000%` });

/** A share in percent, 0..100. */
export const sharePctSchema = z
  .number()
  .min(0, { error: (iss) => `${fmt(iss.input)} is negatief` })
  .max(100, { error: (iss) => `${fmt(iss.input)} is meer dan 100%` });

/** A fraction 0..1. */
export const fractionSchema = z
  .number()
  .min(0, { error: (iss) => `${fmt(iss.input)} is negatief` })
  .max(1, { error: (iss) => `${fmt(iss.input)} is groter dan 1 (een aandeel is een fractie tussen 0 en 1)` });

export const yearKeySchema = z.string().regex(/^\d{4}$/, {
  error: (iss) => `${fmt(iss.input)} is geen jaartal`,
});

/**
 * At most `max` entries in a record, counted BEFORE the entries are parsed: a file with 200.000
 * entries gets one message, not 200.000 (and zod is not asked to collect that many issues).
 */
export function maxEntries<T extends z.ZodType>(
  schema: T,
  max: number,
  unit: LimitUnit,
): z.ZodType<z.output<T>, z.input<T>> {
  const counted = z.custom<z.input<T>>().superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return; // the record reports the type
    let n = 0;
    for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) n++;
    // continue: false — the model's own cross-checks must not walk the 200.000 entries either
    if (n > max) ctx.addIssue({ code: 'custom', input: value, message: overMaximum(n, max, unit), continue: false });
  });
  return counted.pipe(schema as unknown as z.ZodType<z.output<T>, z.input<T>>);
}

/** A year map holds at most one entry per possible year (2000–2060). */
const MAX_YEAR_ENTRIES = MAX_YEAR - MIN_YEAR + 1;

/** Values by year, with years as JSON object keys ("2023"). */
export function yearMap<T extends z.ZodType>(value: T) {
  return maxEntries(z.record(yearKeySchema, value), MAX_YEAR_ENTRIES, 'jaren');
}

export const pctByYear = yearMap(pctSchema);
export const sharePctByYear = yearMap(sharePctSchema);
/** Euro amounts by year; may be negative (e.g. a one-off cut), at most € 10^12 either way. */
export const euroByYear = yearMap(
  z
    .number()
    .min(-MAX_AMOUNT, { error: (iss) => underMinimum(iss.input as number, -MAX_AMOUNT, 'euro') })
    .max(MAX_AMOUNT, { error: (iss) => overMaximum(iss.input as number, MAX_AMOUNT, 'euro') }),
);

export function fmt(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return quoteShort(value);
  if (value === undefined) return 'leeg';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
