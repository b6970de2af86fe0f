/**
 * Lasten stacked per group of segments (≤ 8 bands; "per segment" on demand), Rijksmiddelen as a line,
 * and the gap between them in the last year drawn and labelled, so a stack from € 0 does not hide it.
 */
import { memo, useMemo } from 'react';
import { Sized } from './Sized';
import { SaldoBars } from './SaldoBars';
import { seriesOrder } from './order';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SimulationResult } from '../../shared/engine/result';
import { formatEuro, formatEuroCompact } from '../../shared/locale/numbers';
import { FUNDING_COLOR, LEGEND_TEXT_COLOR, TEKORT_COLOR, OVERSCHOT_COLOR } from './palette';
import { stackBands, stackRows, type StackDetail } from './stack';

const tooltipFormatter = (v: unknown) => (typeof v === 'number' ? formatEuro(v) : String(v));
const legendText = (value: unknown) => <span style={{ color: LEGEND_TEXT_COLOR }}>{String(value)}</span>;

export const TrendChart = memo(function TrendChart({
  result,
  height = 360,
  large,
  width,
  detail = 'groep',
}: {
  result: SimulationResult;
  height?: number;
  large?: boolean;
  width?: number;
  detail?: StackDetail;
}) {
  const bands = useMemo(() => stackBands(result, detail), [result, detail]);
  const rows = useMemo(() => stackRows(result, bands), [result, bands]);
  const keys = useMemo(() => [...bands.map((b) => b.key), 'funding'], [bands]);
  // recharts sorts legend and tooltip alphabetically by default; ours follow the stack
  const order = useMemo(() => seriesOrder(keys), [keys]);
  const font = large ? 18 : 12;
  const now = lastRealisedYear(result);
  const end = result.years[result.years.length - 1]!;
  const last = result.totals.at(-1);
  const gap = last ? last.funding - last.cost : 0;
  const gapLabel = last ? `${gap < 0 ? 'tekort' : 'overschot'} ${last.year}: ${formatEuroCompact(Math.abs(gap))}` : '';
  return (
    <div
      className="chart"
      data-chart="trend"
      data-detail={detail}
      data-last-realised={now}
      role="img"
      aria-label={`Grafiek: lasten per ${detail === 'groep' ? 'groep van segmenten' : 'segment'} en Rijksmiddelen per jaar${last ? `; ${gapLabel}` : ''}`}
    >
      <Sized width={width} height={height}>
        <ComposedChart data={rows} margin={{ top: 10, right: large ? 250 : 180, bottom: 4, left: 12 }}>
          <RamingHatch />
          <CartesianGrid stroke="#ddd" vertical={false} />
          <XAxis dataKey="year" tick={{ fontSize: font }} />
          <YAxis tickFormatter={formatEuroCompact} width={large ? 120 : 88} tick={{ fontSize: font }} />
          <Tooltip
            formatter={tooltipFormatter}
            labelFormatter={(l) => `Jaar ${String(l)}`}
            itemSorter={order.topFirst}
            contentStyle={{ padding: '4px 8px', fontSize: large ? 16 : 12, lineHeight: 1.25 }}
            itemStyle={{ padding: 0 }}
            isAnimationActive={false}
          />
          <Legend wrapperStyle={{ fontSize: font }} itemSorter={order.stack} formatter={legendText} />
          {bands.map((b) => (
            <Area
              key={b.key}
              type="linear"
              dataKey={b.key}
              name={b.name}
              stackId="lasten"
              stroke={b.color}
              fill={b.color}
              fillOpacity={0.8}
              isAnimationActive={false}
            />
          ))}
          <Line
            type="linear"
            dataKey="funding"
            name="Rijksmiddelen (baten)"
            stroke={FUNDING_COLOR}
            strokeWidth={3}
            strokeDasharray="6 3"
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          {now !== undefined && now < end ? (
            <ReferenceArea
              x1={now}
              x2={end}
              fill="url(#raming-hatch)"
              fillOpacity={1}
              stroke="none"
              ifOverflow="hidden"
            />
          ) : null}
          {now !== undefined ? (
            <ReferenceLine
              x={now}
              stroke="#333"
              strokeWidth={2}
              label={{ value: 'nu', position: 'insideTopLeft', fontSize: font }}
              className="now-marker"
            />
          ) : null}
          {last && gap !== 0 ? (
            <ReferenceLine
              segment={[
                { x: last.year, y: last.funding },
                { x: last.year, y: last.cost },
              ]}
              stroke={gap < 0 ? TEKORT_COLOR : OVERSCHOT_COLOR}
              strokeWidth={large ? 6 : 4}
              ifOverflow="visible"
              label={{
                value: gapLabel,
                position: 'right',
                fill: gap < 0 ? TEKORT_COLOR : OVERSCHOT_COLOR,
                fontSize: font,
                fontWeight: 700,
              }}
            />
          ) : null}
        </ComposedChart>
      </Sized>
      {now !== undefined ? <RamingLegend now={now} end={end} /> : null}
    </div>
  );
});

/** The last year whose lasten are realised; undefined for a model without realisatie. */
export function lastRealisedYear(result: SimulationResult): number | undefined {
  let last: number | undefined;
  for (const t of result.totals) if (t.kind === 'realisatie') last = t.year;
  return last;
}

/** The hatching laid over the raming years (and used for raming bars in SaldoBars' legend). */
function RamingHatch() {
  return (
    <defs>
      <pattern id="raming-hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
        <rect width="8" height="8" fill="#fff" fillOpacity="0.35" />
        <line x1="0" y1="0" x2="0" y2="8" stroke="#fff" strokeWidth="3" strokeOpacity="0.6" />
      </pattern>
    </defs>
  );
}

/** Legend entries for realisatie (solid) vs raming (hatched) and the "nu" marker. */
export function RamingLegend({ now, end }: { now: number; end: number }) {
  return (
    <p className="raming-legend" data-testid="raming-legend">
      <span className="swatch realisatie" aria-hidden="true" /> realisatie t/m {now} (vol)
      {now < end ? (
        <>
          {' '}
          <span className="swatch raming" aria-hidden="true" /> raming {now + 1}–{end} (gearceerd)
        </>
      ) : null}{' '}
      <span className="swatch now" aria-hidden="true" /> nu: laatste gerealiseerde jaar
    </p>
  );
}

/**
 * The saldo per year. Drawn by SaldoBars (plain SVG), not recharts: it is the
 * chart that follows every keystroke in Aannames (see SaldoBars for the numbers).
 */
export const SaldoChart = memo(function SaldoChart({
  result,
  height = 200,
  large,
  width,
}: {
  result: SimulationResult;
  height?: number;
  large?: boolean;
  width?: number;
}) {
  const points = useMemo(
    () => result.totals.map((t) => ({ year: t.year, balance: t.balance, kind: t.kind })),
    [result],
  );
  const now = lastRealisedYear(result);
  return (
    <div className="chart" data-chart="saldo" role="img" aria-label="Grafiek: saldo per jaar (negatief is tekort)">
      <SaldoBars points={points} height={height} large={large} width={width} />
      {now !== undefined ? <RamingLegend now={now} end={result.years[result.years.length - 1]!} /> : null}
    </div>
  );
});
