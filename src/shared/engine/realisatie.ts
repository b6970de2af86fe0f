/**
 * Realised figures in the engine (docs/formats.md, "Rekenregels met realisatie"):
 * which years are realisatie, the calibration of a volume segment from a realised
 * year, the scenario as it applies after the last realised year, and the
 * per-gemeente split of a realised year. Pure; only called when a model has
 * realisatie, except `figureKinds`.
 */
import type { Model, RealisedFigure, VolumeSegment } from '../formats/model';
import type { Scenario } from '../formats/scenario';
import type { FigureKind } from './result';
import { calibrate } from './calibrate';

export interface RealisedView {
  /** the last realised year R and its index in the years */
  lastYear: number;
  lastIndex: number;
  /** per year index: Σ of the gemeenten's Rijksmiddelen when every gemeente has them, else undefined */
  funding: (number | undefined)[];
  /** per year index: each gemeente's Rijksmiddelen (model order) when the year is complete, else undefined */
  fundingByGemeente: (number[] | undefined)[];
}

/** 'realisatie' for years ≤ R, 'raming' after (everything 'raming' without realisatie). */
export function figureKinds(model: Model, years: readonly number[]): FigureKind[] {
  const R = model.realisatie?.lastYear;
  return years.map((y) => (R !== undefined && y <= R ? 'realisatie' : 'raming'));
}

export function realisedView(model: Model, years: readonly number[]): RealisedView | undefined {
  const r = model.realisatie;
  if (!r) return undefined;
  const funding: (number | undefined)[] = new Array(years.length).fill(undefined);
  const fundingByGemeente: (number[] | undefined)[] = new Array(years.length).fill(undefined);
  for (let k = 0; k < years.length; k++) {
    const key = String(years[k]);
    const amounts: number[] = [];
    for (const g of model.gemeenten) {
      const a = r.gemeenten?.[g.id]?.rijksmiddelen?.[key];
      if (!a) break;
      amounts.push(a.amount);
    }
    if (amounts.length !== model.gemeenten.length) continue;
    let sum = 0;
    for (const a of amounts) sum += a;
    funding[k] = sum;
    fundingByGemeente[k] = amounts;
  }
  return { lastYear: r.lastYear, lastIndex: years.indexOf(r.lastYear), funding, fundingByGemeente };
}

/** A segment without any realised figure is new: it did not exist in the realised years. */
export function isNewSegment(model: Model, segmentId: string): boolean {
  const byYear = model.realisatie?.segments[segmentId];
  if (!byYear) return true;
  for (const _ in byYear) return false; // no Object.keys: this runs per line and year
  return true;
}

const NOTHING: RealisedFigure = { clients: 0, lasten: 0, source: 'nieuw segment: geen realisatie' };

/**
 * The region's realised figure of a segment in a year: present for every year ≤ R
 * in a valid model, or nothing (0) for a new segment.
 */
export function regionFigure(model: Model, segmentId: string, year: number): RealisedFigure {
  if (isNewSegment(model, segmentId)) return NOTHING;
  const f = model.realisatie?.segments[segmentId]?.[String(year)];
  if (!f) throw new RangeError(`realisatie van ${segmentId} in ${year} ontbreekt`);
  return f;
}

/** A volume segment in a realised year, calibrated from it (steady state, D = avgDurationMonths). */
export interface RealisedVolumeState {
  clients: number;
  inflow: number;
  /** clients in care on 1 January (= on 31 December, steady state): S = N − I */
  opening: number;
  duration: number;
  clientMonths: number;
  unitsPerClientMonth: number;
  pricePerUnit: number;
}

/**
 * The existing calibration (engine/calibrate) from N = clients, K = lasten and the
 * segment's duration: I = N / (1 + D/12), S = N − I, 12·S client-months. The price
 * per client-month K / (12·S) is split into units × price per unit by the realised
 * volume when given (units = volume / client-months), else by the segment's units.
 * With N = 0 everything is 0 and units and price are the segment's.
 */
export function realisedVolumeState(seg: VolumeSegment, f: RealisedFigure): RealisedVolumeState {
  const duration = seg.avgDurationMonths;
  const n = f.clients ?? 0;
  const segUnits = seg.unitsPerClientMonth ?? 1;
  if (!(n > 0)) {
    return {
      clients: 0,
      inflow: 0,
      opening: 0,
      duration,
      clientMonths: 0,
      unitsPerClientMonth: segUnits,
      pricePerUnit: seg.pricePerUnit,
    };
  }
  const c = calibrate({ clients: n, turnover: f.lasten, durationMonths: duration });
  const units = f.volume !== undefined && f.volume > 0 ? f.volume / c.clientMonths : segUnits;
  return {
    clients: n,
    inflow: c.inflowPerYear,
    opening: c.openingClients,
    duration,
    clientMonths: c.clientMonths,
    unitsPerClientMonth: units,
    pricePerUnit: f.lasten / (c.clientMonths * units),
  };
}

