/**
 * Blad Realisatie (optional): the last realised year (B2) and one long table of realised figures, a row per
 * gemeente ("regio" or empty = the region) × segment × jaar; and blad Realisatie Rijksmiddelen: per gemeente per
 * year the Rijksmiddelen jeugd. Read into model.realisatie; the model schema then checks the realisatie rules
 * (docs/formats.md, "Realisatie"), its messages placed on the row or cell by the origins.
 * Checked here, on the cell: an unknown gemeente or segment, a year outside the model's horizon, a negative
 * number, a duplicate row (naming the first), figures without a last realised year.
 */
import type { Worksheet } from 'exceljs';
import {
  REALISATIE_COLUMNS,
  REALISATIE_FUNDING_COLUMNS,
  REALISATIE_FUNDING_HEADER_ROW,
  REALISATIE_HEADER_ROW,
  REALISATIE_LAST_YEAR,
  REGIO,
  normaliseHeader,
  type ColumnDef,
} from '../templateLayout';
import { MAX_YEAR, MIN_YEAR } from '../../../shared/formats/limits';
import { formatNumber } from '../../../shared/locale/numbers';
import type { Value } from './cells';
import type { Reading } from './origins';
import { readTable, type TableRow } from './tables';

export interface RealisatieContext {
  baseYear: number | undefined;
  endYear: number | undefined;
  segmentIds: string[];
  gemeenten: { id: string; name?: string; cbsCode?: string }[];
}

const FIGURE_FIELDS = ['clients', 'started', 'ended', 'lasten', 'volume', 'source', 'estimate', 'note'] as const;
const FUNDING_FIELDS = ['amount', 'source', 'estimate', 'note'] as const;
const NUMBER_FIELDS = new Set(['clients', 'started', 'ended', 'lasten', 'volume', 'amount']);

const LAST_YEAR_DEF: ColumnDef = {
  key: 'lastYear',
  header: REALISATIE_LAST_YEAR.label,
  kind: 'integer',
  width: 0,
  min: MIN_YEAR,
  max: MAX_YEAR,
};

