/** Blad Gemeenten: one gemeente a row, as typed. */
import type { Worksheet } from 'exceljs';
import { GEMEENTE_COLUMNS } from '../templateLayout';
import type { Reading } from './origins';
import { readTable } from './tables';

export function readGemeenten(reading: Reading, ws: Worksheet): Record<string, unknown>[] {
  const { reader, origins } = reading;
  return readTable(reader, ws, GEMEENTE_COLUMNS).map(({ row, values: v, at }, i) => {
    const path = `gemeenten[${i}]`;
    origins.set(path, `${ws.name} rij ${row}`);
    const g: Record<string, unknown> = {};
    for (const c of GEMEENTE_COLUMNS) {
      origins.set(`${path}.${c.key}`, at(c.key));
      if (v[c.key] !== undefined) g[c.key] = v[c.key];
    }
    return g;
  });
}
