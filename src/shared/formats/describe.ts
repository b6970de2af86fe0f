/**
 * Validation issues in the controller's words: "Ambulante begeleiding,
 * trajectduur 2024: 0,5 is kleiner dan 1 maand" instead of
 * `assumptions.ambulante-begeleiding.durationChangePct.2024: 0.5 …`. Segment and
 * gemeente names instead of ids, Dutch field names, nl-NL numbers. Files and
 * the CLI keep the path (issue.message); the UI shows this. Pure.
 */
import type { Model } from './model';
import type { ValidationIssue } from './issues';
import { formatNumber } from '../locale/numbers';

const ASSUMPTION_FIELDS: Record<string, string> = {
  inflowChangePct: 'instroom',
  durationChangePct: 'trajectduur',
  intensityChangePct: 'intensiteit',
  priceIndexPct: 'tarief',
  amountChangePct: 'budget',
  source: 'onderbouwing',
};

const SEGMENT_FIELDS: Record<string, string> = {
  id: 'id',
  name: 'naam',
  kind: 'soort',
  group: 'groep',
  taakveld: 'taakveld',
  split: 'verdeelsleutel',
  usageShare: 'gebruiksaandeel',
  source: 'bron',
  estimate: 'schatting',
  note: 'notitie',
  inflowPerYear: 'instroom per jaar',
  avgDurationMonths: 'trajectduur',
  unitsPerClientMonth: 'eenheden per cliëntmaand',
  unit: 'eenheid',
  pricePerUnit: 'prijs per eenheid',
  openingClients: 'cliënten op 1 januari',
  amount: 'bedrag',
  calibration: 'realisatie',
  solidarityPct: 'solidair deel',
  usage: 'gebruiksbasis',
};

const GEMEENTE_FIELDS: Record<string, string> = {
  id: 'id',
  name: 'naam',
  youth0to17: 'jeugdigen 0–17 jaar',
  fundingShare: 'aandeel Rijksmiddelen',
  source: 'bron',
};

const FUNDING_FIELDS: Record<string, string> = {
  baseAmount: 'basisbedrag',
  indexPct: 'index',
  adjustments: 'incidentele aanpassing',
  nationalShare: 'aandeel landelijk budget',
  source: 'bron',
  ranges: 'bandbreedte',
};

/** Words that occur under several parents (ranges, their bounds). */
const COMMON_WORDS: Record<string, string> = {
  ranges: 'bandbreedte',
  low: 'laag',
  high: 'hoog',
  source: 'bron',
  sharePct: 'aandeel',
  inflowPctPer100k: 'effect per € 100.000',
  maxPct: 'maximaal effect',
};

const PREVENTION_FIELDS: Record<string, string> = {
  name: 'naam',
  extraBudget: 'extra budget',
  effects: 'effect',
  segment: 'segment',
  inflowPctPer100k: 'minder instroom per € 100.000',
  lagYears: 'vertraging',
  maxPct: 'maximaal effect',
  source: 'bron',
};

const AUTONOMOUS_FIELDS: Record<string, string> = {
  youth0to17: 'jeugdigen 0–17',
  usageChangePct: 'gebruik per jeugdige',
  severityChangePct: 'zwaarte',
  wageIndexPct: 'loon (OVA)',
  materialIndexPct: 'prijs (PCC)',
  wageWeightPct: 'gewicht loon',
  source: 'bron',
};

const POLICY_FIELDS: Record<string, string> = {
  ...ASSUMPTION_FIELDS,
  id: 'id',
  name: 'naam',
  realisatiePct: 'realisatie',
  realisatieSource: 'bron van de realisatie',
  effects: 'effect',
  ranges: 'bandbreedte',
  substitutions: 'verschuiving',
  sharePct: 'aandeel',
  from: 'van',
  to: 'naar',
  low: 'laag',
  high: 'hoog',
};

const KNOWN_CHANGE_FIELDS: Record<string, string> = {
  name: 'naam',
  side: 'kant',
  kind: 'soort',
  amount: 'bedrag regio',
  perGemeente: 'bedrag per gemeente',
  pctOfSegments: 'formule',
  segments: 'segmenten',
  pct: 'percentage',
  fromYear: 'vanaf jaar',
  splitAs: 'verdeeld als',
  range: 'bandbreedte',
  lowPct: 'laag (%)',
  highPct: 'hoog (%)',
  source: 'bron',
};

