/**
 * The text a user is typing in a number field, apart from the value the model
 * holds. Pure (no React, no store): the field feeds it keystrokes and an
 * `apply` that tries a value on the model and answers with a message or
 * nothing.
 *
 * The rule: the model holds either the value it had when this edit began
 * (`base`) or the parse of the WHOLE current text when that is a valid value.
 * A prefix is never left applied: "-150" briefly shows -15 while it is typed,
 * but once the text is "-150" (refused) the model is back at its base value and
 * the field says "(toegepast: 0)". Text that may still become a number ("2,",
 * "-") gets no message until the field is left.
 */
import { formatNumber, parseDutchNumber } from '../../shared/locale/numbers';

export interface NumberDraft {
  /** what the field shows */
  text: string;
  /** the model's value when this edit began */
  base: number | undefined;
  /** the value the model holds now because of this field */
  applied: number | undefined;
  /** why the text is not applied (undefined when it is) */
  error?: string;
  /** the text is an unfinished number: its message waits until the field is left */
  partial?: boolean;
}

/** Tries a value on the model: undefined when applied, else the message why not. */
export type Apply = (value: number | undefined) => string | undefined;

export interface DraftOptions {
  label: string;
  allowEmpty: boolean;
}

export type ParsedText =
  { kind: 'value'; value: number | undefined } | { kind: 'partial' } | { kind: 'invalid'; message: string };

/** Text that is not a number yet but may become one by typing on ("-", "2,", "1.", "+"). */
export function isPartialNumber(text: string): boolean {
  const t = text.trim().replace('−', '-');
  return /^[-+]?$/.test(t) || /^[-+]?\d[\d.]*[,.]$/.test(t);
}

export function parseText(text: string, opts: DraftOptions): ParsedText {
  if (text.trim() === '') {
    return opts.allowEmpty
      ? { kind: 'value', value: undefined }
      : { kind: 'invalid', message: `${opts.label}: mag niet leeg zijn` };
  }
  const n = parseDutchNumber(text);
  if (n !== undefined) return { kind: 'value', value: n };
  if (isPartialNumber(text)) return { kind: 'partial' };
  return {
    kind: 'invalid',
    message: `${opts.label}: ${JSON.stringify(text.trim())} is geen getal (gebruik bijvoorbeeld 2,5)`,
  };
}

/** A field at rest: its text is the value's. */
export function restingDraft(value: number | undefined, decimals: number): NumberDraft {
  return { text: formatForInput(value, decimals), base: value, applied: value };
}

export function formatForInput(value: number | undefined, decimals: number): string {
  if (value === undefined) return '';
  return formatNumber(value, decimals).replace(/\./g, '');
}

/** Brings the model back to the base value when something else is applied. */
function revert(draft: NumberDraft, apply: Apply): number | undefined {
  if (Object.is(draft.applied, draft.base)) return draft.applied;
  // the base was valid when the edit began; if it no longer is (another rule changed), the model keeps what it has
  return apply(draft.base) === undefined ? draft.base : draft.applied;
}

/** The user changed the text to `text` (typed, deleted, pasted). */
export function typeText(draft: NumberDraft, text: string, opts: DraftOptions, apply: Apply): NumberDraft {
  const parsed = parseText(text, opts);
  if (parsed.kind === 'value') {
    if (Object.is(parsed.value, draft.applied)) return { text, base: draft.base, applied: draft.applied };
    const message = apply(parsed.value);
    if (message === undefined) return { text, base: draft.base, applied: parsed.value };
    return { text, base: draft.base, applied: revert(draft, apply), error: message };
  }
  const applied = revert(draft, apply);
  if (parsed.kind === 'partial')
    return {
      text,
      base: draft.base,
      applied,
      error: `${opts.label}: ${JSON.stringify(text.trim())} is geen volledig getal`,
      partial: true,
    };
  return { text, base: draft.base, applied, error: parsed.message };
}

/**
 * The user left the field. A valid text becomes the new base and is shown
 * formatted; an invalid one stays (with its message, now also for a partial
 * number) so the user sees what was not applied.
 */
export function leave(draft: NumberDraft, decimals: number): NumberDraft {
  if (draft.error === undefined) return restingDraft(draft.applied, decimals);
  return { ...draft, partial: false };
}

/** The message to show under the field, or undefined. */
export function shownMessage(draft: NumberDraft, decimals: number): string | undefined {
  if (draft.error === undefined || draft.partial) return undefined;
  const applied = draft.applied === undefined ? 'leeg' : formatNumber(draft.applied, decimals);
  return `${draft.error} (toegepast: ${applied})`;
}
