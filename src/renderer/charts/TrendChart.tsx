/** Lasten per segment (stacked), Rijksmiddelen as a line, and the saldo as bars, per year. */
import { memo, useMemo } from 'react';
import { Sized } from './Sized';
import { SaldoBars } from './SaldoBars';
import { seriesOrder } from './order';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
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
  const now = lastRealisedYear(result);
  const end = result.years[result.years.length - 1]!;
  return (
    <div className="chart" data-chart="trend" role="img" aria-label="Grafiek: lasten per segment en Rijksmiddelen per jaar" data-last-realised={now}>
      <Sized width={width} height={height}>
        <ComposedChart data={rows} margin={{ top: 10, right: 24, bottom: 4, left: 12 }}>
          <RamingHatch />
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
          {now !== undefined && now < end ? <ReferenceArea x1={now} x2={end} fill="url(#raming-hatch)" fillOpacity={1} stroke="none" ifOverflow="hidden" /> : null}
          {now !== undefined ? <ReferenceLine x={now} stroke="#333" strokeWidth={2} label={{ value: 'nu', position: 'insideTopLeft', fontSize: font }} className="now-marker" /> : null}
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
export const SaldoChart = memo(function SaldoChart({ result, height = 200, large, width }: { result: SimulationResult; height?: number; large?: boolean; width?: number }) {
  const points = useMemo(() => result.totals.map((t) => ({ year: t.year, balance: t.balance, kind: t.kind })), [result]);
  const now = lastRealisedYear(result);
  return (
    <div className="chart" data-chart="saldo" role="img" aria-label="Grafiek: saldo per jaar (negatief is tekort)">
      <SaldoBars points={points} height={height} large={large} width={width} />
      {now !== undefined ? <RamingLegend now={now} end={result.years[result.years.length - 1]!} /> : null}
    </div>
  );
});
