/**
 * The shape of the budget template ("Sjabloon"), shared by the writer
 * (template.ts) and the reader (importModel.ts) so the two cannot drift
 * apart. Columns are found by their header text on import, so a controller
 * may reorder or add columns; the headers themselves must stay.
 */

import type { Split } from '../../shared/formats/model';
import { KNOWN_CHANGE_KINDS, KNOWN_CHANGE_SIDES } from '../../shared/formats/knownChanges';
import {
  MAX_AMOUNT,
  MAX_PCT,
  MAX_RANGE_PCT,
  MIN_PCT,
  MIN_RANGE_PCT,
  MAX_COUNT,
  MAX_DAYS_PER_CLIENT,
  MAX_DURATION_MONTHS,
  MAX_UNITS_PER_CLIENT_MONTH,
  MAX_YEAR,
  MIN_YEAR,
} from '../../shared/formats/limits';

export const TEMPLATE_SHEETS = {
  instructies: 'Instructies',
  model: 'Model',
  segmenten: 'Segmenten',
  gemeenten: 'Gemeenten',
  rijksmiddelen: 'Rijksmiddelen',
  gebruik: 'Gebruiksaandelen',
  kalibratie: 'Kalibratie',
  realisatie: 'Realisatie',
  realisatieRijksmiddelen: 'Realisatie Rijksmiddelen',
  ontwikkelingen: 'Bekende ontwikkelingen',
  ontwikkelingBedragen: 'Bedragen ontwikkelingen',
} as const;

/** More rows than this (below the header) on one sheet is not a regional budget. */
export const MAX_TEMPLATE_ROWS = 1000;

export type ColumnKind = 'text' | 'number' | 'percentage' | 'fraction' | 'integer' | 'yesno' | 'choice';

export interface ColumnDef<K extends string = string> {
  key: K;
  header: string;
  kind: ColumnKind;
  width: number;
  required?: boolean;
  /** allowed values for 'choice' (also the data-validation list) */
  choices?: readonly string[];
  /** shown as input message in Excel */
  help?: string;
  /** upper bound of a number (formats/limits): Excel's data validation warns while typing */
  max?: number;
  /** lower bound when it is not 0 (years) */
  min?: number;
}

export const KIND_CHOICES = ['volume', 'budget'] as const;
/** "gebruik"/"gemengd" = vast aandeel (Gebruiksaandelen); "vorig jaar"/"gemiddeld 3 jaar" = uit de realisatie per gemeente. */
export const SPLIT_CHOICES = [
  'solidariteit',
  'gebruik',
  'gebruik vorig jaar',
  'gebruik gemiddeld 3 jaar',
  'gemengd',
  'gemengd vorig jaar',
  'gemengd gemiddeld 3 jaar',
] as const;
export const YESNO_CHOICES = ['ja', 'nee'] as const;

