/**
 * The begrotingsbijlage workbook: Samenvatting, Per gemeente, Taakvelden,
 * Aannames, Scenariovergelijking (more than one scenario) and Toelichting.
 *
 * Every amount is the engine's (simulate); totals and saldi are formulas over
 * the cells above them, with the engine's value as the cached result, so an
 * auditor can trace them and a viewer that does not recalculate still shows
 * the app's numbers. Several scenarios are stacked as blocks on the same
 * sheets (same year columns), which lets Scenariovergelijking refer to the
 * saldo cells of Samenvatting by formula.
 */
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import type { Model, Segment } from '../../shared/formats/model';
import type { Scenario, SegmentAssumption } from '../../shared/formats/scenario';
import type { LineResult, SimulationResult, VolumeLineResult } from '../../shared/engine/result';
import { ENGINE_VERSION } from '../../shared/engine/version';
import { TAAKVELDEN, TAAKVELD_CODES } from '../../shared/domain/taakvelden';
import { formatEuro, formatEuroCents, formatNumber } from '../../shared/locale/numbers';
import { scopeLabel, scopedAmounts, type BijlageScope, type ScopedAmounts } from './amounts';
import { setText } from './safeText';
import { citeSource, reference, referencedSources } from '../../shared/domain/sources';
import { analysisGuide, buildGevoeligheid, buildOnzekerheid, type BijlageAnalysis } from './analysisSheets';
import {
  FMT_DATETIME,
  FMT_DECIMAL,
  FMT_INTEGER,
  FMT_PCT_CHANGE,
  FMT_PRICE,
  FMT_SHARE,
  amountFormat,
  applyStyle,
  blockTitleStyle,
  bodyFont,
  differenceFormat,
  freeze,
  headerStyle,
  inUnit,
  noteStyle,
  saldoStyle,
  sectionStyle,
  setupPage,
  subtitleStyle,
  titleStyle,
  totalStyle,
  unitLabel,
  type AmountUnit,
} from './styles';
import { formatDateTime } from '../../shared/locale/dates';

export interface BijlageScenario {
  scenario: Scenario;
  result: SimulationResult;
}

export interface BijlageInput {
  model: Model;
  /** one or more scenarios, each with its engine result (with per-gemeente split) */
  scenarios: readonly BijlageScenario[];
  scope: BijlageScope;
  unit: AmountUnit;
  /** name of the region, e.g. "Regio Noord-Limburg" */
  regionName: string;
  generatedAt: Date;
  appVersion: string;
  /** Monte Carlo and tornado results per scenario (same order): adds Onzekerheid and Gevoeligheid */
  analysis?: BijlageAnalysis;
}

export const SHEETS = {
  samenvatting: 'Samenvatting',
  perGemeente: 'Per gemeente',
  taakvelden: 'Taakvelden',
  aannames: 'Aannames',
  vergelijking: 'Scenariovergelijking',
  onzekerheid: 'Onzekerheid',
  gevoeligheid: 'Gevoeligheid',
  toelichting: 'Toelichting',
} as const;

/** Column of the first year: A = label, B = code/key/unit, C.. = years. */
const FIRST_YEAR_COL = 3;
/** Width (characters) of the Bron column on Aannames. */
const SOURCE_WIDTH = 60;
export const HEADER_ROWS = 4;

/** Where a scenario block's key rows ended up on Samenvatting, for formulas on other sheets. */
export interface SummaryRefs {
  lineRows: number[];
  totalCostRow: number;
  saldoRow: number;
}

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

export function buildBijlage(input: BijlageInput): ExcelJS.Workbook {
  if (input.scenarios.length === 0) throw new Error('geen scenario om te exporteren');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jeugdplanner';
  wb.created = input.generatedAt;
  wb.modified = input.generatedAt;
  // Excel recalculates every formula on opening; the cached values are the engine's.
  wb.calcProperties = { fullCalcOnLoad: true };

  const ctx = new Context(input);
  const refs = buildSamenvatting(wb, ctx);
  buildPerGemeente(wb, ctx);
  buildTaakvelden(wb, ctx, refs);
  buildAannames(wb, ctx);
  if (input.scenarios.length > 1) buildVergelijking(wb, ctx, refs);
  if (input.analysis?.montecarlo) buildOnzekerheid(wb, ctx, refs, input.analysis.montecarlo);
  if (input.analysis?.tornado) buildGevoeligheid(wb, ctx, input.analysis.tornado);
  buildToelichting(wb, ctx);
  return wb;
}

export class Context {
  readonly years: number[];
  readonly amounts: ScopedAmounts[];
  readonly scopeName: string;
  readonly scenarioLabel: string;
  readonly amountFmt: string;
  constructor(readonly input: BijlageInput) {
    this.years = input.scenarios[0]!.result.years;
    this.amounts = input.scenarios.map((s) => scopedAmounts(s.result, input.scope));
    this.scopeName = scopeLabel(input.model, input.scope, input.regionName);
    this.scenarioLabel = input.scenarios.map((s) => s.scenario.name).join(' / ');
    this.amountFmt = amountFormat(input.unit);
  }
  get unit(): AmountUnit {
    return this.input.unit;
  }
  yearCol(k: number): number {
    return FIRST_YEAR_COL + k;
  }
  get lastYearCol(): number {
    return FIRST_YEAR_COL + this.years.length - 1;
  }
  /** The amount as written in the chosen unit. */
  money(euro: number): number {
    return inUnit(euro, this.input.unit);
  }
  /**
   * × € 1.000: lines are written rounded to whole thousands and every total is the sum of those
   * printed lines (never a rounded unrounded total, which may differ by 1–3 from what a reader adds
   * up); the difference with the unrounded total is shown in an "Afrondingsverschil" row.
   */
  get rounds(): boolean {
    return this.input.unit === 'thousand';
  }
  /** An amount on a line as printed: in × € 1.000 rounded to whole thousands (half away from zero, as ROUND does). */
  printed(euro: number): number {
    const v = this.money(euro);
    return this.rounds ? roundHalfAway(v) : v;
  }
}

