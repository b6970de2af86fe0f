/**
 * Waterfall from the reference's saldo to the scenario's saldo in one year: a bar for each saldo and a
 * floating bar per category of the mutatieoverzicht. The table next to it is the accessible form.
 */
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatEuro, formatEuroCompact } from '../../shared/locale/numbers';
import { Sized } from './Sized';
import { zeroTicks } from './ticks';

export interface WaterfallStep {
  label: string;
  /** euro; for a 'total' the level itself, for a 'delta' the change */
  value: number;
  kind: 'total' | 'delta';
}

const COLORS = { total: '#0b4f8a', up: '#1b7f3b', down: '#b00020' };

export const WaterfallChart = memo(function WaterfallChart({
  steps,
  height = 320,
  large,
  width,
  label,
}: {
  steps: readonly WaterfallStep[];
  height?: number;
  large?: boolean;
  width?: number;
  label: string;
}) {
  let level = 0;
  const rows = steps.map((s) => {
    if (s.kind === 'total') {
      level = s.value;
      return { label: s.label, range: [Math.min(0, s.value), Math.max(0, s.value)], value: s.value, kind: s.kind };
    }
    const from = level;
    level += s.value;
    return { label: s.label, range: [Math.min(from, level), Math.max(from, level)], value: s.value, kind: s.kind };
  });
  const axis = zeroTicks(rows.flatMap((r) => r.range));
  const font = large ? 16 : 11;
  return (
    <div className="chart" data-chart="waterfall" role="img" aria-label={label}>
      <Sized width={width} height={height}>
        <BarChart data={rows} margin={{ top: 10, right: 24, bottom: 4, left: 12 }}>
          <CartesianGrid stroke="#ddd" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: font }} interval={0} />
          <YAxis
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={formatEuroCompact}
            width={large ? 120 : 88}
            tick={{ fontSize: font }}
          />
          <Tooltip
            formatter={(_v: unknown, _n: unknown, item: { payload?: { value?: number; kind?: string } }) => {
              const p = item.payload;
              const v = p?.value ?? 0;
              return [p?.kind === 'delta' && v > 0 ? `+${formatEuro(v)}` : formatEuro(v), 'saldo'];
            }}
            isAnimationActive={false}
          />
          <ReferenceLine y={0} stroke="#333" />
          <Bar dataKey="range" isAnimationActive={false}>
            {rows.map((r, k) => (
              <Cell key={k} fill={r.kind === 'total' ? COLORS.total : r.value >= 0 ? COLORS.up : COLORS.down} />
            ))}
          </Bar>
        </BarChart>
      </Sized>
    </div>
  );
});
