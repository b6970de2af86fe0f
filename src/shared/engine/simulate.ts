import type { Model, VolumeSegment } from '../formats/model';
import type { Scenario } from '../formats/scenario';
import type {
  BudgetLineResult,
  FigureKind,
  FundingMeasureResult,
  GemeenteResult,
  KnownChangeResult,
  LineResult,
  SimulationResult,
  TotalYear,
  VolumeLineResult,
  VolumeYear,
} from './result';
import { yearPath, yearValues } from './paths';
import { applySubstitutions } from './substitution';
import { fundingShares, lineKey, splitAmount, youthShares } from './split';
import { modelYears } from '../years';
import { annotatePrevention, preventionFactors, preventionLine } from './prevention';
import { fundingMeasures } from './measures';
import { autonomousFactors } from './autonomous';
import { policyFactors, policySubstitutions } from './policies';
import { finishKnownChanges, knownChangeLine, knownChangeParts } from './knownChanges';
import {
  figureKinds,
  isNewSegment,
  realisedShares,
  realisedView,
  realisedVolumeState,
  regionFigure,
  scenarioAfter,
  type RealisedView,
} from './realisatie';

export interface SimulateOptions {
  /** Skip the per-gemeente split (Monte Carlo and goal seek need only the totals). */
  perGemeente?: boolean;
  /**
   * Factors on a Rijksmaatregel's or bekende ontwikkeling's amount, by id (1 when absent): how the
   * analysis puts a drawn value of their range in (analysis/parameters applyParameters).
   */
  scale?: { measures?: Readonly<Record<string, number>>; knownChanges?: Readonly<Record<string, number>> };
}

/** Steady state: inflow × duration / 12 clients are in care at any moment (Little's law). */
export function steadyStateClients(seg: Pick<VolumeSegment, 'inflowPerYear' | 'avgDurationMonths'>): number {
  return (seg.inflowPerYear * seg.avgDurationMonths) / 12;
}

/** Where a volume segment's simulation starts: month 0 of year index `start`, with `opening` clients. */
interface VolumeStart {
  start: number;
  opening: number;
  inflow: number;
  duration: number;
  units: number;
  price: number;
}

/**
 * Simulates a model under a scenario, in monthly steps from January of baseYear
 * to December of endYear. Inputs are assumed valid (parseModel/parseScenario).
 *
 * With realisatie (last realised year R) the years ≤ R are the realised figures
 * and the simulation starts on 1 January of R+1 from a calibration of R; the
 * scenario's year keys ≤ R do not apply to the lasten (docs/formats.md,
 * "Rekenregels met realisatie"). Without realisatie nothing changes.
 */
