/** The headline figures of the Overzicht (saldo end year, cumulative, largest segment, growth) and the trend chart's legend: shared by Overzicht and the presentation. */
import { lastRealisedYear } from '../charts/TrendChart';
import { FUNDING_COLOR } from '../charts/palette';
import { stackBands, type StackDetail } from '../charts/stack';
import { Euro, PctChange, Saldo } from './money';
import { headline } from '../lib/derive';
import { formatEuroCompact, formatInteger, formatPct } from '../../shared/locale/numbers';
import type { SimulationResult } from '../../shared/engine/result';
import { explainHeadline, headlineBand, type HeadlineMetric } from '../../shared/analysis/headline';
import { useMonteCarlo, type MonteCarloView } from '../analysis/hooks';

export function Headlines({ result, large }: { result: SimulationResult; large?: boolean }) {
  const h = headline(result);
  // the same scenario's Monte Carlo (store's draws and seed), in the background as Analyse runs it
  const mc = useMonteCarlo(true);
  return (
    <dl className={`headlines ${large ? 'large' : ''}`} data-testid="headlines">
      <div className="headline" data-testid="headline-saldo-end">
        <dt>Saldo {h.endYear}</dt>
        <dd>
          <Saldo value={h.balanceEnd} label />
        </dd>
        <HeadlineBandText mc={mc} metric="endYear" />
      </div>
      <div className="headline" data-testid="headline-saldo-cum">
        <dt>
          Cumulatief saldo {h.baseYear}–{h.endYear}
        </dt>
        <dd>
          <Saldo value={h.cumulativeBalance} label />
        </dd>
        <HeadlineBandText mc={mc} metric="cumulative" />
      </div>
      <div className="headline" data-testid="headline-largest">
        <dt>Grootste segment in {h.endYear}</dt>
        <dd>
          <span className="headline-name">{h.largestSegment.name}</span>{' '}
          <span className="sub">
            {formatEuroCompact(h.largestSegment.cost)} ({formatPct(h.largestSegment.sharePct)} van de lasten)
          </span>
        </dd>
      </div>
      <div className="headline" data-testid="headline-change">
        <dt>
          Lasten {h.endYear} t.o.v. {h.baseYear}
        </dt>
        <dd>
          <PctChange value={h.costChangePct} />{' '}
          <span className="sub">
            <Euro value={h.costBase} compact /> → <Euro value={h.costEnd} compact />
          </span>
        </dd>
      </div>
    </dl>
  );
}

/**
 * P10–P50–P90 of the scenario's Monte Carlo under a headline saldo, "wordt berekend" while it runs, and the
 * explanation when the scenario's figure lies outside P25–P75 (shared/analysis/headline.ts). Nothing when the
 * scenario has no ranges (there is nothing to draw).
 */
function HeadlineBandText({ mc, metric }: { mc: MonteCarloView; metric: HeadlineMetric }) {
  if (!mc.hasRanges) return null;
  const band = mc.result && mc.current ? headlineBand(mc.result, metric) : undefined;
  if (!band || !mc.result) {
    return (
      <dd className="headline-band pending" data-testid={`headline-band-${metric}`} data-status="pending">
        {mc.status === 'error'
          ? `P10–P90: Monte Carlo mislukt (${mc.error ?? 'onbekende fout'})`
          : 'P10–P50–P90 wordt berekend…'}
      </dd>
    );
  }
  const explanation = explainHeadline(band, mc.result.skews);
  return (
    <>
      <dd
        className="headline-band"
        data-testid={`headline-band-${metric}`}
        data-status="done"
        data-p10={band.p10}
        data-p50={band.p50}
        data-p90={band.p90}
        data-seed={mc.result.seed}
        data-draws={mc.result.draws}
        data-position={band.position}
        title={`Monte Carlo: ${formatInteger(mc.result.draws)} trekkingen, seed ${mc.result.seed}`}
      >
        P10 {formatEuroCompact(band.p10)} · P50 {formatEuroCompact(band.p50)} · P90 {formatEuroCompact(band.p90)}
      </dd>
      {explanation ? (
        <dd className="headline-explain" data-testid={`headline-explain-${metric}`}>
          {explanation}
        </dd>
      ) : null}
    </>
  );
}

export function trendLegend(result: SimulationResult, detail: StackDetail = 'groep') {
  const now = lastRealisedYear(result);
  const end = result.years[result.years.length - 1]!;
  return [
    ...stackBands(result, detail).map((b) => ({ label: b.name, color: b.color })),
    { label: 'Rijksmiddelen (baten)', color: FUNDING_COLOR },
    // with realisatie: which years are realised and which are a raming (hatched), for the PNG too
    ...(now !== undefined
      ? [
          {
            label: `realisatie t/m ${now} (vol)${now < end ? `, raming ${now + 1}–${end} (gearceerd)` : ''}; "nu" = ${now}`,
            color: '#333333',
          },
        ]
      : []),
  ];
}
