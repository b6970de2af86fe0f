/** The headline figures of the Overzicht (saldo end year, cumulative, largest segment, growth) and the trend chart's legend: shared by Overzicht and the presentation. */
import { lastRealisedYear } from '../charts/TrendChart';
import { FUNDING_COLOR } from '../charts/palette';
import { stackBands, type StackDetail } from '../charts/stack';
import { Euro, PctChange, Saldo } from './money';
import { headline } from '../lib/derive';
import { formatEuroCompact, formatPct } from '../../shared/locale/numbers';
import type { SimulationResult } from '../../shared/engine/result';

export function Headlines({ result, large }: { result: SimulationResult; large?: boolean }) {
  const h = headline(result);
  return (
    <dl className={`headlines ${large ? 'large' : ''}`} data-testid="headlines">
      <div className="headline" data-testid="headline-saldo-end">
        <dt>Saldo {h.endYear}</dt>
        <dd>
          <Saldo value={h.balanceEnd} label />
        </dd>
      </div>
      <div className="headline" data-testid="headline-saldo-cum">
        <dt>
          Cumulatief saldo {h.baseYear}–{h.endYear}
        </dt>
        <dd>
          <Saldo value={h.cumulativeBalance} label />
        </dd>
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