export function simulate(model: Model, scenarioIn: Scenario, options: SimulateOptions = {}): SimulationResult {
  const years = modelYears(model);
  const volume = model.segments.filter((s): s is VolumeSegment => s.kind === 'volume');
  const real = realisedView(model, years);
  const kinds = figureKinds(model, years);
  const lastIndex = real ? real.lastIndex : -1;
  const scenario = real ? scenarioAfter(scenarioIn, real.lastYear) : scenarioIn;

  const starts = new Map<string, VolumeStart>();
  for (const seg of volume) {
    // Without realisatie, and for a new segment (no realised figures) after R: the segment's own figures.
    if (!real || isNewSegment(model, seg.id)) {
      starts.set(seg.id, {
        start: real ? lastIndex + 1 : 0,
        opening: seg.openingClients ?? steadyStateClients(seg),
        inflow: seg.inflowPerYear,
        duration: seg.avgDurationMonths,
        units: seg.unitsPerClientMonth ?? 1,
        price: seg.pricePerUnit,
      });
      continue;
    }
    const st = realisedVolumeState(seg, regionFigure(model, seg.id, real.lastYear));
    starts.set(seg.id, {
      start: lastIndex + 1,
      opening: st.opening,
      inflow: st.inflow,
      duration: st.duration,
      units: st.unitsPerClientMonth,
      price: st.pricePerUnit,
    });
  }

  // Autonome ontwikkeling multiplies each segment's own paths (docs/formats.md); without it nothing changes.
  const auto = scenario.autonomous
    ? autonomousFactors(model, scenario.autonomous, years, real ? lastIndex : 0)
    : undefined;
  // Beleidsmaatregelen multiply each segment's own path first (engine/policies); without them nothing changes.
  const policy = policyFactors(scenario.policies, years);
  const inflowBefore = new Map<string, number[]>();
  for (const seg of volume) {
    const path = scaled(
      yearPath(starts.get(seg.id)!.inflow, scenario.assumptions[seg.id]?.inflowChangePct, years),
      policy.inflowChangePct.get(seg.id),
    );
    if (auto) for (let k = 0; k < years.length; k++) path[k] = path[k]! * auto.inflow[k]!;
    inflowBefore.set(seg.id, path);
  }
  // The prevention effect (scenario.prevention) scales a segment's own inflow, before substitution.
  const prevention = preventionFactors(scenario.prevention, years);
  for (const [id, factors] of prevention) {
    const path = inflowBefore.get(id);
    if (path) for (let k = 0; k < years.length; k++) path[k] = path[k]! * factors[k]!;
  }
  // The policies' shifts come after the scenario's own rules, on the same inflow before substitution.
  const rules = scenario.policies
    ? [...scenario.substitutions, ...policySubstitutions(scenario.policies)]
    : scenario.substitutions;
  const inflowAfter = rules.length > 0 ? applySubstitutions(inflowBefore, rules, years) : inflowBefore;

  const lines: LineResult[] = model.segments.map((seg): LineResult => {
    const a = scenario.assumptions[seg.id];
    const common = {
      id: seg.id,
      name: seg.name,
      ...(seg.group !== undefined ? { group: seg.group } : {}),
      ...(seg.taakveld !== undefined ? { taakveld: seg.taakveld } : {}),
    };
    if (seg.kind === 'budget') {
      const base =
        real && !isNewSegment(model, seg.id) ? regionFigure(model, seg.id, real.lastYear).lasten : seg.amount;
      const amounts = scaled(yearPath(base, a?.amountChangePct, years), policy.amountChangePct.get(seg.id));
      for (let k = 0; k <= lastIndex; k++) amounts[k] = regionFigure(model, seg.id, years[k]!).lasten;
      const line: BudgetLineResult = {
        ...common,
        kind: 'budget',
        years: years.map((year, k) => ({ year, kind: kinds[k]!, cost: amounts[k]! })),
      };
      return line;
    }
    const st = starts.get(seg.id)!;
    const out = simulateVolume(
      st,
      years,
      kinds,
      inflowBefore.get(seg.id)!,
      inflowAfter.get(seg.id)!,
      scaled(yearPath(st.duration, a?.durationChangePct, years), policy.durationChangePct.get(seg.id)),
      scaled(
        scaled(yearPath(st.units, a?.intensityChangePct, years), policy.intensityChangePct.get(seg.id)),
        auto?.units,
      ),
      scaled(yearPath(st.price, a?.priceIndexPct, years), auto?.price),
    );
    for (let k = 0; k <= lastIndex; k++) out[k] = realisedVolumeYear(model, seg, years[k]!);
    const line: VolumeLineResult = { ...common, kind: 'volume', unit: seg.unit, years: out };
    return line;
  });
  if (scenario.prevention) {
    annotatePrevention(lines, prevention);
    lines.push(preventionLine(scenario.prevention, years, kinds));
  }

  // Bekende ontwikkelingen (engine/knownChanges): lasten lines after the segments and prevention.
  const known = knownChangeParts(
    model,
    scenarioIn,
    years,
    { lasten: (k) => k <= lastIndex, baten: (k) => real?.funding[k] !== undefined },
    options.scale?.knownChanges,
  );
  if (known.length > 0) {
    finishKnownChanges(known, model, lines);
    for (const c of known) if (c.side === 'lasten') lines.push(knownChangeLine(c, kinds, years));
  }

  const measures = fundingMeasures(model, scenarioIn, years, options.scale?.measures);
  const totals = fundingAndTotals(model, scenarioIn, years, kinds, lines, measures, real, known);
  const gemeenten =
    options.perGemeente === false ? [] : splitOverGemeenten(model, years, kinds, lines, totals, real, known);
  return {
    years,
    lines,
    totals,
    gemeenten,
    fundingMeasures: measures,
    ...(known.length > 0 ? { knownChanges: known } : {}),
  };
}

/** path × factor year by year (in place); the path unchanged without factors. */
function scaled(path: number[], factors: readonly number[] | undefined): number[] {
  if (factors) for (let k = 0; k < path.length; k++) path[k] = path[k]! * factors[k]!;
  return path;
}

/** A realised year of a volume segment: lasten as realised, the rest from its calibration. */
function realisedVolumeYear(model: Model, seg: VolumeSegment, year: number): VolumeYear {
  const f = regionFigure(model, seg.id, year);
  const st = realisedVolumeState(seg, f);
  return {
    year,
    kind: 'realisatie',
    cost: f.lasten,
    clientMonths: st.clientMonths,
    inflow: st.inflow,
    inflowBeforeSubstitution: st.inflow,
    clientsEnd: st.opening,
    durationMonths: st.duration,
    unitsPerClientMonth: st.unitsPerClientMonth,
    pricePerUnit: st.pricePerUnit,
    clients: st.clients,
  };
}

