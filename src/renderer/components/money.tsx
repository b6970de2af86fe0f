/**
 * Amounts as controllers read them: nl-NL, and a tekort in red with a minus sign (never colour alone).
 * Inside a table scope (AmountScope) they follow the table unit: whole euros or × € 1.000. Every amount
 * carries its plain value in data-value, for "Kopiëren" (lib/tableText.ts).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { formatEuro, formatEuroCompact, formatInteger, formatPctChange } from '../../shared/locale/numbers';
import { citeSource } from '../../shared/domain/sources';
import { plainNumber } from '../lib/tableText';
import { useTableUnit, type TableUnit } from '../stores/tableUnit';

const AmountUnit = createContext<TableUnit>('euro');

/** Amounts inside follow the table unit chosen with TableTools. */
export function AmountScope({ children }: { children: ReactNode }) {
  const unit = useTableUnit((s) => s.unit);
  return <AmountUnit.Provider value={unit}>{children}</AmountUnit.Provider>;
}

/** The text and plain value of an amount in the current unit (× € 1.000: rounded to whole thousands). */
function useAmount(value: number, compact: boolean | undefined): { text: string; plain: string; shown: number } {
  const unit = useContext(AmountUnit);
  if (compact) return { text: formatEuroCompact(value), plain: plainNumber(value), shown: Math.round(value) };
  if (unit === 'duizend') {
    const k = Math.round(value / 1000);
    return { text: formatInteger(k), plain: plainNumber(k), shown: k };
  }
  return { text: formatEuro(value), plain: plainNumber(value), shown: Math.round(value) };
}

export function Euro({ value, compact }: { value: number; compact?: boolean }) {
  const a = useAmount(value, compact);
  return (
    <span className="num" data-value={a.plain}>
      {a.text}
    </span>
  );
}

/** A saldo: negative is a tekort (red, minus sign, and optionally the word). */
export function Saldo({ value, compact, label }: { value: number; compact?: boolean; label?: boolean }) {
  const a = useAmount(value, compact);
  const text = a.text;
  const tekort = a.shown < 0;
  const zero = a.shown === 0;
  return (
    <span className={`num ${tekort ? 'tekort' : zero ? '' : 'overschot'}`} data-value={a.plain}>
      {text}
      {label ? <span className="saldo-label"> {tekort ? 'tekort' : 'overschot'}</span> : null}
    </span>
  );
}

/** A difference in lasten: more cost is worse, shown red. */
export function CostDelta({ value }: { value: number }) {
  const a = useAmount(value, false);
  const more = a.shown > 0;
  const text = more ? (a.text.startsWith('€ ') ? a.text.replace('€ ', '€ +') : `+${a.text}`) : a.text;
  return (
    <span className={`num ${more ? 'tekort' : ''}`} data-value={a.plain}>
      {text}
    </span>
  );
}

export function PctChange({ value }: { value: number }) {
  return <span className="num">{formatPctChange(value)}</span>;
}

/** "bron: …" and "schatting" markers next to a base figure. */
export function SourceNote({ source, estimate }: { source?: string | undefined; estimate?: boolean | undefined }) {
  if (!source && !estimate) return <span className="source missing">bron: niet vermeld</span>;
  return (
    <span className="source">
      {estimate ? (
        <span className="badge estimate" title="Dit is een schatting, geen gerealiseerd cijfer">
          schatting
        </span>
      ) : null}
      {source ? <span className="source-text">bron: {citeSource(source)}</span> : null}
    </span>
  );
}
