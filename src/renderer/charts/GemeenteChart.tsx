/** Saldo per gemeente in one year, horizontal bars (negative = tekort, red). */
import { memo } from 'react';
import { Sized } from './Sized';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { SimulationResult } from '../../shared/engine/result';
import { formatEuro, formatEuroCompact } from '../../shared/locale/numbers';
import { OVERSCHOT_COLOR, TEKORT_COLOR } from './palette';
import { zeroTicks } from './ticks';

export const GemeenteChart = memo(function GemeenteChart({
  result,
  year,
  large,
  width,
}: {
  result: SimulationResult;
  year: number;
  large?: boolean;
  width?: number;
}) {
  const k = Math.max(0, result.years.indexOf(year));
  const rows = result.gemeenten.map((g) => ({ name: g.name, balance: g.years[k]?.balance ?? 0 }));
  const axis = zeroTicks(rows.map((r) => r.balance));
  const font = large ? 18 : 12;
  const height = Math.max(220, rows.length * (large ? 54 : 34) + 40);
  return (
    <div className="chart" data-chart="gemeenten" role="img" aria-label={`Grafiek: saldo per gemeente in ${year}`}>
      <Sized width={width} height={height}>
        <BarChart data={rows} layout="vertical" margin={{ top: 10, right: 30, bottom: 4, left: 12 }}>
          <CartesianGrid stroke="#ddd" horizontal={false} />
          <XAxis
            type="number"
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={formatEuroCompact}
            tick={{ fontSize: font }}
          />
          <YAxis type="category" dataKey="name" width={large ? 200 : 140} tick={{ fontSize: font }} />
          <Tooltip
            formatter={(v: unknown) => (typeof v === 'number' ? formatEuro(v) : String(v))}
            isAnimationActive={false}
          />
          <ReferenceLine x={0} stroke="#333" />
          <Bar dataKey="balance" name={`Saldo ${year}`} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.name} fill={r.balance < 0 ? TEKORT_COLOR : OVERSCHOT_COLOR} />
            ))}
          </Bar>
        </BarChart>
      </Sized>
    </div>
  );
});