/**
 * One volume segment: S_next = S + i − S/D each month; cost = client-months × u × p.
 * Starts at year index `start.start` (0, or R+1 with realisatie); earlier entries
 * are left for the caller to fill with the realised years.
 */
function simulateVolume(
  start: VolumeStart,
  years: readonly number[],
  kinds: readonly FigureKind[],
  inflowBefore: readonly number[],
  inflow: readonly number[],
  duration: readonly number[],
  units: readonly number[],
  price: readonly number[],
): VolumeYear[] {
  let clients = start.opening;
  const out: VolumeYear[] = new Array(years.length);
  for (let k = start.start; k < years.length; k++) {
    const i = inflow[k]! / 12;
    const d = duration[k]!;
    let clientMonths = 0;
    for (let m = 0; m < 12; m++) {
      const next = clients + i - clients / d;
      clientMonths += (clients + next) / 2;
      clients = next;
    }
    out[k] = {
      year: years[k]!,
      kind: kinds[k]!,
      cost: clientMonths * units[k]! * price[k]!,
      clientMonths,
      inflow: inflow[k]!,
      inflowBeforeSubstitution: inflowBefore[k]!,
      clientsEnd: clients,
      durationMonths: d,
      unitsPerClientMonth: units[k]!,
      pricePerUnit: price[k]!,
    };
  }
  return out;
}

/**
 * Funding R_y = baseline_y + adjustments_y; the scenario's index overrides the model's year by year.
 * A year with every gemeente's realised Rijksmiddelen has their sum as baseline and no
 * adjustments or measures (they are in the realised amount); later years index from it.
 */
function fundingAndTotals(
  model: Model,
  scenario: Scenario,
  years: readonly number[],
  kinds: readonly FigureKind[],
  lines: readonly LineResult[],
  measures: readonly FundingMeasureResult[],
  real: RealisedView | undefined,
  known: readonly KnownChangeResult[],
): TotalYear[] {
  const baten = known.filter((c) => c.side === 'baten');
  const index: Record<string, number> = { ...model.funding.indexPct, ...scenario.funding.indexPct };
  const baseline = yearPath(model.funding.baseAmount, index, years);
  const adjustments = yearValues(scenario.funding.adjustments, years);
  if (real) {
    for (let k = 0; k < years.length; k++) {
      const realised = real.funding[k];
      if (realised !== undefined) {
        baseline[k] = realised;
        adjustments[k] = 0;
        for (const m of measures) m.years[k] = 0;
      } else if (k > 0) {
        const pct = index[String(years[k])];
        baseline[k] = pct === undefined ? baseline[k - 1]! : baseline[k - 1]! * (1 + pct / 100);
      }
    }
  }
  return years.map((year, k) => {
    let cost = 0;
    for (const line of lines) cost += line.years[k]!.cost;
    let measured = 0;
    for (const m of measures) measured += m.years[k]!;
    let knownBaten = 0;
    for (const c of baten) knownBaten += c.years[k]!;
    const funding = baseline[k]! + adjustments[k]! + measured + knownBaten;
    return {
      year,
      kind: kinds[k]!,
      fundingKind: real?.funding[k] !== undefined ? 'realisatie' : 'raming',
      cost,
      funding,
      fundingBaseline: baseline[k]!,
      fundingAdjustment: adjustments[k]!,
      fundingMeasures: measured,
      ...(known.length > 0 ? { fundingKnownChanges: knownBaten } : {}),
      balance: funding - cost,
    };
  });
}