export const SEGMENT_COLUMNS = [
  {
    key: 'id',
    header: 'id',
    kind: 'text',
    width: 16,
    required: true,
    help: 'Korte code: letters, cijfers, - en _ (uniek).',
  },
  { key: 'name', header: 'naam', kind: 'text', width: 34, required: true },
  {
    key: 'kind',
    header: 'soort',
    kind: 'choice',
    width: 10,
    required: true,
    choices: KIND_CHOICES,
    help: 'volume: instroom × duur × tarief; budget: vast bedrag per jaar.',
  },
  { key: 'group', header: 'groep', kind: 'text', width: 16 },
  {
    key: 'inflowPerYear',
    header: 'instroom per jaar',
    kind: 'number',
    width: 12,
    help: 'Alleen bij volume: nieuwe jeugdigen per jaar.',
    max: MAX_COUNT,
  },
  {
    key: 'avgDurationMonths',
    header: 'gemiddelde duur (maanden)',
    kind: 'number',
    width: 12,
    help: 'Alleen bij volume: minstens 1 maand.',
    max: MAX_DURATION_MONTHS,
  },
  { key: 'unit', header: 'eenheid', kind: 'text', width: 10, help: 'Alleen bij volume: bijv. uur, etmaal, traject.' },
  {
    key: 'unitsPerClientMonth',
    header: 'eenheden per cliëntmaand',
    kind: 'number',
    width: 12,
    help: 'Alleen bij volume; leeg = 1.',
    max: MAX_UNITS_PER_CLIENT_MONTH,
  },
  {
    key: 'pricePerUnit',
    header: 'prijs per eenheid (€)',
    kind: 'number',
    width: 12,
    help: 'Alleen bij volume.',
    max: MAX_AMOUNT,
  },
  {
    key: 'openingClients',
    header: 'beginstand jeugdigen',
    kind: 'number',
    width: 12,
    help: 'Alleen bij volume; leeg = evenwicht (instroom × duur / 12).',
    max: MAX_COUNT,
  },
  {
    key: 'amount',
    header: 'bedrag per jaar (€)',
    kind: 'number',
    width: 14,
    help: 'Alleen bij budget.',
    max: MAX_AMOUNT,
  },
  { key: 'taakveld', header: 'taakveld', kind: 'choice', width: 10, help: 'Iv3-taakveld vanaf 2023 (bijv. 6.72a).' },
  {
    key: 'split',
    header: 'verdeling',
    kind: 'choice',
    width: 24,
    choices: SPLIT_CHOICES,
    help: 'Verdeelsleutel over de gemeenten; leeg = solidariteit. "gebruik" en "gemengd" volgen de Gebruiksaandelen; "vorig jaar" en "gemiddeld 3 jaar" het gebruik uit de realisatie per gemeente.',
  },
  { key: 'solidarityPct', header: 'solidariteit % (bij gemengd)', kind: 'number', width: 12 },
  { key: 'source', header: 'bron', kind: 'text', width: 40 },
  { key: 'estimate', header: 'schatting', kind: 'yesno', width: 10, choices: YESNO_CHOICES },
  { key: 'note', header: 'toelichting', kind: 'text', width: 30 },
] as const satisfies readonly ColumnDef[];

export const GEMEENTE_COLUMNS = [
  { key: 'id', header: 'id', kind: 'text', width: 16, required: true },
  { key: 'name', header: 'naam', kind: 'text', width: 24, required: true },
  { key: 'youth0to17', header: 'jeugdigen 0–17', kind: 'number', width: 14, required: true, max: MAX_COUNT },
  {
    key: 'fundingShare',
    header: 'aandeel Rijksmiddelen',
    kind: 'fraction',
    width: 14,
    help: 'Als percentage (bijv. 15,2%); leeg = aandeel jeugdigen.',
  },
  { key: 'source', header: 'bron', kind: 'text', width: 40 },
  { key: 'estimate', header: 'schatting', kind: 'yesno', width: 10, choices: YESNO_CHOICES },
  {
    key: 'cbsCode',
    header: 'CBS-code',
    kind: 'text',
    width: 10,
    help: 'De gemeentecode van CBS: GM gevolgd door vier cijfers (bijv. GM0983); herkent de gemeente in realisatiebestanden.',
  },
] as const satisfies readonly ColumnDef[];

export const CALIBRATION_COLUMNS = [
  { key: 'segment', header: 'segment id', kind: 'text', width: 16, required: true },
  { key: 'year', header: 'jaar', kind: 'integer', width: 8, required: true, min: MIN_YEAR, max: MAX_YEAR },
  { key: 'clients', header: 'jeugdigen', kind: 'number', width: 12, required: true, max: MAX_COUNT },
  { key: 'turnover', header: 'omzet (€)', kind: 'number', width: 14, required: true, max: MAX_AMOUNT },
  { key: 'durationMonths', header: 'duur (maanden)', kind: 'number', width: 12, max: MAX_DURATION_MONTHS },
  { key: 'avgDaysPerClient', header: 'dagen per jeugdige', kind: 'number', width: 12, max: MAX_DAYS_PER_CLIENT },
  { key: 'source', header: 'bron', kind: 'text', width: 40 },
] as const satisfies readonly ColumnDef[];

