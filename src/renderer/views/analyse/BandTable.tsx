/** The Monte Carlo numbers: P10/P50/P90 of lasten and saldo per year, the chance of a tekort, and the caption that says how they were made. */
import type { MonteCarloResult } from '../../../shared/analysis/montecarlo';
import { deficitText } from '../../lib/analysisText';
import { Euro, Saldo } from '../../components/money';

/** "2.000 trekkingen, seed 20220101": what makes the numbers reproducible. */
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
            <th scope="col" className="num">
              P10
            </th>
            <th scope="col" className="num">
              P50
            </th>
            <th scope="col" className="num">
              P90
            </th>
            <th scope="col" className="num">
              P10
            </th>
            <th scope="col" className="num">
              P50
            </th>
            <th scope="col" className="num">
              P90
            </th>
          </tr>
        </thead>
        <tbody>
          {result.years.map((y) => (
            <tr key={y.year} data-year={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num" data-col="cost-p10">
                <Euro value={y.cost.p10} />
              </td>
              <td className="num" data-col="cost-p50">
                <Euro value={y.cost.p50} />
              </td>
              <td className="num" data-col="cost-p90">
                <Euro value={y.cost.p90} />
              </td>
              <td className="num" data-col="balance-p10">
                <Saldo value={y.balance.p10} />
              </td>
              <td className="num" data-col="balance-p50">
                <Saldo value={y.balance.p50} />
              </td>
              <td className="num" data-col="balance-p90">
                <Saldo value={y.balance.p90} />
              </td>
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