function splitOverGemeenten(
  model: Model,
  years: readonly number[],
  kinds: readonly FigureKind[],
  lines: readonly LineResult[],
  totals: readonly TotalYear[],
  real: RealisedView | undefined,
  known: readonly KnownChangeResult[],
): GemeenteResult[] {
  const youth = youthShares(model.gemeenten);
  // Lines beyond the model's segments (the prevention budget) are shared by youth, like the regional budget.
  const shareByLine = lines.map((line, l) => {
    const seg = model.segments[l];
    if (!seg) return youth.slice();
    const key = lineKey(model, seg, youth);
    // Only the realised-use kinds carry a basis or note (old models' results stay as they were).
    if (key.basis !== undefined) line.splitBasis = key.basis;
    if (key.note !== undefined) line.splitNote = key.note;
    return key.shares;
  });
  const funding = fundingShares(model.gemeenten, youth);
  // A known change's regional amount: like its splitAs segment, else youth (lasten) or the Rijksmiddelen key (baten).
  const segIndex = new Map(model.segments.map((s, i) => [s.id, i]));
  const regionalKey = (c: KnownChangeResult): readonly number[] => {
    const at = c.splitAs !== undefined ? segIndex.get(c.splitAs) : undefined;
    if (at !== undefined) return shareByLine[at]!;
    return c.side === 'lasten' ? youth : funding;
  };
  const knownById = new Map(known.map((c) => [c.id, c]));
  const knownOfLine = lines.map((line) =>
    line.kind === 'budget' && line.origin === 'known-change' ? knownById.get(line.knownChange ?? '') : undefined,
  );
  knownOfLine.forEach((c, l) => {
    if (c) shareByLine[l] = regionalKey(c).slice();
  });
  const n = model.gemeenten.length;
  const nYears = years.length;
  const nLines = lines.length;

  // Plain loops and preallocated arrays: this runs on every keystroke in the UI.
  const result: GemeenteResult[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const g = model.gemeenten[k]!;
    const costShares: Record<string, number> = {};
    const lineCosts: number[][] = new Array(nLines);
    for (let l = 0; l < nLines; l++) {
      costShares[lines[l]!.id] = shareByLine[l]![k]!;
      lineCosts[l] = new Array<number>(nYears);
    }
    const gYears: GemeenteResult['years'] = new Array(nYears);
    for (let y = 0; y < nYears; y++) gYears[y] = { year: years[y]!, kind: kinds[y]!, cost: 0, funding: 0, balance: 0 };
    result[k] = { id: g.id, name: g.name, costShares, fundingShare: funding[k]!, lineCosts, years: gYears };
  }

  const parts = new Array<number>(n).fill(0);
  const lastIndex = real ? real.lastIndex : -1;
  for (let l = 0; l < nLines; l++) {
    const lineYears = lines[l]!.years;
    const seg = model.segments[l];
    for (let y = 0; y < nYears; y++) {
      // In a realised year a gemeente's own figure counts; the rest follows the line's key.
      const own =
        y <= lastIndex && seg
          ? realisedShares(model, seg.id, years[y]!, lineYears[y]!.cost, shareByLine[l]!, youth)
          : undefined;
      const change = knownOfLine[l];
      if (change) knownChangeSplit(change, y, result, regionalKey(change), parts);
      else splitAmount(lineYears[y]!.cost, own ?? shareByLine[l]!, parts);
      for (let k = 0; k < n; k++) {
        const r = result[k]!;
        r.lineCosts[l]![y] = parts[k]!;
        r.years[y]!.cost += parts[k]!;
      }
    }
  }
  // Realised Rijksmiddelen: each gemeente its own; later years by the last realised proportions.
  const baten = known.filter((c) => c.side === 'baten');
  const extra = new Array<number>(n).fill(0);
  let fundingKey = funding;
  for (let y = 0; y < nYears; y++) {
    const own = real?.fundingByGemeente[y];
    if (own) {
      for (let k = 0; k < n; k++) parts[k] = own[k]!;
      const sum = real!.funding[y]!;
      if (sum > 0) fundingKey = own.map((a) => a / sum);
    } else if (baten.length === 0) {
      splitAmount(totals[y]!.funding, fundingKey, parts);
    } else {
      // the known changes on the baten side go to their gemeenten as they say; the rest by the key
      let knownBaten = 0;
      for (const c of baten) knownBaten += c.years[y]!;
      splitAmount(totals[y]!.funding - knownBaten, fundingKey, parts);
      for (const c of baten) {
        knownChangeSplit(c, y, result, regionalKey(c), extra);
        for (let k = 0; k < n; k++) parts[k] = parts[k]! + extra[k]!;
      }
    }
    for (let k = 0; k < n; k++) {
      const gy = result[k]!.years[y]!;
      gy.funding = parts[k]!;
      gy.balance = gy.funding - gy.cost;
    }
  }
  return result;
}

/**
 * A known change's amount in year y per gemeente (engine/knownChanges): the regional part by `key`,
 * each gemeente's own amount exactly, and the formula part on the gemeente's own lasten of the
 * segments (already in result[k].lineCosts). The parts add up to the line's amount.
 */
function knownChangeSplit(
  c: KnownChangeResult,
  y: number,
  result: readonly GemeenteResult[],
  key: readonly number[],
  parts: number[],
): void {
  splitAmount(c.regional[y]!, key, parts);
  const factor = c.pctFactor[y]!;
  for (let k = 0; k < result.length; k++) {
    const r = result[k]!;
    const own = c.perGemeente[r.id];
    if (own) parts[k] = parts[k]! + own[y]!;
    if (factor !== 0) {
      let sum = 0;
      for (const l of c.segmentIndexes) if (l >= 0) sum += r.lineCosts[l]![y]!;
      parts[k] = parts[k]! + factor * sum;
    }
  }
}
