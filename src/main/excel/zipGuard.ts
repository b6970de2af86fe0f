/**
 * Checks an uploaded workbook before any parser sees it: it must be a zip
 * (xlsx) of reasonable size, and no entry may unpack to more than the limits
 * — judged from the zip's central directory and then confirmed by actually
 * inflating each entry with a hard output cap, so a zip bomb that lies about
 * its sizes is stopped too.
 *
 * Then what ExcelJS would materialise, counted in the inflated XML (one entry
 * at a time, a scan of its bytes, no parse): cells per sheet and in all,
 * shared strings, cell formats, comments, and the cells that data
 * validations, merges and defined names cover (ExcelJS expands each such
 * range cell by cell, so "A1:XFD1048576" in a 1 kB file is 17 billion
 * objects). ExcelJS holds about 1 kB per cell: a file at the size guard can
 * hold millions of cells and took 7 s and up to 1,6 GB before it was refused
 * on its row count; now it is refused in a fraction of a second. See
 * docs/excel.md.
 *
 * Messages are Dutch, name the sheet by its name (xl/worksheets/sheet3.xml →
 * "Segmenten", via xl/workbook.xml and its relationships) and the limit, and
 * say what to do.
 */
import { inflateRawSync } from 'node:zlib';
import { MAX_TEMPLATE_BYTES } from '../../shared/api';
import { formatInteger, formatMegabytes } from '../../shared/locale/numbers';
import { MAX_TEMPLATE_ROWS, TEMPLATE_SHEETS } from './templateLayout';

export const LIMITS = {
  /** the file as uploaded */
  fileBytes: MAX_TEMPLATE_BYTES,
  /** one entry (a worksheet's XML) unpacked */
  entryBytes: 20 * 1024 * 1024,
  /** all entries unpacked */
  totalBytes: 60 * 1024 * 1024,
  /**
   * all XML unpacked (sheets, texts, styles; not images): ExcelJS holds about 7 MB per MB of cell text,
   * a filled template has a few hundred kB
   */
  xmlBytes: 12 * 1024 * 1024,
  /** unpacked/packed for entries over 1 MB: real sheets stay far below */
  ratio: 200,
  entries: 2000,
  /** worksheets in the workbook (the template has 7) */
  sheets: 30,
  /** rows on one sheet of the template (below its header) */
  sheetRows: MAX_TEMPLATE_ROWS,
  /** cells on one sheet of the template: 1.000 rows × 50 columns (Gebruiksaandelen: a column per gemeente) */
  sheetCells: 50_000,
  /** cells on a sheet that is not part of the template (ignored on import, but ExcelJS reads it all) */
  extraSheetCells: 10_000,
  /** cells in the whole workbook: what ExcelJS reads in well under 2 s and 300 MB (about 1 kB a cell) */
  totalCells: 100_000,
  /** entries in xl/sharedStrings.xml (distinct texts) */
  sharedStrings: 100_000,
  /** cell formats (<xf>), and fonts, fills, borders, number formats each, in xl/styles.xml; Excel itself allows 64.000 formats, a template uses a few dozen */
  cellFormats: 10_000,
  /** comments (notes) in the whole workbook */
  comments: 10_000,
  /** cells covered by the data validations of one sheet, or by the defined names (ExcelJS keeps an entry per cell) */
  rangeCells: 100_000,
  /** cells covered by the merges of one sheet (ExcelJS makes each one a cell) */
  mergedCells: 10_000,
} as const;

export class WorkbookRefused extends Error {}

const MB = formatMegabytes;
const N = formatInteger;

