/**
 * How much of a year's lasten rests on figures marked as an estimate (`estimate: true`) rather than on a
 * published source: "€ 41 mln van € 96 mln is geschat". Pure; used by the Overzicht and the Excel
 * Toelichting.
 *
 * Per line of the result, in year t (R = realisatie.lastYear):
 * - t ≤ R and the line has realisatie: the realised figure of t. Sourced (not an estimate) → nothing geschat.
 *   An estimate → geschat, except the part the gemeenten' own figures of t give with a source
 *   (`realisatie.gemeenten.<g>.segments.<line>.<t>` without `estimate`), capped at the regional figure.
 * - t > R and the line has realisatie: the raming starts from year R (docs/formats.md), so the share geschat
 *   of year R applies to the amount of t.
 * - otherwise (no realisatie for the line): the line's own `estimate` flag decides: all or nothing.
 * - a line from the scenario (the prevention budget) is the scenario's choice, not a figure of the model:
 *   not geschat.
 */
import type { Model, RealisedFigure } from './model';
import type { FigureKind, SimulationResult } from '../engine/result';
import { formatEuroCompact } from '../locale/numbers';

export interface EstimateLine {
  id: string;
  name: string;
  /** the line's lasten in the year */
  cost: number;
  /** the part of it that rests on an estimate */
  estimated: number;
  /** why, in Dutch: which figure the line rests on */
  basis: string;
}

export interface EstimateSummary {
  year: number;
  kind: FigureKind;
  /** total lasten of the year (the sum of the lines) */
  total: number;
  /** the part of the total that rests on estimates */
  estimated: number;
  lines: EstimateLine[];
}

/** Share geschat of one realised figure: 1 when an estimate, less what the gemeenten give with a source. */
function estimatedFraction(model: Model, lineId: string, year: number, fig: RealisedFigure): number {
  if (!fig.estimate) return 0;
  if (fig.lasten <= 0) return 1;
  let sourced = 0;
  for (const g of Object.values(model.realisatie?.gemeenten ?? {})) {
    const gf = g.segments?.[lineId]?.[String(year)];
    if (gf && !gf.estimate) sourced += gf.lasten;
  }
  return 1 - Math.min(1, sourced / fig.lasten);
}

function describeFraction(fraction: number): string {
  if (fraction <= 0) return 'uit een bron';
  if (fraction >= 1) return 'geschat';
  return `deels geschat (${Math.round(fraction * 100)}%), deels uit een bron`;
}

/** The estimate summary of one year of a result; null when the year is not in the result. */
export function estimateSummary(model: Model, result: SimulationResult, year: number): EstimateSummary | null {
  const k = result.years.indexOf(year);
  if (k < 0) return null;
  const R = model.realisatie?.lastYear;
  const lines: EstimateLine[] = result.lines.map((line) => {
    const cost = line.years[k]!.cost;
    const seg = model.segments.find((s) => s.id === line.id);
    if (!seg) return { id: line.id, name: line.name, cost, estimated: 0, basis: 'uit het scenario' };
    const byYear = model.realisatie?.segments[line.id];
    if (R !== undefined && byYear && Object.keys(byYear).length > 0) {
      const basisYear = Math.min(year, R);
      const fig = byYear[String(basisYear)];
      if (fig) {
        const fraction = estimatedFraction(model, line.id, basisYear, fig);
        const basis =
          year <= R
            ? `realisatie ${year}: ${describeFraction(fraction)}`
            : `raming vanaf realisatie ${R}: ${describeFraction(fraction)}`;
        return { id: line.id, name: line.name, cost, estimated: cost * fraction, basis };
      }
    }
    const estimated = seg.estimate === true;
    return {
      id: line.id,
      name: line.name,
      cost,
      estimated: estimated ? cost : 0,
      basis: estimated ? 'cijfer van het model: schatting' : 'cijfer van het model: uit een bron',
    };
  });
  return {
    year,
    kind: result.totals[k]!.kind,
    total: lines.reduce((t, l) => t + l.cost, 0),
    estimated: lines.reduce((t, l) => t + l.estimated, 0),
    lines,
  };
}

/** The years to report: every realised year and the first raming year (the first year of the result without realisatie). */
export function estimateYears(result: SimulationResult): number[] {
  const realised = result.totals.filter((t) => t.kind === 'realisatie').map((t) => t.year);
  const firstRaming = result.totals.find((t) => t.kind === 'raming')?.year;
  return firstRaming === undefined ? realised : [...realised, firstRaming];
}

/** € 41 mln (whole millions from € 10 mln, one decimal below), € 850 dzd under a million. */
export function formatMillions(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e7) return `€ ${value < 0 ? '-' : ''}${Math.round(abs / 1e6).toLocaleString('nl-NL')} mln`;
  return formatEuroCompact(value);
}

/** "€ 41 mln van € 96 mln is geschat" */
export function estimateSentence(s: Pick<EstimateSummary, 'total' | 'estimated'>): string {
  return `${formatMillions(s.estimated)} van ${formatMillions(s.total)} is geschat`;
}
