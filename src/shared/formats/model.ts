import { z } from 'zod';
import { nationalShareSchema } from './measures';
import { modelKnownChangesSchema, type KnownChange } from './knownChanges';
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
  MAX_YEAR,
  overMaximum,
} from './limits';

export const MODEL_FORMAT = 'jeugdbegroting/model@2';
/** The previous format: model@2 without realisatie and cbsCode. Read through migrateModel (./migrate). */
export const MODEL_FORMAT_V1 = 'jeugdbegroting/model@1';

/** The last year a model may run to (a meerjarenraming made in 2026 runs to 2030; 2060 leaves room). */
export const MAX_END_YEAR = MAX_YEAR;

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

/**
 * Which use a "gebruik" key follows (docs/formats.md, "Verdeling over gemeenten"):
 * 'fixed' the typed usageShare ("vast"), 'previous-year' the realised lasten per
 * gemeente in year t−1, 'average-3' the realised shares averaged over the last 3
 * realised years.
 */
export const USAGE_BASES = ['fixed', 'previous-year', 'average-3'] as const;
export type UsageBasis = (typeof USAGE_BASES)[number];

/** How a line's cost is divided over the gemeenten. */
export const splitSchema = z.union([
  z.literal('solidarity'),
  /** by the typed usageShare ("vast") */
  z.literal('usage'),
  z.literal('usage-previous-year'),
  z.literal('usage-average-3'),
  /** x % solidarity + (100 − x) % use; use = usageShare unless `usage` says otherwise */
  z.strictObject({
    solidarityPct: z
      .number()
      .min(0, { error: (iss) => `${fmt(iss.input)} is negatief` })
      .max(100, { error: (iss) => `${fmt(iss.input)} is meer dan 100%` }),
    usage: z.enum(USAGE_BASES).optional(),
  }),
]);

/** A duration in months: 1 up to 600. */
function durationSchema() {
  return atMost(
    z.number().min(1, { error: (iss) => `${fmt(iss.input)} is kleiner dan 1 maand` }),
    MAX_DURATION_MONTHS,
    'maanden',
  );
}

