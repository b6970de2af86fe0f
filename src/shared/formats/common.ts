import { z } from 'zod';

/** Identifier of a segment or gemeente: letters, digits, '-' and '_'. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, {
    error: (iss) => `${JSON.stringify(iss.input)} is geen geldige id (letters, cijfers, - en _, max. 64 tekens)`,
  });

export const nameSchema = z
  .string()
  .trim()
  .min(1, { error: 'mag niet leeg zijn' })
  .max(200, { error: (iss) => `is langer dan 200 tekens (${String(iss.input).length})` });

export const textSchema = z.string().max(5000, { error: 'is langer dan 5.000 tekens' });

/** A finite number that is at least 0. */
export const nonNegative = z.number().min(0, { error: (iss) => `${fmt(iss.input)} is negatief` });

/** A yearly percentage change: -100% (to zero) up to +1.000% (catches typos). */
export const pctSchema = z
  .number()
  .min(-100, { error: (iss) => `${fmt(iss.input)} is kleiner dan -100%` })
  .max(1000, { error: (iss) => `${fmt(iss.input)} is groter dan 1.000%` });

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
  error: (iss) => `${JSON.stringify(iss.input)} is geen jaartal`,
});

/** Values by year, with years as JSON object keys ("2023"). */
export function yearMap<T extends z.ZodType>(value: T) {
  return z.record(yearKeySchema, value);
}

export const pctByYear = yearMap(pctSchema);
export const sharePctByYear = yearMap(sharePctSchema);
/** Euro amounts by year; may be negative (e.g. a one-off cut). */
export const euroByYear = yearMap(z.number());

export function fmt(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'leeg';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
