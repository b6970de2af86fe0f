import { z } from 'zod';
import { fmt, maxEntries, storableText, textSchema } from './common';
import { MAX_AMOUNT, MAX_SCENARIO_SEGMENT_ENTRIES, overMaximum, underMinimum } from './limits';

/**
 * Uncertainty ranges (scenario extension, see docs/analysis.md).
 *
 * A range is a low and a high value; the most likely value is the scenario's
 * own value, so a range never changes the deterministic result. Monte Carlo
 * draws from the triangular distribution (low, most likely, high).
 *
 * Two kinds of field take a range:
 * - base figures (absolute values): `inflowPerYear`, `avgDurationMonths`,
 *   `unitsPerClientMonth`, `pricePerUnit` of a volume segment, `amount` of a
 *   budget line, the funding's `baseAmount`, a prevention effect's
 *   `inflowPctPer100k` and `maxPct`. The most likely value is the model's
 *   (or the effect's) figure; low ≤ figure ≤ high.
 * - yearly percentages (`inflowChangePct`, `durationChangePct`,
 *   `intensityChangePct`, `priceIndexPct`, `amountChangePct`, the funding's
 *   `indexPct`, a substitution's `sharePct`): the range is a shift in
 *   percentage points, low ≤ 0 ≤ high. One draw shifts every year's percentage
 *   (baseYear+1..endYear; for a substitution only the years it names) by the
 *   same amount: an estimate that is too low is usually too low every year.
 *
 * An optional `link` names a group: every range with the same link is drawn
 * with the same uniform number u in a Monte Carlo draw (perfectly
 * rank-correlated), each mapped through its own low/mode/high. One VNG price
 * index applies to every segment at once; drawing it per segment would
 * average that risk away.
 */
export const LINK_MAX_LENGTH = 40;

/** The name of a link group, e.g. "vng-index": not empty, no spaces around it, short. */
export const linkSchema = z.string().superRefine((v, ctx) => {
  const problem =
    v.trim() === ''
      ? `${JSON.stringify(v)} is leeg: geef de groep een naam (bijv. "vng-index") of laat het veld weg`
      : v !== v.trim()
        ? `${JSON.stringify(v)} begint of eindigt met een spatie: dan lijkt het dezelfde groep als ${JSON.stringify(v.trim())} maar is het een andere`
        : v.length > LINK_MAX_LENGTH
          ? `${JSON.stringify(v)} is langer dan ${LINK_MAX_LENGTH} tekens (${v.length})`
          : undefined;
  if (problem) ctx.addIssue({ code: 'custom', input: v, message: problem });
  else storableText(false)(v, ctx);
});

/** low and high: within ± € 10^12, the largest bound of any field; analysisChecks applies the field's own. */
const rangeValue = z
  .number()
  .min(-MAX_AMOUNT, { error: (iss) => underMinimum(iss.input as number, -MAX_AMOUNT) })
  .max(MAX_AMOUNT, { error: (iss) => overMaximum(iss.input as number, MAX_AMOUNT) });

export const rangeSchema = z
  .strictObject({
    low: rangeValue,
    high: rangeValue,
    /** why this range: the spread in realisations, a provider's bandwidth, an expert's judgement */
    source: textSchema.optional(),
    /** ranges with the same link are drawn together (same quantile in every draw) */
    link: linkSchema.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.low > r.high) {
      ctx.addIssue({
        code: 'custom',
        path: ['low'],
        input: r.low,
        message: `low ${fmt(r.low)} is groter dan high ${fmt(r.high)}`,
      });
    }
  });

export type Range = z.infer<typeof rangeSchema>;

export const VOLUME_BASE_RANGE_FIELDS = [
  'inflowPerYear',
  'avgDurationMonths',
  'unitsPerClientMonth',
  'pricePerUnit',
] as const;
export const BUDGET_BASE_RANGE_FIELDS = ['amount'] as const;
export const VOLUME_PCT_RANGE_FIELDS = [
  'inflowChangePct',
  'durationChangePct',
  'intensityChangePct',
  'priceIndexPct',
] as const;
export const BUDGET_PCT_RANGE_FIELDS = ['amountChangePct'] as const;

export type SegmentBaseRangeField =
  (typeof VOLUME_BASE_RANGE_FIELDS)[number] | (typeof BUDGET_BASE_RANGE_FIELDS)[number];
export type SegmentPctRangeField = (typeof VOLUME_PCT_RANGE_FIELDS)[number] | (typeof BUDGET_PCT_RANGE_FIELDS)[number];
export type SegmentRangeField = SegmentBaseRangeField | SegmentPctRangeField;

/** Ranges of one segment, by field. */
export const segmentRangesSchema = z.strictObject({
  inflowPerYear: rangeSchema.optional(),
  avgDurationMonths: rangeSchema.optional(),
  unitsPerClientMonth: rangeSchema.optional(),
  pricePerUnit: rangeSchema.optional(),
  amount: rangeSchema.optional(),
  inflowChangePct: rangeSchema.optional(),
  durationChangePct: rangeSchema.optional(),
  intensityChangePct: rangeSchema.optional(),
  priceIndexPct: rangeSchema.optional(),
  amountChangePct: rangeSchema.optional(),
});

export type SegmentRanges = z.infer<typeof segmentRangesSchema>;

/** `scenario.ranges`: {segmentId: {field: {low, high}}}. */
export const scenarioRangesSchema = maxEntries(
  z.record(z.string(), segmentRangesSchema),
  MAX_SCENARIO_SEGMENT_ENTRIES,
  'segmenten met bandbreedtes',
);

/** `scenario.funding.ranges`. */
export const fundingRangesSchema = z.strictObject({
  baseAmount: rangeSchema.optional(),
  indexPct: rangeSchema.optional(),
});

export type FundingRanges = z.infer<typeof fundingRangesSchema>;

/** The yearly drivers of autonome ontwikkeling that take a range (a shift in percentage points). */
export const AUTONOMOUS_RANGE_FIELDS = [
  'usageChangePct',
  'severityChangePct',
  'wageIndexPct',
  'materialIndexPct',
] as const;
export type AutonomousRangeField = (typeof AUTONOMOUS_RANGE_FIELDS)[number];

/** `scenario.autonomous.ranges`. */
export const autonomousRangesSchema = z.strictObject({
  usageChangePct: rangeSchema.optional(),
  severityChangePct: rangeSchema.optional(),
  wageIndexPct: rangeSchema.optional(),
  materialIndexPct: rangeSchema.optional(),
});

/** `scenario.substitutions[i].ranges`. */
export const substitutionRangesSchema = z.strictObject({
  sharePct: rangeSchema.optional(),
});

export function isBaseRangeField(field: SegmentRangeField): field is SegmentBaseRangeField {
  return (VOLUME_BASE_RANGE_FIELDS as readonly string[]).includes(field) || field === 'amount';
}