/**
 * Blad Realisatie: row 1 the instructions, row 2 the last realised year (label in A, input cell in B), the
 * figures table from row 4: one long table, a row per gemeente (empty or "regio" = the region) × segment × jaar.
 * One long table, not a block per gemeente: a controller pastes or filters one list, sorts it as she likes,
 * and adds a gemeente by adding rows, without finding the right block (docs/excel.md).
 */
export const REALISATIE_HEADER_ROW = 4;
export const REALISATIE_LAST_YEAR = { row: 2, label: 'laatste gerealiseerde jaar' } as const;
/** the gemeente column's text for the region as a whole (an empty cell means the same) */
export const REGIO = 'regio';

export const REALISATIE_COLUMNS = [
  {
    key: 'gemeente',
    header: 'gemeente',
    kind: 'text',
    width: 16,
    help: 'Id van de gemeente (blad Gemeenten), of "regio" (of leeg) voor de hele regio.',
  },
  {
    key: 'segment',
    header: 'segment id',
    kind: 'text',
    width: 22,
    required: true,
    help: 'Id van het segment (blad Segmenten).',
  },
  { key: 'year', header: 'jaar', kind: 'integer', width: 8, required: true, min: MIN_YEAR, max: MAX_YEAR },
  {
    key: 'clients',
    header: 'jeugdigen',
    kind: 'number',
    width: 12,
    max: MAX_COUNT,
    help: 'Unieke jeugdigen met deze zorg in het jaar; verplicht voor de regio bij een volumesegment.',
  },
  { key: 'started', header: 'trajecten begonnen', kind: 'number', width: 12, max: MAX_COUNT },
  { key: 'ended', header: 'trajecten beëindigd', kind: 'number', width: 12, max: MAX_COUNT },
  { key: 'lasten', header: 'lasten (€)', kind: 'number', width: 14, required: true, max: MAX_AMOUNT },
  {
    key: 'volume',
    header: 'volume',
    kind: 'number',
    width: 12,
    max: MAX_COUNT,
    help: 'In de eenheid van het segment (kolom eenheid): uren, etmalen, dagdelen.',
  },
  {
    key: 'unit',
    header: 'eenheid',
    kind: 'text',
    width: 10,
    help: 'Ter informatie: de eenheid van het segment; wordt niet ingelezen.',
  },
  { key: 'source', header: 'bron', kind: 'text', width: 40, help: 'Document, tabel en jaar (verplicht).' },
  { key: 'estimate', header: 'schatting', kind: 'yesno', width: 10, choices: YESNO_CHOICES },
  { key: 'note', header: 'toelichting', kind: 'text', width: 30 },
] as const satisfies readonly ColumnDef[];

/** Blad Realisatie Rijksmiddelen: row 1 the instructions, the table from row 3 (gemeente × jaar). */
export const REALISATIE_FUNDING_HEADER_ROW = 3;
export const REALISATIE_FUNDING_COLUMNS = [
  {
    key: 'gemeente',
    header: 'gemeente',
    kind: 'text',
    width: 16,
    required: true,
    help: 'Id van de gemeente (blad Gemeenten).',
  },
  { key: 'year', header: 'jaar', kind: 'integer', width: 8, required: true, min: MIN_YEAR, max: MAX_YEAR },
  { key: 'amount', header: 'Rijksmiddelen jeugd (€)', kind: 'number', width: 16, required: true, max: MAX_AMOUNT },
  {
    key: 'source',
    header: 'bron',
    kind: 'text',
    width: 40,
    help: 'Circulaire gemeentefonds of de eigen begroting (verplicht).',
  },
  { key: 'estimate', header: 'schatting', kind: 'yesno', width: 10, choices: YESNO_CHOICES },
  { key: 'note', header: 'toelichting', kind: 'text', width: 30 },
] as const satisfies readonly ColumnDef[];