type YearMap = Readonly<Record<string, number>>;

function after(map: YearMap | undefined, lastYear: number): Record<string, number> | undefined {
  if (!map) return undefined;
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(map)) if (Number(key) > lastYear) out[key] = v;
  return out;
}

/**
 * The scenario as it applies to the lasten once years ≤ R are realised: every year
 * key ≤ R dropped from the segment paths, the substitution shares and the
 * prevention budget ("as if R were the base year"). Funding is left as it is: the
 * engine decides per year whether the Rijksmiddelen are realised.
 */
export function scenarioAfter(scenario: Scenario, lastYear: number): Scenario {
  const assumptions: Scenario['assumptions'] = {};
  for (const [id, a] of Object.entries(scenario.assumptions)) {
    const copy = { ...a };
    for (const field of [
      'inflowChangePct',
      'durationChangePct',
      'intensityChangePct',
      'priceIndexPct',
      'amountChangePct',
    ] as const) {
      if (copy[field]) copy[field] = after(copy[field], lastYear);
    }
    assumptions[id] = copy;
  }
  const out: Scenario = {
    ...scenario,
    assumptions,
    substitutions: scenario.substitutions.map((s) => ({ ...s, sharePct: after(s.sharePct, lastYear) ?? {} })),
  };
  if (scenario.prevention)
    out.prevention = { ...scenario.prevention, extraBudget: after(scenario.prevention.extraBudget, lastYear) ?? {} };
  if (scenario.policies)
    out.policies = scenario.policies.map((p) => {
      const effects: typeof p.effects = {};
      for (const [id, e] of Object.entries(p.effects)) {
        const copy = { ...e };
        for (const field of ['inflowChangePct', 'durationChangePct', 'intensityChangePct', 'amountChangePct'] as const)
          if (copy[field]) copy[field] = after(copy[field], lastYear);
        effects[id] = copy;
      }
      return {
        ...p,
        effects,
        substitutions: p.substitutions.map((s) => ({ ...s, sharePct: after(s.sharePct, lastYear) ?? {} })),
      };
    });
  return out;
}

/**
 * The shares of one line in one realised year: gemeenten with their own figure get
 * it; the rest of the region's amount goes to the others by the line's key,
 * rescaled over them (by youth if their key is all 0). When every gemeente has a
 * figure (or the known ones reach the region's amount) the figures are scaled to
 * the region's. Undefined when no gemeente has a figure: the line's key applies.
 * Shares are fractions of the region's amount, summing to 1.
 */
export function realisedShares(
  model: Model,
  segmentId: string,
  year: number,
  regionAmount: number,
  lineKey: readonly number[],
  youth: readonly number[],
): number[] | undefined {
  const byGemeente = model.realisatie?.gemeenten;
  if (!byGemeente || !(regionAmount > 0)) return undefined;
  const key = String(year);
  const n = model.gemeenten.length;
  const known: (number | undefined)[] = new Array(n);
  let sumKnown = 0;
  let count = 0;
  for (let k = 0; k < n; k++) {
    const f = byGemeente[model.gemeenten[k]!.id]?.segments?.[segmentId]?.[key];
    if (f) {
      known[k] = f.lasten;
      sumKnown += f.lasten;
      count++;
    }
  }
  if (count === 0) return undefined;
  const shares = new Array<number>(n).fill(0);
  if (count === n || sumKnown >= regionAmount) {
    if (!(sumKnown > 0)) return undefined;
    for (let k = 0; k < n; k++) shares[k] = (known[k] ?? 0) / sumKnown;
    return shares;
  }
  let w = 0;
  for (let k = 0; k < n; k++) if (known[k] === undefined) w += lineKey[k]!;
  const weights = w > 0 ? lineKey : youth;
  if (!(w > 0)) for (let k = 0; k < n; k++) if (known[k] === undefined) w += youth[k]!;
  // fractions first (each in 0..1): rest × weight could underflow to 0 for tiny amounts and weights
  const restShare = (regionAmount - sumKnown) / regionAmount;
  for (let k = 0; k < n; k++) {
    const kn = known[k];
    shares[k] = kn !== undefined ? kn / regionAmount : (weights[k]! / w) * restShare;
  }
  return shares;
}
