/**
 * User text (scenario names, notes, sources) always goes into a workbook as a
 * plain string cell. ExcelJS only writes a formula for an explicit
 * `{ formula }` value, but we do not rely on that alone: text that a
 * spreadsheet would read as a formula when re-typed or exported to CSV
 * (starting with =, +, -, @, tab or CR) is recognised here (tests), the value is
 * always written with a string type, characters XML forbids are removed (they
 * would make the file unreadable), CR/CRLF become LF and overlong text is cut at Excel's cell limit.
 */
import type { Cell } from 'exceljs';

/** Excel's maximum number of characters in one cell. */
export const EXCEL_CELL_MAX = 32_767;

const FORMULA_START = /^[=+\-@\t\r]/;
// XML 1.0 forbids these control characters; a workbook containing them does not open.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** True when a spreadsheet could take this text for a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text as it can safely be stored: XML-legal and within Excel's cell limit. */
export function cleanText(text: string): string {
  // XML readers turn a bare CR into LF anyway; normalising here keeps what is written equal to what is read.
  const cleaned = text.replace(/\r\n?/g, '\n').replace(XML_ILLEGAL, '');
  return cleaned.length > EXCEL_CELL_MAX ? `${cleaned.slice(0, EXCEL_CELL_MAX - 1)}…` : cleaned;
}

/**
 * Writes user text as a string cell (xlsx type "s"), never a formula: ExcelJS
 * types a JS string as String whatever it starts with, and we never build a
 * `{ formula }` value from user text. test/excel/safeText.test.ts checks the
 * written XML for each dangerous prefix.
 */
export function setText(cell: Cell, text: string | undefined | null): void {
  if (text === undefined || text === null || text === '') {
    cell.value = null;
    return;
  }
  const safe = cleanText(String(text));
  cell.value = safe;
}