export function roundHalfAway(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x));
  return r === 0 ? 0 : r;
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
export function roundingRow(ws: Worksheet, ctx: Context, row: number, what: string, unrounded: (k: number) => number, printedRow: number): void {
  label(ws, row, `Afrondingsverschil ${what} (onafgerond − afgedrukt)`, { font: { ...bodyFont, italic: true } }, 1);
  ctx.years.forEach((_, k) => {
    const diff = ctx.money(unrounded(k)) - cellNumber(ws, printedRow, ctx.yearCol(k));
    number(ws, row, ctx.yearCol(k), Math.round(diff * 1e6) / 1e6, FMT_ROUNDING).font = { ...bodyFont, italic: true };
  });
}

// ───────────────────────────── sheet scaffolding ─────────────────────────────

export function newSheet(wb: ExcelJS.Workbook, ctx: Context, name: string, title: string, extraCols: { header: string; width: number }[] = []): Worksheet {
  const ws = wb.addWorksheet(name, { properties: { defaultRowHeight: 14 } });
  ws.getColumn(1).width = 48;
  ws.getColumn(2).width = 12;
  for (let k = 0; k < ctx.years.length; k++) ws.getColumn(ctx.yearCol(k)).width = 15;
  extraCols.forEach((c, i) => (ws.getColumn(ctx.lastYearCol + 1 + i).width = c.width));

  const t = ws.getCell(1, 1);
  setText(t, `${title} — ${ctx.scopeName}`);
  applyStyle(t, titleStyle);
  const sub = ws.getCell(2, 1);
  setText(sub, `${unitLabel(ctx.unit)} · ${ctx.input.model.name} · ${formatDateTime(ctx.input.generatedAt)}`);
  applyStyle(sub, subtitleStyle);
  return ws;
}

/** Header row (row 4): label, code column, the years, extra columns. */
export function yearHeader(ws: Worksheet, ctx: Context, label: string, codeHeader: string, extra: string[] = []): void {
  const row = HEADER_ROWS;
  const put = (col: number, value: string | number) => {
    const c = ws.getCell(row, col);
    if (typeof value === 'number') c.value = value;
    else setText(c, value);
    applyStyle(c, headerStyle);
    if (typeof value === 'number') c.alignment = { horizontal: 'right', vertical: 'middle' };
  };
  put(1, label);
  put(2, codeHeader);
  ctx.years.forEach((y, k) => put(ctx.yearCol(k), y));
  extra.forEach((e, i) => put(ctx.lastYearCol + 1 + i, e));
  freeze(ws, HEADER_ROWS, 2);
  setupPage(ws, { scopeLabel: ctx.scopeName, scenarioLabel: ctx.scenarioLabel, printTitleRows: `1:${HEADER_ROWS}` });
}

