import { z } from 'zod';
import { fmt, idSchema, maxEntries, nameSchema, pctByYear, sharePctByYear, textSchema } from './common';
import { MAX_POLICIES, MAX_SCENARIO_SEGMENT_ENTRIES, MAX_SUBSTITUTION_RULES, overMaximum } from './limits';
import { rangeSchema } from './ranges';

/**
 * Beleidsmaatregelen (scenario extension `policies`, docs/formats.md "Beleidsmaatregelen"): a named
 * group of effects, each resting on one line of a policy document (e.g. a KPI of Bijlage 8 of the
 * Regionaal Beleidsplan Jeugd), with how much of the intended effect the region achieves.
 *
 * The engine applies `realisatiePct / 100 × effect` per year, multiplied with the segment's own
 * yearly path (engine/policies). Absent = no policies: results exactly as before.
 */

/** The realisation of a measure in percent of the intended effect: 0 (nothing) to 100 (all of it). */
export const realisatiePctSchema = z
  .number()
  .min(0, { error: (iss) => `${fmt(iss.input)} is negatief: de realisatie ligt tussen 0% en 100%` })
  .max(100, { error: (iss) => `${fmt(iss.input)} is meer dan 100%: de realisatie ligt tussen 0% en 100%` });

/** The intended effect on one segment: yearly percentages, like a segment's own assumptions. */
export const policyEffectSchema = z.strictObject({
  inflowChangePct: pctByYear.optional(),
  durationChangePct: pctByYear.optional(),
  intensityChangePct: pctByYear.optional(),
  amountChangePct: pctByYear.optional(),
});

/** A shift of inflow between two volume segments; the share moved is realisatiePct/100 × sharePct. */
export const policySubstitutionSchema = z.strictObject({
  from: idSchema,
  to: idSchema,
  sharePct: sharePctByYear,
});

export const policySchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  /** the line of the policy document this measure rests on, cited */
  source: textSchema.optional(),
  /** how much of the intended effect the region achieves, % (0..100) */
  realisatiePct: realisatiePctSchema,
  /** why this realisation: evaluations, the region's record, an expert's judgement */
  realisatieSource: textSchema.optional(),
  /** the Monte Carlo range of realisatiePct: absolute percentages, low ≤ realisatiePct ≤ high, 0..100 */
  ranges: z.strictObject({ realisatiePct: rangeSchema.optional() }).optional(),
  /** the intended (100 %) effect per segment id */
  effects: maxEntries(
    z.record(z.string(), policyEffectSchema),
    MAX_SCENARIO_SEGMENT_ENTRIES,
    'segmenten met aannames',
  ).default({}),
  substitutions: z
    .array(policySubstitutionSchema)
    .max(MAX_SUBSTITUTION_RULES, {
      error: (iss) => overMaximum((iss.input as unknown[]).length, MAX_SUBSTITUTION_RULES, 'regels'),
    })
    .default([]),
});

export const policiesSchema = z
  .array(policySchema)
  .max(MAX_POLICIES, {
    error: (iss) => overMaximum((iss.input as unknown[]).length, MAX_POLICIES, 'maatregelen'),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          input: p.id,
          message: `${JSON.stringify(p.id)} komt twee keer voor: elke maatregel heeft een eigen id`,
        });
      seen.add(p.id);
    });
  });

export type Policy = z.infer<typeof policySchema>;
export type PolicyEffect = z.infer<typeof policyEffectSchema>;
export type PolicySubstitution = z.infer<typeof policySubstitutionSchema>;

export const POLICY_EFFECT_FIELDS = [
  'inflowChangePct',
  'durationChangePct',
  'intensityChangePct',
  'amountChangePct',
] as const;
export type PolicyEffectField = (typeof POLICY_EFFECT_FIELDS)[number];
