/** Saldo per year of 2–4 scenarios side by side. */
import { memo } from 'react';
import { Sized } from './Sized';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { SimulationResult } from '../../shared/engine/result';
import { formatEuro, formatEuroCompact } from '../../shared/locale/numbers';
import { LEGEND_TEXT_COLOR, segmentColor } from './palette';
import { zeroTicks } from './ticks';
import { seriesOrder } from './order';

export interface CompareSeries {
  id: number;
  name: string;
  result: SimulationResult;
}

export const CompareChart = memo(function CompareChart({
  series,
  height = 320,
  large,
  width,
}: {
  series: readonly CompareSeries[];
  height?: number;
  large?: boolean;
  width?: number;
}) {
  const first = series[0];
  if (!first) return null;
  const rows = first.result.years.map((year, k) => {
    const row: Record<string, number> = { year };
    for (const s of series) row[`s${s.id}`] = s.result.totals[k]?.balance ?? 0;
    return row;
  });
  const axis = zeroTicks(series.flatMap((s) => s.result.totals.map((t) => t.balance)));
  // in the order the scenarios were chosen (the bars' order), not alphabetically as recharts would
  const order = seriesOrder(series.map((s) => `s${s.id}`));
  const font = large ? 18 : 12;
  return (
    <div className="chart" data-chart="compare" role="img" aria-label="Grafiek: saldo per jaar per scenario">
      <Sized width={width} height={height}>
        <BarChart data={rows} margin={{ top: 10, right: 24, bottom: 4, left: 12 }}>
          <CartesianGrid stroke="#ddd" vertical={false} />
          <XAxis dataKey="year" tick={{ fontSize: font }} />
          <YAxis
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={formatEuroCompact}
            width={large ? 120 : 88}
            tick={{ fontSize: font }}
          />
          <Tooltip
            formatter={(v: unknown) => (typeof v === 'number' ? formatEuro(v) : String(v))}
            itemSorter={order.stack}
            isAnimationActive={false}
          />
          <Legend
            wrapperStyle={{ fontSize: font }}
            itemSorter={order.stack}
            formatter={(v: unknown) => <span style={{ color: LEGEND_TEXT_COLOR }}>{String(v)}</span>}
          />
          <ReferenceLine y={0} stroke="#333" />
          {series.map((s, i) => (
            <Bar key={s.id} dataKey={`s${s.id}`} name={s.name} fill={segmentColor(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </Sized>
    </div>
  );
});
