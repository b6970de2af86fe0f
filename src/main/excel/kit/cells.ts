/**
 * Writing cells of the begrotingsbijlage: labels, numbers, formulas with the
 * engine's figure as cached result, total and rounding rows, and the A1
 * references formulas are made of.
 */
import type { Cell, Worksheet } from 'exceljs';
import { formatNumber } from '../../../shared/locale/numbers';
import { setText } from '../safeText';
import { applyStyle, bodyFont, totalStyle } from '../styles';
import type { Context } from './context';

export function colLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function sheetRef(sheet: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** An A1 reference to a cell, on another sheet when `sheet` is given: Aannames!C12, 'Per gemeente'!$B7. */
export function cellRef(sheet: string | undefined, row: number, col: number, absCol = false): string {
  const a = `${absCol ? '$' : ''}${colLetter(col)}${row}`;
  return sheet === undefined ? a : `${sheetRef(sheet)}!${a}`;
}

/** The number a cell holds: its value, or a formula's cached result (0 for an empty cell). */
export function cellNumber(ws: Worksheet, row: number, col: number): number {
  const v = ws.getCell(row, col).value;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
  return 0;
}

/** Format of an afrondingsverschil (× € 1.000, one decimal: 0,4 is € 400). */
const FMT_ROUNDING = '#,##0.0;[Red]-#,##0.0;0.0';

/**
 * The one row per block that says how far the printed total lies from the unrounded one
 * (× € 1.000 only): unrounded minus printed, per year. A value, not a total.
 */
export function roundingRow(
  ws: Worksheet,
  ctx: Context,
  row: number,
  what: string,
  unrounded: (k: number) => number,
  printedRow: number,
): void {
  label(ws, row, `Afrondingsverschil ${what} (onafgerond − afgedrukt)`, { font: { ...bodyFont, italic: true } }, 1);
  ctx.years.forEach((_, k) => {
    const diff = ctx.money(unrounded(k)) - cellNumber(ws, printedRow, ctx.yearCol(k));
    number(ws, row, ctx.yearCol(k), Math.round(diff * 1e6) / 1e6, FMT_ROUNDING).font = { ...bodyFont, italic: true };
  });
}

export function label(
  ws: Worksheet,
  row: number,
  text: string,
  style?: Parameters<typeof applyStyle>[1],
  indent = 0,
): Cell {
  const c = ws.getCell(row, 1);
  setText(c, text);
  if (indent > 0) c.alignment = { indent };
  if (style) applyStyle(c, style);
  return c;
}

export function code(ws: Worksheet, row: number, text: string | undefined): void {
  setText(ws.getCell(row, 2), text);
}

export function number(ws: Worksheet, row: number, col: number, value: number, numFmt: string): Cell {
  const c = ws.getCell(row, col);
  c.value = value;
  c.numFmt = numFmt;
  return c;
}

export function formula(ws: Worksheet, row: number, col: number, f: string, result: number, numFmt: string): Cell {
  const c = ws.getCell(row, col);
  c.value = { formula: f, result };
  c.numFmt = numFmt;
  return c;
}

/**
 * A total row: per year column SUM(first:last) of the rows above, with the
 * engine's figure as cached result (total(k), in euro; shown in ctx's unit).
 */
export function yearSums(
  ws: Worksheet,
  ctx: Context,
  row: number,
  first: number,
  last: number,
  total: (k: number) => number,
): void {
  ctx.years.forEach((_, k) => {
    const col = ctx.yearCol(k);
    const c = colLetter(col);
    formula(
      ws,
      row,
      col,
      `SUM(${c}${first}:${c}${last})`,
      ctx.rounds ? sumCells(ws, first, last, col) : ctx.money(total(k)),
      ctx.amountFmt,
    );
  });
}

/** A "Totaal …" row: per year the sum of rows first..last (see yearSums), styled as a total. */
export function totalRow(
  ws: Worksheet,
  ctx: Context,
  row: number,
  text: string,
  first: number,
  last: number,
  total: (k: number) => number,
): void {
  label(ws, row, text);
  yearSums(ws, ctx, row, first, last, total);
  styleRow(ws, row, ctx.lastYearCol, totalStyle);
}

/** The sum of the printed cells first..last of a column (the cached value of a total over rounded lines). */
export function sumCells(ws: Worksheet, first: number, last: number, col: number): number {
  let t = 0;
  for (let r = first; r <= last; r++) t += cellNumber(ws, r, col);
  return t;
}

/** The cached value of a formula `a − b` over two cells of the same column. */
export function diffCells(ws: Worksheet, a: number, b: number, col: number): number {
  return cellNumber(ws, a, col) - cellNumber(ws, b, col);
}

export function styleRow(ws: Worksheet, row: number, lastCol: number, style: Parameters<typeof applyStyle>[1]): void {
  for (let col = 1; col <= lastCol; col++) applyStyle(ws.getCell(row, col), style);
}

/** A number in nl-NL text with at most two decimals, e.g. "1.234,5". */
export function formatNum(x: number): string {
  return formatNumber(x, 2);
}