export function checkWorkbookBytes(data: Uint8Array, fileName = 'Het bestand'): void {
  const who = fileName === 'Het bestand' ? fileName : `Het bestand ${JSON.stringify(fileName)}`;
  if (data.length === 0) throw new WorkbookRefused(`${who} is leeg.`);
  if (data.length > LIMITS.fileBytes)
    throw new WorkbookRefused(`${who} is ${MB(data.length)}; een sjabloon mag hoogstens ${MB(LIMITS.fileBytes)} zijn.`);
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.readUInt32BE(0) === 0xd0cf11e0) {
    throw new WorkbookRefused(
      `${who} is een oud Excel-bestand (.xls). Sla het in Excel op als Excel-werkmap (.xlsx) en importeer het opnieuw.`,
    );
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) {
    throw new WorkbookRefused(
      `${who} is geen Excel-werkmap (.xlsx). Gebruik het sjabloon uit Jeugdplanner en sla het op als .xlsx.`,
    );
  }
  const entries = centralDirectory(buf, who);
  if (entries.length > LIMITS.entries)
    throw new WorkbookRefused(`${who} bevat ${entries.length} onderdelen; dat is geen gewone werkmap.`);
  const workbookEntry = entries.find((e) => e.name === 'xl/workbook.xml');
  if (!workbookEntry) {
    throw new WorkbookRefused(`${who} is een zip-bestand maar geen Excel-werkmap (xl/workbook.xml ontbreekt).`);
  }
  // First the sheets' names, so every later message can name the sheet instead of its part.
  const relsEntry = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  const book = readBook(
    inflateCapped(buf, workbookEntry, who).toString('utf8'),
    relsEntry ? inflateCapped(buf, relsEntry, who).toString('utf8') : '',
    who,
  );
  const part = (name: string) => partLabel(name, book.sheetOf);
  let total = 0;
  for (const e of entries) {
    if (e.uncompressed > LIMITS.entryBytes) {
      throw new WorkbookRefused(
        `${who}: ${part(e.name)} is uitgepakt ${MB(e.uncompressed)}; hoogstens ${MB(LIMITS.entryBytes)} per werkblad is toegestaan. Verwijder overbodige rijen of bladen.`,
      );
    }
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > LIMITS.ratio * Math.max(1, e.compressed)) {
      throw new WorkbookRefused(
        `${who}: ${part(e.name)} pakt ${Math.round(e.uncompressed / Math.max(1, e.compressed))} keer uit; dit lijkt een zip-bom en wordt niet geopend.`,
      );
    }
    total += e.uncompressed;
  }
  if (total > LIMITS.totalBytes)
    throw new WorkbookRefused(`${who} is uitgepakt ${MB(total)}; hoogstens ${MB(LIMITS.totalBytes)} is toegestaan.`);
  // The directory can lie: inflate every entry with a cap of its declared size (and the limit),
  // and count in it what ExcelJS would build, one entry at a time.
  const count = { cells: 0, comments: 0 };
  let xml = 0;
  for (const e of entries) {
    checkContent(inflateCapped(buf, e, who, part(e.name)), e.name, book, count, who);
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    xml += e.uncompressed;
    if (xml > LIMITS.xmlBytes) {
      throw new WorkbookRefused(
        `${who}: de bladen, teksten en opmaak zijn tot en met ${part(e.name)} uitgepakt al ${MB(xml)}; hoogstens ${MB(LIMITS.xmlBytes)} is toegestaan (een ingevuld sjabloon is minder dan 1 MB). Verwijder overbodige rijen, kolommen, lange teksten en opmaak en importeer het bestand opnieuw; er is niets ingelezen.`,
      );
    }
  }
}

const KNOWN_SHEETS = new Set<string>(Object.values(TEMPLATE_SHEETS));
/** The elements of xl/styles.xml that ExcelJS turns into objects one by one, each held to LIMITS.cellFormats. */
const STYLE_ELEMENTS = [
  ['xf', 'celopmaken'],
  ['font', 'lettertypen'],
  ['fill', 'opvullingen'],
  ['border', 'randen'],
  ['numFmt', 'getalnotaties'],
  ['dxf', 'opmaken voor voorwaardelijke opmaak'],
] as const;
const ALL_CELLS =
  'Verwijder overbodige rijen, kolommen en opmaak en importeer het bestand opnieuw; er is niets ingelezen.';

