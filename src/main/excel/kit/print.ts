/**
 * Print layout of the begrotingsbijlage, applied to every sheet after it is
 * written (so the sheets only say what goes where):
 * - text that would be cut off by the next cell, or run past the last column
 *   (which makes a fit-to-width page print smaller), wraps inside its cell and
 *   the row gets the height it needs: not every viewer grows a row for wrapped
 *   text (LibreOffice keeps the height that is stored), so the height is set;
 * - page breaks before each scenario block and each gemeente (pageBreakBefore).
 *
 * Text widths are estimated for Calibri (the workbook's font; LibreOffice uses
 * the metric-compatible Carlito): about 1,1 characters per unit of column width
 * at 11 pt, a little less in bold. The estimate errs on the wide side: a row a
 * little too high is harmless, a clipped line is not.
 */
import type { Cell, Worksheet } from 'exceljs';

/**
 * Characters of Calibri 11 per unit of column width (one unit = the width of a digit). Measured in
 * LibreOffice's PDF (Carlito): about 1,2 for Dutch text; a little less to be safe.
 */
const CHARS_PER_UNIT = 1.15;
/** Excel's maximum row height (points). */
const MAX_ROW_HEIGHT = 409;

/**
 * The height (points) of one line of wrapped text in a font of this size, as Excel lays it out:
 * 15 for Calibri 11, 12,25 for 9 (LibreOffice needs a little less, so it shows some space below).
 */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.36 * 4) / 4;
}

/** The width (in units of column width) that a text needs on one line, in this cell's font. */
export function textUnits(text: string, cell: Pick<Cell, 'font'>): number {
  const size = cell.font?.size ?? 11;
  const bold = cell.font?.bold ? 1.08 : 1;
  return ((text.length * size) / 11 / CHARS_PER_UNIT) * bold;
}

/** The number of lines a text takes when wrapped in a width (units of column width). */
export function wrappedLines(text: string, cell: Pick<Cell, 'font'>, width: number): number {
  const usable = Math.max(1, width - 1); // the cell's inner margins
  return text.split('\n').reduce((n, line) => n + linesOf(line, cell, usable), 0);
}

/** Greedy word wrap, as Excel and Calc do: a line breaks between words, a word longer than a line is split. */
function linesOf(line: string, cell: Pick<Cell, 'font'>, usable: number): number {
  const words = line.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return 1;
  const space = textUnits(' ', cell);
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const w = textUnits(word, cell);
    if (used > 0 && used + space + w <= usable) {
      used += space + w;
      continue;
    }
    if (used > 0) lines++;
    if (w > usable) {
      lines += Math.ceil(w / usable) - 1;
      used = w % usable;
    } else used = w;
  }
  return lines;
}

function cellText(cell: Cell): string | undefined {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return undefined;
}

function columnWidth(ws: Worksheet, col: number): number {
  return ws.getColumn(col).width ?? 9.14;
}

/** Column number of a merged cell's range end on the same row (its own column when not merged). */
function mergedTo(ws: Worksheet, cell: Cell): number {
  if (!cell.isMerged) return Number(cell.col);
  let to = Number(cell.col);
  while (ws.getCell(Number(cell.row), to + 1).master === cell) to++;
  return to;
}

/**
 * Wraps every text that does not fit where it stands and sets each row's height to the
 * tallest wrapped cell in it (never lower than a height set before).
 */
export function fitText(ws: Worksheet): void {
  const lastCol = ws.columnCount;
  const widths = Array.from({ length: lastCol + 2 }, (_, c) => (c === 0 ? 0 : columnWidth(ws, c)));
  ws.eachRow((row) => {
    // The columns that hold something (eachCell visits only those): text may run on over the others.
    const filled: boolean[] = [];
    row.eachCell((cell, col) => {
      if (!isEmpty(cell)) filled[col] = true;
    });
    let needed = 0;
    row.eachCell((cell, col) => {
      const text = cellText(cell);
      if (!text || (cell.isMerged && cell.master !== cell)) return;
      const to = mergedTo(ws, cell);
      let own = 0;
      for (let c = col; c <= to; c++) own += widths[c] ?? 9.14;
      own -= (cell.alignment?.indent ?? 0) * 1.5;
      if (cell.alignment?.wrapText !== true) {
        // Unwrapped text may run on over empty cells to its right, up to the last column.
        let room = own;
        if (cell.alignment?.horizontal !== 'right' && cell.alignment?.horizontal !== 'center') {
          for (let c = to + 1; c <= lastCol && !filled[c]; c++) room += widths[c] ?? 9.14;
        }
        if (!text.includes('\n') && textUnits(text, cell) <= room - 1) return;
        cell.alignment = { ...cell.alignment, wrapText: true, vertical: cell.alignment?.vertical ?? 'top' };
      }
      const lines = wrappedLines(text, cell, own);
      if (lines > 1) needed = Math.max(needed, lines * lineHeight(cell.font?.size ?? 11) + 2);
    });
    if (needed > 0) {
      row.height = Math.min(MAX_ROW_HEIGHT, Math.max(row.height ?? 0, needed));
      // The other cells of a tall row sit at the top, level with the first line of the text.
      row.eachCell((cell) => {
        if (cell.alignment?.vertical === undefined) cell.alignment = { ...cell.alignment, vertical: 'top' };
      });
    }
  });
}

function isEmpty(cell: Cell): boolean {
  const v = cell.value;
  return v === null || v === undefined || v === '';
}

/** Starts a new printed page at this row (a manual page break above it). */
export function pageBreakBefore(ws: Worksheet, row: number): void {
  if (row > 1) ws.getRow(row - 1).addPageBreak();
}
