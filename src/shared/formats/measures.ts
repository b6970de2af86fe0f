import { z } from 'zod';
import { fmt, maxEntries, textSchema } from './common';
import { MAX_MEASURE_ENTRIES } from './limits';

/**
 * Rijksmaatregelen (see domain/rijksmaatregelen.ts and docs/analysis.md).
 *
 * Scenario: `"measures": {"korting-511-mln": true, "eigen-bijdrage": false}` —
 * a measure is on when its value is true; false or absent is off.
 */
export const scenarioMeasuresSchema = maxEntries(z.record(z.string(), z.boolean()), MAX_MEASURE_ENTRIES, 'maatregelen');

/**
 * Model: `funding.nationalShare` — the region's share of the national jeugd
 * budget, as a fraction, with its source. A measure's regional amount is the
 * national amount × this share.
 */
export const nationalShareSchema = z.strictObject({
  value: z
    .number()
    .gt(0, { error: (iss) => `${fmt(iss.input)} moet groter dan 0 zijn` })
    .max(1, { error: (iss) => `${fmt(iss.input)} is groter dan 1 (een aandeel is een fractie tussen 0 en 1)` }),
  source: textSchema,
  estimate: z.boolean().optional(),
});

export type ScenarioMeasures = z.infer<typeof scenarioMeasuresSchema>;
export type NationalShare = z.infer<typeof nationalShareSchema>;
