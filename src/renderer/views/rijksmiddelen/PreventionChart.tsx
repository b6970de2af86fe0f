/**
 * The prevention effect per year in euro: the extra budget (more lasten, up),
 * the lower lasten of each affected segment (down) and the net effect on the
 * saldo as a line. One unit (euro) on one axis, so the bars can be compared.
 */
import { memo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatEuro, formatEuroCompact } from '../../../shared/locale/numbers';
import { Sized } from '../../charts/Sized';
import { zeroTicks } from '../../charts/ticks';
import { FUNDING_COLOR, LEGEND_TEXT_COLOR, TEKORT_COLOR, segmentColor } from '../../charts/palette';
import type { PreventionEffectSummary } from './derive';

const tooltipFormatter = (v: unknown) => (typeof v === 'number' ? formatEuro(v) : String(v));

type Row = { year: number; extra: number; net: number } & Record<`seg:${string}`, number>;

export function preventionRows(effect: PreventionEffectSummary): Row[] {
  return effect.years.map((year, k) => {
    const row: Row = { year, extra: effect.extraCost[k]!, net: effect.balanceWith[k]! - effect.balanceWithout[k]! };
    for (const s of effect.segments) row[`seg:${s.id}`] = s.costDelta[k]!;
    return row;
  });
}

export function preventionLegend(effect: PreventionEffectSummary) {
  return [
    { label: 'Extra transformatiebudget (lasten)', color: TEKORT_COLOR },
    ...effect.segments.map((s, i) => ({ label: `Lasten ${s.name}`, color: segmentColor(i) })),
    { label: 'Netto effect op het saldo', color: FUNDING_COLOR },
  ];
}

export const PreventionChart = memo(function PreventionChart({
  effect,
  height = 260,
}: {
  effect: PreventionEffectSummary;
  height?: number;
}) {
  const rows = preventionRows(effect);
  const values = rows.flatMap((r) => [r.extra, r.net, ...effect.segments.map((s) => r[`seg:${s.id}`] ?? 0)]);
  const axis = zeroTicks(values);
  return (
    <div
      className="chart"
      data-chart="prevention"
      role="img"
      aria-label="Grafiek: extra transformatiebudget, lagere lasten per segment en netto effect op het saldo per jaar"
    >
      <Sized height={height}>
        <ComposedChart data={rows} margin={{ top: 10, right: 24, bottom: 4, left: 12 }}>
          <CartesianGrid stroke="#ddd" vertical={false} />
          <XAxis dataKey="year" tick={{ fontSize: 12 }} />
          <YAxis
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={formatEuroCompact}
            width={88}
            tick={{ fontSize: 12 }}
          />
          <Tooltip formatter={tooltipFormatter} labelFormatter={(l) => `Jaar ${String(l)}`} isAnimationActive={false} />
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            formatter={(v: unknown) => <span style={{ color: LEGEND_TEXT_COLOR }}>{String(v)}</span>}
          />
          <ReferenceLine y={0} stroke="#333" />
          <Bar
            dataKey="extra"
            name="Extra transformatiebudget (lasten)"
            fill={TEKORT_COLOR}
            fillOpacity={0.8}
            isAnimationActive={false}
          />
          {effect.segments.map((s, i) => (
            <Bar
              key={s.id}
              dataKey={`seg:${s.id}`}
              name={`Lasten ${s.name}`}
              fill={segmentColor(i)}
              isAnimationActive={false}
            />
          ))}
          <Line
            type="linear"
            dataKey="net"
            name="Netto effect op het saldo"
            stroke={FUNDING_COLOR}
            strokeWidth={3}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </Sized>
    </div>
  );
});
