/**
 * Blad Bekende ontwikkelingen (optional) and blad Bedragen ontwikkelingen: one row per known change, its
 * amounts as one long table (ontwikkeling × gemeente or regio × jaar). The model schema checks the rest
 * (segments, gemeenten and years exist, a change has an amount or a formula); origins name the cells.
 */
import type { Worksheet } from 'exceljs';
import {
  KNOWN_CHANGE_AMOUNT_COLUMNS,
  KNOWN_CHANGE_AMOUNTS_HEADER_ROW,
  KNOWN_CHANGE_COLUMNS,
  KNOWN_CHANGES_HEADER_ROW,
  REGIO,
  TEMPLATE_SHEETS,
} from '../templateLayout';
import type { Reading } from './origins';
import { readTable } from './tables';

/** The changes as read (before the schema checks them); undefined when neither sheet has a row. */
export function readKnownChanges(
  reading: Reading,
  ws: Worksheet | undefined,
  amountsWs: Worksheet | undefined,
): Record<string, unknown>[] | undefined {
  const { reader, origins } = reading;
  /** a cell that already has a reading error (its value is left out) */
  const failed = (where: string) => reader.issues.some((i) => i.path === where);
  const changes: Record<string, unknown>[] = [];
  const indexOf = new Map<string, number>();
  if (ws) {
    origins.set('knownChanges', TEMPLATE_SHEETS.ontwikkelingen);
    for (const { row, values: v, at } of readTable(reader, ws, KNOWN_CHANGE_COLUMNS, KNOWN_CHANGES_HEADER_ROW)) {
      const i = changes.length;
      const path = `knownChanges[${i}]`;
      origins.set(path, `${ws.name} rij ${row}`);
      const c: Record<string, unknown> = {};
      for (const key of ['id', 'name', 'side', 'kind', 'splitAs', 'source', 'estimate', 'note'] as const) {
        origins.set(`${path}.${key}`, at(key));
        if (v[key] !== undefined) c[key] = v[key];
      }
      for (const def of KNOWN_CHANGE_COLUMNS)
        if ('required' in def && def.required && v[def.key] === undefined && !failed(at(def.key)))
          reader.error(
            at(def.key),
            def.key === 'source' ? 'bron ontbreekt: noem document, tabel en jaar' : `${def.header} ontbreekt`,
          );
      if (v.pct !== undefined || v.segments !== undefined || v.fromYear !== undefined) {
        const f: Record<string, unknown> = {};
        origins.set(`${path}.pctOfSegments`, at('pct'));
        origins.set(`${path}.pctOfSegments.pct`, at('pct'));
        origins.set(`${path}.pctOfSegments.segments`, at('segments'));
        origins.set(`${path}.pctOfSegments.fromYear`, at('fromYear'));
        if (v.pct !== undefined) f.pct = v.pct;
        if (v.segments !== undefined)
          f.segments = String(v.segments)
            .split(/[,;]/)
            .map((s) => s.trim())
            .filter((s) => s !== '');
        if (v.fromYear !== undefined) f.fromYear = v.fromYear;
        c.pctOfSegments = f;
      }
      if (v.lowPct !== undefined || v.highPct !== undefined || v.rangeSource !== undefined) {
        const r: Record<string, unknown> = {};
        origins.set(`${path}.range`, at('lowPct'));
        origins.set(`${path}.range.lowPct`, at('lowPct'));
        origins.set(`${path}.range.highPct`, at('highPct'));
        origins.set(`${path}.range.source`, at('rangeSource'));
        if (v.lowPct !== undefined) r.lowPct = v.lowPct;
        if (v.highPct !== undefined) r.highPct = v.highPct;
        if (v.rangeSource !== undefined) r.source = v.rangeSource;
        c.range = r;
      }
      origins.set(`${path}.amount`, `${ws.name} rij ${row} (bedragen: blad ${TEMPLATE_SHEETS.ontwikkelingBedragen})`);
      const id = typeof v.id === 'string' ? v.id : undefined;
      if (id !== undefined) {
        const j = indexOf.get(id);
        if (j !== undefined)
          reader.error(at('id'), `${JSON.stringify(id)} komt al voor bij ${origins.get(`knownChanges[${j}]`)}`);
        else indexOf.set(id, i);
      }
      changes.push(c);
    }
  }
  if (amountsWs) {
    const rows = readTable(reader, amountsWs, KNOWN_CHANGE_AMOUNT_COLUMNS, KNOWN_CHANGE_AMOUNTS_HEADER_ROW);
    const firstRow = new Map<string, number>();
    for (const { row, values: v, at } of rows) {
      const id = String(v.change ?? '');
      const i = indexOf.get(id);
      if (i === undefined) {
        reader.error(
          at('change'),
          `${JSON.stringify(id)} is geen ontwikkeling uit blad ${TEMPLATE_SHEETS.ontwikkelingen} (kolom id)`,
        );
        continue;
      }
      if (typeof v.year !== 'number' || typeof v.amount !== 'number') {
        if (v.year === undefined && !failed(at('year'))) reader.error(at('year'), 'jaar ontbreekt');
        if (v.amount === undefined && !failed(at('amount'))) reader.error(at('amount'), 'bedrag ontbreekt');
        continue;
      }
      const c = changes[i]!;
      const gemeente = v.gemeente === undefined ? REGIO : String(v.gemeente).trim();
      const year = String(v.year);
      const isRegio = gemeente.toLowerCase() === REGIO;
      const path = isRegio ? `knownChanges[${i}].amount` : `knownChanges[${i}].perGemeente.${gemeente}`;
      const series = isRegio
        ? ((c.amount as Record<string, number> | undefined) ?? (c.amount = {}))
        : (((c.perGemeente as Record<string, Record<string, number>> | undefined) ?? (c.perGemeente = {}))[gemeente] ??=
            {});
      if (!isRegio) origins.set(`knownChanges[${i}].perGemeente.${gemeente}`, at('gemeente'));
      const key = `${i}|${isRegio ? REGIO : gemeente}|${year}`;
      const first = firstRow.get(key);
      if (first !== undefined) {
        reader.error(
          at('year'),
          `${id}, ${isRegio ? REGIO : gemeente}, ${year} staat al in rij ${first}; één bedrag per ontwikkeling, gemeente en jaar`,
        );
        continue;
      }
      firstRow.set(key, row);
      (series as Record<string, number>)[year] = v.amount;
      origins.set(`${path}.${year}`, at('amount'));
    }
  }
  return changes.length > 0 ? changes : undefined;
}
