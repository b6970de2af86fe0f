/**
 * The two layouts of the template's sheets, read cell by cell with CellReader:
 * a table (header in row 1, columns found by their header text, one record a
 * row) and key/value rows (label in column A, value in column B).
 */
import type { Worksheet } from 'exceljs';
import { MAX_TEMPLATE_ROWS, normaliseHeader, type ColumnDef } from '../templateLayout';
import type { CellReader, Value } from './cells';

/** A filled row of a table: its row number, the values by column key, and the address of a column's cell. */
export interface TableRow<K extends string> {
  row: number;
  values: Partial<Record<K, Value>>;
  at: (key: K) => string;
}

/** Reads a table with a header in row `headerAt` (1 unless told); columns found by header text. Empty rows are skipped. */
export function readTable<K extends string>(
  reader: CellReader,
  ws: Worksheet,
  cols: readonly ColumnDef<K>[],
  headerAt = 1,
): TableRow<K>[] {
  const headerRow = ws.getRow(headerAt);
  const colOf = new Map<K, number>();
  headerRow.eachCell((cell, col) => {
    const text = normaliseHeader(String(reader.raw(cell, `${ws.name}!${cell.address}`) ?? ''));
    if (!text) return;
    const def = cols.find((c) => normaliseHeader(c.header) === text);
    if (def) {
      if (colOf.has(def.key)) reader.error(`${ws.name}!${cell.address}`, `kolom "${def.header}" komt twee keer voor`);
      else colOf.set(def.key, col);
    } else reader.notices.push(`${ws.name}!${cell.address}: onbekende kolom "${text}" is genegeerd.`);
  });
  for (const c of cols)
    if (c.required && !colOf.has(c.key)) reader.error(`${ws.name}!${headerAt}`, `kolom "${c.header}" ontbreekt`);
  const out: TableRow<K>[] = [];
  const last = lastRow(ws);
  for (let r = headerAt + 1; r <= last; r++) {
    const row = ws.getRow(r);
    const values: Partial<Record<K, Value>> = {};
    let filled = false;
    for (const c of cols) {
      const col = colOf.get(c.key);
      if (col === undefined) continue;
      const cell = row.getCell(col);
      const v = reader.convert(cell, c, `${ws.name}!${cell.address}`);
      if (v === null) {
        filled = true;
        continue;
      }
      if (v !== undefined) {
        values[c.key] = v;
        filled = true;
      }
    }
    if (!filled) continue; // empty row: skipped
    out.push({ row: r, values, at: (key: K) => `${ws.name}!${ws.getColumn(colOf.get(key) ?? 1).letter}${r}` });
  }
  return out;
}

/**
 * Key/value rows: label in column A (matched by text), value in column B, up to the
 * label `stopAt` if given. `found` hears of each known field and the cell its value is in.
 */
export function readKeyValues<K extends string>(
  reader: CellReader,
  ws: Worksheet,
  fields: readonly ColumnDef<K>[],
  found: (key: K, where: string) => void,
  stopAt?: string,
): Partial<Record<K, Value>> {
  const out: Partial<Record<K, Value>> = {};
  const seen = new Set<K>();
  const last = lastRow(ws);
  for (let r = 2; r <= last; r++) {
    const labelCell = ws.getCell(r, 1);
    const text = normaliseHeader(String(reader.raw(labelCell, `${ws.name}!A${r}`) ?? ''));
    if (stopAt && text === normaliseHeader(stopAt)) break;
    if (!text) continue;
    const def = fields.find((f) => normaliseHeader(f.header) === text);
    if (!def) {
      reader.notices.push(`${ws.name}!A${r}: onbekend veld "${text}" is genegeerd.`);
      continue;
    }
    const cell = ws.getCell(r, 2);
    const where = `${ws.name}!B${r}`;
    seen.add(def.key);
    found(def.key, where);
    const v = reader.convert(cell, def, where);
    if (v !== undefined && v !== null) out[def.key] = v;
    else if (v === undefined && def.required) reader.error(where, `${def.header} ontbreekt`);
  }
  for (const f of fields)
    if (f.required && !seen.has(f.key)) reader.error(ws.name, `het veld "${f.header}" ontbreekt in kolom A`);
  return out;
}

/** The last row read: the sheet's last, or the row limit (the header row not counted). */
export function lastRow(ws: Worksheet): number {
  return Math.min(ws.rowCount, MAX_TEMPLATE_ROWS + 1);
}
