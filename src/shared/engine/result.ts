/** What one simulation produces. All amounts in euro, unrounded. */

/**
 * Whether a figure is the realised one (year ≤ the model's realisatie.lastYear)
 * or a forecast. A model without realisatie gives 'raming' everywhere.
 */
export type FigureKind = 'realisatie' | 'raming';

export interface VolumeYear {
  year: number;
  kind: FigureKind;
  cost: number;
  clientMonths: number;
  /** inflow after substitution */
  inflow: number;
  /** inflow from the segment's own path, before substitution */
  inflowBeforeSubstitution: number;
  clientsEnd: number;
  /** the assumption paths in effect in this year (absolute values) */
  durationMonths: number;
  unitsPerClientMonth: number;
  pricePerUnit: number;
  /** inflow change from the prevention effect in %, positive = lower (only for segments with an effect) */
  preventionPct?: number;
  /** realised unique jeugdigen (N), in realised years only */
  clients?: number;
}

export interface BudgetYear {
  year: number;
  kind: FigureKind;
  cost: number;
}

interface LineCommon {
  id: string;
  name: string;
  group?: string;
  taakveld?: string;
  /** for a verdeelsleutel by realised use: the years the use comes from, e.g. "gebruik 2024" (set with the per-gemeente split) */
  splitBasis?: string;
  /** set when the verdeelsleutel could not be made as asked: the fallback used and why (docs/formats.md) */
  splitNote?: string;
}

export interface VolumeLineResult extends LineCommon {
  kind: 'volume';
  unit: string;
  years: VolumeYear[];
}

export interface BudgetLineResult extends LineCommon {
  kind: 'budget';
  years: BudgetYear[];
  /** set for a line that comes from the scenario rather than the model's segments: the prevention budget, a bekende ontwikkeling */
  origin?: 'prevention' | 'known-change';
  /** for origin 'known-change': the id of the change (SimulationResult.knownChanges) */
  knownChange?: string;
  source?: string;
}

export type LineResult = VolumeLineResult | BudgetLineResult;

export interface TotalYear {
  year: number;
  /** realisatie when the year's lasten are realised (year ≤ realisatie.lastYear) */
  kind: FigureKind;
  /** realisatie when every gemeente's Rijksmiddelen for the year are realised */
  fundingKind: FigureKind;
  /** lasten */
  cost: number;
  /** baten: baseline + one-off adjustments + Rijksmaatregelen */
  funding: number;
  /** structural part of the funding (index path) */
  fundingBaseline: number;
  /** incidental part of the funding */
  fundingAdjustment: number;
  /** sum of the Rijksmaatregelen switched on (each line in SimulationResult.fundingMeasures); set by simulate */
  fundingMeasures?: number;
  /** sum of the bekende ontwikkelingen on the baten side (SimulationResult.knownChanges); set by simulate when any is on */
  fundingKnownChanges?: number;
  /** funding − cost; negative is a tekort */
  balance: number;
}

export interface GemeenteYear {
  year: number;
  kind: FigureKind;
  cost: number;
  funding: number;
  balance: number;
}

export interface GemeenteResult {
  id: string;
  name: string;
  /** this gemeente's share of each line's cost, by line id (the verdeelsleutel used) */
  costShares: Record<string, number>;
  fundingShare: number;
  /** cost per line per year, lines in the order of SimulationResult.lines */
  lineCosts: number[][];
  years: GemeenteYear[];
}

/** One Rijksmaatregel as its own funding line. */
export interface FundingMeasureResult {
  id: string;
  name: string;
  kind: 'structureel' | 'incidenteel';
  source: string;
  /** the model's funding.nationalShare used */
  nationalShare: number;
  /** national amount per year, in the order of SimulationResult.years */
  national: number[];
  /** regional amount per year (national × share); + more, − less Rijksmiddelen */
  years: number[];
}

/** One bekende ontwikkeling switched on (engine/knownChanges): a lasten line (also in lines) or a baten line. */
export interface KnownChangeResult {
  id: string;
  name: string;
  side: 'lasten' | 'baten';
  kind: 'structureel' | 'incidenteel';
  source: string;
  estimate?: boolean;
  note?: string;
  /** the spread Monte Carlo draws, % of the amount */
  range?: { lowPct: number; highPct: number };
  pctOfSegments?: { segments: string[]; pct: number; fromYear: number };
  /** the line's amount per year (+ more lasten or baten); 0 in realised years */
  years: number[];
  /** the regional amount per year (split by the line's verdeelsleutel) */
  regional: number[];
  /** the amounts that go to one gemeente exactly, by gemeente id */
  perGemeente: Record<string, number[]>;
  /** pct/100 per year (0 before fromYear and in realised years): × the segments' lasten */
  pctFactor: number[];
  /** the pctOfSegments segments as indexes into lines */
  segmentIndexes: number[];
  /** the regional amount is split like this segment's line */
  splitAs?: string;
}

export interface SimulationResult {
  years: number[];
  lines: LineResult[];
  totals: TotalYear[];
  /** Rijksmaatregelen switched on, in library order; set by simulate (empty when none) */
  fundingMeasures?: FundingMeasureResult[];
  /** bekende ontwikkelingen switched on, in model order; set by simulate when the scenario switches any on */
  knownChanges?: KnownChangeResult[];
  gemeenten: GemeenteResult[];
}

/**
 * A result stored before realisatie existed has no kinds: every figure in it was
 * a raming. Fills them in place (and returns the result) so readers can rely on them.
 */
export function markKinds(result: SimulationResult): SimulationResult {
  type Loose = { kind?: FigureKind; fundingKind?: FigureKind };
  const mark = (y: Loose) => {
    if (y.kind === undefined) y.kind = 'raming';
  };
  for (const line of result.lines) for (const y of line.years as Loose[]) mark(y);
  for (const t of result.totals as Loose[]) {
    mark(t);
    if (t.fundingKind === undefined) t.fundingKind = 'raming';
  }
  for (const g of result.gemeenten) for (const y of g.years as Loose[]) mark(y);
  return result;
}
