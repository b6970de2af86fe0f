/** Shared tables: the numbers behind the charts, nl-NL formatted. */
import type { FigureKind, SimulationResult } from '../../shared/engine/result';
import type { ReactNode } from 'react';
import { Euro, Saldo } from './money';

/**
 * The header row of a per-year table: a label column, one numeric column per
 * year, then any extra header cells (e.g. a "Totaal" column) passed as children.
 * One place for this markup keeps scope/className identical across the views,
 * which the a11y suite relies on.
 */
export function YearHeadRow({
  label,
  years,
  kinds,
  children,
}: {
  label: string;
  years: readonly number[];
  kinds?: readonly FigureKind[];
  children?: ReactNode;
}) {
  // a model with realisatie marks each year; without, nothing changes
  const marked = kinds?.includes('realisatie') === true;
  return (
    <tr>
      <th scope="col">{label}</th>
      {years.map((y, k) => (
        <th key={y} scope="col" className="num" data-kind={marked ? kinds[k] : undefined}>
          {y}
          {marked ? <KindMark kind={kinds[k]!} /> : null}
        </th>
      ))}
      {children}
    </tr>
  );
}

/** "realisatie" or "raming" under a year heading (only used when a model has realised years). */
export function KindMark({ kind }: { kind: FigureKind }) {
  return <span className={`kind-mark ${kind}`}>{kind}</span>;
}

/** The kind of each year of a result, from its totals. */
export function yearKinds(result: SimulationResult): FigureKind[] {
  return result.totals.map((t) => t.kind);
}

export function TotalsTable({ result, caption }: { result: SimulationResult; caption?: string }) {
  return (
    <div className="table-scroll">
      <table className="data" data-testid="totals-table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <YearHeadRow label="Regel" years={result.years} kinds={yearKinds(result)} />
        </thead>
        <tbody>
          {result.lines.map((line) => (
            <tr key={line.id} data-line={line.id}>
              <th scope="row">{line.name}</th>
              {line.years.map((y) => (
                <td key={y.year} className="num">
                  <Euro value={y.cost} />
                </td>
              ))}
            </tr>
          ))}
          <tr className="total" data-row="cost">
            <th scope="row">Totaal lasten</th>
            {result.totals.map((t) => (
              <td key={t.year} className="num" data-year={t.year}>
                <Euro value={t.cost} />
              </td>
            ))}
          </tr>
          <tr data-row="funding">
            <th scope="row">Rijksmiddelen (baten)</th>
            {result.totals.map((t) => (
              <td key={t.year} className="num" data-year={t.year}>
                <Euro value={t.funding} />
              </td>
            ))}
          </tr>
          <tr className="total" data-row="balance">
            <th scope="row">Saldo (negatief = tekort)</th>
            {result.totals.map((t) => (
              <td key={t.year} className="num" data-year={t.year}>
                <Saldo value={t.balance} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