export function label(ws: Worksheet, row: number, text: string, style?: Parameters<typeof applyStyle>[1], indent = 0): Cell {
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
function yearSums(ws: Worksheet, ctx: Context, row: number, first: number, last: number, total: (k: number) => number): void {
  ctx.years.forEach((_, k) => {
    const col = ctx.yearCol(k);
    const c = colLetter(col);
    formula(ws, row, col, `SUM(${c}${first}:${c}${last})`, ctx.rounds ? sumCells(ws, first, last, col) : ctx.money(total(k)), ctx.amountFmt);
  });
}

/** The sum of the printed cells first..last of a column (the cached value of a total over rounded lines). */
function sumCells(ws: Worksheet, first: number, last: number, col: number): number {
  let t = 0;
  for (let r = first; r <= last; r++) t += cellNumber(ws, r, col);
  return t;
}

/** The cached value of a formula `a − b` over two cells of the same column. */
function diffCells(ws: Worksheet, a: number, b: number, col: number): number {
  return cellNumber(ws, a, col) - cellNumber(ws, b, col);
}

export function styleRow(ws: Worksheet, row: number, lastCol: number, style: Parameters<typeof applyStyle>[1]): void {
  for (let col = 1; col <= lastCol; col++) applyStyle(ws.getCell(row, col), style);
}

export function blockTitle(ws: Worksheet, ctx: Context, row: number, text: string, lastCol = ctx.lastYearCol): void {
  setText(ws.getCell(row, 1), text);
  styleRow(ws, row, lastCol, blockTitleStyle);
}

export function scenarioTitle(s: BijlageScenario, index: number, count: number): string {
  return count > 1 ? `Scenario ${index + 1}: ${s.scenario.name}` : `Scenario: ${s.scenario.name}`;
}


/** Result lines in their beleidsplan groups (first appearance order); lines without a group last. */
function groupedLines(lines: readonly LineResult[]): { group: string | undefined; lines: number[] }[] {
  const groups: { group: string | undefined; lines: number[] }[] = [];
  lines.forEach((line, l) => {
    let g = groups.find((x) => x.group === line.group);
    if (!g) {
      g = { group: line.group, lines: [] };
      groups.push(g);
    }
    g.lines.push(l);
  });
  const ungrouped = groups.findIndex((g) => g.group === undefined);
  if (ungrouped >= 0 && groups.length > 1) groups.push(groups.splice(ungrouped, 1)[0]!);
  return groups;
}

// ───────────────────────────────── Samenvatting ─────────────────────────────────

function buildSamenvatting(wb: ExcelJS.Workbook, ctx: Context): SummaryRefs[] {
  const ws = newSheet(wb, ctx, SHEETS.samenvatting, 'Begrotingsbijlage jeugdhulp');
  yearHeader(ws, ctx, 'Omschrijving', 'Taakveld');
  const refs: SummaryRefs[] = [];
  let row = HEADER_ROWS + 1;

  ctx.input.scenarios.forEach((s, si) => {
    const a = ctx.amounts[si]!;
    const lines = s.result.lines;
    const groups = groupedLines(lines);
    if (si > 0) row++;
    blockTitle(ws, ctx, row++, scenarioTitle(s, si, ctx.input.scenarios.length));

    label(ws, row++, 'Lasten', sectionStyle);
    const lineRows: number[] = new Array(lines.length);
    const firstLineRow = row;
    for (const g of groups) {
      if (groups.length > 1 || g.group !== undefined) label(ws, row++, g.group ?? 'Overig', { font: { ...bodyFont, italic: true } });
      for (const l of g.lines) {
        const line = lines[l]!;
        label(ws, row, line.name, undefined, 1);
        code(ws, row, line.taakveld ?? 'n.t.');
        ctx.years.forEach((_, k) => number(ws, row, ctx.yearCol(k), ctx.printed(a.lineCost(l, k)), ctx.amountFmt));
        lineRows[l] = row++;
      }
    }
    const lastLineRow = row - 1;
    const totalCostRow = row++;
    label(ws, totalCostRow, 'Totaal lasten');
    yearSums(ws, ctx, totalCostRow, firstLineRow, lastLineRow, a.cost);
    styleRow(ws, totalCostRow, ctx.lastYearCol, totalStyle);

    row++;
    label(ws, row++, 'Baten: Rijksmiddelen jeugd', sectionStyle);
    const firstFundingRow = row;
    for (const f of a.fundingLines) {
      label(ws, row, f.label, undefined, 1);
      code(ws, row, f.kind);
      f.values.forEach((v, k) => number(ws, row, ctx.yearCol(k), ctx.printed(v), ctx.amountFmt));
      row++;
    }
    const lastFundingRow = row - 1;
    const totalFundingRow = row++;
    label(ws, totalFundingRow, 'Totaal baten');
    yearSums(ws, ctx, totalFundingRow, firstFundingRow, lastFundingRow, a.funding);
    styleRow(ws, totalFundingRow, ctx.lastYearCol, totalStyle);

    row++;
    const saldoRow = row++;
    label(ws, saldoRow, 'Saldo (baten − lasten; negatief = tekort)');
    ctx.years.forEach((_, k) => {
      const c = colLetter(ctx.yearCol(k));
      const cached = ctx.rounds ? diffCells(ws, totalFundingRow, totalCostRow, ctx.yearCol(k)) : ctx.money(a.balance(k));
      formula(ws, saldoRow, ctx.yearCol(k), `${c}${totalFundingRow}-${c}${totalCostRow}`, cached, ctx.amountFmt);
    });
    styleRow(ws, saldoRow, ctx.lastYearCol, saldoStyle);
    if (ctx.rounds) roundingRow(ws, ctx, row++, 'saldo', a.balance, saldoRow);
    refs.push({ lineRows, totalCostRow, saldoRow });
  });
  return refs;
}

// ───────────────────────────────── Per gemeente ─────────────────────────────────

/** The lines' verdeelsleutel notes, grouped: "Verdeelsleutel gebruik 2024" or "Verdeelsleutel, terugval: …" → line names. */
function splitNotes(result: SimulationResult): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (text: string, name: string) => out.set(text, [...(out.get(text) ?? []), name]);
  for (const line of result.lines) {
    if (line.splitNote !== undefined) add(`Verdeelsleutel, terugval: ${line.splitNote}`, line.name);
    else if (line.splitBasis !== undefined) add(`Verdeelsleutel ${line.splitBasis}`, line.name);
  }
  return out;
}

