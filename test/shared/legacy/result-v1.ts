/** The result types as they were before realisatie (reference for simulate-v1.ts). */
/** What one simulation produces. All amounts in euro, unrounded. */
export interface VolumeYear {
  year: number;
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
}

export interface BudgetYear {
  year: number;
  cost: number;
}

interface LineCommon {
  id: string;
  name: string;
  group?: string;
  taakveld?: string;
}

export interface VolumeLineResult extends LineCommon {
  kind: 'volume';
  unit: string;
  years: VolumeYear[];
}

export interface BudgetLineResult extends LineCommon {
  kind: 'budget';
  years: BudgetYear[];
  /** set for a line that comes from the scenario rather than the model: the prevention budget */
  origin?: 'prevention';
  source?: string;
}

export type LineResult = VolumeLineResult | BudgetLineResult;

export interface TotalYear {
  year: number;
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
  /** funding − cost; negative is a tekort */
  balance: number;
}

export interface GemeenteYear {
  year: number;
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

export interface SimulationResult {
  years: number[];
  lines: LineResult[];
  totals: TotalYear[];
  /** Rijksmaatregelen switched on, in library order; set by simulate (empty when none) */
  fundingMeasures?: FundingMeasureResult[];
  gemeenten: GemeenteResult[];
}