/** The realisation figures a volume segment was calibrated from (see engine/calibrate). */
export const calibrationSchema = z.strictObject({
  year: yearSchema,
  clients: countSchema.gt(0, { error: (iss) => `${fmt(iss.input)} moet groter dan 0 zijn` }),
  turnover: amountSchema,
  /** assumed average duration in months … */
  durationMonths: durationSchema().optional(),
  /** … or the average number of days per client in the year, from which the duration is derived */
  avgDaysPerClient: atMost(
    z.number().gt(0, { error: (iss) => `${fmt(iss.input)} moet groter dan 0 zijn` }),
    MAX_DAYS_PER_CLIENT,
    'dagen',
  ).optional(),
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
  unitsPerClientMonth: atMost(
    z.number().gt(0, { error: (iss) => `${fmt(iss.input)} moet groter dan 0 zijn` }),
    MAX_UNITS_PER_CLIENT_MONTH,
  ).optional(),
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

/**
 * CBS gemeentecode as StatLine uses it: GM + four digits (GM0983 Venlo). StatLine's
 * RegioS dimension pads codes with spaces ("GM0983    "): trimmed here.
 */
export const cbsCodeSchema = z
  .string()
  .trim()
  .regex(/^GM\d{4}$/, {
    error: (iss) =>
      `${JSON.stringify(iss.input)} is geen CBS-gemeentecode (GM gevolgd door vier cijfers, bijv. "GM0983")`,
  });

export const gemeenteSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  cbsCode: cbsCodeSchema.optional(),
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

const sourceSchema = textSchema.refine((t) => t.trim().length > 0, {
  error: 'mag niet leeg zijn: noem document, tabel en jaar',
});

/** One realised figure of a segment in one year, for the region or one gemeente. */
export const realisedFigureSchema = z.strictObject({
  /** unique jeugdigen with this care in the year (N) */
  clients: countSchema.optional(),
  /** trajecten begonnen / beëindigd in the year (informative) */
  started: countSchema.optional(),
  ended: countSchema.optional(),
  /** realised lasten in euro (K) */
  lasten: amountSchema,
  /** volume in the segment's unit (uren, etmalen, dagdelen) */
  volume: countSchema.optional(),
  source: sourceSchema,
  estimate: z.boolean().optional(),
  note: textSchema.optional(),
});

export const realisedFundingSchema = z.strictObject({
  amount: amountSchema,
  source: sourceSchema,
  estimate: z.boolean().optional(),
  note: textSchema.optional(),
});

const figuresByYear = yearMap(realisedFigureSchema);

export const realisatieSchema = z.strictObject({
  /** the last realised year R */
  lastYear: yearSchema,
  /** per segment id, per year baseYear..R */
  segments: maxEntries(z.record(z.string(), figuresByYear), MAX_SEGMENTS, 'segmenten'),
  /** per gemeente id: Rijksmiddelen jeugd per year and, where known, the gemeente's own figures */
  gemeenten: maxEntries(
    z.record(
      z.string(),
      z.strictObject({
        rijksmiddelen: yearMap(realisedFundingSchema).optional(),
        segments: maxEntries(z.record(z.string(), figuresByYear), MAX_SEGMENTS, 'segmenten').optional(),
      }),
    ),
    MAX_GEMEENTEN,
    'gemeenten',
  ).optional(),
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
  realisatie: realisatieSchema.optional(),
  /** bekende ontwikkelingen (formats/knownChanges): optional, a model without them reads as before */
  knownChanges: modelKnownChangesSchema.optional(),
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
  const codes = new Map<string, number>();
  m.gemeenten.forEach((g, i) => {
    if (g.cbsCode === undefined) return;
    const first = codes.get(g.cbsCode);
    if (first !== undefined)
      add(['gemeenten', i, 'cbsCode'], `${JSON.stringify(g.cbsCode)} komt al voor bij gemeenten[${first}]`);
    else codes.set(g.cbsCode, i);
  });

  const gemeenteIds = new Set(m.gemeenten.map((g) => g.id));
  m.segments.forEach((s, i) => {
    for (const gid of Object.keys(s.usageShare ?? {})) {
      if (!gemeenteIds.has(gid)) add(['segments', i, 'usageShare', gid], `${fmt(gid)} is geen gemeente van dit model`);
    }
    if (
      s.kind === 'volume' &&
      s.calibration &&
      s.calibration.durationMonths === undefined &&
      s.calibration.avgDaysPerClient === undefined
    ) {
      add(['segments', i, 'calibration'], 'geef durationMonths of avgDaysPerClient');
    }
  });

  // with an impossible year range every key would be "outside": the endYear message says it all
  if (m.endYear > m.baseYear) checkYearKeys(m.funding.indexPct, ['funding', 'indexPct'], m.baseYear, m.endYear, add);

  if (m.realisatie && m.endYear > m.baseYear) checkRealisatie(m, add);
  if (m.knownChanges && m.endYear > m.baseYear) checkKnownChanges(m.knownChanges, m, gemeenteIds, add);

  if (m.gemeenten.every((g) => g.fundingShare !== undefined)) {
    const sum = m.gemeenten.reduce((t, g) => t + (g.fundingShare ?? 0), 0);
    if (Math.abs(sum - 1) > 0.005)
      add(['gemeenten'], `de fundingShare-aandelen tellen op tot ${round4(sum)}, niet tot 1`);
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
export type Realisatie = z.infer<typeof realisatieSchema>;
export type RealisedFigure = z.infer<typeof realisedFigureSchema>;
export type RealisedFunding = z.infer<typeof realisedFundingSchema>;

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

/** Unique ids; gemeenten, segments and years that exist in the model. */
function checkKnownChanges(
  changes: readonly KnownChange[],
  m: { baseYear: number; endYear: number; segments: readonly { id: string }[] },
  gemeenteIds: ReadonlySet<string>,
  add: AddIssue,
): void {
  checkUnique(changes, 'knownChanges', add);
  const segmentIds = new Set(m.segments.map((s) => s.id));
  const years = (map: Record<string, unknown> | undefined, path: PropertyKey[]) => {
    for (const key of Object.keys(map ?? {})) {
      const year = Number(key);
      if (year < m.baseYear || year > m.endYear)
        add([...path, key], `jaar ${key} ligt buiten ${m.baseYear}–${m.endYear}`);
    }
  };
  changes.forEach((c, i) => {
    const base = ['knownChanges', i];
    years(c.amount, [...base, 'amount']);
    for (const [gid, series] of Object.entries(c.perGemeente ?? {})) {
      if (!gemeenteIds.has(gid)) add([...base, 'perGemeente', gid], `${fmt(gid)} is geen gemeente van dit model`);
      else years(series, [...base, 'perGemeente', gid]);
    }
    if (c.pctOfSegments) {
      c.pctOfSegments.segments.forEach((id, j) => {
        if (!segmentIds.has(id))
          add([...base, 'pctOfSegments', 'segments', j], `${fmt(id)} is geen segment van dit model`);
      });
      const from = c.pctOfSegments.fromYear;
      if (from < m.baseYear || from > m.endYear)
        add([...base, 'pctOfSegments', 'fromYear'], `${from} ligt buiten ${m.baseYear}–${m.endYear}`);
    }
    if (c.splitAs !== undefined && !segmentIds.has(c.splitAs))
      add([...base, 'splitAs'], `${fmt(c.splitAs)} is geen segment van dit model`);
  });
}

/** How far the gemeenten's realised figures may differ from the region's (rounding in the source). */
export function realisedTolerance(regionLasten: number): number {
  return Math.max(1, 0.005 * regionLasten);
}

/**
 * The realisatie rules (docs/formats.md, "Realisatie"): R within the horizon; a
 * segment has a figure for every year baseYear..R and no other, or none at all (new); volume segments
 * give clients; gemeente figures add up to at most the region's; Rijksmiddelen for
 * a year are given for all gemeenten or none.
 */
function checkRealisatie(m: z.infer<typeof modelShape>, add: AddIssue): void {
  const r = m.realisatie!;
  const R = r.lastYear;
  if (R < m.baseYear || R > m.endYear) {
    add(['realisatie', 'lastYear'], `${R} ligt buiten ${m.baseYear}–${m.endYear} (baseYear t/m endYear)`);
    return;
  }
  const segments = new Map(m.segments.map((s) => [s.id, s]));
  const inRange = (key: string) => {
    const y = Number(key);
    return y >= m.baseYear && y <= R;
  };
  const range = R === m.baseYear ? `${R}` : `${m.baseYear}–${R}`;

  for (const [sid, byYear] of Object.entries(r.segments)) {
    const seg = segments.get(sid);
    if (!seg) {
      add(['realisatie', 'segments', sid], `${JSON.stringify(sid)} is geen segment van dit model`);
      continue;
    }
    for (const [key, f] of Object.entries(byYear)) {
      const path = ['realisatie', 'segments', sid, key];
      if (!inRange(key)) {
        add(path, `jaar ${key} ligt buiten ${range} (baseYear t/m lastYear)`);
        continue;
      }
      if (seg.kind === 'volume') {
        if (f.clients === undefined)
          add([...path, 'clients'], 'ontbreekt: een volumesegment heeft het aantal jeugdigen nodig');
        else if (f.clients === 0 && f.lasten > 0)
          add([...path, 'clients'], `0 jeugdigen bij lasten ${f.lasten}: geef het aantal jeugdigen`);
      }
    }
  }
  for (const seg of m.segments) {
    const byYear = r.segments[seg.id];
    if (!byYear || Object.keys(byYear).length === 0) continue; // a new segment: no realisatie at all
    const missing: number[] = [];
    for (let y = m.baseYear; y <= R; y++) if (!byYear?.[String(y)]) missing.push(y);
    if (missing.length > 0) {
      add(
        ['realisatie', 'segments', seg.id],
        `mist realisatie voor ${missing.join(', ')}: een segment met realisatie heeft een cijfer voor elk jaar ${range}`,
      );
    }
  }

  const gemeenteIds = m.gemeenten.map((g) => g.id);
  const known = new Set(gemeenteIds);
  const fundingYears = new Map<string, string[]>();
  const sums = new Map<string, { sum: number; count: number }>();
  for (const [gid, g] of Object.entries(r.gemeenten ?? {})) {
    if (!known.has(gid)) {
      add(['realisatie', 'gemeenten', gid], `${JSON.stringify(gid)} is geen gemeente van dit model`);
      continue;
    }
    for (const key of Object.keys(g.rijksmiddelen ?? {})) {
      if (!inRange(key))
        add(
          ['realisatie', 'gemeenten', gid, 'rijksmiddelen', key],
          `jaar ${key} ligt buiten ${range} (baseYear t/m lastYear)`,
        );
      else fundingYears.set(key, [...(fundingYears.get(key) ?? []), gid]);
    }
    for (const [sid, byYear] of Object.entries(g.segments ?? {})) {
      if (!segments.has(sid)) {
        add(['realisatie', 'gemeenten', gid, 'segments', sid], `${JSON.stringify(sid)} is geen segment van dit model`);
        continue;
      }
      for (const [key, f] of Object.entries(byYear)) {
        if (!inRange(key)) {
          add(
            ['realisatie', 'gemeenten', gid, 'segments', sid, key],
            `jaar ${key} ligt buiten ${range} (baseYear t/m lastYear)`,
          );
          continue;
        }
        const k = `${sid}\u0000${key}`;
        const t = sums.get(k) ?? { sum: 0, count: 0 };
        sums.set(k, { sum: t.sum + f.lasten, count: t.count + 1 });
      }
    }
  }
  for (const [year, gids] of fundingYears) {
    if (gids.length === gemeenteIds.length) continue;
    const missing = gemeenteIds.filter((id) => !gids.includes(id));
    add(
      ['realisatie', 'gemeenten', missing[0]!, 'rijksmiddelen', year],
      `ontbreekt voor ${missing.join(', ')}: Rijksmiddelen voor ${year} staan bij ${gids.join(', ')}, en dan moeten ze bij alle gemeenten staan`,
    );
  }
  for (const [k, { sum, count }] of sums) {
    const [sid, year] = k.split('\u0000') as [string, string];
    const region = r.segments[sid]?.[year];
    if (!region && Object.keys(r.segments[sid] ?? {}).length === 0) {
      add(
        ['realisatie', 'gemeenten'],
        `lasten van ${JSON.stringify(sid)} in ${year}: gemeenten hebben cijfers, maar de regio heeft geen realisatie voor dit segment`,
      );
      continue;
    }
    if (!region || !(region.lasten >= 0) || !(sum >= 0)) continue; // reported above (missing or negative)
    const tol = realisedTolerance(region.lasten);
    const path = ['realisatie', 'gemeenten'];
    const what = `lasten van ${JSON.stringify(sid)} in ${year}`;
    if (sum > region.lasten + tol) {
      add(path, `${what}: de gemeenten tellen op tot ${round2(sum)}, meer dan de regio (${round2(region.lasten)})`);
    } else if (count === gemeenteIds.length && Math.abs(sum - region.lasten) > tol) {
      add(
        path,
        `${what}: de gemeenten tellen op tot ${round2(sum)}, de regio heeft ${round2(region.lasten)} (verschil meer dan € 1 en 0,5%)`,
      );
    }
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export { yearMap };
