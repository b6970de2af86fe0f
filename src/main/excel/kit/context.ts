/**
 * What every sheet of the begrotingsbijlage shares: the export's input, the
 * sheet names, and the Context that turns the engine's euro into the figures
 * as written (unit, rounding, year columns).
 */
import type { Model } from '../../../shared/formats/model';
import type { Scenario } from '../../../shared/formats/scenario';
import type { SimulationResult } from '../../../shared/engine/result';
import type { MonteCarloResult } from '../../../shared/analysis/montecarlo';
import type { TornadoResult } from '../../../shared/analysis/tornado';
import { scopeLabel, scopedAmounts, type BijlageScope, type ScopedAmounts } from '../amounts';
import { amountFormat, inUnit, type AmountUnit } from '../styles';

export interface BijlageScenario {
  scenario: Scenario;
  result: SimulationResult;
}

/** Analysis results per exported scenario, in the same order as the scenarios. */
export interface BijlageAnalysis {
  montecarlo?: readonly MonteCarloResult[];
  tornado?: readonly TornadoResult[];
}

export interface BijlageInput {
  model: Model;
  /** one or more scenarios, each with its engine result (with per-gemeente split) */
  scenarios: readonly BijlageScenario[];
  scope: BijlageScope;
  unit: AmountUnit;
  /** name of the region, e.g. "Regio Noord-Limburg" */
  regionName: string;
  generatedAt: Date;
  appVersion: string;
  /** Monte Carlo and tornado results per scenario (same order): adds Onzekerheid and Gevoeligheid */
  analysis?: BijlageAnalysis;
  /**
   * Per scenario (same order) the Monte Carlo whose P10–P50–P90 stands under the saldo on Samenvatting (the
   * region's; undefined for a scenario without ranges). Issue 11, item 6.
   */
  headlineBands?: readonly (MonteCarloResult | undefined)[];
}

export const SHEETS = {
  samenvatting: 'Samenvatting',
  perGemeente: 'Per gemeente',
  taakvelden: 'Taakvelden',
  aannames: 'Aannames',
  vergelijking: 'Scenariovergelijking',
  onzekerheid: 'Onzekerheid',
  gevoeligheid: 'Gevoeligheid',
  toelichting: 'Toelichting',
} as const;

/** Column of the first year: A = label, B = code/key/unit, C.. = years. */
const FIRST_YEAR_COL = 3;
export const HEADER_ROWS = 4;

/** Where a scenario block's key rows ended up on Samenvatting, for formulas on other sheets. */
export interface SummaryRefs {
  lineRows: number[];
  totalCostRow: number;
  saldoRow: number;
}

export class Context {
  readonly years: number[];
  readonly amounts: ScopedAmounts[];
  readonly scopeName: string;
  readonly scenarioLabel: string;
  readonly amountFmt: string;
  constructor(readonly input: BijlageInput) {
    this.years = input.scenarios[0]!.result.years;
    this.amounts = input.scenarios.map((s) => scopedAmounts(s.result, input.scope));
    this.scopeName = scopeLabel(input.model, input.scope, input.regionName);
    this.scenarioLabel = input.scenarios.map((s) => s.scenario.name).join(' / ');
    this.amountFmt = amountFormat(input.unit);
  }
  get unit(): AmountUnit {
    return this.input.unit;
  }
  yearCol(k: number): number {
    return FIRST_YEAR_COL + k;
  }
  get lastYearCol(): number {
    return FIRST_YEAR_COL + this.years.length - 1;
  }
  /** The amount as written in the chosen unit. */
  money(euro: number): number {
    return inUnit(euro, this.input.unit);
  }
  /**
   * × € 1.000: lines are written rounded to whole thousands and every total is the sum of those
   * printed lines (never a rounded unrounded total, which may differ by 1–3 from what a reader adds
   * up); the difference with the unrounded total is shown in an "Afrondingsverschil" row.
   */
  get rounds(): boolean {
    return this.input.unit === 'thousand';
  }
  /** An amount on a line as printed: in × € 1.000 rounded to whole thousands (half away from zero, as ROUND does). */
  printed(euro: number): number {
    const v = this.money(euro);
    return this.rounds ? roundHalfAway(v) : v;
  }
}

export function roundHalfAway(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x));
  return r === 0 ? 0 : r;
}
