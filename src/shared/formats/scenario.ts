import { z } from 'zod';
import {
  countSchema,
  euroByYear,
  idSchema,
  maxEntries,
  nameSchema,
  pctByYear,
  sharePctByYear,
  sharePctSchema,
  textSchema,
  yearMap,
} from './common';
import { MAX_GEMEENTEN, MAX_SCENARIO_SEGMENT_ENTRIES, MAX_SUBSTITUTION_RULES, overMaximum } from './limits';
import { scenarioMeasuresSchema } from './measures';
import { policiesSchema } from './policies';
import { scenarioKnownChangesSchema } from './knownChanges';
import { preventionSchema } from './prevention';
import { autonomousRangesSchema, fundingRangesSchema, scenarioRangesSchema, substitutionRangesSchema } from './ranges';

export const SCENARIO_FORMAT = 'jeugdbegroting/scenario@1';

/** Assumptions for one segment: yearly percentage changes that persist (see engine/paths). */
export const segmentAssumptionSchema = z.strictObject({
  inflowChangePct: pctByYear.optional(),
  durationChangePct: pctByYear.optional(),
  intensityChangePct: pctByYear.optional(),
  priceIndexPct: pctByYear.optional(),
  amountChangePct: pctByYear.optional(),
  /** Why: the KPI, agreement or document this assumption rests on. */
  source: textSchema.optional(),
});

export const substitutionSchema = z.strictObject({
  from: idSchema,
  to: idSchema,
  sharePct: sharePctByYear,
  /** uncertainty of the share (formats/ranges) */
  ranges: substitutionRangesSchema.optional(),
  source: textSchema.optional(),
});

export const scenarioFundingSchema = z.strictObject({
  indexPct: pctByYear.optional(),
  /** One-off (incidentele) adjustments in euro, not compounding. */
  adjustments: euroByYear.optional(),
  /** uncertainty of the model's baseAmount and of the index (formats/ranges) */
  ranges: fundingRangesSchema.optional(),
  source: textSchema.optional(),
});

/**
 * Autonome ontwikkeling: drivers that apply to every volume segment, next to (and multiplied with)
 * the segment's own yearly percentages. Semantics: docs/formats.md, "Autonome ontwikkeling".
 */
export const autonomousSchema = z.strictObject({
  /** demografie: prognosis of youth 0–17 per gemeente-id per year (the base year is the model's youth0to17) */
  youth0to17: maxEntries(z.record(z.string(), yearMap(countSchema)), MAX_GEMEENTEN, 'gemeenten').optional(),
  /** gebruik per jeugdige: yearly % change of the inflow per young person */
  usageChangePct: pctByYear.optional(),
  /** zwaarte: yearly % change of the units per client-month (intensity) */
  severityChangePct: pctByYear.optional(),
  /** loon: yearly wage index (OVA/cao), % */
  wageIndexPct: pctByYear.optional(),
  /** prijs: yearly material price index (PCC), % */
  materialIndexPct: pctByYear.optional(),
  /** weight of loon in the price index, % (VNG: 90); prijs weighs 100 − this */
  wageWeightPct: sharePctSchema.optional(),
  /** uncertainty of the yearly drivers: a shift in percentage points, as other yearly percentages (formats/ranges) */
  ranges: autonomousRangesSchema.optional(),
  source: textSchema.optional(),
});

export const scenarioSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  name: nameSchema,
  description: textSchema.optional(),
  assumptions: maxEntries(
    z.record(z.string(), segmentAssumptionSchema),
    MAX_SCENARIO_SEGMENT_ENTRIES,
    'segmenten met aannames',
  ).default({}),
  substitutions: z
    .array(substitutionSchema)
    .max(MAX_SUBSTITUTION_RULES, {
      error: (iss) => overMaximum((iss.input as unknown[]).length, MAX_SUBSTITUTION_RULES, 'regels'),
    })
    .default([]),
  funding: scenarioFundingSchema.default({}),
  /** Analysis extensions (docs/analysis.md); absent in older files, which parse exactly as before. */
  ranges: scenarioRangesSchema.optional(),
  prevention: preventionSchema.optional(),
  measures: scenarioMeasuresSchema.optional(),
  /** Autonome ontwikkeling (docs/formats.md); absent = no drivers, results exactly as before. */
  autonomous: autonomousSchema.optional(),
  /** Beleidsmaatregelen (formats/policies, docs/formats.md); absent = none, results exactly as before. */
  policies: policiesSchema.optional(),
  /** Bekende ontwikkelingen of the model switched on: {id: true} (formats/knownChanges). */
  knownChanges: scenarioKnownChangesSchema.optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type SegmentAssumption = z.infer<typeof segmentAssumptionSchema>;
export type Substitution = z.infer<typeof substitutionSchema>;
export type ScenarioFunding = z.infer<typeof scenarioFundingSchema>;
export type Autonomous = z.infer<typeof autonomousSchema>;

/** The VNG weight of loon (OVA) in the price index when a scenario names none. */
export const DEFAULT_WAGE_WEIGHT_PCT = 90;

export const VOLUME_ASSUMPTION_FIELDS = [
  'inflowChangePct',
  'durationChangePct',
  'intensityChangePct',
  'priceIndexPct',
] as const;
export const BUDGET_ASSUMPTION_FIELDS = ['amountChangePct'] as const;
export type AssumptionField = (typeof VOLUME_ASSUMPTION_FIELDS)[number] | (typeof BUDGET_ASSUMPTION_FIELDS)[number];

export function emptyScenario(name: string, description?: string): Scenario {
  return {
    format: SCENARIO_FORMAT,
    name,
    ...(description ? { description } : {}),
    assumptions: {},
    substitutions: [],
    funding: {},
  };
}
