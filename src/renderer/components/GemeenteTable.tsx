/** Lasten, baten or saldo per gemeente per year, with the realisatie/raming marker: shared by Per gemeente and the presentation. */
import type { SimulationResult } from '../../shared/engine/result';
import { Euro, Saldo } from './money';
import { YearHeadRow, yearKinds } from './tables';

export type Metric = 'cost' | 'funding' | 'balance';
export const METRICS: { value: Metric; label: string }[] = [
  { value: 'cost', label: 'Lasten' },
  { value: 'funding', label: 'Baten (Rijksmiddelen)' },
  { value: 'balance', label: 'Saldo' },
];

export function GemeenteTable({ result, metric }: { result: SimulationResult; metric: Metric }) {
  const Cell = metric === 'balance' ? Saldo : Euro;
  return (
    <div className="table-scroll">
      <table className="data" data-testid={`gemeente-table-${metric}`}>
        <thead>
          <YearHeadRow label="Gemeente" years={result.years} kinds={yearKinds(result)} />
        </thead>
        <tbody>
          {result.gemeenten.map((g) => (
            <tr key={g.id} data-gemeente={g.id}>
              <th scope="row">{g.name}</th>
              {g.years.map((y) => (
                <td key={y.year} className="num" data-year={y.year}>
                  <Cell value={y[metric]} />
                </td>
              ))}
            </tr>
          ))}
          <tr className="total" data-gemeente="regio">
            <th scope="row">Regio</th>
            {result.totals.map((t) => (
              <td key={t.year} className="num" data-year={t.year}>
                <Cell value={t[metric]} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