/** model.realisatie from the two sheets; undefined when both are empty (a model without realisatie). */
export function readRealisatie(
  reading: Reading,
  ws: Worksheet,
  fundWs: Worksheet | undefined,
  ctx: RealisatieContext,
): Record<string, unknown> | undefined {
  const { reader, origins } = reading;
  origins.set('realisatie', ws.name);
  origins.set('realisatie.segments', ws.name);
  origins.set('realisatie.gemeenten', ws.name);

  // B2: the last realised year (its label must be in A2)
  const lastWhere = `${ws.name}!B${REALISATIE_LAST_YEAR.row}`;
  const label = normaliseHeader(String(reader.raw(ws.getCell(REALISATIE_LAST_YEAR.row, 1), `${ws.name}!A2`) ?? ''));
  if (label !== normaliseHeader(REALISATIE_LAST_YEAR.label))
    reader.error(
      `${ws.name}!A${REALISATIE_LAST_YEAR.row}`,
      `hier hoort "${REALISATIE_LAST_YEAR.label}" te staan (gevonden: ${JSON.stringify(label)}); gebruik het sjabloon uit Jeugdplanner`,
    );
  const lastYear = reader.convert(ws.getCell(REALISATIE_LAST_YEAR.row, 2), LAST_YEAR_DEF, lastWhere);
  origins.set('realisatie.lastYear', lastWhere);

  const gemeenteOf = gemeenteLookup(ctx);
  const segmentIds = new Set(ctx.segmentIds);
  const horizon =
    ctx.baseYear !== undefined && ctx.endYear !== undefined ? { from: ctx.baseYear, to: ctx.endYear } : undefined;

  const checkYear = (v: Value, at: string): v is number => {
    if (typeof v !== 'number') return false;
    if (horizon && (v < horizon.from || v > horizon.to)) {
      reader.error(at, `jaar ${v} ligt buiten de horizon van het model (${horizon.from}–${horizon.to}, blad Model)`);
      return false;
    }
    return true;
  };
  const checkNumbers = <K extends string>(row: TableRow<K>, keys: readonly K[]): boolean => {
    let ok = true;
    for (const k of keys) {
      const v = row.values[k];
      if (NUMBER_FIELDS.has(k) && typeof v === 'number' && v < 0) {
        const def = [...REALISATIE_COLUMNS, ...REALISATIE_FUNDING_COLUMNS].find((c) => c.key === k)!;
        reader.error(row.at(k), `${formatNumber(v, 2)} is negatief: ${def.header} kan niet kleiner dan 0 zijn`);
        ok = false;
      }
    }
    return ok;
  };

  const segments: Record<string, Record<string, Record<string, unknown>>> = {};
  const gemeenten: Record<string, { segments?: typeof segments; rijksmiddelen?: Record<string, unknown> }> = {};
  const firstRow = new Map<string, number>();
  let figures = 0;

  for (const row of readTable(reader, ws, REALISATIE_COLUMNS, REALISATIE_HEADER_ROW)) {
    const v = row.values;
    figures++;
    let ok = true;
    // gemeente: empty or "regio" = the region
    const gText = v.gemeente === undefined ? '' : String(v.gemeente).trim();
    let gid: string | undefined;
    if (gText !== '' && normaliseHeader(gText) !== REGIO) {
      gid = gemeenteOf(gText);
      if (gid === undefined) {
        reader.error(
          row.at('gemeente'),
          `${JSON.stringify(gText)} is geen gemeente uit blad Gemeenten (bekend: ${ctx.gemeenten.map((g) => g.id).join(', ')}; of "${REGIO}")`,
        );
        ok = false;
      }
    }
    const sid = v.segment === undefined ? undefined : String(v.segment).trim();
    if (sid === undefined) {
      reader.error(row.at('segment'), 'segment id ontbreekt');
      ok = false;
    } else if (!segmentIds.has(sid)) {
      reader.error(row.at('segment'), `${JSON.stringify(sid)} is geen segment uit blad Segmenten`);
      ok = false;
    }
    if (v.year === undefined) {
      reader.error(row.at('year'), 'jaar ontbreekt');
      ok = false;
    } else if (!checkYear(v.year, row.at('year'))) ok = false;
    if (!checkNumbers(row, FIGURE_FIELDS)) ok = false;
    if (!ok || sid === undefined || typeof v.year !== 'number') continue;

    const key = `${gid ?? ''}\u0000${sid}\u0000${v.year}`;
    const first = firstRow.get(key);
    if (first !== undefined) {
      reader.error(row.at('segment'), `dubbele rij: ${gid ?? REGIO}, ${sid}, ${v.year} staat ook in rij ${first}`);
      continue;
    }
    firstRow.set(key, row.row);

    const year = String(v.year);
    const path =
      gid === undefined ? `realisatie.segments.${sid}.${year}` : `realisatie.gemeenten.${gid}.segments.${sid}.${year}`;
    origins.set(path, `${ws.name} rij ${row.row}`);
    const figure: Record<string, unknown> = {};
    for (const f of FIGURE_FIELDS) {
      origins.set(`${path}.${f}`, row.at(f));
      if (v[f] !== undefined) figure[f] = v[f];
    }
    if (gid === undefined) (segments[sid] ??= {})[year] = figure;
    else {
      const g = (gemeenten[gid] ??= {});
      if (!g.segments) origins.set(`realisatie.gemeenten.${gid}`, ws.name);
      ((g.segments ??= {})[sid] ??= {})[year] = figure;
    }
  }

  if (fundWs) {
    for (const g of ctx.gemeenten) origins.set(`realisatie.gemeenten.${g.id}.rijksmiddelen`, fundWs.name);
    const seen = new Map<string, number>();
    for (const row of readTable(reader, fundWs, REALISATIE_FUNDING_COLUMNS, REALISATIE_FUNDING_HEADER_ROW)) {
      const v = row.values;
      figures++;
      let ok = true;
      const gText = v.gemeente === undefined ? '' : String(v.gemeente).trim();
      const gid = gText === '' ? undefined : gemeenteOf(gText);
      if (gid === undefined) {
        reader.error(
          row.at('gemeente'),
          gText === ''
            ? 'gemeente ontbreekt'
            : `${JSON.stringify(gText)} is geen gemeente uit blad Gemeenten (bekend: ${ctx.gemeenten.map((g) => g.id).join(', ')})`,
        );
        ok = false;
      }
      if (v.year === undefined) {
        reader.error(row.at('year'), 'jaar ontbreekt');
        ok = false;
      } else if (!checkYear(v.year, row.at('year'))) ok = false;
      if (!checkNumbers(row, FUNDING_FIELDS)) ok = false;
      if (!ok || gid === undefined || typeof v.year !== 'number') continue;
      const key = `${gid}\u0000${v.year}`;
      const first = seen.get(key);
      if (first !== undefined) {
        reader.error(row.at('gemeente'), `dubbele rij: ${gid}, ${v.year} staat ook in rij ${first}`);
        continue;
      }
      seen.set(key, row.row);
      const year = String(v.year);
      const path = `realisatie.gemeenten.${gid}.rijksmiddelen.${year}`;
      origins.set(path, `${fundWs.name} rij ${row.row}`);
      const f: Record<string, unknown> = {};
      for (const k of FUNDING_FIELDS) {
        origins.set(`${path}.${k}`, row.at(k));
        if (v[k] !== undefined) f[k] = v[k];
      }
      ((gemeenten[gid] ??= {}).rijksmiddelen ??= {})[year] = f;
    }
  }

  if (lastYear === undefined) {
    if (figures > 0)
      reader.error(
        lastWhere,
        `${REALISATIE_LAST_YEAR.label} ontbreekt: vul het in (de bladen Realisatie bevatten ${figures} ${figures === 1 ? 'rij' : 'rijen'})`,
      );
    return undefined;
  }
  if (lastYear === null) return undefined; // reported by the cell reader
  if (horizon && ((lastYear as number) < horizon.from || (lastYear as number) > horizon.to))
    reader.error(
      lastWhere,
      `${REALISATIE_LAST_YEAR.label} ${String(lastYear)} ligt buiten de horizon van het model (${horizon.from}–${horizon.to}, blad Model)`,
    );
  return {
    lastYear,
    segments,
    ...(Object.keys(gemeenten).length > 0 ? { gemeenten } : {}),
  };
}

/** A gemeente by id, name or CBS code (case and spacing do not matter). */
function gemeenteLookup(ctx: RealisatieContext): (text: string) => string | undefined {
  const map = new Map<string, string>();
  for (const g of ctx.gemeenten) {
    for (const k of [g.cbsCode, g.name, g.id]) if (k) map.set(normaliseHeader(k), g.id);
  }
  return (text) => map.get(normaliseHeader(text));
}
