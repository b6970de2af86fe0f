/** Shared tables: the numbers behind the charts, nl-NL formatted. */
import type { SimulationResult } from '../../shared/engine/result';
import { Euro, Saldo } from './money';

export function TotalsTable({ result, caption }: { result: SimulationResult; caption?: string }) {
  return (
    <div className="table-scroll">
      <table className="data" data-testid="totals-table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Regel</th>
            {result.years.map((y) => (
              <th scope="col" key={y} className="num">
                {y}
              </th>
            ))}
          </tr>
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
