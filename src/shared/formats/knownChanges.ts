import { z } from 'zod';
import { euroByYear, fmt, idSchema, maxEntries, nameSchema, textSchema, yearSchema } from './common';
import {
  MAX_GEMEENTEN,
  MAX_KNOWN_CHANGES,
  MAX_KNOWN_CHANGE_SEGMENTS,
  MAX_PCT,
  MAX_RANGE_PCT,
  MIN_PCT,
  MIN_RANGE_PCT,
  overMaximum,
  underMinimum,
} from './limits';

/**
 * Bekende ontwikkelingen (docs/formats.md, "Bekende ontwikkelingen"): known changes a begroting
 * budgets as separate lines next to indexation — woonplaatsbeginsel, landelijk tarief JB/JR, … .
 *
 * The MODEL holds the region's figures (`model.knownChanges`, optional: a file without it is read
 * as before); a SCENARIO switches them on (`scenario.knownChanges: {"woonplaatsbeginsel": true}`),
 * like the Rijksmaatregelen (`measures`).
 *
 * Amounts are the effect on the line's own side: lasten + = more lasten, baten + = more baten.
 * A structureel change keeps its last listed amount in every later year; an incidentele one only
 * counts in the years it lists.
 */
const rangePct = (which: 'lowPct' | 'highPct') =>
  z
    .number()
    .min(MIN_RANGE_PCT, { error: (iss) => `${which} ${underMinimum(iss.input as number, MIN_RANGE_PCT)} (%)` })
    .max(MAX_RANGE_PCT, { error: (iss) => `${which} ${overMaximum(iss.input as number, MAX_RANGE_PCT)} (%)` });

/** The spread of a known change's amount, in % of it: low ≤ 0 ≤ high (Monte Carlo draws a factor 1 + pct/100). */
export const changeRangeSchema = z
  .strictObject({
    lowPct: rangePct('lowPct'),
    highPct: rangePct('highPct'),
    /** why this spread */
    source: textSchema.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.lowPct > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['lowPct'],
        input: r.lowPct,
        message: `lowPct ${fmt(r.lowPct)} is groter dan 0: de ondergrens ligt op of onder het bedrag zelf`,
      });
    if (r.highPct < 0)
      ctx.addIssue({
        code: 'custom',
        path: ['highPct'],
        input: r.highPct,
        message: `highPct ${fmt(r.highPct)} is kleiner dan 0: de bovengrens ligt op of boven het bedrag zelf`,
      });
  });

export type ChangeRange = z.infer<typeof changeRangeSchema>;

/** A formula: pct % of the lasten of the named segments, from fromYear on (e.g. a national tariff change). */
export const pctOfSegmentsSchema = z.strictObject({
  segments: z
    .array(idSchema)
    .min(1, { error: 'noem minstens één segment' })
    .max(MAX_KNOWN_CHANGE_SEGMENTS, {
      error: (iss) => overMaximum((iss.input as unknown[]).length, MAX_KNOWN_CHANGE_SEGMENTS, 'segmenten'),
    }),
  pct: z
    .number()
    .min(MIN_PCT, { error: (iss) => `${fmt(iss.input)} is kleiner dan -100%` })
    .max(MAX_PCT, { error: (iss) => `${fmt(iss.input)} is groter dan 1.000%` }),
  fromYear: yearSchema,
});

export const KNOWN_CHANGE_SIDES = ['lasten', 'baten'] as const;
export const KNOWN_CHANGE_KINDS = ['structureel', 'incidenteel'] as const;

export const knownChangeSchema = z
  .strictObject({
    id: idSchema,
    name: nameSchema,
    side: z.enum(KNOWN_CHANGE_SIDES),
    kind: z.enum(KNOWN_CHANGE_KINDS),
    /** regional amount by year, euro */
    amount: euroByYear.optional(),
    /** amount per gemeente-id by year, euro: goes to that gemeente exactly */
    perGemeente: maxEntries(z.record(z.string(), euroByYear), MAX_GEMEENTEN, 'gemeenten').optional(),
    /** a formula on segments' lasten */
    pctOfSegments: pctOfSegmentsSchema.optional(),
    /** a regional amount is split over the gemeenten like this segment's line; default: by youth 0–17 (lasten) or the Rijksmiddelen key (baten) */
    splitAs: idSchema.optional(),
    range: changeRangeSchema.optional(),
    /** document, table and year */
    source: textSchema.refine((t) => t.trim().length > 0, {
      error: 'mag niet leeg zijn: noem document, tabel en jaar',
    }),
    /** true when the figures are an estimate (the source gives no figure for it) */
    estimate: z.boolean().optional(),
    /** how the figures were derived */
    note: textSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.amount === undefined && c.perGemeente === undefined && c.pctOfSegments === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        input: undefined,
        message: 'geef een bedrag (amount), bedragen per gemeente (perGemeente) of een formule (pctOfSegments)',
      });
  });

export type KnownChange = z.infer<typeof knownChangeSchema>;

/** `model.knownChanges`. */
export const modelKnownChangesSchema = z.array(knownChangeSchema).max(MAX_KNOWN_CHANGES, {
  error: (iss) => overMaximum((iss.input as unknown[]).length, MAX_KNOWN_CHANGES, 'ontwikkelingen'),
});

/** `scenario.knownChanges`: {id: true} switches a model's known change on; false or absent is off. */
export const scenarioKnownChangesSchema = maxEntries(
  z.record(z.string(), z.boolean()),
  MAX_KNOWN_CHANGES,
  'ontwikkelingen',
);
