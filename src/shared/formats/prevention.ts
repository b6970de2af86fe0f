import { z } from 'zod';
import { euroByYear, fmt, idSchema, nameSchema, textSchema } from './common';
import { MAX_LAG_YEARS, MAX_PREVENTION_EFFECTS, overMaximum } from './limits';
import { rangeSchema } from './ranges';

/**
 * Prevention effect of the transformation budget (scenario extension, see
 * docs/analysis.md). An explicit assumption: "each extra € 100.000 of
 * transformation budget lowers the inflow of segment X by p% from `lagYears`
 * later, at most `maxPct`%". A negative p raises the inflow (early detection).
 */
export const preventionEffectSchema = z.strictObject({
  /** the volume segment whose inflow falls */
  segment: idSchema,
  /**
   * % lower inflow per € 100.000 extra budget (−100..100). Negative: the measure RAISES the inflow
   * (e.g. vroegsignalering finds need that was not seen before): −2 = 2% more inflow per € 100.000.
   * Either way the change is at most maxPct.
   */
  inflowPctPer100k: z
    .number()
    .min(-100, {
      error: (iss) =>
        `${fmt(iss.input)} is kleiner dan -100% (negatief betekent: de maatregel verhoogt de instroom, bijv. door vroegsignalering)`,
    })
    .max(100, { error: (iss) => `${fmt(iss.input)} is meer dan 100%` }),
  /** years between spending and effect: budget of year t works on the inflow of year t + lagYears */
  lagYears: z
    .number()
    .int({ error: (iss) => `${fmt(iss.input)} is geen heel aantal jaren` })
    .min(0, { error: (iss) => `${fmt(iss.input)} is negatief` })
    .max(MAX_LAG_YEARS, { error: (iss) => `${fmt(iss.input)} is meer dan ${MAX_LAG_YEARS} jaar` }),
  /** ceiling: the inflow changes by at most this many percent, up or down */
  maxPct: z
    .number()
    .min(0, { error: (iss) => `${fmt(iss.input)} is negatief` })
    .max(100, { error: (iss) => `${fmt(iss.input)} is meer dan 100%` }),
  ranges: z
    .strictObject({
      inflowPctPer100k: rangeSchema.optional(),
      maxPct: rangeSchema.optional(),
    })
    .optional(),
  source: textSchema.optional(),
});

export const preventionSchema = z.strictObject({
  /** label of the cost line; default "Extra transformatiebudget (preventie, aanname)" */
  name: nameSchema.optional(),
  /** extra (+) or less (−) transformation budget per year, on top of the model's budget lines */
  extraBudget: euroByYear,
  effects: z
    .array(preventionEffectSchema)
    .max(MAX_PREVENTION_EFFECTS, {
      error: (iss) => overMaximum((iss.input as unknown[]).length, MAX_PREVENTION_EFFECTS, 'effecten'),
    })
    .default([]),
  /** what the assumed effect rests on */
  source: textSchema.optional(),
});

export type PreventionEffect = z.infer<typeof preventionEffectSchema>;
export type Prevention = z.infer<typeof preventionSchema>;

export const PREVENTION_LINE_ID = 'preventie:extra-budget';
export const PREVENTION_LINE_NAME = 'Extra transformatiebudget (preventie, aanname)';
