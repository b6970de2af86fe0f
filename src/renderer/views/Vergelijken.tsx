/**
 * Vergelijken: 2–4 scenarios side by side — saldo per year, the difference to a
 * chosen reference, and per segment where that difference comes from.
 */
import { useEffect, useId } from 'react';
import { CompareChart, type CompareSeries } from '../charts/CompareChart';
import { segmentColor } from '../charts/palette';
import { ChartFrame } from '../components/ChartFrame';
import { AmountScope, CostDelta, Saldo, Euro } from '../components/money';
import { YearHeadRow } from '../components/tables';
import { useResults } from '../hooks';
import { segmentDifferences } from '../lib/derive';
import { useData } from '../stores/data';
import { useUi } from '../stores/ui';
import { TableTools } from '../components/TableTools';
import { MAX_COMPARE, useCompareSelection, CompareTable } from '../components/CompareTable';
import { MutatiesPanel } from '../components/Mutaties';

export function Vergelijken() {
  const scenarios = useData((s) => s.scenarios);
  const { ids, referenceId } = useCompareSelection();
  const setCompare = useUi((s) => s.setCompare);
  const refSelectId = useId();

  useEffect(() => {
    void useData.getState().ensureLoaded(ids);
  }, [ids]);

  const series = useResults(ids);
  const ref = series.find((s) => s.id === referenceId);

  function toggle(id: number, on: boolean) {
    const next = on ? [...ids, id] : ids.filter((x) => x !== id);
    if (next.length > MAX_COMPARE) return;
    setCompare(next, referenceId);
  }

  return (
    <div className="view vergelijken">
      <header className="view-head">
        <h1>Vergelijken</h1>
        <p className="lead">
          Kies 2 tot 4 scenario's en een referentie. Een negatief verschil in saldo betekent: slechter dan de
          referentie.
        </p>
      </header>
      <section className="card" aria-labelledby="choose-h">
        <h2 id="choose-h">Scenario's</h2>
        <fieldset>
          <legend>Vergelijk (max. {MAX_COMPARE})</legend>
          <div className="pill-list">
            {scenarios.map((s) => {
              const on = ids.includes(s.id);
              return (
                <label key={s.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && ids.length >= MAX_COMPARE}
                    onChange={(e) => toggle(s.id, e.target.checked)}
                    data-testid={`cmp-${s.name}`}
                  />
                  {s.name}
                </label>
              );
            })}
          </div>
        </fieldset>
        <div className="field inline">
          <label htmlFor={refSelectId}>Referentie</label>
          <select
            id={refSelectId}
            value={referenceId ?? ''}
            onChange={(e) => setCompare(ids, Number(e.target.value))}
            data-testid="cmp-reference"
          >
            {series.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        {ids.length < 2 ? <p role="status">Kies minstens twee scenario's om te vergelijken.</p> : null}
      </section>
      {series.length >= 1 ? (
        <ChartFrame
          title="Saldo per jaar per scenario"
          legend={series.map((s, i) => ({ label: s.name, color: segmentColor(i) }))}
          chart={<CompareChart series={series} />}
          table={<CompareTable series={series} referenceId={referenceId} />}
        />
      ) : null}
      {series.length >= 1 ? (
        <section className="card" aria-labelledby="cmp-num-h">
          <h2 id="cmp-num-h">Saldo en verschil per jaar</h2>
          <TableTools label="Saldo en verschil per jaar" />
          <AmountScope>
            <CompareTable series={series} referenceId={referenceId} />
          </AmountScope>
        </section>
      ) : null}
      {ref
        ? series.filter((s) => s.id !== ref.id).map((s) => <Breakdown key={s.id} reference={ref} other={s} />)
        : null}
      <MutatiesPanel />
    </div>
  );
}

function Breakdown({ reference, other }: { reference: CompareSeries; other: CompareSeries }) {
  const d = segmentDifferences(reference.result, other.result);
  const years = reference.result.years;
  const nonZero = d.segments.filter((s) => s.byYear.some((v) => Math.abs(v) >= 0.5));
  return (
    <section
      className="card"
      aria-label={`Waar het verschil vandaan komt: ${other.name}`}
      data-testid={`breakdown-${other.name}`}
    >
      <h2>
        Waar komt het verschil vandaan? {other.name} t.o.v. {reference.name}
      </h2>
      <p className="meta">Meer lasten (rood, +) verlagen het saldo; meer Rijksmiddelen verhogen het.</p>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <YearHeadRow label="Segment" years={years}>
              <th scope="col" className="num">
                Totaal
              </th>
            </YearHeadRow>
          </thead>
          <tbody>
            {nonZero.length === 0 ? (
              <tr>
                <td colSpan={years.length + 2}>Geen verschil in lasten per segment.</td>
              </tr>
            ) : null}
            {nonZero.map((s) => (
              <tr key={s.id} data-segment={s.id}>
                <th scope="row">Lasten {s.name}</th>
                {s.byYear.map((v, k) => (
                  <td key={k} className="num">
                    <CostDelta value={v} />
                  </td>
                ))}
                <td className="num">
                  <CostDelta value={s.total} />
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">Rijksmiddelen</th>
              {d.funding.map((v, k) => (
                <td key={k} className="num">
                  <Euro value={v} />
                </td>
              ))}
              <td className="num">
                <Euro value={d.funding.reduce((a, b) => a + b, 0)} />
              </td>
            </tr>
            <tr className="total">
              <th scope="row">Verschil in saldo</th>
              {d.balance.map((v, k) => (
                <td key={k} className="num">
                  <Saldo value={v} />
                </td>
              ))}
              <td className="num">
                <Saldo value={d.balance.reduce((a, b) => a + b, 0)} />
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
