/**
 * Analyse → Gevoeligheid: the tornado. Every assumption on its own to its low
 * and high value (its range, or ±10% without one); the effect on the
 * cumulative saldo and on a chosen year's saldo, largest first, as a chart and
 * a table. The top three are what to discuss first.
 */
import { citeSource } from '../../../shared/domain/sources';
import type { Model } from '../../../shared/formats/model';
import type { TornadoBar, TornadoResult } from '../../../shared/analysis/tornado';
import { formatEuro } from '../../../shared/locale/numbers';
import { TORNADO_COLORS, TornadoChart, tornadoDeltas } from '../../charts/TornadoChart';
import { ChartFrame } from '../../components/ChartFrame';
import { SelectField } from '../../components/fields';
import { Saldo } from '../../components/money';
import { useTornado } from '../../analysis/hooks';
import { useAnalysis } from '../../stores/analysis';
import { TOP, boundsText } from '../../lib/analysisText';
import { modelYears } from '../../../shared/years';

/** "Bespreek eerst: A, B en C." */
export function discussFirst(bars: readonly TornadoBar[], n = TOP): string {
  const names = bars.slice(0, n).map((b) => b.parameter.label);
  if (names.length === 0) return '';
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} en ${names.at(-1)!}`;
  return `Bespreek eerst: ${list}.`;
}

export function TornadoTable({ result }: { result: TornadoResult }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Tabel: effect per aanname op het saldo">
      <table className="data tornado-table" data-testid="tornado-table">
        <caption>
          Effect op het saldo ten opzichte van het scenario (cumulatief {result.fromYear}–{result.toYear}:{' '}
          {formatEuro(result.base.cumulativeBalance)}; {result.year}: {formatEuro(result.base.yearBalance)}). Positief =
          beter saldo.
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Aanname</th>
            <th scope="col">Laag / hoog</th>
            <th scope="col">Bandbreedte</th>
            <th scope="col" className="num">
              Cumulatief bij laag
            </th>
            <th scope="col" className="num">
              Cumulatief bij hoog
            </th>
            <th scope="col" className="num">
              Saldo {result.year} bij laag
            </th>
            <th scope="col" className="num">
              Saldo {result.year} bij hoog
            </th>
          </tr>
        </thead>
        <tbody>
          {result.bars.map((b, i) => {
            const cum = tornadoDeltas(b, result.base, 'cumulative');
            const yr = tornadoDeltas(b, result.base, 'year');
            return (
              <tr
                key={b.parameter.key}
                className={i < TOP ? 'top' : undefined}
                data-key={b.parameter.key}
                data-rank={i + 1}
              >
                <td>{i + 1}</td>
                <th scope="row">
                  {b.parameter.label}
                  {b.parameter.rangeSource ? (
                    <span className="abs">bron: {citeSource(b.parameter.rangeSource)}</span>
                  ) : null}
                </th>
                <td className="bounds">{boundsText(b.parameter)}</td>
                <td>
                  {b.parameter.fromRange ? (
                    <span className="badge changed">eigen bandbreedte</span>
                  ) : (
                    <span className="badge">±{result.defaultPct}%</span>
                  )}
                </td>
                <td className="num" data-col="cum-low">
                  <Saldo value={cum.low} />
                </td>
                <td className="num" data-col="cum-high">
                  <Saldo value={cum.high} />
                </td>
                <td className="num">
                  <Saldo value={yr.low} />
                </td>
                <td className="num">
                  <Saldo value={yr.high} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function Gevoeligheid({ model }: { model: Model }) {
  const t = useTornado();
  const sortBy = useAnalysis((s) => s.tornadoSort);
  const years = modelYears(model);
  const result = t.result;
  const own = result?.bars.filter((b) => b.parameter.fromRange).length ?? 0;
  return (
    <>
      <section className="card" aria-labelledby="tornado-h">
        <h2 id="tornado-h">Gevoeligheid: welke aanname doet ertoe?</h2>
        <p className="hint">
          Elke aanname apart naar haar lage en hoge waarde, de rest zoals in het scenario; gekoppelde aannames (zelfde
          koppeling) als één balk, samen. Met een eigen bandbreedte (Onzekerheid) telt die; zonder bandbreedte ±10%: bij
          een basiscijfer het tarief of budget (instroom, duur en intensiteit geven hetzelfde effect), bij een
          jaarpercentage 0,9× en 1,1× de aanname.
        </p>
        <div className="controls-row">
          <SelectField
            label="Jaar"
            value={String(t.year)}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
            onChange={(v) => useAnalysis.getState().setTornadoYear(Number(v))}
            testId="tornado-year"
          />
          <SelectField
            label="Sorteren en tekenen op"
            value={sortBy}
            options={[
              { value: 'cumulative', label: `cumulatief saldo ${model.baseYear}–${model.endYear}` },
              { value: 'year', label: `saldo ${t.year}` },
            ]}
            onChange={(v) => useAnalysis.getState().setTornadoSort(v)}
            testId="tornado-sort"
          />
          <span
            role="status"
            aria-live="polite"
            className="source"
            data-testid="tornado-status"
            data-status={t.status}
            data-current={t.current ? 'true' : 'false'}
          >
            {t.status === 'running' || t.status === 'waiting'
              ? 'Wordt berekend…'
              : t.status === 'error'
                ? `Mislukt: ${t.error}`
                : ''}
          </span>
        </div>
        {result ? (
          <p className="discuss" data-testid="discuss-first">
            <strong>{discussFirst(result.bars)}</strong>{' '}
            <span className="source">
              {own} van de {result.bars.length} balken gebruiken een eigen bandbreedte, de andere ±{result.defaultPct}%.
            </span>
          </p>
        ) : null}
      </section>
      {result ? (
        <ChartFrame
          title={
            sortBy === 'cumulative'
              ? `Effect op het cumulatieve saldo ${result.fromYear}–${result.toYear}`
              : `Effect op het saldo ${result.year}`
          }
          legend={[
            { label: 'Lage waarde', color: TORNADO_COLORS.low },
            { label: 'Hoge waarde', color: TORNADO_COLORS.high },
          ]}
          testId="tornado-frame"
          chart={
            <div className={t.current ? '' : 'stale'}>
              <TornadoChart bars={result.bars} base={result.base} measure={sortBy} />
              <p className="source">
                ★ = bespreek eerst. Balken naar rechts verbeteren het saldo, naar links verslechteren ze het.
                {result.bars.length > 15
                  ? ` De 15 grootste van ${result.bars.length}; de tabel noemt ze allemaal.`
                  : ''}
              </p>
            </div>
          }
          table={<TornadoTable result={result} />}
        />
      ) : null}
      {result ? (
        <section className={`card ${t.current ? '' : 'stale'}`} aria-label="Tabel gevoeligheid">
          <TornadoTable result={result} />
        </section>
      ) : null}
    </>
  );
}