/**
 * Blad Bekende ontwikkelingen: row 1 the instructions, the table from row 3: one row per change with its fields
 * (the formula as % + segment ids + vanaf jaar, the range as low/high %). Its amounts are on blad Bedragen
 * ontwikkelingen: one long table, a row per change × gemeente (or "regio") × jaar, like blad Realisatie
 * (docs/excel.md: a controller pastes or filters one list and adds a year or gemeente by adding a row).
 */
export const KNOWN_CHANGES_HEADER_ROW = 3;
export const KNOWN_CHANGE_COLUMNS = [
  {
    key: 'id',
    header: 'id',
    kind: 'text',
    width: 22,
    required: true,
    help: "Korte code: letters, cijfers, - en _ (uniek); scenario's zetten de ontwikkeling met deze code aan.",
  },
  { key: 'name', header: 'naam', kind: 'text', width: 40, required: true },
  {
    key: 'side',
    header: 'kant',
    kind: 'choice',
    width: 10,
    required: true,
    choices: KNOWN_CHANGE_SIDES,
    help: 'lasten: meer lasten bij een positief bedrag; baten: meer baten bij een positief bedrag.',
  },
  {
    key: 'kind',
    header: 'soort',
    kind: 'choice',
    width: 12,
    required: true,
    choices: KNOWN_CHANGE_KINDS,
    help: 'structureel: het laatste bedrag geldt ook in latere jaren; incidenteel: alleen in de genoemde jaren.',
  },
  {
    key: 'pct',
    header: 'formule: % van lasten',
    kind: 'number',
    width: 12,
    min: MIN_PCT,
    max: MAX_PCT,
    help: 'Alleen voor een formule: typ 5,48 voor 5,48% van de lasten van de segmenten hiernaast.',
  },
  {
    key: 'segments',
    header: 'formule: segmenten',
    kind: 'text',
    width: 30,
    help: "Alleen voor een formule: ids uit blad Segmenten, gescheiden door komma's.",
  },
  {
    key: 'fromYear',
    header: 'formule: vanaf jaar',
    kind: 'integer',
    width: 10,
    min: MIN_YEAR,
    max: MAX_YEAR,
  },
  {
    key: 'splitAs',
    header: 'verdelen als segment',
    kind: 'text',
    width: 18,
    help: 'Een regiobedrag wordt over de gemeenten verdeeld zoals dit segment; leeg = naar jeugdigen 0–17 (lasten) of de Rijksmiddelen-sleutel (baten).',
  },
  {
    key: 'lowPct',
    header: 'bandbreedte laag (%)',
    kind: 'number',
    width: 12,
    min: MIN_RANGE_PCT,
    max: 0,
    help: 'Ondergrens in % van het bedrag, 0 of lager (bijv. -25).',
  },
  {
    key: 'highPct',
    header: 'bandbreedte hoog (%)',
    kind: 'number',
    width: 12,
    max: MAX_RANGE_PCT,
    help: 'Bovengrens in % van het bedrag, 0 of hoger (bijv. 25).',
  },
  { key: 'rangeSource', header: 'bron bandbreedte', kind: 'text', width: 30 },
  {
    key: 'source',
    header: 'bron',
    kind: 'text',
    width: 40,
    required: true,
    help: 'Document, tabel en jaar (verplicht).',
  },
  { key: 'estimate', header: 'schatting', kind: 'yesno', width: 10, choices: YESNO_CHOICES },
  { key: 'note', header: 'toelichting', kind: 'text', width: 30 },
] as const satisfies readonly ColumnDef[];

/** Blad Bedragen ontwikkelingen: row 1 the instructions, the table from row 3 (ontwikkeling × gemeente × jaar). */
export const KNOWN_CHANGE_AMOUNTS_HEADER_ROW = 3;
export const KNOWN_CHANGE_AMOUNT_COLUMNS = [
  {
    key: 'change',
    header: 'ontwikkeling id',
    kind: 'text',
    width: 22,
    required: true,
    help: 'Id van de ontwikkeling (blad Bekende ontwikkelingen).',
  },
  {
    key: 'gemeente',
    header: 'gemeente',
    kind: 'text',
    width: 16,
    help: 'Id van de gemeente (blad Gemeenten), of "regio" (of leeg) voor de hele regio.',
  },
  { key: 'year', header: 'jaar', kind: 'integer', width: 8, required: true, min: MIN_YEAR, max: MAX_YEAR },
  {
    key: 'amount',
    header: 'bedrag (€)',
    kind: 'number',
    width: 14,
    required: true,
    min: -MAX_AMOUNT,
    max: MAX_AMOUNT,
    help: 'Het effect op de eigen kant: positief = meer lasten (of meer baten).',
  },
] as const satisfies readonly ColumnDef[];

