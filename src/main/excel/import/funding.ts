/** Blad Rijksmiddelen: the base amount and national share as key/value rows, then the index table (jaar | index). */
import type { Worksheet } from 'exceljs';
import { FUNDING_FIELDS, INDEX_HEADER, normaliseHeader, type ColumnDef } from '../templateLayout';
import type { Reading } from './origins';
import { lastRow, readKeyValues } from './tables';

export function readFunding(reading: Reading, ws: Worksheet): Record<string, unknown> {
  const { reader, origins } = reading;
  const kv = readKeyValues(
    reader,
    ws,
    FUNDING_FIELDS,
    (key, where) => origins.set(`funding.${key}`, where),
    INDEX_HEADER.year,
  );
  origins.set('funding', ws.name);
  const f: Record<string, unknown> = {};
  if (kv.baseAmount !== undefined) f.baseAmount = kv.baseAmount;
  if (kv.source !== undefined) f.source = kv.source;
  if (kv.estimate !== undefined) f.estimate = kv.estimate;
  origins.set('funding.nationalShare.value', origins.get('funding.nationalShare') ?? ws.name);
  origins.set('funding.nationalShare.source', origins.get('funding.nationalShareSource') ?? ws.name);
  if (
    kv.nationalShare !== undefined ||
    kv.nationalShareSource !== undefined ||
    kv.nationalShareEstimate !== undefined
  ) {
    f.nationalShare = {
      ...(kv.nationalShare !== undefined ? { value: kv.nationalShare } : {}),
      ...(kv.nationalShareSource !== undefined ? { source: kv.nationalShareSource } : {}),
      ...(kv.nationalShareEstimate !== undefined ? { estimate: kv.nationalShareEstimate } : {}),
    };
  }
  // The index table: a header row "jaar | index (%)" in column A/B, years below.
  let headerRow = 0;
  const last = lastRow(ws);
  for (let r = 1; r <= last; r++) {
    if (normaliseHeader(String(reader.raw(ws.getCell(r, 1), `${ws.name}!A${r}`) ?? '')) === INDEX_HEADER.year) {
      headerRow = r;
      break;
    }
  }
  if (!headerRow) return f;
  const index: Record<string, number> = {};
  const yearDef: ColumnDef = { key: 'year', header: INDEX_HEADER.year, kind: 'integer', width: 0 };
  const pctDef: ColumnDef = { key: 'pct', header: INDEX_HEADER.pct, kind: 'percentage', width: 0 };
  for (let r = headerRow + 1; r <= last; r++) {
    const yearCell = ws.getCell(r, 1);
    const rawYear = reader.raw(yearCell, `${ws.name}!A${r}`);
    if (typeof rawYear === 'string' && !/^\s*\d/.test(rawYear)) break; // the note below the table
    const year = reader.convert(yearCell, yearDef, `${ws.name}!A${r}`);
    const pct = reader.convert(ws.getCell(r, 2), pctDef, `${ws.name}!B${r}`);
    if (year === undefined && pct === undefined) continue;
    if (year === undefined) {
      reader.error(`${ws.name}!A${r}`, 'jaar ontbreekt bij deze index');
      continue;
    }
    if (year === null || pct === null || pct === undefined) continue;
    const key = String(year);
    if (key in index) reader.error(`${ws.name}!A${r}`, `jaar ${key} staat er twee keer`);
    index[key] = pct as number;
    origins.set(`funding.indexPct.${key}`, `${ws.name}!B${r}`);
  }
  if (Object.keys(index).length > 0) f.indexPct = index;
  return f;
}
