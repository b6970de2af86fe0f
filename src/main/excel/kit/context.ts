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
import type { MutatieOverzicht } from '../../../shared/analysis/mutaties';
import { scopeLabel, scopedAmounts, type BijlageScope, type FundingLine, type ScopedAmounts } from '../amounts';
import { amountFormat, inUnit, type AmountUnit } from '../styles';
import { yearStatus, type YearStatus } from '../../../shared/years';

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
  /** the mutatieoverzicht of each scenario (same order) against one reference: adds the sheet Mutaties */
  mutaties?: BijlageMutaties;
  /** the year the begroting is for: its column is "begroting", years ≤ the model's realisatie.lastYear "realisatie", the rest "raming" */
  begrotingsjaar: number;
  /** what the V/N rows compare with (a saved version or another scenario); none = no V/N rows */
  reference?: BijlageReference;
  /**
   * Per scenario (same order) the Monte Carlo whose P10–P50–P90 stands under the saldo on Samenvatting (the
   * region's; undefined for a scenario without ranges). Issue 11, item 6.
   */
  headlineBands?: readonly (MonteCarloResult | undefined)[];
}

export interface BijlageMutaties {
  /** e.g. "de vastgestelde begroting (begroting 2027, Beleidsplan KPI's)" */
  referenceName: string;
  overzichten: readonly MutatieOverzicht[];
}

/** The reference of the V/N rows: its name as the workbook shows it and its engine result. */
export interface BijlageReference {
  /** e.g. 'scenario "Ongewijzigd beleid"' or 'versie van "Basis", 12-10-2026 10:00 (raadscommissie)' */
  label: string;
  result: SimulationResult;
}

export const SHEETS = {
  samenvatting: 'Samenvatting',
  perGemeente: 'Per gemeente',
  taakvelden: 'Taakvelden',
  aannames: 'Aannames',
  vergelijking: 'Scenariovergelijking',
  mutaties: 'Mutaties',
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
  /** Totaal baten (structurele + incidentele) */
  totalFundingRow: number;
  saldoRow: number;
  /** structurele baten − structurele lasten */
  structuralSaldoRow: number;
}

/**
 * Where a scenario block's inputs ended up on Aannames: the cells the lines of Samenvatting and
 * Per gemeente refer to (the live chain Aannames → Per gemeente / Samenvatting → Taakvelden).
 */
export interface AannamesRefs {
  /** per result line: the row of its lasten for the whole region (volume: a formula, budget: the amount) */
  lineRows: number[];
  /** per funding origin (see FundingLine.origin): the row of the region's amount */
  fundingRows: Map<FundingLine['origin'], number>;
  /** the row of the region's total Rijksmiddelen (a formula over fundingRows) */
  fundingTotalRow: number;
}

/** In a gemeente's workbook: where its own lines and baten stand on Per gemeente (Samenvatting refers to them). */
export interface GemeenteRefs {
  lineRows: number[];
  fundRow: number;
  /** the "Sleutel per jaar: Rijksmiddelen" row, where its share differs per year (else the Sleutel of fundRow) */
  fundKeyRow?: number;
}

export class Context {
  readonly years: number[];
  readonly amounts: ScopedAmounts[];
  readonly scopeName: string;
  readonly scenarioLabel: string;
  readonly amountFmt: string;
  /** realisatie / begroting / raming per year index */
  readonly statuses: YearStatus[];
  /**
   * The reference's amounts in the same scope, and per year index of this workbook the reference's
   * year index (undefined: the reference has no such year). Undefined when there is no reference or
   * it cannot be scoped (a gemeente the reference does not have): see referenceProblem.
   */
  readonly reference: { label: string; amounts: ScopedAmounts; yearIndex: (number | undefined)[] } | undefined;
  readonly referenceProblem: string | undefined;
  /**
   * Per year index: what is still a raming in a realisatie year (the engine's kinds, over the exported
   * scenarios): "de baten" when not every gemeente's Rijksmiddelen are realised, and the lines without
   * realisatie. Empty for every other year.
   */
  readonly estimatedInRealised: string[][];
  constructor(readonly input: BijlageInput) {
    this.years = input.scenarios[0]!.result.years;
    this.amounts = input.scenarios.map((s) => scopedAmounts(s.result, input.scope));
    const lastRealised = input.model.realisatie?.lastYear;
    this.statuses = this.years.map((y) => yearStatus(y, input.begrotingsjaar, lastRealised));
    this.estimatedInRealised = this.years.map((_, k) => {
      if (this.statuses[k] !== 'realisatie') return [];
      const out = new Set<string>();
      for (const { result } of input.scenarios) {
        if (result.totals[k]?.fundingKind === 'raming') out.add('de baten');
        for (const line of result.lines) if (line.years[k]?.kind === 'raming') out.add(`"${line.name}"`);
      }
      return [...out];
    });
    const ref = input.reference;
    let reference: Context['reference'];
    let problem: string | undefined;
    if (ref) {
      const scope = input.scope;
      if (scope.kind === 'gemeente' && !ref.result.gemeenten.some((g) => g.id === scope.gemeenteId)) {
        problem = `De referentie (${ref.label}) heeft geen cijfers voor deze gemeente; er is geen V/N-vergelijking.`;
      } else {
        reference = {
          label: ref.label,
          amounts: scopedAmounts(ref.result, scope),
          yearIndex: this.years.map((y) => {
            const i = ref.result.years.indexOf(y);
            return i >= 0 ? i : undefined;
          }),
        };
      }
    }
    this.reference = reference;
    this.referenceProblem = problem;
    this.scopeName = scopeLabel(input.model, input.scope, input.regionName);
    this.scenarioLabel = input.scenarios.map((s) => s.scenario.name).join(' / ');
    this.amountFmt = amountFormat(input.unit);
  }
  /** The heading above a year: its status, "realisatie*" when part of the year is still a raming. */
  statusLabel(k: number): string {
    return this.estimatedInRealised[k]!.length > 0 ? `${this.statuses[k]}*` : this.statuses[k]!;
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
  /** The cached value of a formula written by printedFormula: an amount already in the chosen unit, rounded in × € 1.000. */
  asPrinted(v: number): number {
    return this.rounds ? roundHalfAway(v) : v;
  }
  /** An amount formula as printed on a line: ROUND(expr,0) in × € 1.000 (so totals add up on paper), else expr. */
  printedFormula(expr: string): string {
    return this.rounds ? `ROUND(${expr},0)` : expr;
  }
}

export function roundHalfAway(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x));
  return r === 0 ? 0 : r;
}