function buildPerGemeente(wb: ExcelJS.Workbook, ctx: Context): void {
  const ws = newSheet(wb, ctx, SHEETS.perGemeente, 'Lasten en baten per gemeente');
  yearHeader(ws, ctx, 'Gemeente / regel', 'Sleutel');
  const { model, scope } = ctx.input;
  let row = HEADER_ROWS + 1;
  // A gemeente's workbook traces only its own share; the region's shows all seven and their sum.
  const ids = scope.kind === 'gemeente' ? [scope.gemeenteId] : model.gemeenten.map((g) => g.id);

  ctx.input.scenarios.forEach((s, si) => {
    if (si > 0) row++;
    blockTitle(ws, ctx, row++, scenarioTitle(s, si, ctx.input.scenarios.length));
    const note = ws.getCell(row++, 1);
    setText(note, 'Sleutel = het aandeel van de gemeente in de regionale regel (verdeelsleutel); de baten volgen het aandeel Rijksmiddelen.');
    applyStyle(note, noteStyle);
    note.alignment = { wrapText: false };
    // keys from the realised use: which years, and every fallback (never silent), one row per distinct text
    for (const [text, names] of splitNotes(s.result)) {
      const cell = ws.getCell(row++, 1);
      setText(cell, `${text}: ${names.join(', ')}`);
      applyStyle(cell, noteStyle);
      cell.alignment = { wrapText: false };
    }
    const saldoRows: number[] = [];
    for (const id of ids) {
      const g = s.result.gemeenten.find((x) => x.id === id);
      if (!g) continue;
      row++;
      label(ws, row++, `Gemeente ${g.name}`, sectionStyle);
      const first = row;
      s.result.lines.forEach((line, l) => {
        label(ws, row, line.name, undefined, 1);
        number(ws, row, 2, g.costShares[line.id] ?? 0, FMT_SHARE);
        ctx.years.forEach((_, k) => number(ws, row, ctx.yearCol(k), ctx.printed(g.lineCosts[l]![k]!), ctx.amountFmt));
        row++;
      });
      const last = row - 1;
      const costRow = row++;
      label(ws, costRow, 'Totaal lasten', undefined, 1);
      const fundRow = row++;
      label(ws, fundRow, 'Baten: Rijksmiddelen', undefined, 1);
      number(ws, fundRow, 2, g.fundingShare, FMT_SHARE);
      const saldoRow = row++;
      label(ws, saldoRow, 'Saldo', undefined, 1);
      yearSums(ws, ctx, costRow, first, last, (k) => g.years[k]!.cost);
      ctx.years.forEach((_, k) => {
        const c = colLetter(ctx.yearCol(k));
        const gy = g.years[k]!;
        number(ws, fundRow, ctx.yearCol(k), ctx.printed(gy.funding), ctx.amountFmt);
        const cached = ctx.rounds ? diffCells(ws, fundRow, costRow, ctx.yearCol(k)) : ctx.money(gy.balance);
        formula(ws, saldoRow, ctx.yearCol(k), `${c}${fundRow}-${c}${costRow}`, cached, ctx.amountFmt);
      });
      styleRow(ws, costRow, ctx.lastYearCol, totalStyle);
      styleRow(ws, saldoRow, ctx.lastYearCol, saldoStyle);
      saldoRows.push(saldoRow);
      if (ctx.rounds && scope.kind === 'gemeente') roundingRow(ws, ctx, row++, 'saldo', (k) => g.years[k]!.balance, saldoRow);
    }
    if (scope.kind === 'region' && saldoRows.length > 1) {
      row++;
      const sumRow = row++;
      label(ws, sumRow, ctx.rounds ? 'Som van de saldi der gemeenten (= saldo regio, op de afronding na)' : 'Som van de saldi der gemeenten (= saldo regio)');
      ctx.years.forEach((_, k) => {
        const c = colLetter(ctx.yearCol(k));
        const col = ctx.yearCol(k);
        const cached = ctx.rounds ? saldoRows.reduce((t, r) => t + cellNumber(ws, r, col), 0) : ctx.money(s.result.totals[k]!.balance);
        formula(ws, sumRow, col, saldoRows.map((r) => `${c}${r}`).join('+'), cached, ctx.amountFmt);
      });
      styleRow(ws, sumRow, ctx.lastYearCol, saldoStyle);
      if (ctx.rounds) roundingRow(ws, ctx, row++, 'saldo regio', (k) => s.result.totals[k]!.balance, sumRow);
    }
  });
}

// ───────────────────────────────── Taakvelden ─────────────────────────────────

const NIET_TOEGEWEZEN = 'Niet toegewezen';

function buildTaakvelden(wb: ExcelJS.Workbook, ctx: Context, refs: readonly SummaryRefs[]): void {
  const summaryWs = wb.getWorksheet(SHEETS.samenvatting)!;
  const ws = newSheet(wb, ctx, SHEETS.taakvelden, 'Overzicht lasten per taakveld (Iv3, vanaf 2023)');
  yearHeader(ws, ctx, 'Taakveld', 'Code');
  const summary = sheetRef(SHEETS.samenvatting);
  let row = HEADER_ROWS + 1;

  ctx.input.scenarios.forEach((s, si) => {
    const a = ctx.amounts[si]!;
    const ref = refs[si]!;
    // Per scenario: a scenario may add a line (the prevention budget).
    const byCode = new Map<string, number[]>();
    s.result.lines.forEach((line, l) => {
      const key = line.taakveld ?? NIET_TOEGEWEZEN;
      byCode.set(key, [...(byCode.get(key) ?? []), l]);
    });
    const codes = [...TAAKVELD_CODES.filter((c) => byCode.has(c)), ...(byCode.has(NIET_TOEGEWEZEN) ? [NIET_TOEGEWEZEN] : [])];
    if (si > 0) row++;
    blockTitle(ws, ctx, row++, scenarioTitle(s, si, ctx.input.scenarios.length));
    const first = row;
    for (const tv of codes) {
      const lines = byCode.get(tv)!;
      const isCode = tv !== NIET_TOEGEWEZEN;
      label(ws, row, isCode ? TAAKVELDEN[tv as keyof typeof TAAKVELDEN] : `${NIET_TOEGEWEZEN} (regels zonder taakveld)`, undefined, 1);
      code(ws, row, isCode ? tv : 'n.t.');
      ctx.years.forEach((_, k) => {
        const c = colLetter(ctx.yearCol(k));
        // A sum of the Samenvatting cells of this taakveld's lines: traceable cell by cell.
        const f = lines.map((l) => `${summary}!${c}${ref.lineRows[l]}`).join('+');
        const value = lines.reduce((t, l) => t + a.lineCost(l, k), 0);
        const cached = ctx.rounds ? lines.reduce((t, l) => t + cellNumber(summaryWs, ref.lineRows[l]!, ctx.yearCol(k)), 0) : ctx.money(value);
        formula(ws, row, ctx.yearCol(k), f, cached, ctx.amountFmt);
      });
      row++;
    }
    const last = row - 1;
    const totalRow = row++;
    label(ws, totalRow, 'Totaal lasten');
    const checkRow = row++;
    label(ws, checkRow, 'Controle: verschil met Totaal lasten op Samenvatting (hoort 0 te zijn)', { font: { ...bodyFont, italic: true } });
    yearSums(ws, ctx, totalRow, first, last, a.cost);
    ctx.years.forEach((_, k) => {
      const c = colLetter(ctx.yearCol(k));
      formula(ws, checkRow, ctx.yearCol(k), `ROUND(${c}${totalRow}-${summary}!${c}${ref.totalCostRow},2)`, 0, ctx.amountFmt);
    });
    styleRow(ws, totalRow, ctx.lastYearCol, totalStyle);
    if (ctx.rounds) roundingRow(ws, ctx, row++, 'totaal lasten', a.cost, totalRow);
  });
}

