/**
 * Inputs that validate as you type. The text the user types is kept locally; a
 * value reaches the store only when it parses (Dutch decimals: "2,5") and the
 * store accepts it (the same parseScenario/parseModel rules as the engine).
 * Otherwise the Dutch message is shown under the field and nothing changes, so
 * NaN or half-valid values can never get in.
 */
import { memo, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ValidationIssue } from '../../shared/formats/issues';
import { describePath } from '../../shared/formats/describe';
import { useData } from '../stores/data';
import { leave, restingDraft, shownMessage, typeText, type Apply, type NumberDraft } from '../lib/numberDraft';

export type Commit<T> = (value: T) => ValidationIssue[];

/** Prefers the issue about this field; falls back to the first one (a rule elsewhere broke). */
export function pickIssue(issues: readonly ValidationIssue[], path?: string): string | undefined {
  if (issues.length === 0) return undefined;
  const own = path ? issues.find((i) => i.path === path || i.path.startsWith(`${path}.`)) : undefined;
  return (own ?? issues[0]!).message;
}

interface NumberFieldProps {
  label: string;
  /** hide the label visually (it stays for screen readers), e.g. inside a table with headers */
  hideLabel?: boolean;
  value: number | undefined;
  onCommit: Commit<number | undefined>;
  /** path of the field in the validated object, to pick its message */
  path?: string;
  /** empty input means "no value" (undefined) when allowed; else it is an error */
  allowEmpty?: boolean;
  suffix?: string;
  decimals?: number;
  placeholder?: string;
  hint?: ReactNode;
  className?: string;
  testId?: string;
  /** identifies the field's draft (defaults to path): include the scenario when the same path exists in several */
  draftKey?: string;
  /** a plausibility warning shown under the field while there is no error ("Klopt dit?") */
  warning?: string;
  /** accepts the warning (then the caller stops passing it) */
  onAcceptWarning?: () => void;
}

/**
 * Memoised without comparing onCommit: callers pass a fresh closure on every
 * render, but one that does the same for the same path. The latest is kept in a
 * ref, so re-rendering hundreds of fields per keystroke is avoided.
 */
