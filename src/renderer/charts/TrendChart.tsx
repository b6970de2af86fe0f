/**
 * Lasten stacked per group of segments (≤ 8 bands; "per segment" on demand), Rijksmiddelen as a line,
 * and the gap between them in the last year drawn and labelled, so a stack from € 0 does not hide it.
 */
import { memo, useMemo } from 'react';
import { Sized } from './Sized';
import { SaldoBars } from './SaldoBars';
import { seriesOrder } from './order';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
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
  const last = result.totals.at(-1);
  const gap = last ? last.funding - last.cost : 0;
  const gapLabel = last ? `${gap < 0 ? 'tekort' : 'overschot'} ${last.year}: ${formatEuroCompact(Math.abs(gap))}` : '';
  return (
    <div className="chart" data-chart="trend" data-detail={detail} role="img" aria-label={`Grafiek: lasten per ${detail === 'groep' ? 'groep van segmenten' : 'segment'} en Rijksmiddelen per jaar${last ? `; ${gapLabel}` : ''}`}>
      <Sized width={width} height={height}>
        <ComposedChart data={rows} margin={{ top: 10, right: large ? 250 : 180, bottom: 4, left: 12 }}>
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
            <Area key={b.key} type="linear" dataKey={b.key} name={b.name} stackId="lasten" stroke={b.color} fill={b.color} fillOpacity={0.8} isAnimationActive={false} />
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
          {last && gap !== 0 ? (
            <ReferenceLine
              segment={[
                { x: last.year, y: last.funding },
                { x: last.year, y: last.cost },
              ]}
              stroke={gap < 0 ? TEKORT_COLOR : OVERSCHOT_COLOR}
              strokeWidth={large ? 6 : 4}
              ifOverflow="visible"
              label={{ value: gapLabel, position: 'right', fill: gap < 0 ? TEKORT_COLOR : OVERSCHOT_COLOR, fontSize: font, fontWeight: 700 }}
            />
          ) : null}
        </ComposedChart>
      </Sized>
    </div>
  );
});

/**
 * The saldo per year. Drawn by SaldoBars (plain SVG), not recharts: it is the
 * chart that follows every keystroke in Aannames (see SaldoBars for the numbers).
 */
export const SaldoChart = memo(function SaldoChart({ result, height = 200, large, width }: { result: SimulationResult; height?: number; large?: boolean; width?: number }) {
  const points = useMemo(() => result.totals.map((t) => ({ year: t.year, balance: t.balance })), [result]);
  return (
    <div className="chart" data-chart="saldo" role="img" aria-label="Grafiek: saldo per jaar (negatief is tekort)">
      <SaldoBars points={points} height={height} large={large} width={width} />
    </div>
  );
});