// ───────────────────────────────── Aannames ─────────────────────────────────

function buildAannames(wb: ExcelJS.Workbook, ctx: Context): void {
  const sourceCol = ctx.lastYearCol + 1;
  const ws = newSheet(wb, ctx, SHEETS.aannames, 'Aannames per segment, substitutie en Rijksmiddelen', [{ header: 'Bron', width: SOURCE_WIDTH }]);
  yearHeader(ws, ctx, 'Aanname', 'Eenheid', ['Bron / toelichting']);
  const { model } = ctx.input;
  const years = ctx.years;
  let row = HEADER_ROWS + 1;

  const source = (r: number, raw: string | undefined) => {
    const c = ws.getCell(r, sourceCol);
    // Cited by title, table and year: an older stored model may still name a file (sources.ts rewrites it).
    const text = citeSource(raw);
    setText(c, text);
    applyStyle(c, noteStyle);
    // Wrapped, with the row height set here: not every viewer grows rows for wrapped text, and
    // text spilling past the last column would shrink the whole page when printed fit-to-width.
    if (text) {
      const lines = text.split('\n').reduce((t, l) => t + Math.max(1, Math.ceil(l.length / (SOURCE_WIDTH * 1.15))), 0);
      if (lines > 1) ws.getRow(r).height = Math.min(409, Math.max(ws.getRow(r).height ?? 0, lines * 12.5));
    }
  };
  /** A row of yearly percentage changes; the base year is the model's own figure. */
  const pctRow = (text: string, map: Record<string, number> | undefined, src?: string) => {
    label(ws, row, text, undefined, 2);
    code(ws, row, '%');
    years.forEach((y, k) => {
      if (k === 0) return;
      number(ws, row, ctx.yearCol(k), (map?.[String(y)] ?? 0) / 100, FMT_PCT_CHANGE);
    });
    source(row, src);
    row++;
  };
  const valueRow = (text: string, unit: string, values: number[], fmt: string, src?: string) => {
    label(ws, row, text, undefined, 2);
    code(ws, row, unit);
    values.forEach((v, k) => number(ws, row, ctx.yearCol(k), v, fmt));
    source(row, src);
    row++;
  };

  ctx.input.scenarios.forEach((s, si) => {
    const sc = s.scenario;
    if (si > 0) row++;
    blockTitle(ws, ctx, row++, scenarioTitle(s, si, ctx.input.scenarios.length), sourceCol);
    if (sc.description) {
      setText(ws.getCell(row, 1), citeSource(sc.description));
      applyStyle(ws.getCell(row++, 1), { ...noteStyle, alignment: { wrapText: false } });
    }
    label(ws, row++, 'Segmenten (bedragen en volumes voor de hele regio)', sectionStyle);

    model.segments.forEach((seg, l) => {
      const line = s.result.lines[l]!;
      const a = sc.assumptions[seg.id];
      label(ws, row, `${seg.name} (${seg.id})`, { font: { ...bodyFont, bold: true } }, 1);
      code(ws, row, seg.taakveld ?? 'n.t.');
      source(row, baseSource(seg));
      row++;
      if (seg.kind === 'volume' && line.kind === 'volume') {
        writeVolume(seg, line, a);
      } else {
        pctRow('Bedrag: wijziging per jaar', a?.amountChangePct, a?.source ? `Aanname: ${a.source}` : undefined);
        valueRow('Bedrag (lasten)', ctx.unit === 'euro' ? '€' : '× € 1.000', line.years.map((y) => ctx.printed(y.cost)), ctx.amountFmt);
      }
    });

    row++;
    label(ws, row++, 'Substitutie (verschuiving van instroom tussen segmenten)', sectionStyle);
    if (sc.substitutions.length === 0) {
      label(ws, row++, 'Geen substitutie in dit scenario.', undefined, 1);
    }
    const names = new Map(model.segments.map((x) => [x.id, x.name]));
    for (const rule of sc.substitutions) {
      pctRow(`Van ${names.get(rule.from) ?? rule.from} naar ${names.get(rule.to) ?? rule.to}: deel van de instroom`, rule.sharePct, rule.source);
      // sharePct is a share per year, not a compounding change: show it as is (including the base year column empty).
    }

    row++;
    label(ws, row++, 'Rijksmiddelen (baten, hele regio)', sectionStyle);
    const index: Record<string, number> = { ...model.funding.indexPct, ...sc.funding.indexPct };
    const fundingSrc = [model.funding.source, model.funding.estimate ? 'schatting' : undefined].filter(Boolean).join(' — ');
    pctRow('Index (structureel, stapelt jaar op jaar)', index, [fundingSrc, sc.funding.source].filter(Boolean).join(' | ') || undefined);
    valueRow('Structureel: basisbedrag met index', ctx.unit === 'euro' ? '€' : '× € 1.000', s.result.totals.map((t) => ctx.printed(t.fundingBaseline)), ctx.amountFmt, `Basisbedrag ${formatEuro(model.funding.baseAmount)} in ${model.baseYear}`);
    valueRow('Incidenteel: eenmalige bijstellingen', ctx.unit === 'euro' ? '€' : '× € 1.000', s.result.totals.map((t) => ctx.printed(t.fundingAdjustment)), ctx.amountFmt, sc.funding.source);
    for (const m of s.result.fundingMeasures ?? []) {
      valueRow(`Rijksmaatregel ${m.kind}: ${m.name} (landelijk)`, ctx.unit === 'euro' ? '€' : '× € 1.000', m.national.map((v) => ctx.printed(v)), ctx.amountFmt, m.source);
      valueRow(`Rijksmaatregel ${m.kind}: ${m.name} (regio, aandeel ${formatNum(m.nationalShare * 100)}%)`, ctx.unit === 'euro' ? '€' : '× € 1.000', m.years.map((v) => ctx.printed(v)), ctx.amountFmt, model.funding.nationalShare ? [model.funding.nationalShare.source, model.funding.nationalShare.estimate ? 'schatting' : undefined].filter(Boolean).join(' — ') : undefined);
    }

    if (sc.prevention) {
      const p = sc.prevention;
      row++;
      label(ws, row++, 'Preventie: extra transformatiebudget en verwacht effect (aanname)', sectionStyle);
      valueRow(p.name ?? 'Extra transformatiebudget', ctx.unit === 'euro' ? '€' : '× € 1.000', ctx.years.map((y) => ctx.printed(p.extraBudget[String(y)] ?? 0)), ctx.amountFmt, p.source);
      for (const e of p.effects) {
        label(ws, row, `Effect op ${names.get(e.segment) ?? e.segment}: ${formatNum(e.inflowPctPer100k)}% minder instroom per € 100.000, na ${e.lagYears} jaar, hoogstens ${formatNum(e.maxPct)}%`, undefined, 2);
        source(row, e.source);
        row++;
      }
    }
  });

  row++;
  label(ws, row++, 'Gemeenten: basisgegevens voor de verdeelsleutels', sectionStyle);
  const head = row++;
  ['Gemeente', 'Jeugdigen 0–17', 'Aandeel Rijksmiddelen'].forEach((h, i) => {
    const c = ws.getCell(head, i + 1);
    setText(c, h);
    applyStyle(c, headerStyle);
  });
  setText(ws.getCell(head, sourceCol), 'Bron');
  applyStyle(ws.getCell(head, sourceCol), headerStyle);
  const shares = ctx.input.scenarios[0]!.result.gemeenten;
  for (const g of model.gemeenten) {
    label(ws, row, g.name, undefined, 1);
    number(ws, row, 2, g.youth0to17, FMT_INTEGER);
    const share = shares.find((x) => x.id === g.id)?.fundingShare ?? g.fundingShare;
    if (share !== undefined) number(ws, row, 3, share, FMT_SHARE);
    source(row, [g.source, g.fundingShare === undefined ? 'aandeel Rijksmiddelen = aandeel jeugdigen' : undefined, g.estimate ? 'schatting' : undefined].filter(Boolean).join(' — ') || undefined);
    row++;
  }

  function writeVolume(seg: Extract<Segment, { kind: 'volume' }>, line: VolumeLineResult, asm: SegmentAssumption | undefined): void {
    // The scenario's source for this segment's assumptions, once (it covers all four paths).
    const assumptionSource = asm?.source ? `Aanname: ${asm.source}` : undefined;
    const ys = line.years;
    pctRow('Instroom: wijziging per jaar', asm?.inflowChangePct, assumptionSource);
    if (ys.some((y) => y.preventionPct !== undefined)) {
      label(ws, row, 'Instroom: lager door preventie', undefined, 2);
      code(ws, row, '%');
      ys.forEach((y, k) => number(ws, row, ctx.yearCol(k), -(y.preventionPct ?? 0) / 100, FMT_PCT_CHANGE));
      source(row, 'zie Preventie hieronder');
      row++;
    }
    valueRow('Instroom (jeugdigen per jaar, vóór substitutie)', 'per jaar', ys.map((y) => y.inflowBeforeSubstitution), FMT_DECIMAL, `Basis ${formatNum(seg.inflowPerYear)} per jaar`);
    if (ys.some((y) => Math.abs(y.inflow - y.inflowBeforeSubstitution) > 1e-9)) {
      valueRow('Instroom na substitutie', 'per jaar', ys.map((y) => y.inflow), FMT_DECIMAL);
    }
    pctRow('Trajectduur: wijziging per jaar', asm?.durationChangePct);
    valueRow('Gemiddelde trajectduur', 'maanden', ys.map((y) => y.durationMonths), FMT_DECIMAL, `Basis ${formatNum(seg.avgDurationMonths)} maanden`);
    pctRow('Intensiteit: wijziging per jaar', asm?.intensityChangePct);
    valueRow(`Intensiteit (${seg.unit} per cliëntmaand)`, seg.unit, ys.map((y) => y.unitsPerClientMonth), FMT_DECIMAL);
    pctRow('Tarief: wijziging per jaar', asm?.priceIndexPct);
    valueRow(`Tarief per ${seg.unit}`, '€', ys.map((y) => y.pricePerUnit), FMT_PRICE, `Basis ${formatEuroCents(seg.pricePerUnit)}`);
    valueRow('Cliëntmaanden (berekend)', 'maanden', ys.map((y) => y.clientMonths), FMT_INTEGER);
    valueRow('Jeugdigen in zorg op 31 december (berekend)', 'aantal', ys.map((y) => y.clientsEnd), FMT_INTEGER);
    valueRow('Lasten (berekend)', ctx.unit === 'euro' ? '€' : '× € 1.000', ys.map((y) => ctx.printed(y.cost)), ctx.amountFmt);
    if (seg.calibration) {
      const c = seg.calibration;
      label(ws, row, `Gekalibreerd op ${c.year}: ${formatNum(c.clients)} jeugdigen, omzet ${formatEuro(c.turnover)}`, { font: { ...bodyFont, italic: true } }, 2);
      source(row, c.source);
      row++;
    }
  }
}

