/**
 * Inputs that validate as you type. The text the user types is kept locally; a
 * value reaches the store only when it parses (Dutch decimals: "2,5") and the
 * store accepts it (the same parseScenario/parseModel rules as the engine).
 * Otherwise the Dutch message is shown under the field and nothing changes, so
 * NaN or half-valid values can never get in.
 */
import { memo, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ValidationIssue } from '../../shared/formats/issues';
import { formatNumber, parseDutchNumber } from '../../shared/locale/numbers';

export type Commit<T> = (value: T) => ValidationIssue[];

/** Prefers the issue about this field; falls back to the first one (a rule elsewhere broke). */
export function pickIssue(issues: readonly ValidationIssue[], path?: string): string | undefined {
  if (issues.length === 0) return undefined;
  const own = path ? issues.find((i) => i.path === path || i.path.startsWith(`${path}.`)) : undefined;
  return (own ?? issues[0]!).message;
}

function formatForInput(value: number | undefined, decimals: number): string {
  if (value === undefined) return '';
  return formatNumber(value, decimals).replace(/\./g, '');
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
}

/**
 * Memoised without comparing onCommit: callers pass a fresh closure on every
 * render, but one that does the same for the same path. The latest is kept in a
 * ref, so re-rendering hundreds of fields per keystroke is avoided.
 */
export const NumberField = memo(NumberFieldImpl, (a, b) => {
  for (const key of Object.keys(a) as (keyof NumberFieldProps)[]) if (key !== 'onCommit' && a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
});

function NumberFieldImpl({
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
}: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(() => formatForInput(value, decimals));
  const [error, setError] = useState<string | undefined>();
  const committed = useRef(value);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  // an outside change (undo, restore, other field) replaces what is shown
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(formatForInput(value, decimals));
      setError(undefined);
    }
  }, [value, decimals]);

  function change(next: string) {
    setText(next);
    if (next.trim() === '') {
      if (!allowEmpty) {
        setError(`${label}: mag niet leeg zijn`);
        return;
      }
      apply(undefined);
      return;
    }
    const n = parseDutchNumber(next);
    if (n === undefined) {
      setError(`${label}: ${JSON.stringify(next)} is geen getal (gebruik bijvoorbeeld 2,5)`);
      return;
    }
    apply(n);
  }

  function apply(n: number | undefined) {
    const issues = commitRef.current(n);
    if (issues.length > 0) {
      setError(pickIssue(issues, path));
    } else {
      committed.current = n;
      setError(undefined);
    }
  }

  const msgId = `${id}-msg`;
  return (
    <div className={`field number-field ${className ?? ''} ${error ? 'invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <span className="input-wrap">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={msgId}
          data-testid={testId}
          onChange={(e) => change(e.target.value)}
          onBlur={() => {
            if (!error) setText(formatForInput(committed.current, decimals));
          }}
        />
        {suffix ? <span className="suffix" aria-hidden="true">{suffix}</span> : null}
      </span>
      {hint ? <span className="hint">{hint}</span> : null}
      <span id={msgId} className="field-error" aria-live="polite">
        {error ?? ''}
      </span>
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
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  hideLabel?: boolean;
  testId?: string;
}

export function SelectField<T extends string>({ label, value, options, onChange, hideLabel, testId }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field select-field">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
