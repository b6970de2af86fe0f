/**
 * The limits of the model@1 and scenario@1 formats, stated once.
 *
 * Every limit is far above any real region (Noord-Limburg: 7 gemeenten, 17
 * segments, a budget of € 79 mln) and low enough that nothing the engine, the
 * analysis or the Excel export does with a valid file can run away. The
 * schemas (common, model, scenario, ranges, prevention, measures) apply them,
 * so files, the API, the template import and the CLI all enforce the same
 * numbers; docs/formats.md ("Grenzen") lists them as LIMIT_TABLE does.
 */

/**
 * Segments of a model (volume segments and budget lines together) and its gemeenten (also the entries
 * of a segment's usageShare). Measured (bench "jobs", 2 December 2026, shared 2-core machine under
 * load): the Excel export of 3 scenario's for all gemeenten apart of 200 × 50 × 30 years stays within
 * its budgets (91 s of the 120 s; at 60 gemeenten 98 s); at 500 × 400 and at 500 × 100 it was
 * stopped (memory), at 200 × 100 too (time). A real jeugdregio has ≤ ~30 gemeenten, ≤ ~50 segments.
 */
export const MAX_SEGMENTS = 200;
/** Gemeenten of a model (also the entries of a segment's usageShare): see MAX_SEGMENTS. */
export const MAX_GEMEENTEN = 50;
/** Substitution rules of a scenario. */
export const MAX_SUBSTITUTION_RULES = 500;
/** Entries (segments) of a scenario's assumptions and of its ranges. */
export const MAX_SCENARIO_SEGMENT_ENTRIES = MAX_SEGMENTS;
/** Prevention effects of a scenario. */
export const MAX_PREVENTION_EFFECTS = 500;
/** Entries of a scenario's measures (Rijksmaatregelen on/off). */
export const MAX_MEASURE_ENTRIES = 500;
/** Beleidsmaatregelen (policies) of a scenario. */
export const MAX_POLICIES = 200;
/** Bekende ontwikkelingen of a model, and entries of a scenario's knownChanges (on/off). */
export const MAX_KNOWN_CHANGES = 200;
/** Segments one bekende ontwikkeling may take a percentage of (pctOfSegments.segments). */
export const MAX_KNOWN_CHANGE_SEGMENTS = MAX_SEGMENTS;
/** The spread of a bekende ontwikkeling or Rijksmaatregel (range.lowPct/highPct): −100% to +1.000% of its amount. */
export const MIN_RANGE_PCT = -100;
export const MAX_RANGE_PCT = 1000;

/** Years: baseYear, endYear and a calibration year lie within this span. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2060;
/** endYear lies at most this many years after baseYear. */
export const MAX_HORIZON_YEARS = 30;

/** Any euro amount (price, budget line, Rijksmiddelen, adjustment, extra budget, turnover), in absolute value. */
export const MAX_AMOUNT = 1e12;
/** Durations in months (avgDurationMonths, calibration.durationMonths). */
export const MAX_DURATION_MONTHS = 600;
/** Counts of people (inflowPerYear, openingClients, youth0to17, calibration.clients). */
export const MAX_COUNT = 1e7;
/** Units per client per month: 744 hours or 31 etmalen is the most a month holds. */
export const MAX_UNITS_PER_CLIENT_MONTH = 1000;
/** Average days per client in a year (calibration.avgDaysPerClient). */
export const MAX_DAYS_PER_CLIENT = 366;

/** A yearly percentage change (…Pct by year): −100% (to zero) up to +1.000% (catches typos). */
export const MIN_PCT = -100;
export const MAX_PCT = 1000;
/** Years between prevention spending and its effect (prevention.effects[].lagYears). */
export const MAX_LAG_YEARS = 10;

/** Lengths of text fields, in characters. */
export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 5000;

/** JSON files and request bodies: objects and lists nested deeper than this are refused before parsing. */
export const MAX_JSON_DEPTH = 32;

