/**
 * Reads an uploaded realisatie file into rows of text cells for the shared import plan:
 * CSV (UTF-8 with or without BOM; Windows-1252 as Excel on Windows saves it) or the first
 * worksheet of an XLSX workbook (ExcelJS, after the zip-bomb check).
 */
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { CsvError, parseCsv, type Delimiter } from '../../shared/realisatie/csv';
import { checkWorkbookBytes, WorkbookRefused } from '../excel/zipGuard';

export type ReadResult =
  | { ok: true; format: 'csv' | 'xlsx'; delimiter?: Delimiter; rows: string[][]; notices: string[] }
  | { ok: false; message: string };

/** A sheet or file with more rows than this is not a realisatie export of one region. */
export const MAX_ROWS = 20_000;

export async function readRealisatieFile(
  fileName: string,
  content: string,
  encoding: 'text' | 'base64',
): Promise<ReadResult> {
  const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : undefined;
  if (bytes && bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return readXlsx(fileName, bytes);
  if (bytes && bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    return {
      ok: false,
      message: `${fileName}: een oud Excel-bestand (.xls) wordt niet gelezen; sla het op als .xlsx of als CSV.`,
    };
  }
  const text = bytes ? decodeText(bytes) : content;
  try {
    const table = parseCsv(text);
    if (table.rows.length > MAX_ROWS)
      return {
        ok: false,
        message: `${fileName}: ${table.rows.length} rijen; meer dan ${MAX_ROWS} is geen realisatie van één regio (filter de export op de gemeenten van de regio).`,
      };
    return { ok: true, format: 'csv', delimiter: table.delimiter, rows: table.rows, notices: [] };
  } catch (err) {
    if (err instanceof CsvError) return { ok: false, message: `${fileName}, ${err.message}` };
    throw err;
  }
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<ReadResult> {
  try {
    checkWorkbookBytes(bytes, fileName);
  } catch (err) {
    if (err instanceof WorkbookRefused) return { ok: false, message: err.message };
    throw err;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    return {
      ok: false,
      message: `${fileName}: kan niet als Excel-werkmap worden gelezen (${(err instanceof Error ? err.message : String(err)).slice(0, 200)}).`,
    };
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { ok: false, message: `${fileName}: de werkmap heeft geen werkblad.` };
  if (sheet.rowCount > MAX_ROWS)
    return {
      ok: false,
      message: `${fileName}: ${sheet.rowCount} rijen; meer dan ${MAX_ROWS} is geen realisatie van één regio.`,
    };
  const rows: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  const notices =
    wb.worksheets.length > 1
      ? [`${fileName}: alleen het eerste werkblad (${JSON.stringify(sheet.name)}) is gelezen.`]
      : [];
  return { ok: true, format: 'xlsx', rows, notices };
}

/** A cell as text the shared reader understands; numbers with a decimal comma so "1.234" is never read as 1234. */
function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).replace('.', ',') : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'WAAR' : 'ONWAAR';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText((v as { result?: CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return String(v);
}
