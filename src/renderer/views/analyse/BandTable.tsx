/** The Monte Carlo numbers: P10/P50/P90 of lasten and saldo per year, the chance of a tekort, and the caption that says how they were made. */
import type { MonteCarloResult } from '../../../shared/analysis/montecarlo';
import { deficitText } from '../../lib/analysisText';
import { Euro, Saldo } from '../../components/money';

/** "2.000 trekkingen, seed 20220101": what makes the numbers reproducible. */
const QUANTILES = ['p10', 'p50', 'p90'] as const;

export function BandTable({ result, caption }: { result: MonteCarloResult; caption?: string }) {
  return (
    <div className="table-scroll">
      <table className="data band-table" data-testid="band-table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Jaar
            </th>
            <th scope="colgroup" colSpan={3}>
              Lasten
            </th>
            <th scope="colgroup" colSpan={3}>
              Saldo (negatief = tekort)
            </th>
            <th scope="col" rowSpan={2} className="num">
              Kans op tekort
            </th>
            <th scope="col" rowSpan={2} className="num">
              Saldo scenario
            </th>
          </tr>
          <tr>
            {[...QUANTILES, ...QUANTILES].map((q, k) => (
              <th key={k} scope="col" className="num">
                {q.toUpperCase()}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.years.map((y) => (
            <tr key={y.year} data-year={y.year}>
              <th scope="row">{y.year}</th>
              {QUANTILES.map((q) => (
                <td key={q} className="num" data-col={`cost-${q}`}>
                  <Euro value={y.cost[q]} />
                </td>
              ))}
              {QUANTILES.map((q) => (
                <td key={q} className="num" data-col={`balance-${q}`}>
                  <Saldo value={y.balance[q]} />
                </td>
              ))}
              <td className="num" data-col="deficit">
                {deficitText(y.deficitProbability)}
              </td>
              <td className="num" data-col="deterministic">
                <Saldo value={y.deterministic.balance} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
