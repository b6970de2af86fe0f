import { z } from 'zod';
import { nationalShareSchema } from './measures';
import { OBSOLETE_TAAKVELDEN, TAAKVELD_CODES, isTaakveldCode } from '../domain/taakvelden';
import {
  amountSchema,
  atMost,
  countSchema,
  fmt,
  fractionSchema,
  idSchema,
  maxEntries,
  nameSchema,
  pctByYear,
  textSchema,
  yearMap,
  yearSchema,
} from './common';
import {
  MAX_DAYS_PER_CLIENT,
  MAX_DURATION_MONTHS,
  MAX_GEMEENTEN,
  MAX_HORIZON_YEARS,
  MAX_SEGMENTS,
  MAX_UNITS_PER_CLIENT_MONTH,
  overMaximum,
} from './limits';

export const MODEL_FORMAT = 'jeugdbegroting/model@1';

export const taakveldSchema = z.string().superRefine((code, ctx) => {
  if (isTaakveldCode(code)) return;
  const obsolete = (OBSOLETE_TAAKVELDEN as readonly string[]).includes(code);
  ctx.addIssue({
    code: 'custom',
    input: code,
    message: obsolete
      ? `${JSON.stringify(code)} is een taakveldcode van vóór 2023 en mag niet meer worden gebruikt (kies bijv. 6.72a–d, 6.73a–c, 6.74a–c, 6.82a–b)`
      : `${JSON.stringify(code)} is geen Iv3-taakveld voor jeugd (toegestaan: ${TAAKVELD_CODES.join(', ')})`,
  });
});

/** How a line's cost is divided over the gemeenten. */
export const splitSchema = z.union([
  z.literal('solidarity'),
  z.literal('usage'),
  z.strictObject({
    solidarityPct: z
      .number()
      .min(0, { error: (iss) => `${fmt(iss.input)} is negatief` })
      .max(100, { error: (iss) => `${fmt(iss.input)} is meer dan 100%` }),
  }),
]);

/** A duration in months: 1 up to 600. */
function durationSchema() {
  return atMost(z.number().min(1, { error: (iss) => `${fmt(iss.input)} is kleiner dan 1 maand` }), MAX_DURATION_MONTHS, 'maanden');
}

/** The realisation figures a volume segment was calibrated from (see engine/calibrate). */
export const calibrationSchema = z.strictObject({
  year: yearSchema,
  clients: countSchema.gt(0, { error: (iss) => `${fmt(iss.input)} moet groter dan 0 zijn` }),
  turnover: amountSchema,
  /** assumed average duration in months … */
  durationMonths: durationSchema().optional(),
  /** … or the average number of days per client in the year, from which the duration is derived */
  avgDaysPerClient: atMost(z.number().gt(0, { error: (iss) => `${fmt(iss.input)} moet groter dan 0 zijn` }), MAX_DAYS_PER_CLIENT, 'dagen').optional(),
  source: textSchema.optional(),
});

const lineCommon = {
  id: idSchema,
  name: nameSchema,
  /** Optional grouping in the beleidsplan's segments, e.g. "Ambulant". */
  group: nameSchema.optional(),
  taakveld: taakveldSchema.optional(),
  split: splitSchema.optional(),
  usageShare: maxEntries(z.record(z.string(), fractionSchema), MAX_GEMEENTEN, 'gemeenten').optional(),
  source: textSchema.optional(),
  estimate: z.boolean().optional(),
  note: textSchema.optional(),
};

export const volumeSegmentSchema = z.strictObject({
  ...lineCommon,
  kind: z.literal('volume'),
  inflowPerYear: countSchema,
  avgDurationMonths: durationSchema(),
  unitsPerClientMonth: atMost(z.number().gt(0, { error: (iss) => `${fmt(iss.input)} moet groter dan 0 zijn` }), MAX_UNITS_PER_CLIENT_MONTH).optional(),
  unit: nameSchema,
  pricePerUnit: amountSchema,
  openingClients: countSchema.optional(),
  calibration: calibrationSchema.optional(),
});

export const budgetSegmentSchema = z.strictObject({
  ...lineCommon,
  kind: z.literal('budget'),
  amount: amountSchema,
});

export const segmentSchema = z.discriminatedUnion('kind', [volumeSegmentSchema, budgetSegmentSchema]);

export const gemeenteSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  youth0to17: countSchema.gt(0, { error: (iss) => `${fmt(iss.input)} moet groter dan 0 zijn` }),
  fundingShare: fractionSchema.optional(),
  source: textSchema.optional(),
  estimate: z.boolean().optional(),
});