const TOP_FIELDS: Record<string, string> = {
  policies: 'Beleidsmaatregelen',
  name: 'Naam',
  description: 'Omschrijving',
  baseYear: 'Basisjaar',
  endYear: 'Eindjaar',
  ranges: 'Bandbreedtes',
  prevention: 'Preventie',
  measures: 'Rijksmaatregelen',
  knownChanges: 'Bekende ontwikkelingen',
  segments: 'Segmenten',
  gemeenten: 'Gemeenten',
  format: 'Formaat',
};

/** `segments[3].usageShare.venlo` → ['segments', 3, 'usageShare', 'venlo'] */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(m[1]!);
  }
  return out;
}

const isYear = (k: unknown): k is string => typeof k === 'string' && /^\d{4}$/.test(k);

function segmentName(model: Model, key: string | number | undefined): string {
  if (typeof key === 'number') return model.segments[key]?.name ?? `segment ${key + 1}`;
  return model.segments.find((s) => s.id === key)?.name ?? String(key);
}

function gemeenteName(model: Model, key: string | number | undefined): string {
  if (typeof key === 'number') return model.gemeenten[key]?.name ?? `gemeente ${key + 1}`;
  return model.gemeenten.find((g) => g.id === key)?.name ?? String(key);
}

function rest(parts: readonly (string | number)[], labels: Record<string, string>, model: Model): string {
  const words: string[] = [];
  for (const p of parts) {
    if (typeof p === 'number') words.push(String(p + 1));
    else if (isYear(p)) words.push(p);
    else if (labels[p]) words.push(labels[p]!);
    else if (COMMON_WORDS[p]) words.push(COMMON_WORDS[p]!);
    else if (model.gemeenten.some((g) => g.id === p)) words.push(gemeenteName(model, p));
    else if (model.segments.some((s) => s.id === p)) words.push(segmentName(model, p));
    else words.push(p);
  }
  return words.join(' ');
}

/** The field a path points at, in words: "Ambulante begeleiding, trajectduur 2024". */
export function describePath(path: string, model: Model): string {
  const parts = splitPath(path);
  const [head, a, b, ...tail] = parts;
  if (head === undefined) return '';
  const join = (subject: string, what: string) => (what ? `${subject}, ${what}` : subject);
  switch (head) {
    case 'assumptions':
      return join(segmentName(model, a), rest(b === undefined ? [] : [b, ...tail], ASSUMPTION_FIELDS, model));
    case 'substitutions': {
      const subject = `Substitutieregel ${typeof a === 'number' ? a + 1 : String(a ?? '')}`.trim();
      const what =
        b === 'from'
          ? 'van'
          : b === 'to'
            ? 'naar'
            : b === 'sharePct'
              ? `aandeel${tail.length ? ` ${rest(tail, {}, model)}` : ''}`
              : b === 'source'
                ? 'bron'
                : b === undefined
                  ? ''
                  : rest([b, ...tail], {}, model);
      return join(subject, what);
    }
    case 'segments':
      return join(segmentName(model, a), b === undefined ? '' : rest([b, ...tail], SEGMENT_FIELDS, model));
    case 'gemeenten':
      return join(gemeenteName(model, a), b === undefined ? '' : rest([b, ...tail], GEMEENTE_FIELDS, model));
    case 'funding':
      return join('Rijksmiddelen', rest(parts.slice(1), FUNDING_FIELDS, model));
    case 'prevention':
      return join('Preventie', rest(parts.slice(1), PREVENTION_FIELDS, model));
    case 'measures':
      return join('Rijksmaatregelen', rest(parts.slice(1), {}, model));
    case 'autonomous':
      return join(
        'Autonome ontwikkeling',
        rest(parts.slice(1), { ...AUTONOMOUS_FIELDS, ranges: 'bandbreedte' }, model),
      );
    case 'policies':
      return join(
        `Beleidsmaatregel ${typeof a === 'number' ? a + 1 : String(a ?? '')}`.trim(),
        b === undefined ? '' : rest([b, ...tail], POLICY_FIELDS, model),
      );
    case 'knownChanges': {
      // in a model: knownChanges[i].…; in a scenario: knownChanges.<id>
      const change = typeof a === 'number' ? model.knownChanges?.[a] : model.knownChanges?.find((c) => c.id === a);
      const subject =
        `Bekende ontwikkeling ${change?.name ?? (typeof a === 'number' ? a + 1 : String(a ?? ''))}`.trim();
      return join(subject, b === undefined ? '' : rest([b, ...tail], KNOWN_CHANGE_FIELDS, model));
    }
    case 'ranges':
      return join(
        segmentName(model, a),
        b === undefined
          ? 'bandbreedte'
          : `bandbreedte ${rest([b, ...tail], { ...SEGMENT_FIELDS, ...ASSUMPTION_FIELDS }, model)}`,
      );
    default:
      return (
        rest([head], TOP_FIELDS, model) +
        (parts.length > 1 ? ` ${rest(parts.slice(1), { ...SEGMENT_FIELDS, ...ASSUMPTION_FIELDS }, model)}` : '')
      );
  }
}