interface Book {
  /** worksheet part (xl/worksheets/sheet3.xml) → the sheet's name */
  sheetOf: Map<string, string>;
}

/** The sheets of xl/workbook.xml with their parts (from xl/_rels/workbook.xml.rels); its defined names checked. */
function readBook(workbookXml: string, relsXml: string, who: string): Book {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id === undefined || target === undefined) continue;
    targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/'));
  }
  const sheetOf = new Map<string, string>();
  let sheets = 0;
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    sheets++;
    const name = attr(m[0], 'name');
    const id = attr(m[0], 'r:id') ?? attr(m[0], 'id', true);
    const target = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && target !== undefined) sheetOf.set(target, name);
  }
  if (sheets > LIMITS.sheets)
    throw new WorkbookRefused(
      `${who} heeft ${N(sheets)} bladen; hoogstens ${LIMITS.sheets} zijn toegestaan (het sjabloon heeft er ${KNOWN_SHEETS.size}). Verwijder de bladen die niet bij het sjabloon horen.`,
    );
  let named = 0;
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)</g)) {
    const name = attr(m[0], 'name') ?? '';
    if (name.startsWith('_xlnm.Print_')) continue; // print area and titles: ExcelJS keeps them as text
    named += areaOf(
      decodeXml(m[2]!)
        .replace(/'[^']*'!|[^,\s!]*!/g, '')
        .replace(/,/g, ' '),
    );
    if (named > LIMITS.rangeCells) {
      throw new WorkbookRefused(
        `${who}: de gedefinieerde naam ${JSON.stringify(decodeXml(name))} beslaat met de andere namen ${N(named)} cellen; hoogstens ${N(LIMITS.rangeCells)} is toegestaan. Verwijder de naam (Formules > Namen beheren) of beperk haar bereik; er is niets ingelezen.`,
      );
    }
  }
  return { sheetOf };
}

/** "blad "Segmenten"" for a sheet's part, "onderdeel xl/styles.xml" for the rest. */
function partLabel(name: string, sheetOf: ReadonlyMap<string, string>): string {
  const sheet = sheetOf.get(name);
  if (sheet !== undefined) return `blad ${JSON.stringify(sheet)}`;
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return `werkblad ${name} (niet in de bladenlijst van de werkmap)`;
  return `onderdeel ${name}`;
}

