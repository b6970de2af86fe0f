/**
 * Presentation slide "Hoe zeker is dit?": the band of the saldo, the chance of
 * a tekort in the last year as one big number, the three assumptions that
 * matter most (tornado), and the seed and number of draws in small print.
 */
import { useRef } from 'react';
import type { Model } from '../../shared/formats/model';
import { BandChart, bandLegend } from '../charts/BandChart';
import { saveChartAsPng } from '../lib/png';
import { useMonteCarlo, useTornado } from '../analysis/hooks';
import { useUi } from '../stores/ui';
import { Saldo } from './money';
import { deficitText, mcCaption, TOP, boundsText } from '../lib/analysisText';

export function HoeZekerSlide({ model, width }: { model: Model; width: number }) {
  const mc = useMonteCarlo();
  const t = useTornado();
  const ref = useRef<HTMLDivElement>(null);
  const result = mc.result;
  const last = result?.years.at(-1);
  const title = `Hoe zeker is dit? Saldo ${model.baseYear}–${model.endYear}`;
  return (
    <>
      <div className="chart-head">
        <h1>Hoe zeker is dit?</h1>
        <button
          type="button"
          className="secondary small no-print"
          onClick={() => {
            if (ref.current)
              void saveChartAsPng(ref.current, title, bandLegend('balance')).catch((e: unknown) =>
                useUi.getState().notify({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
              );
          }}
        >
          Grafiek opslaan als PNG
        </button>
      </div>
      {!result || !last ? (
        <p aria-live="polite">De bandbreedte wordt berekend…</p>
      ) : (
        <div className="hoe-zeker">
          <div className="hoe-zeker-main">
            <p className="big-number" data-testid="slide-deficit">
              {deficitText(last.deficitProbability)}
            </p>
            <p className="sub">kans op een tekort in {last.year}</p>
            <p className="sub" data-testid="slide-range">
              Saldo {last.year}: 8 van de 10 uitkomsten tussen <Saldo value={last.balance.p10} compact /> en{' '}
              <Saldo value={last.balance.p90} compact />.
            </p>
            <h2>Bespreek eerst</h2>
            {t.result ? (
              <ol className="top-three" data-testid="slide-top-three" data-current={t.current ? 'true' : 'false'}>
                {t.result.bars.slice(0, TOP).map((b) => (
                  <li key={b.parameter.key}>
                    {b.parameter.label}
                    <span className="sub">
                      {' '}
                      ({b.parameter.fromRange ? `bandbreedte ${boundsText(b.parameter)}` : `±${t.result!.defaultPct}%`})
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="sub">wordt berekend…</p>
            )}
          </div>
          <div ref={ref} className="hoe-zeker-chart">
            <BandChart bands={result.years} metric="balance" large width={Math.round(width * 0.64)} height={540} />
          </div>
        </div>
      )}
      {result ? (
        <p className="fine-print" data-testid="slide-mc-caption">
          {mcCaption(result)}
        </p>
      ) : null}
    </>
  );
}