export const fundingSchema = z.strictObject({
  baseAmount: amountSchema,
  indexPct: pctByYear.optional(),
  /** the region's share of the national jeugd budget, for Rijksmaatregelen (formats/measures) */
  nationalShare: nationalShareSchema.optional(),
  source: textSchema.optional(),
  estimate: z.boolean().optional(),
});

const modelShape = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  name: nameSchema,
  description: textSchema.optional(),
  baseYear: yearSchema,
  endYear: yearSchema,
  gemeenten: z
    .array(gemeenteSchema)
    .min(1, { error: 'moet minstens één gemeente bevatten' })
    .max(MAX_GEMEENTEN, { error: (iss) => overMaximum((iss.input as unknown[]).length, MAX_GEMEENTEN, 'gemeenten') }),
  segments: z
    .array(segmentSchema)
    .min(1, { error: 'moet minstens één segment bevatten' })
    .max(MAX_SEGMENTS, { error: (iss) => overMaximum((iss.input as unknown[]).length, MAX_SEGMENTS, 'segmenten') }),
  funding: fundingSchema,
});

export const modelSchema = modelShape.superRefine((m, ctx) => {
  const add = (path: PropertyKey[], message: string, input?: unknown) =>
    ctx.addIssue({ code: 'custom', path, message, input });

  if (m.endYear <= m.baseYear) add(['endYear'], `${m.endYear} ligt niet na baseYear ${m.baseYear}`);
  if (m.endYear - m.baseYear > MAX_HORIZON_YEARS) {
    add(['endYear'], `${m.endYear} ligt meer dan ${MAX_HORIZON_YEARS} jaar na baseYear ${m.baseYear}`);
  }

  checkUnique(m.gemeenten, 'gemeenten', add);
  checkUnique(m.segments, 'segments', add);

  const gemeenteIds = new Set(m.gemeenten.map((g) => g.id));
  m.segments.forEach((s, i) => {
    for (const gid of Object.keys(s.usageShare ?? {})) {
      if (!gemeenteIds.has(gid)) add(['segments', i, 'usageShare', gid], `${fmt(gid)} is geen gemeente van dit model`);
    }
    if (s.kind === 'volume' && s.calibration && s.calibration.durationMonths === undefined && s.calibration.avgDaysPerClient === undefined) {
      add(['segments', i, 'calibration'], 'geef durationMonths of avgDaysPerClient');
    }
  });

  // with an impossible year range every key would be "outside": the endYear message says it all
  if (m.endYear > m.baseYear) checkYearKeys(m.funding.indexPct, ['funding', 'indexPct'], m.baseYear, m.endYear, add);

  if (m.gemeenten.every((g) => g.fundingShare !== undefined)) {
    const sum = m.gemeenten.reduce((t, g) => t + (g.fundingShare ?? 0), 0);
    if (Math.abs(sum - 1) > 0.005) add(['gemeenten'], `de fundingShare-aandelen tellen op tot ${round4(sum)}, niet tot 1`);
  }
});

export type Model = z.infer<typeof modelSchema>;
export type Segment = z.infer<typeof segmentSchema>;
export type VolumeSegment = z.infer<typeof volumeSegmentSchema>;
export type BudgetSegment = z.infer<typeof budgetSegmentSchema>;
export type Gemeente = z.infer<typeof gemeenteSchema>;
export type Funding = z.infer<typeof fundingSchema>;
export type Split = z.infer<typeof splitSchema>;
export type Calibration = z.infer<typeof calibrationSchema>;

type AddIssue = (path: PropertyKey[], message: string, input?: unknown) => void;

function checkUnique(items: readonly { id: string }[], field: string, add: AddIssue): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) add([field, i, 'id'], `${JSON.stringify(item.id)} komt al voor bij ${field}[${first}]`);
    else seen.set(item.id, i);
  });
}

/** Year keys must lie in baseYear+1..endYear: the base year is the model's own figure. */
export function checkYearKeys(
  map: Record<string, unknown> | undefined,
  path: PropertyKey[],
  baseYear: number,
  endYear: number,
  add: AddIssue,
): void {
  for (const key of Object.keys(map ?? {})) {
    const year = Number(key);
    if (year < baseYear + 1 || year > endYear) {
      add([...path, key], `jaar ${key} ligt buiten ${baseYear + 1}–${endYear}`);
    }
  }
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export { yearMap };
