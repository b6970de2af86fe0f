/** Amounts as controllers read them: nl-NL, and a tekort in red with a minus sign (never colour alone). */
import { formatEuro, formatEuroCompact, formatPctChange } from '../../shared/format/numbers';
import { citeSource } from '../../shared/domain/sources';

export function Euro({ value, compact }: { value: number; compact?: boolean }) {
  return <span className="num">{compact ? formatEuroCompact(value) : formatEuro(value)}</span>;
}

/** A saldo: negative is a tekort (red, minus sign, and optionally the word). */
export function Saldo({ value, compact, label }: { value: number; compact?: boolean; label?: boolean }) {
  const text = compact ? formatEuroCompact(value) : formatEuro(value);
  const tekort = Math.round(value) < 0;
  const zero = Math.round(value) === 0;
  return (
    <span className={`num ${tekort ? 'tekort' : zero ? '' : 'overschot'}`}>
      {text}
      {label ? <span className="saldo-label"> {tekort ? 'tekort' : 'overschot'}</span> : null}
    </span>
  );
}

/** A difference in lasten: more cost is worse, shown red. */
export function CostDelta({ value }: { value: number }) {
  const more = Math.round(value) > 0;
  return <span className={`num ${more ? 'tekort' : ''}`}>{more ? formatEuro(value).replace('€ ', '€ +') : formatEuro(value)}</span>;
}

export function PctChange({ value }: { value: number }) {
  return <span className="num">{formatPctChange(value)}</span>;
}

/** "bron: …" and "schatting" markers next to a base figure. */
export function SourceNote({ source, estimate }: { source?: string | undefined; estimate?: boolean | undefined }) {
  if (!source && !estimate) return <span className="source missing">bron: niet vermeld</span>;
  return (
    <span className="source">
      {estimate ? <span className="badge estimate" title="Dit is een schatting, geen gerealiseerd cijfer">schatting</span> : null}
      {source ? <span className="source-text">bron: {citeSource(source)}</span> : null}
    </span>
  );
}