/**
 * The problem with nl-NL numbers and names: "0.5" → "0,5", 99999999999 →
 * "99.999.999.999", a quoted segment id → its name, "from" → "van".
 */
export function describeProblem(problem: string, model: Model): string {
  const ids = new Map<string, string>([
    ...model.segments.map((s) => [s.id, s.name] as const),
    ...model.gemeenten.map((g) => [g.id, g.name] as const),
  ]);
  return problem
    .replace(/"([^"]*)"/g, (whole, id: string) => (ids.has(id) ? ids.get(id)! : whole))
    .replace(/\bals from\b/g, 'als "van"')
    .replace(/(^|[\s(:])(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?=$|[\s%):;])/g, (whole, lead: string, num: string) => {
      const n = Number(num);
      if (!Number.isFinite(n)) return whole;
      // already nl-NL ("1.301" from the range checks): a point before exactly three digits is grouping
      if (/^-?\d{1,3}(\.\d{3})+$/.test(num)) return whole;
      // years and small whole numbers stay as they are; decimals get a comma, large numbers their dots
      if (Number.isInteger(n) && Math.abs(n) < 10_000 && !/e/i.test(num)) return whole;
      return lead + formatNumber(n, 4);
    });
}

/** "Ambulante begeleiding, trajectduur 2024: 0,5 is kleiner dan 1 maand" */
export function describeIssue(issue: ValidationIssue, model: Model): string {
  const where = issue.path ? describePath(issue.path, model) : '';
  const problem = describeProblem(issue.problem, model);
  return where ? `${where}: ${problem}` : problem;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The paths where two versions of a model or scenario differ (at most `limit`), e.g. `assumptions.pleegzorg.inflowChangePct.2024`. */
export function changedPaths(a: unknown, b: unknown, limit = 8, prefix = '', out: string[] = []): string[] {
  if (Object.is(a, b) || out.length >= limit) return out;
  // a field that appears or disappears with its parent: name the field, not the parent
  if (a === undefined && isObject(b) && !Array.isArray(b) && Object.keys(b).length > 0) a = {};
  if (b === undefined && isObject(a) && !Array.isArray(a) && Object.keys(a).length > 0) b = {};
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) changedPaths(a[i], b[i], limit, `${prefix}[${i}]`, out);
    } else {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
        changedPaths(a[key], b[key], limit, prefix ? `${prefix}.${key}` : key, out);
    }
    return out;
  }
  out.push(prefix);
  return out;
}

/** The path all given paths share ("substitutions[1]" for a new rule's fields). */
function commonPath(paths: readonly string[]): string {
  const split = paths.map(splitPath);
  const first = split[0] ?? [];
  let n = 0;
  while (n < first.length && split.every((p) => p[n] === first[n])) n++;
  let out = '';
  for (const key of first.slice(0, n)) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out;
}

/** What an edit changed, in words, for the undo button: "Pleegzorg, instroom 2024". */
export function describeChange(before: unknown, after: unknown, model: Model): string {
  const paths = changedPaths(before, after);
  if (paths.length === 0) return 'wijziging';
  // a segment's figures after a calibration, a new rule: name what they share
  const path = paths.length === 1 ? paths[0]! : commonPath(paths);
  const where = path ? describePath(path, model) : '';
  return where || 'meerdere wijzigingen';
}
