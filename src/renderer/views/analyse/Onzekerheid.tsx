/**
 * Analyse → Onzekerheid: the ranges, the Monte Carlo settings (draws and seed,
 * visible and editable), the run's progress, and the P10/P50/P90 per year of
 * lasten and saldo with the chance of a tekort (chart and table).
 */
import type { Model } from '../../../shared/formats/model';
import type { Scenario } from '../../../shared/formats/scenario';
import { makeIssue } from '../../../shared/formats/issues';
import { DEFAULT_DRAWS, MAX_DRAWS } from '../../../shared/analysis/montecarlo';
import { formatInteger } from '../../../shared/locale/numbers';
import { BandChart, bandLegend } from '../../charts/BandChart';
import { ChartFrame } from '../../components/ChartFrame';
import { NumberField } from '../../components/fields';
import { Saldo } from '../../components/money';
import { useMonteCarlo } from '../../analysis/hooks';
import { useAnalysis } from '../../stores/analysis';
import { BandTable } from './BandTable';
import { deficitText, mcCaption } from '../../lib/analysisText';
import { McStatus } from './McStatus';
import { RangesEditor } from './RangesEditor';

function McSettings() {
  const draws = useAnalysis((s) => s.draws);
  const seed = useAnalysis((s) => s.seed);
  const commit = (field: 'draws' | 'seed') => (v: number | undefined) => {
    if (v === undefined) return [makeIssue(field, 'mag niet leeg zijn')];
    const problem = field === 'draws' ? useAnalysis.getState().setDraws(v) : useAnalysis.getState().setSeed(v);
    return problem ? [makeIssue('', problem)] : [];
  };
  return (
    <div className="mc-settings">
      <NumberField
        label="Aantal trekkingen"
        value={draws}
        onCommit={commit('draws')}
        allowEmpty={false}
        decimals={0}
        testId="mc-draws"
        hint={`standaard ${formatInteger(DEFAULT_DRAWS)}, hoogstens ${formatInteger(MAX_DRAWS)}`}
      />
      <NumberField
        label="Seed"
        value={seed}
        onCommit={commit('seed')}
        allowEmpty={false}
        decimals={0}
        testId="mc-seed"
        hint="zelfde seed, zelfde uitkomst"
        className="seed-field"
      />
      <button
        type="button"
        className="secondary"
        onClick={() => useAnalysis.getState().newSeed()}
        data-testid="mc-new-seed"
      >
        Opnieuw met ander seed
      </button>
    </div>
  );
}

export function Onzekerheid({ model, scenario }: { model: Model; scenario: Scenario }) {
  const mc = useMonteCarlo();
  const result = mc.result;
  const last = result?.years.at(-1);
  return (
    <>
      <RangesEditor model={model} scenario={scenario} />
      <section className="card" aria-labelledby="mc-h">
        <h2 id="mc-h">Monte Carlo</h2>
        <p className="hint">
          Elke aanname met een bandbreedte wordt getrokken uit een driehoeksverdeling (laag, meest waarschijnlijk,
          hoog); aannames met dezelfde koppeling (bijv. vng-index) bewegen samen, de rest onafhankelijk. De berekening
          loopt op de achtergrond; u kunt intussen gewoon doorwerken.
        </p>
        <McSettings />
        {mc.hasRanges ? <McStatus mc={mc} /> : <p>Voeg eerst een bandbreedte toe.</p>}
      </section>
      {result && last ? (
        <>
          <dl className={`headlines ${mc.current ? '' : 'stale'}`}>
            <div className="headline" data-testid="mc-deficit-end">
              <dt>Kans op een tekort in {last.year}</dt>
              <dd>{deficitText(last.deficitProbability)}</dd>
            </div>
            <div className="headline">
              <dt>Saldo {last.year}: 8 van de 10 uitkomsten tussen</dt>
              <dd>
                <Saldo value={last.balance.p10} compact /> <span className="sub">en</span>{' '}
                <Saldo value={last.balance.p90} compact />
              </dd>
            </div>
          </dl>
          <ChartFrame
            title={`Bandbreedte van het saldo ${result.years[0]?.year}–${last.year}`}
            legend={bandLegend('balance')}
            testId="mc-balance-frame"
            chart={
              <div className={mc.current ? '' : 'stale'}>
                <BandChart bands={result.years} metric="balance" />
              </div>
            }
            table={<BandTable result={result} caption={mcCaption(result)} />}
          />
          <ChartFrame
            title={`Bandbreedte van de lasten ${result.years[0]?.year}–${last.year}`}
            legend={bandLegend('cost')}
            chart={
              <div className={mc.current ? '' : 'stale'}>
                <BandChart bands={result.years} metric="cost" />
              </div>
            }
            table={<BandTable result={result} caption={mcCaption(result)} />}
          />
          <section className={`card ${mc.current ? '' : 'stale'}`} aria-labelledby="mc-table-h">
            <h2 id="mc-table-h">P10, P50 en P90 per jaar</h2>
            <BandTable result={result} caption={mcCaption(result)} />
          </section>
        </>
      ) : null}
    </>
  );
}
