/**
 * Tornado: per assumption a horizontal bar from the effect of its low value to
 * the effect of its high value on the saldo (relative to the scenario's own
 * saldo), largest first. Two colours say which end is which; the top three
 * (what to discuss first) carry a marker in their label.
 */
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TornadoBar } from '../../shared/analysis/tornado';
import { formatEuro, formatEuroCompact } from '../../shared/locale/numbers';
import { Sized } from './Sized';

export const TORNADO_COLORS = { low: '#0072B2', high: '#E69F00' } as const;

export type TornadoMeasure = 'cumulative' | 'year';

export function tornadoDeltas(
  bar: TornadoBar,
  base: { cumulativeBalance: number; yearBalance: number },
  measure: TornadoMeasure,
): { low: number; high: number } {
  return measure === 'cumulative'
    ? {
        low: bar.low.cumulativeBalance - base.cumulativeBalance,
        high: bar.high.cumulativeBalance - base.cumulativeBalance,
      }
    : { low: bar.low.yearBalance - base.yearBalance, high: bar.high.yearBalance - base.yearBalance };
}

/** A floating bar from 0 to the effect. */
const span = (d: number): [number, number] => (d < 0 ? [d, 0] : [0, d]);

function shorten(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export const TornadoChart = memo(function TornadoChart({
  bars,
  base,
  measure,
  top = 3,
  limit = 15,
  large,
  width,
}: {
  bars: readonly TornadoBar[];
  base: { cumulativeBalance: number; yearBalance: number };
  measure: TornadoMeasure;
  top?: number;
  /** bars drawn (the largest); the table lists all */
  limit?: number;
  large?: boolean | undefined;
  width?: number | undefined;
}) {
  const rows = bars.slice(0, limit).map((b, i) => {
    const d = tornadoDeltas(b, base, measure);
    const label = b.parameter.label.replace(/ \(±(\d+)% van de aanname\)/, ' ±$1%');
    return {
      name: `${i < top ? '★ ' : ''}${shorten(label, large ? 60 : 56)}`,
      low: span(d.low),
      high: span(d.high),
      lowValue: d.low,
      highValue: d.high,
    };
  });
  const font = large ? 17 : 12;
  const barSize = large ? 22 : 14;
  const height = Math.max(160, rows.length * (barSize + 10) + 70);
  return (
    <div
      className="chart"
      data-chart="tornado"
      role="img"
      aria-label="Grafiek: effect van elke aanname op het saldo, van groot naar klein"
    >
      <Sized width={width} height={height}>
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: 8, right: 28, bottom: 4, left: 8 }}
          barSize={barSize}
          barGap={-barSize}
        >
          <CartesianGrid stroke="#ddd" horizontal={false} />
          <XAxis type="number" tickFormatter={formatEuroCompact} tick={{ fontSize: font }} domain={['auto', 'auto']} />
          <YAxis type="category" dataKey="name" width={large ? 480 : 380} tick={{ fontSize: font }} interval={0} />
          <Tooltip
            isAnimationActive={false}
            formatter={(_v, name, item) => {
              const p = item.payload as { lowValue: number; highValue: number };
              return [formatEuro(name === 'Lage waarde' ? p.lowValue : p.highValue), name];
            }}
          />
          <Legend
            wrapperStyle={{ fontSize: font }}
            formatter={(v: unknown) => <span style={{ color: '#222' }}>{String(v)}</span>}
          />
          <ReferenceLine x={0} stroke="#333" />
          <Bar dataKey="low" name="Lage waarde" fill={TORNADO_COLORS.low} isAnimationActive={false} />
          <Bar dataKey="high" name="Hoge waarde" fill={TORNADO_COLORS.high} isAnimationActive={false} />
        </BarChart>
      </Sized>
    </div>
  );
});
