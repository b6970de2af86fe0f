/** Lasten per segment (stacked), Rijksmiddelen as a line, and the saldo as bars, per year. */
import { memo, useMemo } from 'react';
import { Sized } from './Sized';
import { SaldoBars } from './SaldoBars';
import { seriesOrder } from './order';
import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { SimulationResult } from '../../shared/engine/result';
import { formatEuro, formatEuroCompact } from '../../shared/locale/numbers';
import { chartRows } from '../lib/derive';
import { FUNDING_COLOR, segmentColor } from './palette';

const tooltipFormatter = (v: unknown) => (typeof v === 'number' ? formatEuro(v) : String(v));

export const TrendChart = memo(function TrendChart({ result, height = 360, large, width }: { result: SimulationResult; height?: number; large?: boolean; width?: number }) {
  const rows = useMemo(() => chartRows(result), [result]);
  const keys = useMemo(() => [...result.lines.map((l) => `seg:${l.id}`), 'funding'], [result]);
  // recharts sorts legend and tooltip alphabetically by default; ours follow the stack
  const order = useMemo(() => seriesOrder(keys), [keys]);
  const font = large ? 18 : 12;
  return (
    <div className="chart" data-chart="trend" role="img" aria-label="Grafiek: lasten per segment en Rijksmiddelen per jaar">
      <Sized width={width} height={height}>
        <ComposedChart data={rows} margin={{ top: 10, right: 24, bottom: 4, left: 12 }}>
          <CartesianGrid stroke="#ddd" vertical={false} />
          <XAxis dataKey="year" tick={{ fontSize: font }} />
          <YAxis tickFormatter={formatEuroCompact} width={large ? 120 : 88} tick={{ fontSize: font }} />
          <Tooltip
            formatter={tooltipFormatter}
            labelFormatter={(l) => `Jaar ${String(l)}`}
            itemSorter={order.topFirst}
            // one line per segment: compact, so 17 segments and the Rijksmiddelen fit beside the chart
            contentStyle={{ padding: '4px 8px', fontSize: large ? 16 : 12, lineHeight: 1.25 }}
            itemStyle={{ padding: 0 }}
            isAnimationActive={false}
          />
          <Legend wrapperStyle={{ fontSize: font }} itemSorter={order.stack} />
          {result.lines.map((line, i) => (
            <Area
              key={line.id}
              type="linear"
              dataKey={`seg:${line.id}`}
              name={line.name}
              stackId="lasten"
              stroke={segmentColor(i)}
              fill={segmentColor(i)}
              fillOpacity={0.75}
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
