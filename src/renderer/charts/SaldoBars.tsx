/**
 * The saldo per year as plain SVG bars (negative = tekort, red), with the same
 * look as the recharts charts: round axis ticks through 0, grid, zero line.
 *
 * Why not recharts: this chart redraws on every keystroke in Aannames, and a
 * recharts update (its internal store dispatches, selectors and a second
 * render pass) took 20–30 ms on our 2-core machine — more than a frame. This
 * draws in well under a millisecond. A hover shows the amount (SVG <title>);
 * the numbers are also in the table alternative next to the chart.
 */
import { memo, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { formatEuro, formatEuroCompact } from '../../shared/locale/numbers';
import { OVERSCHOT_COLOR, TEKORT_COLOR } from './palette';
import { zeroTicks } from './ticks';
import type { FigureKind } from '../../shared/engine/result';

export interface SaldoPoint {
  year: number;
  balance: number;
  /** a model with realisatie: realised years solid, ramingen hatched, a "nu" line after the last realised year */
  kind?: FigureKind;
}

interface Props {
  points: readonly SaldoPoint[];
  height: number;
  large?: boolean | undefined;
  /** fixed width (presentation and print); otherwise the container's width */
  width?: number | undefined;
}

/**
 * Every how many years a label fits under the bars: a year is about 2,6 em wide,
 * so on a long horizon (a model may run to 2060) only every 2nd, 5th, … year is
 * labelled instead of labels running into each other. 1 when they all fit.
 */
export function yearLabelStep(years: number, band: number, font: number): number {
  const need = font * 2.6 + 4;
  if (years <= 1 || band >= need) return 1;
  const raw = Math.ceil(need / Math.max(band, 1e-6));
  for (const step of [2, 5, 10, 20, 50]) if (raw <= step) return step;
  return raw;
}

/** The container's width, measured before the first paint and again when it resizes (not on every render). */
function useContainerWidth(fixed: number | undefined): [RefObject<HTMLDivElement | null>, number | undefined] {
  const ref = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<number | undefined>();
  useLayoutEffect(() => {
    if (fixed !== undefined) return;
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      setMeasured((prev) => (prev === w || w <= 0 ? prev : w));
    };
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [fixed]);
  return [ref, fixed ?? measured];
}

export const SaldoBars = memo(function SaldoBars({ points, height, large, width }: Props) {
  const [ref, w] = useContainerWidth(width);
  return (
    <div ref={ref} className="saldo-bars" style={{ height }}>
      {w !== undefined ? <SaldoSvg points={points} height={height} width={w} large={large === true} /> : null}
    </div>
  );
});

function SaldoSvg({
  points,
  height,
  width,
  large,
}: {
  points: readonly SaldoPoint[];
  height: number;
  width: number;
  large: boolean;
}) {
  const font = large ? 18 : 12;
  const margin = { top: 10, right: 24, bottom: font + 12, left: 12 + (large ? 120 : 88) };
  const plotW = Math.max(1, width - margin.left - margin.right);
  const plotH = Math.max(1, height - margin.top - margin.bottom);
  const axis = zeroTicks(points.map((p) => p.balance));
  const [lo, hi] = axis.domain;
  const y = (v: number) => margin.top + ((hi - v) / (hi - lo || 1)) * plotH;
  const band = plotW / Math.max(1, points.length);
  // recharts' default: 10% of each category is gap on either side
  const barW = band * 0.8;
  const zero = y(0);
  const step = yearLabelStep(points.length, band, font);
  // index of the last realised year; -1 without realisatie (then nothing below changes)
  let nowIndex = -1;
  for (let i = 0; i < points.length; i++) if (points[i]!.kind === 'realisatie') nowIndex = i;
  return (
    <svg
      className="saldo-svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="presentation"
      fontSize={font}
      fontFamily="inherit"
    >
      {nowIndex >= 0 ? (
        <defs>
          {[TEKORT_COLOR, OVERSCHOT_COLOR].map((c, n) => (
            <pattern
              key={c}
              id={`saldo-hatch-${n}`}
              patternUnits="userSpaceOnUse"
              width="6"
              height="6"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill={c} fillOpacity="0.3" />
              <line x1="0" y1="0" x2="0" y2="6" stroke={c} strokeWidth="3" />
            </pattern>
          ))}
        </defs>
      ) : null}
      <g className="saldo-grid" stroke="#ddd">
        {axis.ticks.map((t) => (
          <line key={t} x1={margin.left} x2={margin.left + plotW} y1={y(t)} y2={y(t)} />
        ))}
      </g>
      <g className="saldo-y-axis" fill="#666" textAnchor="end">
        <line x1={margin.left} x2={margin.left} y1={margin.top} y2={margin.top + plotH} stroke="#666" />
        {axis.ticks.map((t) => (
          <text key={t} x={margin.left - 8} y={y(t)} dy="0.355em">
            {formatEuroCompact(t)}
          </text>
        ))}
      </g>
      <g className="saldo-x-axis" fill="#666" textAnchor="middle">
        <line x1={margin.left} x2={margin.left + plotW} y1={margin.top + plotH} y2={margin.top + plotH} stroke="#666" />
        {points.map((p, i) =>
          step === 1 || p.year % step === 0 ? (
            <text key={p.year} x={margin.left + band * (i + 0.5)} y={margin.top + plotH + font + 4}>
              {p.year}
            </text>
          ) : null,
        )}
      </g>
      <g className="saldo-bars-layer">
        {points.map((p, i) => {
          const top = Math.min(zero, y(p.balance));
          const h = Math.abs(y(p.balance) - zero);
          const tekort = p.balance < 0;
          const raming = nowIndex >= 0 && p.kind !== 'realisatie';
          const color = tekort ? TEKORT_COLOR : OVERSCHOT_COLOR;
          return (
            <rect
              key={p.year}
              className="saldo-bar"
              data-year={p.year}
              x={margin.left + band * i + (band - barW) / 2}
              y={top}
              width={barW}
              height={h}
              fill={raming ? `url(#saldo-hatch-${tekort ? 0 : 1})` : color}
              stroke={raming ? color : undefined}
              data-kind={p.kind}
            >
              <title>{`${p.year}: saldo ${formatEuro(p.balance)}${tekort ? ' (tekort)' : Math.round(p.balance) > 0 ? ' (overschot)' : ''}${nowIndex >= 0 ? (raming ? ', raming' : ', realisatie') : ''}`}</title>
            </rect>
          );
        })}
      </g>
      <line className="saldo-zero" x1={margin.left} x2={margin.left + plotW} y1={zero} y2={zero} stroke="#333" />
      {nowIndex >= 0 ? (
        <g className="now-marker">
          <line
            x1={margin.left + band * (nowIndex + 1)}
            x2={margin.left + band * (nowIndex + 1)}
            y1={margin.top}
            y2={margin.top + plotH}
            stroke="#333"
            strokeWidth={2}
            strokeDasharray="4 3"
          />
          <text x={margin.left + band * (nowIndex + 1) + 4} y={margin.top + font} fill="#333">
            nu
          </text>
        </g>
      ) : null}
    </svg>
  );
}
