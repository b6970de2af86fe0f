/**
 * The Monte Carlo band per year: the P10–P90 range as a shaded area, the P50
 * as a line and the scenario's own result as a dashed line, for the saldo or
 * the lasten. The saldo axis always includes 0 (no exaggerated differences).
 */
import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { YearBand } from '../../shared/analysis/montecarlo';
import { formatEuro, formatEuroCompact } from '../../shared/locale/numbers';
import { Sized } from './Sized';
import { zeroTicks } from './ticks';
import { TEKORT_COLOR } from './palette';

export type BandMetric = 'balance' | 'cost';

export const BAND_COLORS = { band: '#8fb3d9', p50: '#0b4f8a', deterministic: '#111111' } as const;

export function bandLegend(metric: BandMetric) {
  const what = metric === 'balance' ? 'saldo' : 'lasten';
  return [
    { label: `P10–P90 ${what} (8 van de 10 uitkomsten)`, color: BAND_COLORS.band },
    { label: `P50 ${what} (mediaan)`, color: BAND_COLORS.p50 },
    { label: `${what} van het scenario zelf`, color: BAND_COLORS.deterministic },
  ];
}

/** Round ticks around the values, not from 0 (lasten: the band would be a sliver), e.g. 85, 90, 95 … mln. */
export function niceTicks(values: readonly number[], target = 5): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const raw = (hi - lo || Math.abs(hi) || 1) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((x) => x >= raw) ?? 10 * mag;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Math.round(t / step) * step);
  return { domain: [start, end], ticks };
}

const legendText = (value: unknown) => <span style={{ color: '#222' }}>{String(value)}</span>;

function tooltipValue(v: unknown): string {
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number')
    return `${formatEuro(v[0])} tot ${formatEuro(v[1])}`;
  return typeof v === 'number' ? formatEuro(v) : String(v);
}

export const BandChart = memo(function BandChart({
  bands,
  metric,
  height = 280,
  large,
  width,
}: {
  bands: readonly YearBand[];
  metric: BandMetric;
  height?: number;
  large?: boolean | undefined;
  width?: number | undefined;
}) {
  const rows = bands.map((b) => {
    const p = metric === 'balance' ? b.balance : b.cost;
    return {
      year: b.year,
      band: [p.p10, p.p90] as [number, number],
      p50: p.p50,
      det: metric === 'balance' ? b.deterministic.balance : b.deterministic.cost,
    };
  });
  const values = rows.flatMap((r) => [r.band[0], r.band[1], r.det]);
  const axis = metric === 'balance' ? zeroTicks(values) : niceTicks(values);
  const font = large ? 18 : 12;
  const what = metric === 'balance' ? 'saldo' : 'lasten';
  return (
    <div
      className="chart"
      data-chart={`band-${metric}`}
      role="img"
      aria-label={`Grafiek: bandbreedte van het ${what} per jaar, P10 tot P90, met de mediaan`}
    >
      <Sized width={width} height={height}>
        <ComposedChart data={rows} margin={{ top: 10, right: 24, bottom: 4, left: 12 }}>
          <CartesianGrid stroke="#ddd" vertical={false} />
          <XAxis dataKey="year" tick={{ fontSize: font }} />
          <YAxis
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={formatEuroCompact}
            width={large ? 120 : 88}
            tick={{ fontSize: font }}
          />
          <Tooltip formatter={tooltipValue} labelFormatter={(l) => `Jaar ${String(l)}`} isAnimationActive={false} />
          <Legend wrapperStyle={{ fontSize: font }} formatter={legendText} />
          {metric === 'balance' ? <ReferenceLine y={0} stroke={TEKORT_COLOR} strokeWidth={1.5} /> : null}
          <Area
            type="linear"
            dataKey="band"
            name={`P10–P90 ${what}`}
            stroke="none"
            fill={BAND_COLORS.band}
            fillOpacity={0.55}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="p50"
            name={`P50 ${what}`}
            stroke={BAND_COLORS.p50}
            strokeWidth={3}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="det"
            name={`${what} scenario`}
            stroke={BAND_COLORS.deterministic}
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </Sized>
    </div>
  );
});
