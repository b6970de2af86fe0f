/**
 * "Opbouw Rijksmiddelen": the baten per year split into the index path
 * (structureel), incidentele bijstellingen and each Rijksmaatregel as its own
 * line, adding up to the Rijksmiddelen of the Overzicht. Used on the Overzicht
 * and on the Rijksmiddelen view.
 */
import type { SimulationResult } from '../../../shared/engine/result';
import { Euro } from '../../components/money';
import { fundingComponents } from './derive';

export function FundingBreakdownTable({
  result,
  testId = 'funding-breakdown',
}: {
  result: SimulationResult;
  testId?: string;
}) {
  const rows = fundingComponents(result);
  return (
    <div className="table-scroll">
      <table className="data funding-breakdown" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Onderdeel</th>
            <th scope="col">Soort</th>
            {result.years.map((y) => (
              <th scope="col" key={y} className="num">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-component={r.id}>
              <th scope="row">{r.label}</th>
              <td>{r.kind}</td>
              {r.years.map((v, k) => (
                <td key={result.years[k]} className="num" data-year={result.years[k]}>
                  <Euro value={v} />
                </td>
              ))}
            </tr>
          ))}
          <tr className="total" data-component="totaal">
            <th scope="row">Rijksmiddelen (baten)</th>
            <td />
            {result.totals.map((t) => (
              <td key={t.year} className="num" data-year={t.year}>
                <Euro value={t.funding} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
