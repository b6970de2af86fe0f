/** Shared tables: the numbers behind the charts, nl-NL formatted. */
import type { SimulationResult } from '../../shared/engine/result';
import type { ReactNode } from 'react';
import { Euro, Saldo } from './money';

/**
 * The header row of a per-year table: a label column, one numeric column per
 * year, then any extra header cells (e.g. a "Totaal" column) passed as children.
 * One place for this markup keeps scope/className identical across the views,
 * which the a11y suite relies on.
 */
export function YearHeadRow({ label, years, children }: { label: string; years: readonly number[]; children?: ReactNode }) {
  return (
    <tr>
      <th scope="col">{label}</th>
      {years.map((y) => (
        <th key={y} scope="col" className="num">
          {y}
        </th>
      ))}
      {children}
    </tr>
  );
}

export function TotalsTable({ result, caption }: { result: SimulationResult; caption?: string }) {
  return (
    <div className="table-scroll">
      <table className="data" data-testid="totals-table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <YearHeadRow label="Regel" years={result.years} />
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