export const NumberField = memo(NumberFieldImpl, (a, b) => {
  for (const key of Object.keys(a) as (keyof NumberFieldProps)[])
    if (key !== 'onCommit' && key !== 'onAcceptWarning' && a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
});

/** Unfinished or refused texts by field key, so a draft stays with its own field (segment, year) and never shows in another. */
const drafts = new Map<string, NumberDraft>();

function NumberFieldImpl(props: NumberFieldProps) {
  // a field for another segment/year/scenario/model is another field: its own state, its own draft
  const scope = useData((s) => `${s.modelRecord?.id ?? ''}/${s.currentId ?? ''}`);
  const own = props.draftKey ?? props.path;
  const key = `${scope}:${own ?? ''}`;
  return <NumberFieldInner {...props} key={key} draftKey={own === undefined ? undefined : key} />;
}

/** Paths whose field describe.ts can name ("Ambulante begeleiding, instroom 2024"). */
const NAMED_PATH = /^(assumptions\.|segments\[|gemeenten\[|funding\.|substitutions\[|knownChanges\[)/;

/** How a message names the field: by its place in the model or scenario when known, else by its label. */
function subjectOf(label: string, path: string | undefined): string {
  const model = useData.getState().modelRecord?.model;
  if (!path || !model || !NAMED_PATH.test(path)) return label;
  return describePath(path, model) || label;
}

function NumberFieldInner({
  label,
  hideLabel,
  value,
  onCommit,
  path,
  allowEmpty = true,
  suffix,
  decimals = 4,
  placeholder,
  hint,
  className,
  testId,
  draftKey,
  warning,
  onAcceptWarning,
}: NumberFieldProps) {
  const id = useId();
  const [draft, setDraftState] = useState<NumberDraft>(() => {
    const kept = draftKey !== undefined ? drafts.get(draftKey) : undefined;
    return kept && Object.is(kept.applied, value) ? kept : restingDraft(value, decimals);
  });
  const draftRef = useRef(draft);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  const setDraft = useCallback(
    (next: NumberDraft) => {
      draftRef.current = next;
      setDraftState(next);
      if (draftKey === undefined) return;
      if (next.error === undefined) drafts.delete(draftKey);
      else drafts.set(draftKey, next);
    },
    [draftKey],
  );

  // an outside change (undo, restore, another field) replaces what is shown
  useEffect(() => {
    if (!Object.is(value, draftRef.current.applied)) setDraft(restingDraft(value, decimals));
  }, [value, decimals, setDraft]);

  const apply: Apply = (n) => {
    const issues = commitRef.current(n);
    return issues.length > 0 ? pickIssue(issues, path) : undefined;
  };

  const message = shownMessage(draft, decimals);
  const msgId = `${id}-msg`;
  return (
    <div
      className={`field number-field ${className ?? ''} ${message ? 'invalid' : ''} ${!message && warning ? 'warned' : ''}`}
    >
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <span className="input-wrap">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft.text}
          placeholder={placeholder}
          aria-invalid={message ? true : undefined}
          aria-describedby={msgId}
          data-testid={testId}
          data-applied={draft.applied === undefined ? '' : String(draft.applied)}
          onChange={(e) =>
            setDraft(typeText(draftRef.current, e.target.value, { label: subjectOf(label, path), allowEmpty }, apply))
          }
          onBlur={() => setDraft(leave(draftRef.current, decimals))}
        />
        {suffix ? (
          <span className="suffix" aria-hidden="true">
            {suffix}
          </span>
        ) : null}
      </span>
      {hint ? <span className="hint">{hint}</span> : null}
      <span id={msgId} className="field-error" aria-live="polite">
        {message ?? ''}
      </span>
      {!message && warning ? (
        <span className="field-warning" role="status">
          {warning}{' '}
          {onAcceptWarning ? (
            <button type="button" className="small secondary" onClick={onAcceptWarning}>
              Klopt dit? Ja, accepteren
            </button>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onCommit: Commit<string>;
  path?: string;
  multiline?: boolean;
  hideLabel?: boolean;
  testId?: string;
  className?: string;
}

export function TextField({ label, value, onCommit, path, multiline, hideLabel, testId, className }: TextFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | undefined>();
  const committed = useRef(value);
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
      setError(undefined);
    }
  }, [value]);

  function change(next: string) {
    setText(next);
    const issues = onCommit(next);
    if (issues.length > 0) setError(pickIssue(issues, path));
    else {
      committed.current = next;
      setError(undefined);
    }
  }
  const msgId = `${id}-msg`;
  const common = {
    id,
    value: text,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': msgId,
    'data-testid': testId,
  } as const;
  return (
    <div className={`field text-field ${className ?? ''} ${error ? 'invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => change(e.target.value)} />
      )}
      <span id={msgId} className="field-error" aria-live="polite">
        {error ?? ''}
      </span>
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  /** '' = nothing chosen yet (shows the placeholder) */
  value: T | '';
  options: readonly { value: T; label: string }[];
  /** Applies a choice; the issues when it is refused (the choice stays visible with the message). */
  onChange: (value: T) => readonly ValidationIssue[] | void;
  /** path of the field in the validated object, to pick its message */
  path?: string;
  /** shown while nothing is chosen, e.g. "kies…" */
  placeholder?: string;
  hideLabel?: boolean;
  testId?: string;
}

/**
 * A choice that is refused stays on screen with its message and what still
 * applies ("(toegepast: …)"), instead of snapping back without a word.
 */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  path,
  placeholder,
  hideLabel,
  testId,
}: SelectFieldProps<T>) {
  const id = useId();
  const [refused, setRefused] = useState<{ choice: T; message: string; over: T | '' } | undefined>();
  // an outside change (undo, another edit) ends the refused choice
  const shownRefusal = refused && refused.over === value ? refused : undefined;
  const shown = shownRefusal ? shownRefusal.choice : value;
  const appliedLabel =
    value === '' ? (placeholder ?? 'niets gekozen') : (options.find((o) => o.value === value)?.label ?? value);
  const message = shownRefusal ? `${shownRefusal.message} (toegepast: ${appliedLabel})` : undefined;
  const msgId = `${id}-msg`;
  const hasEmpty = options.some((o) => (o.value as string) === '');
  return (
    <div className={`field select-field ${message ? 'invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <select
        id={id}
        value={shown}
        data-testid={testId}
        aria-invalid={message ? true : undefined}
        aria-describedby={msgId}
        onChange={(e) => {
          const choice = e.target.value as T;
          if ((choice as string) === '' && !hasEmpty) return;
          const issues = onChange(choice) ?? [];
          if (issues.length > 0)
            setRefused({ choice, message: pickIssue(issues, path) ?? `${label}: niet toegestaan`, over: value });
          else setRefused(undefined);
        }}
      >
        {placeholder || (shown === '' && !hasEmpty) ? (
          <option value="" disabled>
            {placeholder ?? 'kies…'}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <span id={msgId} className="field-error" aria-live="polite">
        {message ?? ''}
      </span>
    </div>
  );
}
