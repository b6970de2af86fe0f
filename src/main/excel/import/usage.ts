/** Blad Gebruiksaandelen (optional): per segment the share of each gemeente in its use (the usage verdeelsleutel). */
import type { Worksheet } from 'exceljs';
import { GEBRUIK_FIRST_HEADER, normaliseHeader, type ColumnDef } from '../templateLayout';
import type { Reading, ReadSegment } from './origins';
import { lastRow } from './tables';

export function readUsage(reading: Reading, ws: Worksheet, segments: Pick<ReadSegment, 'id' | 'value'>[]): void {
  const { reader, origins } = reading;
  const headerRow = ws.getRow(1);
  const cols: { col: number; id: string }[] = [];
  let idCol = 0;
  headerRow.eachCell((cell, col) => {
    const text = String(reader.raw(cell, `${ws.name}!${cell.address}`) ?? '').trim();
    if (!text) return;
    if (normaliseHeader(text) === GEBRUIK_FIRST_HEADER) idCol = col;
    else cols.push({ col, id: text });
  });
  if (!idCol) {
    if (ws.rowCount > 1) reader.error(`${ws.name}!A1`, `kolom "${GEBRUIK_FIRST_HEADER}" ontbreekt`);
    return;
  }
  const def: ColumnDef = { key: 'share', header: 'gebruiksaandeel', kind: 'fraction', width: 0 };
  const last = lastRow(ws);
  for (let r = 2; r <= last; r++) {
    const idCell = ws.getCell(r, idCol);
    const id = reader.raw(idCell, `${ws.name}!${idCell.address}`);
    const shares: Record<string, number> = {};
    for (const c of cols) {
      const cell = ws.getCell(r, c.col);
      const v = reader.convert(cell, def, `${ws.name}!${cell.address}`);
      if (typeof v === 'number') shares[c.id] = v;
    }
    if (id === undefined || id === null) {
      if (Object.keys(shares).length > 0) reader.error(`${ws.name}!${idCell.address}`, 'segment id ontbreekt');
      continue;
    }
    const i = segments.findIndex((s) => s.id === String(id));
    if (i < 0) {
      reader.error(`${ws.name}!${idCell.address}`, `${JSON.stringify(String(id))} is geen segment uit blad Segmenten`);
      continue;
    }
    const seg = segments[i]!.value;
    if (seg.usageShare) {
      reader.error(`${ws.name}!${idCell.address}`, `segment ${JSON.stringify(String(id))} staat er twee keer`);
      continue;
    }
    origins.set(`segments[${i}].usageShare`, `${ws.name} rij ${r}`);
    for (const c of cols)
      origins.set(`segments[${i}].usageShare.${c.id}`, `${ws.name}!${ws.getColumn(c.col).letter}${r}`);
    if (Object.keys(shares).length > 0) seg.usageShare = shares;
  }
}