function checkContent(
  xml: Buffer,
  name: string,
  book: Book,
  count: { cells: number; comments: number },
  who: string,
): void {
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
    const sheet = book.sheetOf.get(name);
    const label = partLabel(name, book.sheetOf);
    const known = sheet !== undefined && KNOWN_SHEETS.has(sheet);
    const limit = known ? LIMITS.sheetCells : LIMITS.extraSheetCells;
    const cells = countElements(xml, 'c');
    if (cells > limit) {
      throw new WorkbookRefused(
        known
          ? `${who}: ${label} heeft ${N(cells)} cellen; een blad van het sjabloon mag er hoogstens ${N(limit)} hebben. ${ALL_CELLS}`
          : `${who}: ${label} hoort niet bij het sjabloon en heeft ${N(cells)} cellen; een extra blad mag er hoogstens ${N(limit)} hebben. Verwijder het blad en importeer het bestand opnieuw; er is niets ingelezen.`,
      );
    }
    if (known) {
      const rows = countElements(xml, 'row');
      if (rows > LIMITS.sheetRows + 1) {
        throw new WorkbookRefused(
          `${who}: ${label} heeft ${N(rows)} rijen; hoogstens ${N(LIMITS.sheetRows)} zijn toegestaan (onder de kopregel). Verwijder overbodige rijen en importeer het bestand opnieuw; er is niets ingelezen.`,
        );
      }
    }
    count.cells += cells;
    if (count.cells > LIMITS.totalCells) {
      throw new WorkbookRefused(
        `${who} heeft tot en met ${label} al ${N(count.cells)} cellen; hoogstens ${N(LIMITS.totalCells)} in de hele werkmap is toegestaan. ${ALL_CELLS}`,
      );
    }
    const validated = rangesIn(xml, 'dataValidation', 'sqref');
    if (validated > LIMITS.rangeCells) {
      throw new WorkbookRefused(
        `${who}: ${label} heeft gegevensvalidatie op ${N(validated)} cellen; hoogstens ${N(LIMITS.rangeCells)} is toegestaan. Beperk de validatie tot de rijen die u gebruikt (niet de hele kolom) en importeer het bestand opnieuw.`,
      );
    }
    const merged = rangesIn(xml, 'mergeCell', 'ref');
    if (merged > LIMITS.mergedCells) {
      throw new WorkbookRefused(
        `${who}: ${label} heeft samengevoegde cellen over ${N(merged)} cellen; hoogstens ${N(LIMITS.mergedCells)} is toegestaan. Maak de samenvoeging ongedaan en importeer het bestand opnieuw.`,
      );
    }
    return;
  }
  if (name === 'xl/sharedStrings.xml') {
    const strings = countElements(xml, 'si', LIMITS.sharedStrings + 1);
    if (strings > LIMITS.sharedStrings) {
      throw new WorkbookRefused(
        `${who} bevat meer dan ${N(LIMITS.sharedStrings)} verschillende teksten (xl/sharedStrings.xml); hoogstens ${N(LIMITS.sharedStrings)} is toegestaan. ${ALL_CELLS}`,
      );
    }
    return;
  }
  if (name === 'xl/styles.xml') {
    for (const [tag, what] of STYLE_ELEMENTS) {
      if (countElements(xml, tag, LIMITS.cellFormats + 1) > LIMITS.cellFormats) {
        throw new WorkbookRefused(
          `${who} bevat meer dan ${N(LIMITS.cellFormats)} ${what} (<${tag}> in xl/styles.xml); hoogstens ${N(LIMITS.cellFormats)} is toegestaan. Wis de opmaak van ongebruikte cellen (Start > Wissen > Opmaak wissen) en importeer het bestand opnieuw.`,
        );
      }
    }
    return;
  }
  if (/^xl\/comments[^/]*\.xml$/.test(name)) {
    count.comments += countElements(xml, 'comment', LIMITS.comments + 1);
    if (count.comments > LIMITS.comments) {
      throw new WorkbookRefused(
        `${who} bevat meer dan ${N(LIMITS.comments)} opmerkingen (notities); hoogstens ${N(LIMITS.comments)} is toegestaan. Verwijder de opmerkingen en importeer het bestand opnieuw.`,
      );
    }
  }
}

/** Start tags <tag …>, <tag>, <tag/> (also with a namespace prefix) in the XML, counted up to `stopAt`. */
export function countElements(xml: Buffer, tag: string, stopAt = Infinity): number {
  let n = 0;
  for (const open of ['<', ':']) {
    const needle = Buffer.from(`${open}${tag}`);
    for (let i = xml.indexOf(needle); i >= 0 && n < stopAt; i = xml.indexOf(needle, i + needle.length)) {
      const next = xml[i + needle.length];
      if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x09 && next !== 0x0a && next !== 0x0d) continue;
      // ":tag" only counts as a prefixed start tag: "<x:tag"
      if (open === ':' && !isPrefixedStart(xml, i)) continue;
      n++;
    }
  }
  return n;
}

function isPrefixedStart(xml: Buffer, colon: number): boolean {
  for (let j = colon - 1; j >= 0 && colon - j <= 32; j--) {
    const ch = xml[j]!;
    if (ch === 0x3c) return j < colon - 1 && xml[j + 1] !== 0x2f;
    if (!(
      (ch >= 0x41 && ch <= 0x5a) ||
      (ch >= 0x61 && ch <= 0x7a) ||
      (ch >= 0x30 && ch <= 0x39) ||
      ch === 0x5f ||
      ch === 0x2d ||
      ch === 0x2e
    ))
      return false;
  }
  return false;
}

