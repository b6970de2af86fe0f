/**
 * Overzicht: the uncertainty of the saldo and the lasten (P10–P90 per year) when
 * the scenario has ranges, behind the toggle "Toon onzekerheid"; the caption
 * names the seed and the number of draws.
 */
import { useId } from 'react';
import { BandChart, bandLegend } from '../../charts/BandChart';
import { ChartFrame } from '../../components/ChartFrame';
import { useMonteCarlo } from '../../analysis/hooks';
import { useAnalysis } from '../../stores/analysis';
import { BandTable } from './BandTable';
import { mcCaption } from '../../lib/analysisText';
import { McStatus } from './McStatus';

export function OverzichtBand() {
  const show = useAnalysis((s) => s.showBand);
  const mc = useMonteCarlo(show);
  const id = useId();
  if (!mc.hasRanges) return null;
  const result = mc.result;
  return (
    <section className="card overzicht-band" aria-label="Onzekerheid" data-testid="overzicht-band">
      <div className="band-head">
        <label className="checkbox" htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={show}
            onChange={(e) => useAnalysis.getState().setShowBand(e.target.checked)}
            data-testid="toggle-band"
          />
          Toon onzekerheid (bandbreedte P10–P90)
        </label>
        {show ? <McStatus mc={mc} /> : null}
      </div>
      {show && result ? (
        <ChartFrame
          title={`Onzekerheid: saldo en lasten per jaar ${result.years[0]?.year}–${result.years.at(-1)?.year}`}
          legend={bandLegend('balance')}
          level={3}
          testId="band-frame"
          chart={
            <>
              <div className={`grid-2 ${mc.current ? '' : 'stale'}`}>
                <div>
                  <h4>Saldo</h4>
                  <BandChart bands={result.years} metric="balance" height={240} />
                </div>
                <div>
                  <h4>Lasten</h4>
                  <BandChart bands={result.years} metric="cost" height={240} />
                </div>
              </div>
              <p className="source band-caption" data-testid="band-caption">
                {mcCaption(result)}
              </p>
            </>
          }
          table={<BandTable result={result} caption={mcCaption(result)} />}
        />
      ) : null}
    </section>
  );
}
