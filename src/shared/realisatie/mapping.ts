/**
 * The column-mapping step of a realisatie import and the code table that maps productcategorie
 * and zorgvorm codes to the model's segments. Both are plain data: the service stores them in the
 * app settings (see docs/formats.md, "Realisatie importeren").
 */
import { z } from 'zod';
import type { Model } from '../formats/model';
import { normaliseKey } from './values';

/** The fields a realisatie file can fill, and their Dutch names in messages and the UI. */
export const IMPORT_FIELDS = [
  'gemeente',
  'segment',
  'jaar',
  'aantal',
  'lasten',
  'volume',
  'begonnen',
  'beeindigd',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, string> = {
  gemeente: 'gemeente',
  segment: 'segment/productcategorie',
  jaar: 'jaar',
  aantal: 'aantal jeugdigen',
  lasten: 'lasten',
  volume: 'volume',
  begonnen: 'trajecten begonnen',
  beeindigd: 'trajecten beëindigd',
};

const columnName = z.string().trim().min(1).max(200);

/**
 * Which column (by its header text) holds which field. gemeente is optional: without it, every row
 * is a figure for the whole region. lastenUnit: CBS StatLine gives kosten in 1 000 euro.
 */
export const columnMappingSchema = z.strictObject({
  gemeente: columnName.optional(),
  segment: columnName,
  jaar: columnName,
  aantal: columnName.optional(),
  lasten: columnName.optional(),
  volume: columnName.optional(),
  begonnen: columnName.optional(),
  beeindigd: columnName.optional(),
  lastenUnit: z.enum(['euro', 'thousand']).default('euro'),
});
export type ColumnMapping = z.output<typeof columnMappingSchema>;
export type ColumnMappingInput = z.input<typeof columnMappingSchema>;

/**
 * The code table: code or label as it appears in the file (compared trimmed and case-insensitive)
 * → segment id of the model, or null = "negeren" (e.g. CBS totals that would count twice).
 * A code that is not in the table is refused, so nothing is silently dropped.
 */
export const codeTableSchema = z.record(z.string().trim().min(1).max(200), z.string().trim().min(1).max(64).nullable());
export type CodeTable = z.infer<typeof codeTableSchema>;

export interface KnownCode {
  code: string;
  label: string;
  /** the source that defines the code (document title) */
  source: string;
  /** segment id in the default Noord-Limburg model, null = negeren, undefined = no sensible default */
  suggested?: string | null;
}

const IJW =
  'iStandaarden iJw, codelijst productcategorieën Jeugdwet (Zorginstituut Nederland; VNG Berichtenapp, "Codes voor productcategorieën")';
const CBS_83454 = 'CBS StatLine 83454NED "Gemeentelijke kosten; jeugdzorg, regio", dimensie Vormen van jeugdzorg';

/**
 * The national iJw productcategorieën for the Jeugdwet (40–50) and the 83454NED totals. A
 * productcategorie is broader than a segment (45 "Jeugdhulp ambulant" covers begeleiding,
 * behandeling and GGZ): where no single segment fits, there is no default and the user chooses.
 */
export const KNOWN_CODES: readonly KnownCode[] = [
  { code: '40', label: 'Persoonlijke verzorging', source: IJW },
  { code: '41', label: 'Dagbehandeling', source: IJW, suggested: 'dagbehandeling' },
  { code: '42', label: 'Vervoerdiensten', source: IJW },
  { code: '43', label: 'Jeugdhulp verblijf (incl. behandeling)', source: IJW, suggested: 'verblijf-behandeling' },
  { code: '44', label: 'Jeugdhulp verblijf (excl. behandeling)', source: IJW },
  { code: '45', label: 'Jeugdhulp ambulant', source: IJW },
  { code: '46', label: 'Jeugdhulp crisis', source: IJW, suggested: 'crisisbedden' },
  { code: '47', label: 'Jeugdreclassering', source: IJW, suggested: 'jeugdreclassering' },
  { code: '48', label: 'Jeugdbescherming', source: IJW, suggested: 'jeugdbescherming' },
  { code: '49', label: 'Activiteiten in het preventief justitieel kader', source: IJW },
  { code: '50', label: 'Maatwerkarrangementen jeugd', source: IJW },
  { code: 'JZ Totaal jeugdzorg', label: 'totaal (telt anders dubbel)', source: CBS_83454, suggested: null },
  { code: 'JH 1 Totaal jeugdhulp', label: 'totaal (telt anders dubbel)', source: CBS_83454, suggested: null },
  { code: 'JB 1 Totaal jeugdbescherming', label: 'Jeugdbescherming', source: CBS_83454, suggested: 'jeugdbescherming' },
  {
    code: 'JR 1 Totaal jeugdreclassering',
    label: 'Jeugdreclassering',
    source: CBS_83454,
    suggested: 'jeugdreclassering',
  },
];

/** The default code table for a model: the suggestions whose segment exists in it. */
export function defaultCodeTable(model: Model): CodeTable {
  const ids = new Set(model.segments.map((s) => s.id));
  const table: CodeTable = {};
  for (const k of KNOWN_CODES) {
    if (k.suggested === null) table[k.code] = null;
    else if (k.suggested !== undefined && ids.has(k.suggested)) table[k.code] = k.suggested;
  }
  return table;
}

/** Looks a file value up in the code table: exact (normalised), then the leading code ("45 Jeugdhulp ambulant" → "45"). */
export function lookupCode(
  table: CodeTable,
  value: string,
): { found: true; segmentId: string | null; key: string } | { found: false } {
  const wanted = normaliseKey(value);
  const entries = Object.entries(table).map(([k, v]) => [normaliseKey(k), v, k] as const);
  const exact = entries.find(([k]) => k === wanted);
  if (exact) return { found: true, segmentId: exact[1], key: exact[2] };
  const lead = /^(\d{2})\b/.exec(wanted)?.[1];
  if (lead) {
    const byCode = entries.find(([k]) => k === lead);
    if (byCode) return { found: true, segmentId: byCode[1], key: byCode[2] };
  }
  return { found: false };
}

/** The key under which a file layout's mapping is remembered: its header row, normalised. */
export function layoutKey(header: readonly string[]): string {
  return header.map(normaliseKey).join(';');
}

const HINTS: Record<ImportField, RegExp[]> = {
  gemeente: [/^regios?$/, /^regio'?s$/, /gemeente/, /^regio/, /gm-?code/, /cbs-?code/],
  segment: [
    /productcategorie/,
    /^vormenvanjeugdzorg$/,
    /vormen van jeugdzorg/,
    /zorgvorm/,
    /segment/,
    /^product/,
    /categorie/,
  ],
  jaar: [/^perioden?$/, /^jaar$/, /jaar/, /periode/],
  aantal: [/jongerenmetjeugd/, /jongeren met/, /aantal jeugdigen/, /jeugdigen/, /cli[eë]nten/, /^aantal$/],
  lasten: [/gerealiseerde ?kosten/, /gerealiseerd/, /realisatie/, /^lasten/, /lasten/, /bedrag/, /^kosten/],
  volume: [/^volume/, /etmalen/, /uren/, /dagdelen/, /eenheden/],
  begonnen: [/begonnen/, /gestart/, /instroom/],
  beeindigd: [/be[eë]indigd/, /afgesloten/, /uitstroom/],
};

/**
 * A first guess at the mapping from the header names (CBS keys such as RegioS, Perioden,
 * GerealiseerdeKosten_2 and the labels of the "Getoonde tabel"). The user confirms or changes it.
 */
export function suggestMapping(header: readonly string[]): ColumnMappingInput {
  const norm = header.map(normaliseKey);
  const used = new Set<number>();
  const pick = (field: ImportField): string | undefined => {
    for (const re of HINTS[field]) {
      const i = norm.findIndex(
        (h, j) => !used.has(j) && h !== '' && re.test(h) && !(field === 'lasten' && /begro/.test(h)),
      );
      if (i >= 0) {
        used.add(i);
        return header[i]!.trim();
      }
    }
    return undefined;
  };
  const segment = pick('segment');
  const jaar = pick('jaar');
  const gemeente = pick('gemeente');
  const lasten = pick('lasten');
  const aantal = pick('aantal');
  const volume = pick('volume');
  const begonnen = pick('begonnen');
  const beeindigd = pick('beeindigd');
  const lastenHeader = lasten ? normaliseKey(lasten) : '';
  const thousand =
    /1[ .]?000 ?euro|x ?1[ .]?000|× ?€? ?1[ .]?000|duizend/.test(lastenHeader) ||
    /^(gerealiseerde|begrote)kosten_\d+$/.test(lastenHeader);
  return {
    segment: segment ?? '',
    jaar: jaar ?? '',
    ...(gemeente ? { gemeente } : {}),
    ...(lasten ? { lasten } : {}),
    ...(aantal ? { aantal } : {}),
    ...(volume ? { volume } : {}),
    ...(begonnen ? { begonnen } : {}),
    ...(beeindigd ? { beeindigd } : {}),
    lastenUnit: thousand ? 'thousand' : 'euro',
  };
}