/** Key/value rows of the Model sheet (label in column A, value in column B). */
export const MODEL_FIELDS = [
  { key: 'name', header: 'naam', kind: 'text', width: 0, required: true },
  { key: 'description', header: 'omschrijving', kind: 'text', width: 0 },
  { key: 'baseYear', header: 'basisjaar', kind: 'integer', width: 0, required: true, min: MIN_YEAR, max: MAX_YEAR },
  { key: 'endYear', header: 'eindjaar', kind: 'integer', width: 0, required: true, min: MIN_YEAR, max: MAX_YEAR },
] as const satisfies readonly ColumnDef[];

/** Key/value rows at the top of the Rijksmiddelen sheet; the index table follows. */
export const FUNDING_FIELDS = [
  {
    key: 'baseAmount',
    header: 'basisbedrag (€, basisjaar)',
    kind: 'number',
    width: 0,
    required: true,
    max: MAX_AMOUNT,
  },
  { key: 'source', header: 'bron', kind: 'text', width: 0 },
  { key: 'estimate', header: 'schatting', kind: 'yesno', width: 0, choices: YESNO_CHOICES },
  { key: 'nationalShare', header: 'aandeel landelijk jeugdbudget', kind: 'fraction', width: 0 },
  { key: 'nationalShareSource', header: 'bron aandeel landelijk', kind: 'text', width: 0 },
  {
    key: 'nationalShareEstimate',
    header: 'schatting aandeel landelijk',
    kind: 'yesno',
    width: 0,
    choices: YESNO_CHOICES,
  },
] as const satisfies readonly ColumnDef[];

export const INDEX_HEADER = { year: 'jaar', pct: 'index (% t.o.v. vorig jaar)' } as const;
export const GEBRUIK_FIRST_HEADER = 'segment id';

/** The template's verdeling as a split, the solidarity % filled in for a mix (see docs/formats.md). */
export const SPLIT_TO_MODEL = {
  solidariteit: 'solidarity',
  gebruik: 'usage',
  'gebruik vorig jaar': 'usage-previous-year',
  'gebruik gemiddeld 3 jaar': 'usage-average-3',
} as const;
export const MIX_TO_USAGE = {
  gemengd: undefined,
  'gemengd vorig jaar': 'previous-year',
  'gemengd gemiddeld 3 jaar': 'average-3',
} as const;
export type MixChoice = keyof typeof MIX_TO_USAGE;
export const isMixChoice = (v: unknown): v is MixChoice => typeof v === 'string' && Object.hasOwn(MIX_TO_USAGE, v);

/** A model split as the template's verdeling (undefined = leeg = solidariteit). */
export function splitChoice(split: Split | undefined): (typeof SPLIT_CHOICES)[number] | undefined {
  if (split === undefined) return undefined;
  if (typeof split === 'object')
    return split.usage === 'previous-year'
      ? 'gemengd vorig jaar'
      : split.usage === 'average-3'
        ? 'gemengd gemiddeld 3 jaar'
        : 'gemengd';
  const entry = Object.entries(SPLIT_TO_MODEL).find(([, v]) => v === split);
  return entry![0] as keyof typeof SPLIT_TO_MODEL;
}

/** Header text as compared on import: case, spacing and dashes do not matter. */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
}

export const YES = new Set(['ja', 'j', 'yes', 'y', 'waar', 'true', '1', 'x']);
export const NO = new Set(['nee', 'n', 'no', 'onwaar', 'false', '0']);