/** Every source text the workbook shows: the model's, each scenario's and the Rijksmaatregelen switched on. */
function workbookSourceTexts(ctx: Context): (string | undefined)[] {
  const { model, scenarios } = ctx.input;
  return [
    ...model.segments.flatMap((s) => [s.source, s.note, s.kind === 'volume' ? s.calibration?.source : undefined]),
    ...model.gemeenten.map((g) => g.source),
    model.funding.source,
    model.funding.nationalShare?.source,
    ...scenarios.flatMap(({ scenario, result }) => [
      ...Object.values(scenario.assumptions).map((a) => a?.source),
      ...scenario.substitutions.map((r) => r.source),
      scenario.funding.source,
      ...(result.fundingMeasures ?? []).map((m) => m.source),
    ]),
  ];
}

function baseSource(seg: Segment): string | undefined {
  const parts = [seg.source, seg.estimate ? 'schatting' : undefined, seg.note].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' — ') : undefined;
}

function formatNum(x: number): string {
  return formatNumber(x, 2);
}

// ───────────────────────────── Scenariovergelijking ─────────────────────────────

function buildVergelijking(wb: ExcelJS.Workbook, ctx: Context, refs: readonly SummaryRefs[]): void {
  const summaryWs = wb.getWorksheet(SHEETS.samenvatting)!;
  const ws = newSheet(wb, ctx, SHEETS.vergelijking, 'Scenariovergelijking: saldo per scenario');
  yearHeader(ws, ctx, 'Scenario', '');
  const summary = sheetRef(SHEETS.samenvatting);
  const scenarios = ctx.input.scenarios;
  let row = HEADER_ROWS + 1;

  label(ws, row++, 'Saldo (baten − lasten)', sectionStyle);
  const saldoRows: number[] = [];
  scenarios.forEach((s, si) => {
    label(ws, row, `${si + 1}. ${s.scenario.name}`, undefined, 1);
    ctx.years.forEach((_, k) => {
      const c = colLetter(ctx.yearCol(k));
      const cached = ctx.rounds ? cellNumber(summaryWs, refs[si]!.saldoRow, ctx.yearCol(k)) : ctx.money(ctx.amounts[si]!.balance(k));
      formula(ws, row, ctx.yearCol(k), `${summary}!${c}${refs[si]!.saldoRow}`, cached, ctx.amountFmt);
    });
    saldoRows.push(row++);
  });

  row++;
  label(ws, row++, `Verschil met scenario 1 (${scenarios[0]!.scenario.name}); V = voordelig, N = nadelig`, sectionStyle);
  const diffFmt = differenceFormat(ctx.unit);
  for (let si = 1; si < scenarios.length; si++) {
    label(ws, row, `${si + 1}. ${scenarios[si]!.scenario.name}`, undefined, 1);
    ctx.years.forEach((_, k) => {
      const c = colLetter(ctx.yearCol(k));
      const diff = ctx.amounts[si]!.balance(k) - ctx.amounts[0]!.balance(k);
      const cached = ctx.rounds ? diffCells(ws, saldoRows[si]!, saldoRows[0]!, ctx.yearCol(k)) : ctx.money(diff);
      formula(ws, row, ctx.yearCol(k), `${c}${saldoRows[si]}-${c}${saldoRows[0]}`, cached, diffFmt);
    });
    row++;
  }
  row++;
  const note = ws.getCell(row, 1);
  setText(
    note,
    `Een hoger saldo dan scenario 1 is voordelig (V), een lager saldo nadelig (N). Het verschil staat als getal in de cel; V/N is de celopmaak.${ctx.rounds ? ' De saldi zijn die van Samenvatting (som van de afgeronde regels); het afrondingsverschil staat daar.' : ''}`,
  );
  applyStyle(note, { ...noteStyle, alignment: { wrapText: false } });
}