/** The single table of limits (docs/formats.md, "Grenzen", shows the same rows). */
export const LIMIT_TABLE: readonly { what: string; fields: string; limit: string }[] = [
  { what: 'segmenten per model', fields: 'segments', limit: `${nl(MAX_SEGMENTS)}` },
  { what: 'gemeenten per model', fields: 'gemeenten, usageShare', limit: `${nl(MAX_GEMEENTEN)}` },
  { what: 'substitutieregels per scenario', fields: 'substitutions', limit: `${nl(MAX_SUBSTITUTION_RULES)}` },
  {
    what: 'segmenten met aannames of bandbreedtes per scenario',
    fields: 'assumptions, ranges',
    limit: `${nl(MAX_SCENARIO_SEGMENT_ENTRIES)}`,
  },
  { what: 'preventie-effecten per scenario', fields: 'prevention.effects', limit: `${nl(MAX_PREVENTION_EFFECTS)}` },
  { what: 'Rijksmaatregelen per scenario', fields: 'measures', limit: `${nl(MAX_MEASURE_ENTRIES)}` },
  { what: 'beleidsmaatregelen per scenario', fields: 'policies', limit: `${nl(MAX_POLICIES)}` },
  {
    what: 'bekende ontwikkelingen per model of scenario',
    fields: 'knownChanges',
    limit: `${nl(MAX_KNOWN_CHANGES)}`,
  },
  {
    what: 'bandbreedte van een bekende ontwikkeling',
    fields: 'knownChanges[].range.lowPct, highPct',
    limit: `${MIN_RANGE_PCT} t/m ${nl(MAX_RANGE_PCT)} (% van het bedrag)`,
  },
  { what: 'jaren', fields: 'baseYear, endYear, calibration.year', limit: `${MIN_YEAR}–${MAX_YEAR}` },
  { what: 'horizon', fields: 'endYear − baseYear', limit: `${MAX_HORIZON_YEARS} jaar` },
  {
    what: 'jaren in een jaarpad',
    fields: '…Pct, adjustments, extraBudget (per jaar)',
    limit: `${MAX_YEAR - MIN_YEAR + 1}`,
  },
  {
    what: 'bedragen (in absolute waarde)',
    fields: 'pricePerUnit, amount, baseAmount, turnover, funding.adjustments, prevention.extraBudget',
    limit: `€ ${nl(MAX_AMOUNT)}`,
  },
  {
    what: 'trajectduur',
    fields: 'avgDurationMonths, calibration.durationMonths',
    limit: `${nl(MAX_DURATION_MONTHS)} maanden`,
  },
  {
    what: 'aantallen',
    fields: 'inflowPerYear, openingClients, youth0to17, calibration.clients',
    limit: `${nl(MAX_COUNT)}`,
  },
  { what: 'eenheden per cliënt per maand', fields: 'unitsPerClientMonth', limit: `${nl(MAX_UNITS_PER_CLIENT_MONTH)}` },
  { what: 'dagen per cliënt per jaar', fields: 'calibration.avgDaysPerClient', limit: `${nl(MAX_DAYS_PER_CLIENT)}` },
  {
    what: 'jaarpercentages',
    fields: 'inflowChangePct, durationChangePct, intensityChangePct, priceIndexPct, amountChangePct, indexPct',
    limit: `${MIN_PCT} t/m ${nl(MAX_PCT)} (%)`,
  },
  {
    what: 'aandelen in procenten',
    fields: 'sharePct, solidarityPct, maxPct, realisatiePct',
    limit: '0 t/m 100 (%)',
  },
  {
    what: 'preventie-effect per € 100.000',
    fields: 'inflowPctPer100k',
    limit: '-100 t/m 100 (%)',
  },
  { what: 'fracties', fields: 'fundingShare, usageShare, nationalShare.value', limit: '0 t/m 1' },
  { what: 'vertraging van een preventie-effect', fields: 'lagYears', limit: `0 t/m ${MAX_LAG_YEARS} jaar` },
  { what: 'bandbreedtes (low en high)', fields: 'ranges.*', limit: 'de grens van het veld waar ze bij horen' },
  { what: 'naam', fields: 'name, group, unit', limit: `${nl(MAX_NAME_LENGTH)} tekens, één regel` },
  { what: 'vrije tekst', fields: 'description, source, note', limit: `${nl(MAX_TEXT_LENGTH)} tekens` },
  { what: 'nesting in een JSON-bestand', fields: '{ … } en [ … ]', limit: `${MAX_JSON_DEPTH} niveaus` },
];

/** A number for a message: nl-NL ("1.000.000") while that is readable, else with an exponent ("1e+308"). */
export function limitNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : String(x);
  if (Math.abs(x) >= 1e15 || (x !== 0 && Math.abs(x) < 1e-4)) return x.toExponential();
  return nl(x);
}

function nl(x: number): string {
  return x.toLocaleString('nl-NL', { maximumFractionDigits: 4 });
}

/** "201 segmenten is meer dan het maximum van 200"; with euro: "€ 2e+12 is meer dan het maximum van € 1.000.000.000.000". */
export function overMaximum(value: number, max: number, unit: LimitUnit = ''): string {
  return `${withUnit(value, unit)} is meer dan het maximum van ${withUnit(max, unit, true)}`;
}

/** "€ -2.000.000.000.000 is minder dan het minimum van € -1.000.000.000.000". */
export function underMinimum(value: number, min: number, unit: LimitUnit = ''): string {
  return `${withUnit(value, unit)} is minder dan het minimum van ${withUnit(min, unit, true)}`;
}

/**
 * '' a plain number, 'jaartal' a year (no thousands separator), 'euro' and 'maanden' on value and
 * limit; a noun for a number of entries ('segmenten') only after the value.
 */
export type LimitUnit =
  | ''
  | 'jaartal'
  | 'euro'
  | 'maanden'
  | 'dagen'
  | 'segmenten'
  | 'gemeenten'
  | 'regels'
  | 'effecten'
  | 'segmenten met aannames'
  | 'segmenten met bandbreedtes'
  | 'maatregelen'
  | 'ontwikkelingen'
  | 'jaren';

function withUnit(x: number, unit: LimitUnit, isLimit = false): string {
  if (unit === 'jaartal') return Number.isInteger(x) ? String(x) : limitNumber(x);
  if (unit === 'euro') return `€ ${limitNumber(x)}`;
  if (unit === '' || (isLimit && unit !== 'maanden' && unit !== 'dagen')) return limitNumber(x);
  return `${limitNumber(x)} ${unit}`;
}
