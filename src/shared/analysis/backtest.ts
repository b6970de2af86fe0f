/**
 * "Hoe goed was de raming?" (issue 10, item 6): for a model with at least two
 * realised years, forecast the last realised year R from R−1 with the chosen
 * scenario's assumptions — the model as it was before R was realised — and compare
 * the forecast with what was realised in R, per segment and in total.
 *
 * The forecast is simulate() on the model with its realisatie cut off after R−1
 * (docs/formats.md, "Rekenregels met realisatie": the raming for R starts from the
 * calibration of R−1, the scenario's percentages for R apply). Segments without
 * realised figures (new segments) and the scenario's prevention budget are left
 * out: there is nothing realised to compare them with. Pure.
 */
import type { Model, Realisatie } from '../formats/model';
import type { Scenario } from '../formats/scenario';
import { simulate } from '../engine/simulate';
import { isNewSegment, regionFigure } from '../engine/realisatie';

export interface BacktestLine {
  id: string;
  name: string;
  group?: string;
  /** raming of year R made from R−1 */
  forecast: number;
  /** realised lasten in R */
  realised: number;
  /** forecast − realised: positive = the raming was too high */
  error: number;
  /** error as a percentage of the realised lasten; undefined when nothing was realised */
  errorPct?: number;
}

export interface BacktestResult {
  /** the year forecast and compared: the last realised year R */
  year: number;
  /** the year the forecast starts from: R − 1 */
  fromYear: number;
  scenarioName: string;
  lines: BacktestLine[];
  total: Omit<BacktestLine, 'id' | 'name' | 'group'>;
  /** names of segments left out because they have no realised figures (new segments) */
  skipped: string[];
}

export type BacktestOutcome = { ok: true; value: BacktestResult } | { ok: false; error: string };

function pick<T>(byYear: Readonly<Record<string, T>> | undefined, lastYear: number): Record<string, T> | undefined {
  if (!byYear) return undefined;
  const out: Record<string, T> = {};
  for (const [key, v] of Object.entries(byYear)) if (Number(key) <= lastYear) out[key] = v;
  return out;
}

/** The model as it was before its last realised year: realisatie (region and gemeenten) up to R − 1. */
export function modelBeforeLastYear(model: Model): Model {
  const r = model.realisatie;
  if (!r) return model;
  const last = r.lastYear - 1;
  const segments: Realisatie['segments'] = {};
  for (const [id, byYear] of Object.entries(r.segments)) segments[id] = pick(byYear, last)!;
  const out: Realisatie = { lastYear: last, segments };
  if (r.gemeenten) {
    const gemeenten: NonNullable<Realisatie['gemeenten']> = {};
    for (const [id, g] of Object.entries(r.gemeenten)) {
      const entry: NonNullable<Realisatie['gemeenten']>[string] = {};
      const rijksmiddelen = pick(g.rijksmiddelen, last);
      if (rijksmiddelen) entry.rijksmiddelen = rijksmiddelen;
      if (g.segments) {
        const segs: Record<string, Record<string, (typeof g.segments)[string][string]>> = {};
        for (const [sid, byYear] of Object.entries(g.segments)) segs[sid] = pick(byYear, last)!;
        entry.segments = segs;
      }
      gemeenten[id] = entry;
    }
    out.gemeenten = gemeenten;
  }
  return { ...model, realisatie: out };
}

/** The number of realised years baseYear..R (0 without realisatie). */
export function realisedYearCount(model: Model): number {
  return model.realisatie ? model.realisatie.lastYear - model.baseYear + 1 : 0;
}

function compare(forecast: number, realised: number): Omit<BacktestLine, 'id' | 'name' | 'group'> {
  const error = forecast - realised;
  return { forecast, realised, error, ...(realised !== 0 ? { errorPct: (error / realised) * 100 } : {}) };
}

export function backtest(model: Model, scenario: Scenario): BacktestOutcome {
  const count = realisedYearCount(model);
  if (count < 2) {
    const has = count === 0 ? 'heeft geen realisatie' : `heeft één gerealiseerd jaar (${model.baseYear})`;
    return {
      ok: false,
      error: `het model "${model.name}" ${has}; de backtest raamt het laatste gerealiseerde jaar uit het jaar ervoor en heeft daarom minstens twee gerealiseerde jaren nodig`,
    };
  }
  const R = model.realisatie!.lastYear;
  const result = simulate(modelBeforeLastYear(model), scenario, { perGemeente: false });
  const k = result.years.indexOf(R);
  const lines: BacktestLine[] = [];
  const skipped: string[] = [];
  let forecastTotal = 0;
  let realisedTotal = 0;
  for (const seg of model.segments) {
    if (isNewSegment(model, seg.id)) {
      skipped.push(seg.name);
      continue;
    }
    const line = result.lines.find((l) => l.id === seg.id)!;
    const forecast = line.years[k]!.cost;
    const realised = regionFigure(model, seg.id, R).lasten;
    forecastTotal += forecast;
    realisedTotal += realised;
    lines.push({
      id: seg.id,
      name: seg.name,
      ...(seg.group !== undefined ? { group: seg.group } : {}),
      ...compare(forecast, realised),
    });
  }
  return {
    ok: true,
    value: {
      year: R,
      fromYear: R - 1,
      scenarioName: scenario.name,
      lines,
      total: compare(forecastTotal, realisedTotal),
      skipped,
    },
  };
}