// ───────────────────────────────── Toelichting ─────────────────────────────────

function buildToelichting(wb: ExcelJS.Workbook, ctx: Context): void {
  const ws = wb.addWorksheet(SHEETS.toelichting);
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 100;
  const { model, scenarios, generatedAt, appVersion, unit, scope } = ctx.input;
  let row = 1;
  const t = ws.getCell(row++, 1);
  setText(t, `Toelichting begrotingsbijlage jeugdhulp — ${ctx.scopeName}`);
  applyStyle(t, titleStyle);
  row++;
  const kv = (k: string, v: string | number | Date | undefined, numFmt?: string) => {
    const kc = ws.getCell(row, 1);
    setText(kc, k);
    kc.font = { ...bodyFont, bold: true };
    kc.alignment = { vertical: 'top' };
    const vc = ws.getCell(row, 2);
    if (typeof v === 'string' || v === undefined) setText(vc, citeSource(v));
    else vc.value = v;
    if (numFmt) vc.numFmt = numFmt;
    vc.font = bodyFont;
    vc.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    row++;
  };
  kv('Regio', ctx.input.regionName);
  kv('Bijlage voor', scope.kind === 'region' ? `${ctx.input.regionName} (hele regio)` : `${ctx.scopeName} (aandeel van de gemeente in de regio)`);
  kv('Model', model.name);
  if (model.description) kv('Beschrijving model', model.description);
  kv('Jaren', `${model.baseYear}–${model.endYear} (basisjaar ${model.baseYear})`);
  scenarios.forEach((s, i) => {
    kv(scenarios.length > 1 ? `Scenario ${i + 1}` : 'Scenario', s.scenario.name);
    if (s.scenario.description) kv('Beschrijving', s.scenario.description);
  });
  kv('Gemaakt op', formatDateTime(generatedAt));
  kv('Gemaakt op (datum/tijd)', generatedAt, FMT_DATETIME);
  kv('Versie Jeugdplanner', appVersion);
  kv('Versie rekenmodel', ENGINE_VERSION);
  const mc = ctx.input.analysis?.montecarlo?.[0];
  if (mc) kv('Monte Carlo', `${formatNum(mc.draws)} trekkingen, seed ${mc.seed} (dezelfde seed en aannames geven exact dezelfde uitkomst)`);
  kv(
    'Eenheid',
    unit === 'euro'
      ? 'Bedragen in hele euro’s'
      : 'Bedragen × € 1.000 (duizenden euro’s). Elke regel is afgerond op hele duizenden en elk totaal is de som van de afgedrukte regels, zodat de bijlage op papier optelt. Het verschil met het onafgeronde totaal staat eenmaal per blok in de rij "Afrondingsverschil" (onafgerond min afgerond, met één decimaal: 0,4 is € 400).',
  );
  row++;
  const h = ws.getCell(row++, 1);
  setText(h, 'Zo leest u deze bijlage');
  applyStyle(h, { font: { ...bodyFont, bold: true, size: 11 } });
  const guide: [string, string][] = [
    [SHEETS.samenvatting, 'Lasten per segment per jaar, Totaal lasten (formule SOM), Rijksmiddelen als baten, gesplitst in structureel (indexpad) en incidenteel (eenmalige bijstellingen), en het saldo (formule baten − lasten). Een negatief saldo (rood, met minteken) is een tekort.'],
    [SHEETS.perGemeente, scope.kind === 'region' ? 'Per gemeente de lasten per regel met de gebruikte verdeelsleutel (aandeel in de regionale regel), de baten volgens het aandeel Rijksmiddelen en het saldo. De som van de saldi is het saldo van de regio.' : 'De lasten van deze gemeente per regel met de gebruikte verdeelsleutel (aandeel in de regionale regel), de baten volgens het aandeel Rijksmiddelen en het saldo.'],
    [SHEETS.taakvelden, 'Lasten per Iv3-taakveld (codes vanaf begroting 2023). Elke cel is de som van de bijbehorende cellen op Samenvatting; segmenten zonder taakveld staan onder "Niet toegewezen". De controlerij hoort overal 0 te zijn.'],
    [SHEETS.aannames, 'Alle aannames van het scenario per segment per jaar: de wijziging in procenten en de waarde die daaruit volgt, de substitutie tussen segmenten en het pad van de Rijksmiddelen. Bij elk basisgegeven staat de bron; "schatting" betekent dat het cijfer niet uit een gepubliceerde bron komt.'],
    ...(scenarios.length > 1 ? [[SHEETS.vergelijking, 'Het saldo per scenario (verwijzing naar Samenvatting) en het verschil met scenario 1: V = voordelig (hoger saldo), N = nadelig (lager saldo).'] as [string, string]] : []),
    ...analysisGuide(ctx),
    ['Rekenwijze', 'Per segment: instroom × trajectduur bepaalt het aantal jeugdigen in zorg (maandstappen); cliëntmaanden × intensiteit × tarief geeft de lasten. Een percentage voor een jaar geldt vanaf 1 januari van dat jaar en blijft gelden (stapelend). Budgetregels volgen hun eigen wijzigingspercentage.'],
    ['Herberekenen', 'De formules worden bij openen opnieuw berekend; de opgeslagen waarden zijn die van Jeugdplanner en komen tot op de euro overeen.'],
  ];
  for (const [k, v] of guide) kv(k, v);
  row++;
  const bh = ws.getCell(row++, 1);
  setText(bh, 'Bronnen');
  applyStyle(bh, { font: { ...bodyFont, bold: true, size: 11 } });
  kv('Bronvermelding', 'Elk cijfer noemt zijn bron met de titel van het document, het onderdeel (bijlage, tabel of paragraaf) en het jaar van het cijfer, bijvoorbeeld "Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3, tabel Verblijf met behandeling, 2019". "Schatting" betekent dat het cijfer niet uit een gepubliceerde bron komt; de redenering staat erbij.');
  const cited = referencedSources(workbookSourceTexts(ctx));
  cited.forEach((id, i) => kv(i === 0 ? 'Geciteerde documenten' : '', reference(id)));
  setupPage(ws, { scopeLabel: ctx.scopeName, scenarioLabel: ctx.scenarioLabel });
  ws.pageSetup.orientation = 'portrait';
}