/** The cells covered by the ranges in attribute `name` of every <tag …> element. */
function rangesIn(xml: Buffer, tag: string, name: string): number {
  let cells = 0;
  const needle = Buffer.from(`<${tag} `);
  for (let i = xml.indexOf(needle); i >= 0; i = xml.indexOf(needle, i + needle.length)) {
    const end = xml.indexOf(0x3e, i);
    if (end < 0) break;
    const value = attr(xml.toString('latin1', i, end + 1), name);
    if (value !== undefined) cells += areaOf(value);
  }
  return cells;
}

/**
 * Cells in a space-separated list of A1 references and ranges ("E4:L9 N4"), as ExcelJS expands them:
 * whole rows ("1:1048576") count a cell per row, whole columns ("C:C") not at all.
 */
export function areaOf(refs: string): number {
  let cells = 0;
  for (const ref of refs.trim().split(/\s+/)) {
    const wholeRows = /^\$?(\d{1,7}):\$?(\d{1,7})$/.exec(ref);
    if (wholeRows) {
      cells += Math.abs(Number(wholeRows[2]) - Number(wholeRows[1])) + 1;
      continue;
    }
    const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref);
    if (!m) continue;
    if (m[3] === undefined) {
      cells += 1;
      continue;
    }
    const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
    const cols = Math.abs(columnNumber(m[3]) - columnNumber(m[1]!)) + 1;
    cells += rows * cols;
  }
  return cells;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** An attribute's value in a start tag (either quote), XML entities decoded. */
function attr(tag: string, name: string, anyPrefix = false): string | undefined {
  const m = new RegExp(
    `\\s${anyPrefix ? '(?:\\w+:)?' : ''}${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`,
  ).exec(tag);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2]!);
}

function decodeXml(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g,
    (all, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (dec) return String.fromCodePoint(Number(dec));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[named!] ?? all;
    },
  );
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

function centralDirectory(buf: Buffer, who: string): Entry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new WorkbookRefused(
      `${who} is beschadigd of geen volledige Excel-werkmap (einde van het zip-bestand ontbreekt).`,
    );
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff)
    throw new WorkbookRefused(`${who} is een ZIP64-bestand; dat is voor een sjabloon te groot.`);
  if (offset + size > buf.length)
    throw new WorkbookRefused(`${who} is beschadigd (inhoudsopgave van de zip klopt niet).`);
  const out: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw new WorkbookRefused(`${who} is beschadigd (inhoudsopgave van de zip klopt niet).`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff)
      throw new WorkbookRefused(`${who} is een ZIP64-bestand; dat is voor een sjabloon te groot.`);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    out.push({ name, method, compressed, uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function inflateCapped(buf: Buffer, e: Entry, who: string, label = `onderdeel ${e.name}`): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50)
    throw new WorkbookRefused(`${who} is beschadigd (onderdeel ${e.name} ontbreekt).`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) {
    if (data.length !== e.uncompressed) throw new WorkbookRefused(`${who} is beschadigd (onderdeel ${e.name}).`);
    return data;
  }
  if (e.method !== 8)
    throw new WorkbookRefused(`${who}: onderdeel ${e.name} gebruikt een onbekende compressie (${e.method}).`);
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.min(LIMITS.entryBytes, e.uncompressed) + 1 });
    if (out.length > e.uncompressed) throw new RangeError('groter dan opgegeven');
    return out;
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new WorkbookRefused(
        `${who}: ${label} pakt groter uit dan het bestand opgeeft; dit lijkt een zip-bom en wordt niet geopend.`,
      );
    }
    throw new WorkbookRefused(`${who} is beschadigd (onderdeel ${e.name} kan niet worden uitgepakt).`);
  }
}
