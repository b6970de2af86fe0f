/**
 * Reads a filled-in budget template (template.ts) into a model. Every problem
 * is collected — sheet, cell, value, in Dutch — and reported at once; the
 * model is returned only when there are none, so the caller saves nothing
 * half-read. Decisions for odd files (also in the Instructies sheet):
 * - a formula in a cell: its cached (computed) value is used, with a notice
 *   per cell; a formula without a cached value is refused;
 * - merged cells on a data sheet: refused (which cell holds the value?);
 * - extra sheets and unknown columns: ignored, with a notice;
 * - empty rows: skipped.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { MODEL_FORMAT, type Model } from '../../shared/formats/model';
import { parseModel } from '../../shared/formats/validate';
import { makeIssue, type ValidationIssue } from '../../shared/formats/issues';
import { parseDutchNumber } from '../../shared/locale/numbers';
import { checkWorkbookBytes, WorkbookRefused } from './zipGuard';
import {
  CALIBRATION_COLUMNS,
  FUNDING_FIELDS,
  GEBRUIK_FIRST_HEADER,
  GEMEENTE_COLUMNS,
  INDEX_HEADER,
  KIND_CHOICES,
  MAX_TEMPLATE_ROWS,
  MODEL_FIELDS,
  NO,
  SEGMENT_COLUMNS,
  type SPLIT_CHOICES,
  SPLIT_TO_MODEL,
  MIX_TO_USAGE,
  isMixChoice,
  type MixChoice,
  TEMPLATE_SHEETS,
  YES,
  normaliseHeader,
  type ColumnDef,
} from './templateLayout';

export type ImportResult =
  | { ok: true; model: Model; notices: string[] }
  | { ok: false; issues: ValidationIssue[]; notices: string[] };

const MAX_ROWS = MAX_TEMPLATE_ROWS;

export async function importModelWorkbook(data: Uint8Array, fileName?: string): Promise<ImportResult> {
  try {
    checkWorkbookBytes(data, fileName);
  } catch (err) {
    if (err instanceof WorkbookRefused) return { ok: false, issues: [makeIssue('', err.message)], notices: [] };
    throw err;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, issues: [makeIssue('', `Het bestand kan niet als Excel-werkmap worden gelezen (${detail.slice(0, 200)}).`)], notices: [] };
  }
  return new TemplateReader(wb).read();
}

type Value = string | number | boolean | undefined;

class TemplateReader {
  readonly issues: ValidationIssue[] = [];
  readonly notices: string[] = [];
  /** model path (as formatPath prints it) → the cell it came from, to place parseModel's messages */
  readonly cellOf = new Map<string, string>();

  constructor(readonly wb: ExcelJS.Workbook) {}

  error(where: string, problem: string): void {
    this.issues.push(makeIssue(where, problem));
  }

  read(): ImportResult {
    // a message about a whole list (e.g. more segments than the limit) names its sheet
    this.cellOf.set('segments', TEMPLATE_SHEETS.segmenten);
    this.cellOf.set('gemeenten', TEMPLATE_SHEETS.gemeenten);
    const known = new Set<string>(Object.values(TEMPLATE_SHEETS));
    this.wb.eachSheet((ws) => {
      if (!known.has(ws.name)) this.notices.push(`Blad "${ws.name}" hoort niet bij het sjabloon en is genegeerd.`);
    });
    const sheet = (name: string, required: boolean): Worksheet | undefined => {
      const ws = this.wb.getWorksheet(name);
      if (!ws) {
        if (required) this.error(name, `het blad "${name}" ontbreekt; gebruik het sjabloon uit Jeugdplanner`);
        return undefined;
      }
      if (ws.rowCount > MAX_ROWS + 1) this.error(name, `${ws.rowCount} rijen; hoogstens ${MAX_ROWS} zijn toegestaan`);
      const merges = (ws.model as { merges?: string[] }).merges ?? [];
      if (merges.length > 0) {
        this.error(`${name}!${merges[0]}`, `samengevoegde cellen (${merges.slice(0, 5).join(', ')}${merges.length > 5 ? ', …' : ''}) zijn niet toegestaan; maak de samenvoeging ongedaan`);
        return undefined;
      }
      return ws;
    };

    const modelWs = sheet(TEMPLATE_SHEETS.model, true);
    const segWs = sheet(TEMPLATE_SHEETS.segmenten, true);
    const gemWs = sheet(TEMPLATE_SHEETS.gemeenten, true);
    const fundWs = sheet(TEMPLATE_SHEETS.rijksmiddelen, true);
    const usageWs = sheet(TEMPLATE_SHEETS.gebruik, false);
    const calWs = sheet(TEMPLATE_SHEETS.kalibratie, false);
    if (this.issues.length > 0) return this.fail();

    const meta = this.keyValues(modelWs!, MODEL_FIELDS, '');
    const segments = this.segments(segWs!);
    const gemeenten = this.gemeenten(gemWs!);
    const funding = this.funding(fundWs!);
    if (usageWs) this.usage(usageWs, segments);
    if (calWs) this.calibration(calWs, segments);

    const candidate: Record<string, unknown> = {
      format: MODEL_FORMAT,
      ...meta,
      gemeenten,
      segments: segments.map((s) => s.value),
      funding,
    };
    // Duplicate ids are checked here as well: zod skips the model's own refinements while any field is wrong.
    this.checkUnique(segments.map((x) => x.value.id), 'segments');
    this.checkUnique(gemeenten.map((x) => x.id), 'gemeenten');

    // The schema checks run even after reading errors, so everything is listed at once; a cell that
    // already has a reading error is not reported again (its value is missing from the candidate).
    const parsed = parseModel(candidate);
    if (!parsed.ok) {
      const already = new Set(this.issues.map((i) => i.path));
      for (const issue of parsed.issues) {
        const where = this.locate(issue.path);
        if (already.has(where)) continue;
        // "komt al voor bij segments[0]" → name the row instead of the JSON path
        const problem = issue.problem.replace(/\b(segments|gemeenten)\[(\d+)\]/g, (m) => this.cellOf.get(m) ?? m);
        this.error(where, problem);
      }
    }
    if (this.issues.length > 0 || !parsed.ok) return this.fail();
    return { ok: true, model: parsed.value, notices: this.notices };
  }

  checkUnique(ids: unknown[], field: 'segments' | 'gemeenten'): void {
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      if (typeof id !== 'string') return;
      const j = first.get(id);
      if (j === undefined) first.set(id, i);
      else this.error(this.locate(`${field}[${i}].id`), `${JSON.stringify(id)} komt al voor bij ${this.cellOf.get(`${field}[${j}]`) ?? `${field}[${j}]`}`);
    });
  }

  fail(): ImportResult {
    return { ok: false, issues: this.issues, notices: this.notices };
  }

  /** The cell (or sheet/row) a model path came from; walks up to the nearest known parent. */
  locate(path: string): string {
    let p = path;
    while (p) {
      const hit = this.cellOf.get(p);
      if (hit) return hit;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.slice(0, cut) : '';
    }
    return path || 'Model';
  }

  // ───────────── cells ─────────────

  /** The value of a cell: plain, from rich text/hyperlink, or a formula's cached value (with a notice). */
  raw(cell: Cell, where: string): Value | null {
    const v: CellValue = cell.value;
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'string') return v.trim() === '' ? undefined : v;
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'object') {
      if ('richText' in v) return v.richText.map((r) => r.text).join('') || undefined;
      if ('hyperlink' in v && 'text' in v) return typeof v.text === 'string' ? v.text : undefined;
      if ('error' in v) {
        this.error(where, `de cel bevat de fout ${String(v.error)}`);
        return null;
      }
      if ('formula' in v || 'sharedFormula' in v) {
        const f = 'formula' in v ? v.formula : v.sharedFormula;
        // cell.result, not v.result: ExcelJS's value copy drops a cached result of 0.
        const value: unknown = cell.result;
        if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
          this.notices.push(`${where}: formule =${f}; de berekende waarde ${JSON.stringify(value)} is overgenomen.`);
          return value;
        }
        this.error(where, `formule =${f} heeft geen bruikbare berekende waarde; typ de waarde zelf in`);
        return null;
      }
    }
    this.error(where, `onleesbare inhoud ${JSON.stringify(v).slice(0, 80)}`);
    return null;
  }

  /** Converts a cell to what the column expects; undefined = empty; null = error recorded. */
  convert(cell: Cell, def: ColumnDef, where: string): Value | null {
    const v = this.raw(cell, where);
    if (v === undefined || v === null) return v;
    switch (def.kind) {
      case 'text': {
        return typeof v === 'string' ? v : String(v);
      }
      case 'number':
      case 'integer':
      case 'percentage':
      case 'fraction': {
        let n: number | undefined;
        if (typeof v === 'number') n = v;
        else if (typeof v === 'string') {
          const pct = /%\s*$/.test(v);
          n = parseDutchNumber(v);
          if (n !== undefined && pct) n = def.kind === 'fraction' ? n / 100 : n;
        }
        if (n === undefined || !Number.isFinite(n)) {
          this.error(where, `${JSON.stringify(typeof v === 'string' ? v : String(v))} is geen getal`);
          return null;
        }
        // A percentage column typed as "2,5%" in a %-formatted cell arrives as 0,025: scale back to 2,5.
        if (def.kind === 'percentage' && typeof v === 'number' && (cell.numFmt ?? '').includes('%')) n = n * 100;
        if (def.kind === 'integer' && !Number.isInteger(n)) {
          this.error(where, `${String(v)} is geen heel getal`);
          return null;
        }
        return n;
      }
      case 'yesno': {
        if (typeof v === 'boolean') return v;
        const t = String(v).trim().toLowerCase();
        if (YES.has(t)) return true;
        if (NO.has(t)) return false;
        this.error(where, `${JSON.stringify(String(v))} is geen ja of nee`);
        return null;
      }
      case 'choice': {
        const t = String(v).trim();
        if (def.choices && !def.choices.includes(t.toLowerCase())) {
          this.error(where, `${JSON.stringify(t)} is geen geldige ${def.header} (kies uit: ${def.choices.join(', ')})`);
          return null;
        }
        return def.choices ? t.toLowerCase() : t;
      }
    }
  }

  // ───────────── tables ─────────────

  /** Reads a table with a header in row 1; columns found by header text. */
  table<K extends string>(ws: Worksheet, cols: readonly ColumnDef<K>[]): { row: number; values: Partial<Record<K, Value>>; at: (key: K) => string }[] {
    const headerRow = ws.getRow(1);
    const colOf = new Map<K, number>();
    headerRow.eachCell((cell, col) => {
      const text = normaliseHeader(String(this.raw(cell, `${ws.name}!${cell.address}`) ?? ''));
      if (!text) return;
      const def = cols.find((c) => normaliseHeader(c.header) === text);
      if (def) {
        if (colOf.has(def.key)) this.error(`${ws.name}!${cell.address}`, `kolom "${def.header}" komt twee keer voor`);
        else colOf.set(def.key, col);
      } else this.notices.push(`${ws.name}!${cell.address}: onbekende kolom "${text}" is genegeerd.`);
    });
    for (const c of cols) if (c.required && !colOf.has(c.key)) this.error(`${ws.name}!1`, `kolom "${c.header}" ontbreekt`);
    const out: { row: number; values: Partial<Record<K, Value>>; at: (key: K) => string }[] = [];
    const last = Math.min(ws.rowCount, MAX_ROWS + 1);
    for (let r = 2; r <= last; r++) {
      const row = ws.getRow(r);
      const values: Partial<Record<K, Value>> = {};
      let filled = false;
      for (const c of cols) {
        const col = colOf.get(c.key);
        if (col === undefined) continue;
        const cell = row.getCell(col);
        const v = this.convert(cell, c, `${ws.name}!${cell.address}`);
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

  /** Key/value rows: label in column A (matched by text), value in column B. */
  keyValues<K extends string>(ws: Worksheet, fields: readonly ColumnDef<K>[], pathPrefix: string, stopAt?: string): Partial<Record<K, Value>> {
    const out: Partial<Record<K, Value>> = {};
    const seen = new Set<K>();
    const last = Math.min(ws.rowCount, MAX_ROWS + 1);
    for (let r = 2; r <= last; r++) {
      const labelCell = ws.getCell(r, 1);
      const text = normaliseHeader(String(this.raw(labelCell, `${ws.name}!A${r}`) ?? ''));
      if (stopAt && text === normaliseHeader(stopAt)) break;
      if (!text) continue;
      const def = fields.find((f) => normaliseHeader(f.header) === text);
      if (!def) {
        this.notices.push(`${ws.name}!A${r}: onbekend veld "${text}" is genegeerd.`);
        continue;
      }
      const cell = ws.getCell(r, 2);
      const where = `${ws.name}!B${r}`;
      seen.add(def.key);
      this.cellOf.set(pathPrefix ? `${pathPrefix}.${def.key}` : def.key, where);
      const v = this.convert(cell, def, where);
      if (v !== undefined && v !== null) out[def.key] = v;
      else if (v === undefined && def.required) this.error(where, `${def.header} ontbreekt`);
    }
    for (const f of fields) if (f.required && !seen.has(f.key)) this.error(ws.name, `het veld "${f.header}" ontbreekt in kolom A`);
    return out;
  }

  // ───────────── sheets ─────────────

  segments(ws: Worksheet): { id: string; kind: string; value: Record<string, unknown>; at: string }[] {
    const rows = this.table(ws, SEGMENT_COLUMNS);
    const volumeOnly = ['inflowPerYear', 'avgDurationMonths', 'unit', 'unitsPerClientMonth', 'pricePerUnit', 'openingClients'] as const;
    return rows.map(({ row, values: v, at }, i) => {
      const path = `segments[${i}]`;
      this.cellOf.set(path, `${ws.name} rij ${row}`);
      const seg: Record<string, unknown> = {};
      const set = (key: string, value: unknown, col: (typeof SEGMENT_COLUMNS)[number]['key']) => {
        this.cellOf.set(`${path}.${key}`, at(col));
        if (value !== undefined) seg[key] = value;
      };
      set('id', v.id, 'id');
      set('name', v.name, 'name');
      set('kind', v.kind, 'kind');
      set('group', v.group, 'group');
      if (v.kind === undefined) this.error(at('kind'), `soort ontbreekt (kies uit: ${KIND_CHOICES.join(', ')})`);
      if (v.kind === 'budget') {
        set('amount', v.amount, 'amount');
        for (const k of volumeOnly) if (v[k] !== undefined) this.error(at(k), `${JSON.stringify(v[k])}: hoort niet bij een budgetregel (laat leeg of kies soort volume)`);
      } else if (v.kind === 'volume') {
        for (const k of volumeOnly) set(k, v[k], k);
        if (v.amount !== undefined) this.error(at('amount'), `${JSON.stringify(v.amount)}: een bedrag hoort bij soort budget; bij volume volgen de lasten uit instroom, duur en tarief`);
      }
      set('taakveld', v.taakveld, 'taakveld');
      this.cellOf.set(`${path}.split`, at('split'));
      if (isMixChoice(v.split)) {
        const usage = MIX_TO_USAGE[v.split];
        if (v.solidarityPct === undefined) this.error(at('solidarityPct'), `vul het solidariteitspercentage in bij verdeling ${v.split}`);
        else seg.split = usage ? { solidarityPct: v.solidarityPct, usage } : { solidarityPct: v.solidarityPct };
        this.cellOf.set(`${path}.split.solidarityPct`, at('solidarityPct'));
      } else if (v.split !== undefined) {
        seg.split = SPLIT_TO_MODEL[v.split as Exclude<(typeof SPLIT_CHOICES)[number], MixChoice>];
        if (v.solidarityPct !== undefined) this.error(at('solidarityPct'), `${String(v.solidarityPct)}: alleen bij verdeling gemengd`);
      } else if (v.solidarityPct !== undefined) this.error(at('solidarityPct'), `${String(v.solidarityPct)}: kies verdeling gemengd of laat leeg`);
      set('source', v.source, 'source');
      set('estimate', v.estimate, 'estimate');
      set('note', v.note, 'note');
      return { id: String(v.id ?? ''), kind: String(v.kind ?? ''), value: seg, at: `${ws.name} rij ${row}` };
    });
  }

  gemeenten(ws: Worksheet): Record<string, unknown>[] {
    return this.table(ws, GEMEENTE_COLUMNS).map(({ row, values: v, at }, i) => {
      const path = `gemeenten[${i}]`;
      this.cellOf.set(path, `${ws.name} rij ${row}`);
      const g: Record<string, unknown> = {};
      for (const c of GEMEENTE_COLUMNS) {
        this.cellOf.set(`${path}.${c.key}`, at(c.key));
        if (v[c.key] !== undefined) g[c.key] = v[c.key];
      }
      return g;
    });
  }

  funding(ws: Worksheet): Record<string, unknown> {
    const kv = this.keyValues(ws, FUNDING_FIELDS, 'funding', INDEX_HEADER.year);
    this.cellOf.set('funding', ws.name);
    const f: Record<string, unknown> = {};
    if (kv.baseAmount !== undefined) f.baseAmount = kv.baseAmount;
    if (kv.source !== undefined) f.source = kv.source;
    if (kv.estimate !== undefined) f.estimate = kv.estimate;
    this.cellOf.set('funding.nationalShare.value', this.cellOf.get('funding.nationalShare') ?? ws.name);
    this.cellOf.set('funding.nationalShare.source', this.cellOf.get('funding.nationalShareSource') ?? ws.name);
    if (kv.nationalShare !== undefined || kv.nationalShareSource !== undefined || kv.nationalShareEstimate !== undefined) {
      f.nationalShare = {
        ...(kv.nationalShare !== undefined ? { value: kv.nationalShare } : {}),
        ...(kv.nationalShareSource !== undefined ? { source: kv.nationalShareSource } : {}),
        ...(kv.nationalShareEstimate !== undefined ? { estimate: kv.nationalShareEstimate } : {}),
      };
    }
    // The index table: a header row "jaar | index (%)" in column A/B, years below.
    let headerRow = 0;
    const last = Math.min(ws.rowCount, MAX_ROWS + 1);
    for (let r = 1; r <= last; r++) {
      if (normaliseHeader(String(this.raw(ws.getCell(r, 1), `${ws.name}!A${r}`) ?? '')) === INDEX_HEADER.year) {
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
      const rawYear = this.raw(yearCell, `${ws.name}!A${r}`);
      if (typeof rawYear === 'string' && !/^\s*\d/.test(rawYear)) break; // the note below the table
      const year = this.convert(yearCell, yearDef, `${ws.name}!A${r}`);
      const pct = this.convert(ws.getCell(r, 2), pctDef, `${ws.name}!B${r}`);
      if (year === undefined && pct === undefined) continue;
      if (year === undefined) {
        this.error(`${ws.name}!A${r}`, 'jaar ontbreekt bij deze index');
        continue;
      }
      if (year === null || pct === null || pct === undefined) continue;
      const key = String(year);
      if (key in index) this.error(`${ws.name}!A${r}`, `jaar ${key} staat er twee keer`);
      index[key] = pct as number;
      this.cellOf.set(`funding.indexPct.${key}`, `${ws.name}!B${r}`);
    }
    if (Object.keys(index).length > 0) f.indexPct = index;
    return f;
  }

  usage(ws: Worksheet, segments: { id: string; value: Record<string, unknown> }[]): void {
    const headerRow = ws.getRow(1);
    const cols: { col: number; id: string }[] = [];
    let idCol = 0;
    headerRow.eachCell((cell, col) => {
      const text = String(this.raw(cell, `${ws.name}!${cell.address}`) ?? '').trim();
      if (!text) return;
      if (normaliseHeader(text) === GEBRUIK_FIRST_HEADER) idCol = col;
      else cols.push({ col, id: text });
    });
    if (!idCol) {
      if (ws.rowCount > 1) this.error(`${ws.name}!A1`, `kolom "${GEBRUIK_FIRST_HEADER}" ontbreekt`);
      return;
    }
    const def: ColumnDef = { key: 'share', header: 'gebruiksaandeel', kind: 'fraction', width: 0 };
    const last = Math.min(ws.rowCount, MAX_ROWS + 1);
    for (let r = 2; r <= last; r++) {
      const idCell = ws.getCell(r, idCol);
      const id = this.raw(idCell, `${ws.name}!${idCell.address}`);
      const shares: Record<string, number> = {};
      for (const c of cols) {
        const cell = ws.getCell(r, c.col);
        const v = this.convert(cell, def, `${ws.name}!${cell.address}`);
        if (typeof v === 'number') shares[c.id] = v;
      }
      if (id === undefined || id === null) {
        if (Object.keys(shares).length > 0) this.error(`${ws.name}!${idCell.address}`, 'segment id ontbreekt');
        continue;
      }
      const i = segments.findIndex((s) => s.id === String(id));
      if (i < 0) {
        this.error(`${ws.name}!${idCell.address}`, `${JSON.stringify(String(id))} is geen segment uit blad Segmenten`);
        continue;
      }
      const seg = segments[i]!.value;
      if (seg.usageShare) {
        this.error(`${ws.name}!${idCell.address}`, `segment ${JSON.stringify(String(id))} staat er twee keer`);
        continue;
      }
      this.cellOf.set(`segments[${i}].usageShare`, `${ws.name} rij ${r}`);
      for (const c of cols) this.cellOf.set(`segments[${i}].usageShare.${c.id}`, `${ws.name}!${ws.getColumn(c.col).letter}${r}`);
      if (Object.keys(shares).length > 0) seg.usageShare = shares;
    }
  }

  calibration(ws: Worksheet, segments: { id: string; kind: string; value: Record<string, unknown> }[]): void {
    for (const { row, values: v, at } of this.table(ws, CALIBRATION_COLUMNS)) {
      const i = segments.findIndex((s) => s.id === String(v.segment ?? ''));
      if (i < 0) {
        this.error(at('segment'), `${JSON.stringify(String(v.segment ?? ''))} is geen segment uit blad Segmenten`);
        continue;
      }
      if (segments[i]!.kind !== 'volume') {
        this.error(at('segment'), `segment ${JSON.stringify(v.segment)} is een budgetregel; kalibratie geldt alleen voor volumesegmenten`);
        continue;
      }
      const seg = segments[i]!.value;
      if (seg.calibration) {
        this.error(at('segment'), `segment ${JSON.stringify(v.segment)} heeft al een kalibratie (rij eerder op dit blad)`);
        continue;
      }
      const path = `segments[${i}].calibration`;
      this.cellOf.set(path, `${ws.name} rij ${row}`);
      const cal: Record<string, unknown> = {};
      for (const c of CALIBRATION_COLUMNS) {
        if (c.key === 'segment') continue;
        this.cellOf.set(`${path}.${c.key}`, at(c.key));
        if (v[c.key] !== undefined) cal[c.key] = v[c.key];
      }
      seg.calibration = cal;
    }
  }
}
