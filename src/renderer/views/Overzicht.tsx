/** Overzicht: the region at a glance — headline figures, the trend chart and the saldo. */
import { TrendChart, SaldoChart } from '../charts/TrendChart';
import { stackBands, type StackDetail } from '../charts/stack';
import { useState } from 'react';
import { ChartFrame } from '../components/ChartFrame';
import { AmountScope, Euro, Saldo } from '../components/money';
import { TableTools } from '../components/TableTools';
import { KindMark, TotalsTable } from '../components/tables';
import { useCurrentResult } from '../hooks';
import { useCurrent } from '../stores/data';
import { OverzichtBand } from './analyse/OverzichtBand';
import { FundingBreakdownTable } from './rijksmiddelen/FundingBreakdown';
import { hasFundingBreakdown } from './rijksmiddelen/derive';
import { PlausibilityList } from '../components/Plausibility';
import { indexationWarning } from '../../shared/formats/starting';
import { Headlines, trendLegend } from '../components/Headlines';
import { EstimateShare } from '../components/EstimateShare';

export function Overzicht() {
  const current = useCurrent();
  const result = useCurrentResult();
  // the stack per group of segments (≤ 8 bands) by default; per segment on demand
  const [detail, setDetail] = useState<StackDetail>('groep');
  if (!current || !result) return null;
  const realised = result.totals.some((t) => t.kind === 'realisatie');
  const warning = indexationWarning(current.model, current.scenario);
  return (
    <div className="view overzicht">
      <header className="view-head">
        <h1>Overzicht</h1>
        <p className="lead">
          {current.model.name} · scenario <strong>{current.scenario.name}</strong> · {result.years[0]}–
          {result.years[result.years.length - 1]}
        </p>
      </header>
      {warning && (
        <p className="notice warning" role="alert" data-testid="indexation-warning">
          {warning}
        </p>
      )}
      <PlausibilityList />
      <Headlines result={result} />
      <ChartFrame
        title={`Lasten per ${detail === 'groep' ? 'groep' : 'segment'} en Rijksmiddelen ${result.years[0]}–${result.years[result.years.length - 1]}`}
        legend={trendLegend(result, detail)}
        chart={
          <>
            <label className="checkbox no-print stack-detail">
              <input
                type="checkbox"
                checked={detail === 'segment'}
                onChange={(e) => setDetail(e.currentTarget.checked ? 'segment' : 'groep')}
                data-testid="trend-per-segment"
              />
              Per segment (alle {result.lines.length} regels in plaats van {stackBands(result, 'groep').length} groepen)
            </label>
            <TrendChart result={result} detail={detail} />
          </>
        }
        table={<TotalsTable result={result} />}
        testId="trend-frame"
      />
      <ChartFrame
        title="Saldo per jaar (baten − lasten)"
        legend={[{ label: 'Saldo (rood = tekort)', color: '#B00020' }]}
        chart={<SaldoChart result={result} />}
        table={<TotalsTable result={result} />}
      />
      <OverzichtBand />
      <section aria-labelledby="kern-h" className="card">
        <h2 id="kern-h">Kerncijfers per jaar</h2>
        <TableTools label="Kerncijfers per jaar" />
        <AmountScope>
          <div className="table-scroll">
            <table className="data narrow" data-testid="kern-table">
              <thead>
                <tr>
                  <th scope="col">Jaar</th>
                  {realised ? <th scope="col">Realisatie of raming</th> : null}
                  <th scope="col" className="num">
                    Lasten
                  </th>
                  <th scope="col" className="num">
                    Rijksmiddelen
                  </th>
                  <th scope="col" className="num">
                    Saldo
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.totals.map((t) => (
                  <tr key={t.year} data-year={t.year} data-kind={realised ? t.kind : undefined}>
                    <th scope="row">{t.year}</th>
                    {realised ? (
                      <td data-col="kind">
                        <KindMark kind={t.kind} />
                      </td>
                    ) : null}
                    <td className="num" data-col="cost">
                      <Euro value={t.cost} />
                    </td>
                    <td className="num" data-col="funding">
                      <Euro value={t.funding} />
                    </td>
                    <td className="num" data-col="balance">
                      <Saldo value={t.balance} label />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </AmountScope>
        <EstimateShare model={current.model} result={result} />
      </section>
      {result.knownChanges && result.knownChanges.length > 0 ? (
        <section aria-labelledby="bekend-h" className="card">
          <h2 id="bekend-h">Bekende ontwikkelingen</h2>
          <p className="meta">
            Aangezet op Rijksmiddelen en preventie; elk een eigen regel, al meegeteld in lasten of Rijksmiddelen
            hierboven (niet in gerealiseerde jaren: de realisatie bevat ze al).
          </p>
          <TableTools label="Bekende ontwikkelingen" />
          <AmountScope>
            <div className="table-scroll">
              <table className="data" data-testid="overview-known-changes">
                <thead>
                  <tr>
                    <th scope="col">Ontwikkeling</th>
                    <th scope="col">Kant</th>
                    <th scope="col">Soort</th>
                    {result.years.map((y) => (
                      <th scope="col" key={y} className="num">
                        {y}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.knownChanges.map((c) => (
                    <tr key={c.id} data-known-change={c.id}>
                      <th scope="row">{c.name}</th>
                      <td>{c.side}</td>
                      <td>{c.kind}</td>
                      {c.years.map((v, k) => (
                        <td key={result.years[k]} className="num" data-year={result.years[k]}>
                          <Euro value={v} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </AmountScope>
        </section>
      ) : null}
      {hasFundingBreakdown(result) ? (
        <section aria-labelledby="opbouw-h" className="card">
          <h2 id="opbouw-h">Opbouw Rijksmiddelen</h2>
          <p className="meta">
            Structureel indexpad, incidentele bijstellingen en elke Rijksmaatregel als eigen regel; samen de
            Rijksmiddelen hierboven.
          </p>
          <FundingBreakdownTable result={result} testId="overview-funding-breakdown" />
        </section>
      ) : null}
    </div>
  );
}
