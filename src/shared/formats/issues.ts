import type { z } from 'zod';
import { fmt } from './common';

/** One validation problem, in Dutch, with the path of the field it concerns. */
export interface ValidationIssue {
  /** e.g. `segments[3].avgDurationMonths` */
  path: string;
  /** e.g. `0.5 is kleiner dan 1 maand` */
  problem: string;
  /** path and problem together: what the user sees */
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function makeIssue(path: readonly PropertyKey[] | string, problem: string): ValidationIssue {
  const p = typeof path === 'string' ? path : formatPath(path);
  return { path: p, problem, message: p ? `${p}: ${problem}` : problem };
}

const TYPE_NL: Record<string, string> = {
  number: 'een getal',
  string: 'tekst',
  boolean: 'waar/onwaar (true/false)',
  object: 'een object',
  array: 'een lijst',
  record: 'een object',
};

/** Turns a zod issue into a Dutch message that names the value. */
export function zodIssueToDutch(issue: z.core.$ZodIssue): ValidationIssue {
  const input = (issue as { input?: unknown }).input;
  let problem: string;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) problem = 'ontbreekt';
      // .int({ error }) reports invalid_type with expected 'int': keep the schema's own Dutch message
      else if ((issue.expected as string) === 'int')
        problem =
          issue.message && !issue.message.startsWith('Invalid') ? issue.message : `${fmt(input)} is geen geheel getal`;
      else if (issue.expected === 'number' && typeof input === 'number' && Number.isNaN(input))
        problem = 'NaN is geen getal';
      else if (issue.expected === 'number' && typeof input === 'number') problem = `${fmt(input)} is geen eindig getal`;
      else if (issue.expected === 'number') problem = `${fmt(input)} is geen getal`;
      else problem = `${fmt(input)} is geen ${TYPE_NL[issue.expected] ?? issue.expected}`;
      break;
    }
    case 'unrecognized_keys':
      problem =
        issue.keys.length === 1
          ? `onbekend veld ${JSON.stringify(issue.keys[0])}`
          : `onbekende velden ${issue.keys
              .slice(0, 10)
              .map((k) => JSON.stringify(k))
              .join(
                ', ',
              )}${issue.keys.length > 10 ? ` en nog ${(issue.keys.length - 10).toLocaleString('nl-NL')}` : ''}`;
      break;
    case 'invalid_value':
      problem = `${fmt(input)} is geen geldige waarde (toegestaan: ${issue.values.map((v) => fmt(v)).join(', ')})`;
      break;
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      if (discriminator === 'kind' && input && typeof input === 'object') {
        problem = `${fmt((input as Record<string, unknown>)[discriminator])} is geen geldige soort (toegestaan: "volume", "budget")`;
      } else problem = `${fmt(input)} heeft geen geldige vorm`;
      break;
    }
    case 'too_small':
      problem =
        issue.message && !issue.message.startsWith('Too small')
          ? issue.message
          : `${fmt(input)} is te klein (minimaal ${issue.minimum})`;
      break;
    case 'too_big':
      problem =
        issue.message && !issue.message.startsWith('Too big')
          ? issue.message
          : `${fmt(input)} is te groot (maximaal ${issue.maximum})`;
      break;
    case 'invalid_key':
      problem = `ongeldige sleutel: ${issue.issues.map((i) => zodIssueToDutch(i).problem).join('; ')}`;
      break;
    default:
      problem = issue.message;
  }
  return makeIssue(issue.path, problem);
}

export function zodErrorToIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map(zodIssueToDutch);
}

/** A readable multi-line summary for CLI output and error dialogs. */
export function issuesToText(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => i.message).join('\n');
}
