/**
 * The engine as it was before realisatie (model@1, ENGINE_VERSION 1.0.0), frozen
 * for the property test "a model without realisatie gives the old results".
 * Do not edit: it is the reference.
 */
import type { Model, VolumeSegment } from '../../../src/shared/formats/model';
import type { Scenario } from '../../../src/shared/formats/scenario';
import type {
  BudgetLineResult,
  FundingMeasureResult,
  GemeenteResult,
  LineResult,
  SimulationResult,
  TotalYear,
  VolumeLineResult,
  VolumeYear,
} from './result-v1';
import { yearPath, yearValues } from '../../../src/shared/engine/paths';
import { applySubstitutions } from '../../../src/shared/engine/substitution';
import { fundingShares, lineShares, splitAmount, youthShares } from '../../../src/shared/engine/split';
import { modelYears } from '../../../src/shared/years';
import { annotatePrevention, preventionFactors, preventionLine } from '../../../src/shared/engine/prevention';
import { fundingMeasures } from '../../../src/shared/engine/measures';

export interface SimulateOptions {
  /** Skip the per-gemeente split (Monte Carlo and goal seek need only the totals). */
  perGemeente?: boolean;
}

/** Steady state: inflow × duration / 12 clients are in care at any moment (Little's law). */
export function steadyStateClients(seg: Pick<VolumeSegment, 'inflowPerYear' | 'avgDurationMonths'>): number {
  return (seg.inflowPerYear * seg.avgDurationMonths) / 12;
}

/**
 * Simulates a model under a scenario, in monthly steps from January of baseYear
 * to December of endYear. Inputs are assumed valid (parseModel/parseScenario).
 */
export function simulate(model: Model, scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const years = modelYears(model);
  const volume = model.segments.filter((s): s is VolumeSegment => s.kind === 'volume');

  const inflowBefore = new Map<string, number[]>();
  for (const seg of volume) {
    inflowBefore.set(seg.id, yearPath(seg.inflowPerYear, scenario.assumptions[seg.id]?.inflowChangePct, years));
  }
  // The prevention effect (scenario.prevention) scales a segment's own inflow, before substitution.
  const prevention = preventionFactors(scenario.prevention, years);
  for (const [id, factors] of prevention) {
    const path = inflowBefore.get(id);
    if (path) for (let k = 0; k < years.length; k++) path[k] = path[k]! * factors[k]!;
  }
  const inflowAfter =
    scenario.substitutions.length > 0 ? applySubstitutions(inflowBefore, scenario.substitutions, years) : inflowBefore;

  const lines: LineResult[] = model.segments.map((seg): LineResult => {
    const a = scenario.assumptions[seg.id];
    const common = {
      id: seg.id,
      name: seg.name,
      ...(seg.group !== undefined ? { group: seg.group } : {}),
      ...(seg.taakveld !== undefined ? { taakveld: seg.taakveld } : {}),
    };
    if (seg.kind === 'budget') {
      const amounts = yearPath(seg.amount, a?.amountChangePct, years);
      const line: BudgetLineResult = {
        ...common,
        kind: 'budget',
        years: years.map((year, k) => ({ year, cost: amounts[k]! })),
      };
      return line;
    }
    const line: VolumeLineResult = {
      ...common,
      kind: 'volume',
      unit: seg.unit,
      years: simulateVolume(
        seg,
        years,
        inflowBefore.get(seg.id)!,
        inflowAfter.get(seg.id)!,
        yearPath(seg.avgDurationMonths, a?.durationChangePct, years),
        yearPath(seg.unitsPerClientMonth ?? 1, a?.intensityChangePct, years),
        yearPath(seg.pricePerUnit, a?.priceIndexPct, years),
      ),
    };
    return line;
  });
  if (scenario.prevention) {
    annotatePrevention(lines as never, prevention);
    // (the current preventionLine adds a kind per year; the comparison ignores kinds)
    lines.push(
      preventionLine(
        scenario.prevention,
        years,
        years.map(() => 'raming' as const),
      ) as never,
    );
  }

  const measures: FundingMeasureResult[] = fundingMeasures(model, scenario, years);
  const totals = fundingAndTotals(model, scenario, years, lines, measures);
  const gemeenten = options.perGemeente === false ? [] : splitOverGemeenten(model, years, lines, totals);
  return { years, lines, totals, gemeenten, fundingMeasures: measures };
}

/** One volume segment: S_next = S + i − S/D each month; cost = client-months × u × p. */
function simulateVolume(
  seg: VolumeSegment,
  years: readonly number[],
  inflowBefore: readonly number[],
  inflow: readonly number[],
  duration: readonly number[],
  units: readonly number[],
  price: readonly number[],
): VolumeYear[] {
  let clients = seg.openingClients ?? steadyStateClients(seg);
  const out: VolumeYear[] = new Array(years.length);
  for (let k = 0; k < years.length; k++) {
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

/** Funding R_y = baseline_y + adjustments_y; the scenario's index overrides the model's year by year. */
function fundingAndTotals(
  model: Model,
  scenario: Scenario,
  years: readonly number[],
  lines: readonly LineResult[],
  measures: readonly FundingMeasureResult[],
): TotalYear[] {
  const index: Record<string, number> = { ...model.funding.indexPct, ...scenario.funding.indexPct };
  const baseline = yearPath(model.funding.baseAmount, index, years);
  const adjustments = yearValues(scenario.funding.adjustments, years);
  return years.map((year, k) => {
    let cost = 0;
    for (const line of lines) cost += line.years[k]!.cost;
    let measured = 0;
    for (const m of measures) measured += m.years[k]!;
    const funding = baseline[k]! + adjustments[k]! + measured;
    return {
      year,
      cost,
      funding,
      fundingBaseline: baseline[k]!,
      fundingAdjustment: adjustments[k]!,
      fundingMeasures: measured,
      balance: funding - cost,
    };
  });
}

function splitOverGemeenten(
  model: Model,
  years: readonly number[],
  lines: readonly LineResult[],
  totals: readonly TotalYear[],
): GemeenteResult[] {
  const youth = youthShares(model.gemeenten);
  // Lines beyond the model's segments (the prevention budget) are shared by youth, like the regional budget.
  const shareByLine = lines.map((_, l) => {
    const seg = model.segments[l];
    return seg ? lineShares(seg, model.gemeenten, youth) : youth.slice();
  });
  const funding = fundingShares(model.gemeenten, youth);
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
    for (let y = 0; y < nYears; y++) gYears[y] = { year: years[y]!, cost: 0, funding: 0, balance: 0 };
    result[k] = { id: g.id, name: g.name, costShares, fundingShare: funding[k]!, lineCosts, years: gYears };
  }

  const parts = new Array<number>(n).fill(0);
  for (let l = 0; l < nLines; l++) {
    const lineYears = lines[l]!.years;
    const shares = shareByLine[l]!;
    for (let y = 0; y < nYears; y++) {
      splitAmount(lineYears[y]!.cost, shares, parts);
      for (let k = 0; k < n; k++) {
        const r = result[k]!;
        r.lineCosts[l]![y] = parts[k]!;
        r.years[y]!.cost += parts[k]!;
      }
    }
  }
  for (let y = 0; y < nYears; y++) {
    splitAmount(totals[y]!.funding, funding, parts);
    for (let k = 0; k < n; k++) {
      const gy = result[k]!.years[y]!;
      gy.funding = parts[k]!;
      gy.balance = gy.funding - gy.cost;
    }
  }
  return result;
}
