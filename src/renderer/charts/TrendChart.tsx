/** Lasten per segment (stacked), Rijksmiddelen as a line, and the saldo as bars, per year. */
import { memo } from 'react';
import { Sized } from './Sized';
import { zeroTicks } from './ticks';
import {
  Area, Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { SimulationResult } from '../../shared/engine/result';
import { formatEuro, formatEuroCompact } from '../../shared/format/numbers';
import { chartRows } from '../lib/derive';
import { FUNDING_COLOR, OVERSCHOT_COLOR, TEKORT_COLOR, segmentColor } from './palette';

const tooltipFormatter = (v: unknown) => (typeof v === 'number' ? formatEuro(v) : String(v));

export const TrendChart = memo(function TrendChart({ result, height = 360, large, width }: { result: SimulationResult; height?: number; large?: boolean; width?: number }) {
  const rows = chartRows(result);
  const font = large ? 18 : 12;
  return (
    <div className="chart" data-chart="trend" role="img" aria-label="Grafiek: lasten per segment en Rijksmiddelen per jaar">
      <Sized width={width} height={height}>
        <ComposedChart data={rows} margin={{ top: 10, right: 24, bottom: 4, left: 12 }}>
          <CartesianGrid stroke="#ddd" vertical={false} />
          <XAxis dataKey="year" tick={{ fontSize: font }} />
          <YAxis tickFormatter={formatEuroCompact} width={large ? 120 : 88} tick={{ fontSize: font }} />
          <Tooltip formatter={tooltipFormatter} labelFormatter={(l) => `Jaar ${String(l)}`} isAnimationActive={false} />
          <Legend wrapperStyle={{ fontSize: font }} />
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

export const SaldoChart = memo(function SaldoChart({ result, height = 200, large, width }: { result: SimulationResult; height?: number; large?: boolean; width?: number }) {
  const rows = result.totals.map((t) => ({ year: t.year, balance: t.balance }));
  // the saldo axis always includes 0, so bars are measured from zero (no exaggerated differences)
  const axis = zeroTicks(rows.map((r) => r.balance));
  const font = large ? 18 : 12;
  return (
    <div className="chart" data-chart="saldo" role="img" aria-label="Grafiek: saldo per jaar (negatief is tekort)">
      <Sized width={width} height={height}>
        <ComposedChart data={rows} margin={{ top: 10, right: 24, bottom: 4, left: 12 }}>
          <CartesianGrid stroke="#ddd" vertical={false} />
          <XAxis dataKey="year" tick={{ fontSize: font }} />
          <YAxis domain={axis.domain} ticks={axis.ticks} tickFormatter={formatEuroCompact} width={large ? 120 : 88} tick={{ fontSize: font }} />
          <Tooltip formatter={tooltipFormatter} labelFormatter={(l) => `Jaar ${String(l)}`} isAnimationActive={false} />
          <ReferenceLine y={0} stroke="#333" />
          <Bar dataKey="balance" name="Saldo (baten − lasten)" isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.year} fill={r.balance < 0 ? TEKORT_COLOR : OVERSCHOT_COLOR} />
            ))}
          </Bar>
        </ComposedChart>
      </Sized>
    </div>
  );
});
