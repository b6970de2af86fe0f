/**
 * The analysis sheets of the begrotingsbijlage, present only when
 * the export asks for them:
 * - Onzekerheid: per scenario and year P10/P50/P90 of lasten, saldo and
 *   cumulatief saldo, the chance of a tekort, the scenario's own result beside
 *   them, the seed and number of draws, and the ranges that were drawn;
 * - Gevoeligheid: the tornado table, largest effect first.
 *
 * The numbers are those of `runMonteCarloSync` and `tornado` (src/shared/analysis),
 * the same functions as the UI and the CLI. They are computed for the whole
 * region: Jeugdplanner does not draw per gemeente, so a gemeente's workbook
 * shows the region's figures and says so, rather than a share that would
 * suggest a precision it does not have.
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { MonteCarloResult, Percentiles } from '../../shared/analysis/montecarlo';
import type { Parameter } from '../../shared/analysis/parameters';
import type { TornadoResult } from '../../shared/analysis/tornado';
import {
  HEADER_ROWS,
  SHEETS,
  blockTitle,
  cellNumber,
  roundingRow,
  colLetter,
  formula,
  label,
  newSheet,
  number,
  scenarioTitle,
  sheetRef,
  styleRow,
  yearHeader,
  type Context,
  type SummaryRefs,
} from './bijlage';
import { setText } from './safeText';
import { citeSource } from '../../shared/domain/sources';
import {
  FMT_DECIMAL,
  FMT_INTEGER,
  FMT_PRICE,
  applyStyle,
  bodyFont,
  freeze,
  headerStyle,
  noteStyle,
  saldoStyle,
  sectionStyle,
  setupPage,
  totalStyle,
} from './styles';
import { formatNumber } from '../../shared/locale/numbers';

/** Analysis results per exported scenario, in the same order as the scenarios. */
export interface BijlageAnalysis {
  montecarlo?: readonly MonteCarloResult[];
  tornado?: readonly TornadoResult[];
}

/** Chance of a tekort: a whole percentage, e.g. 35%. */
export const FMT_CHANCE = '0%';
/** A shift in percentage points, e.g. +1,5 or -2. */
export const FMT_POINTS = '+#,##0.0#;-#,##0.0#;0';
/** The tornado's factor on a yearly percentage, e.g. × 0,9. */
export const FMT_FACTOR = '"× "0.0#';
/** The seed as a plain whole number (no grouping: it is typed back as is). */
const FMT_SEED = '0';

/** Column widths of Gevoeligheid (A … J). */
const TORNADO_WIDTHS = [60, 12, 16, 15, 15, 17, 17, 17, 17, 44];
/** Column A of Onzekerheid: the range list names segment and field. */
const ONZEKERHEID_LABEL_WIDTH = 60;
const TORNADO_SOURCE_COL = 10;
/** The top of the tornado list: the assumptions to discuss first. */
const TOP = 3;

// ───────────────────────────────── Onzekerheid ─────────────────────────────────

export function buildOnzekerheid(wb: ExcelJS.Workbook, ctx: Context, refs: readonly SummaryRefs[], results: readonly MonteCarloResult[]): void {
  const ws = newSheet(wb, ctx, SHEETS.onzekerheid, 'Hoe zeker is dit? Bandbreedtes (Monte Carlo)');
  regionTitle(ws, ctx, 'Hoe zeker is dit? Bandbreedtes (Monte Carlo)');
  yearHeader(ws, ctx, 'Omschrijving', '');
  ws.getColumn(1).width = ONZEKERHEID_LABEL_WIDTH;
  const lastCol = Math.max(ctx.lastYearCol, 6);
  // The range list uses columns C–F (laag, scenario, hoog, bron) even when the model has fewer years.
  for (let col = ctx.lastYearCol + 1; col <= lastCol; col++) ws.getColumn(col).width = 15;
  const first = results[0]!;
  const { model } = ctx.input;
  const region = ctx.input.scope.kind === 'region';
  const summary = sheetRef(SHEETS.samenvatting);
  const summaryWs = wb.getWorksheet(SHEETS.samenvatting)!;
  let row = HEADER_ROWS + 1;

  const info = (text: string, value: number | string, fmt?: string) => {
    label(ws, row, text, { font: { ...bodyFont, bold: true } });
    const c = ws.getCell(row, 2);
    if (typeof value === 'number') {
      c.value = value;
      c.numFmt = fmt ?? FMT_INTEGER;
      c.alignment = { horizontal: 'right' };
    } else {
      setText(c, value);
      c.alignment = { horizontal: 'right' };
    }
    row++;
  };
  info('Aantal trekkingen', first.draws);
  info('Seed (startgetal van de toevalsgenerator)', first.seed, FMT_SEED);
  info('Versie rekenmodel', first.engineVersion);
  row = note(ws, row, lastCol, readingNote(ctx));
  if (!region) row = note(ws, row, lastCol, regionOnlyNote(ctx));

  results.forEach((mc, si) => {
    const s = ctx.input.scenarios[si]!;
    row++;
    blockTitle(ws, ctx, row++, scenarioTitle(s, si, ctx.input.scenarios.length), lastCol);
    if (mc.parameters.length === 0) {
      row = note(ws, row, lastCol, 'Dit scenario heeft geen bandbreedtes: elke trekking is gelijk aan de uitkomst van het scenario, dus P10 = P50 = P90. Geef in het scenario bandbreedtes op (laag en hoog) om de onzekerheid te zien.');
    }
    const ref = refs[si]!;

    label(ws, row++, 'Lasten', sectionStyle);
    bandRows(ws, ctx, row, mc.years.map((y) => y.cost));
    row += 3;
    // The scenario's own result: in the region workbook a reference to Samenvatting, so it is traceable.
    deterministicRow(ws, ctx, row++, mc.years.map((y) => y.deterministic.cost), region ? ref.totalCostRow : undefined, summary, summaryWs);

    row++;
    label(ws, row++, 'Saldo (baten − lasten; negatief = tekort)', sectionStyle);
    bandRows(ws, ctx, row, mc.years.map((y) => y.balance));
    row += 3;
    const saldoRow = row++;
    deterministicRow(ws, ctx, saldoRow, mc.years.map((y) => y.deterministic.balance), region ? ref.saldoRow : undefined, summary, summaryWs);
    const chanceRow = row++;
    label(ws, chanceRow, 'Kans op een tekort (saldo onder € 0)', { font: { ...bodyFont, bold: true } }, 1);
    mc.years.forEach((y, k) => number(ws, chanceRow, ctx.yearCol(k), y.deficitProbability, FMT_CHANCE));
    styleRow(ws, chanceRow, ctx.lastYearCol, saldoStyle);

    row++;
    label(ws, row++, `Cumulatief saldo vanaf ${model.baseYear} (t/m het jaar van de kolom)`, sectionStyle);
    bandRows(ws, ctx, row, mc.years.map((y) => y.cumulativeBalance));
    row += 3;
    const cumRow = row++;
    label(ws, cumRow, 'Uitkomst scenario (zonder spreiding)', undefined, 1);
    let cumulative = 0;
    let printed = 0;
    const unrounded: number[] = [];
    mc.years.forEach((y, k) => {
      cumulative += y.deterministic.balance;
      unrounded.push(cumulative);
      // × € 1.000: the sum of the printed saldi in the row above, as the formula computes it
      printed += cellNumber(ws, saldoRow, ctx.yearCol(k));
      const start = colLetter(ctx.yearCol(0));
      formula(ws, cumRow, ctx.yearCol(k), `SUM($${start}${saldoRow}:${colLetter(ctx.yearCol(k))}${saldoRow})`, ctx.rounds ? printed : ctx.money(cumulative), ctx.amountFmt);
    });
    styleRow(ws, cumRow, ctx.lastYearCol, totalStyle);
    if (ctx.rounds) roundingRow(ws, ctx, row++, 'cumulatief saldo', (k) => unrounded[k]!, cumRow);

    row++;
    row = rangeTable(ws, ctx, row, lastCol, mc.parameters);
  });
}

function bandRows(ws: Worksheet, ctx: Context, row: number, bands: readonly Percentiles[]): void {
  const rows: [string, keyof Percentiles][] = [
    ['P10: in 10% van de trekkingen lager', 'p10'],
    ['P50: middelste uitkomst (mediaan)', 'p50'],
    ['P90: in 90% van de trekkingen lager', 'p90'],
  ];
  rows.forEach(([text, key], i) => {
    label(ws, row + i, text, undefined, 1);
    bands.forEach((b, k) => number(ws, row + i, ctx.yearCol(k), ctx.printed(b[key]), ctx.amountFmt));
  });
}

function deterministicRow(ws: Worksheet, ctx: Context, row: number, values: readonly number[], summaryRow: number | undefined, summary: string, summaryWs: Worksheet): void {
  label(ws, row, 'Uitkomst scenario (zonder spreiding)', undefined, 1);
  values.forEach((v, k) => {
    if (summaryRow === undefined) number(ws, row, ctx.yearCol(k), ctx.printed(v), ctx.amountFmt);
    else {
      // × € 1.000: the printed total on Samenvatting (the sum of its rounded lines) is what the reference shows
      const cached = ctx.rounds ? cellNumber(summaryWs, summaryRow, ctx.yearCol(k)) : ctx.money(v);
      formula(ws, row, ctx.yearCol(k), `${summary}!${colLetter(ctx.yearCol(k))}${summaryRow}`, cached, ctx.amountFmt);
    }
  });
  styleRow(ws, row, ctx.lastYearCol, totalStyle);
}

/** The ranges that were drawn: aanname, eenheid, laag, scenario, hoog, bron. */
function rangeTable(ws: Worksheet, ctx: Context, row: number, lastCol: number, params: readonly Parameter[]): number {
  label(ws, row++, 'Gebruikte bandbreedtes (driehoeksverdeling: laag – waarde in het scenario – hoog)', sectionStyle);
  if (params.length === 0) {
    label(ws, row++, 'Geen.', undefined, 1);
    return row;
  }
  const head = row++;
  ['Aanname', 'Eenheid', 'Laag', 'Scenario', 'Hoog', 'Bron van de bandbreedte'].forEach((h, i) => {
    const c = ws.getCell(head, i + 1);
    setText(c, h);
    applyStyle(c, headerStyle);
    if (i >= 2 && i <= 4) c.alignment = { ...headerStyle.alignment, horizontal: 'right' };
  });
  for (let col = 7; col <= lastCol; col++) applyStyle(ws.getCell(head, col), headerStyle);
  if (lastCol > 6) ws.mergeCells(head, 6, head, lastCol);
  for (const p of params) {
    // A linked range is drawn together with the others of its group: the list says which group.
    label(ws, row, p.link === undefined ? p.label : `${p.label} (gekoppeld: ${p.link})`, undefined, 1);
    const unit = parameterUnit(p, ctx);
    setText(ws.getCell(row, 2), unit.text);
    [p.low, p.likely, p.high].forEach((v, i) => number(ws, row, 3 + i, unit.scale(v), unit.fmt));
    wrappedText(ws, row, 6, lastCol, p.rangeSource ?? 'geen bron opgegeven');
    wrapLabel(ws, row, lastCol);
    row++;
  }
  return row;
}

// ───────────────────────────────── Gevoeligheid ─────────────────────────────────

export function buildGevoeligheid(wb: ExcelJS.Workbook, ctx: Context, results: readonly TornadoResult[]): void {
  const title = 'Gevoeligheid: welke aanname telt het zwaarst? (tornado)';
  const ws = newSheet(wb, ctx, SHEETS.gevoeligheid, title);
  regionTitle(ws, ctx, title);
  TORNADO_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const lastCol = TORNADO_SOURCE_COL;
  const first = results[0]!;
  const headers = [
    'Aanname (grootste effect bovenaan)',
    'Bandbreedte',
    'Eenheid',
    'Laag',
    'Hoog',
    `Cumulatief saldo ${first.fromYear}–${first.toYear}: effect bij laag`,
    `Cumulatief saldo ${first.fromYear}–${first.toYear}: effect bij hoog`,
    `Saldo ${first.year}: effect bij laag`,
    `Saldo ${first.year}: effect bij hoog`,
    'Bron van de bandbreedte',
  ];
  headers.forEach((h, i) => {
    const c = ws.getCell(HEADER_ROWS, i + 1);
    setText(c, h);
    applyStyle(c, headerStyle);
    // Numbers are right-aligned; so are their headings.
    if (i >= 3 && i <= 8) c.alignment = { ...headerStyle.alignment, horizontal: 'right' };
  });
  ws.getRow(HEADER_ROWS).height = 45;
  freeze(ws, HEADER_ROWS, 1);
  setupPage(ws, { scopeLabel: ctx.scopeName, scenarioLabel: ctx.scenarioLabel, printTitleRows: `1:${HEADER_ROWS}` });

  let row = HEADER_ROWS + 1;
  row = note(ws, row, lastCol, tornadoNote(first));
  if (ctx.input.scope.kind !== 'region') row = note(ws, row, lastCol, regionOnlyNote(ctx));

  results.forEach((t, si) => {
    const s = ctx.input.scenarios[si]!;
    row++;
    blockTitle(ws, ctx, row++, scenarioTitle(s, si, ctx.input.scenarios.length), lastCol);
    // The scenario's own saldi, under the effect columns they are the base of.
    const italic = { font: { ...bodyFont, italic: true } };
    label(ws, row, `Cumulatief saldo ${t.fromYear}–${t.toYear} in het scenario (de effecten hieronder zijn verschillen hiermee)`, italic);
    number(ws, row, 6, ctx.printed(t.base.cumulativeBalance), ctx.amountFmt).font = italic.font;
    wrapLabel(ws, row, lastCol);
    row++;
    label(ws, row, `Saldo ${t.year} in het scenario`, italic);
    number(ws, row, 8, ctx.printed(t.base.yearBalance), ctx.amountFmt).font = italic.font;
    row++;
    if (t.bars.length === 0) {
      label(ws, row++, 'Geen aannames om te variëren in dit scenario.', undefined, 1);
      return;
    }
    t.bars.forEach((b, i) => {
      const p = b.parameter;
      label(ws, row, p.label, i < TOP ? { font: { ...bodyFont, bold: true } } : undefined, 1);
      setText(ws.getCell(row, 2), p.fromRange ? 'eigen' : `±${formatPct(t.defaultPct)}%`);
      const unit = parameterUnit(p, ctx);
      setText(ws.getCell(row, 3), unit.text);
      number(ws, row, 4, unit.scale(b.low.value), unit.fmt);
      number(ws, row, 5, unit.scale(b.high.value), unit.fmt);
      number(ws, row, 6, ctx.printed(b.low.cumulativeBalance - t.base.cumulativeBalance), ctx.amountFmt);
      number(ws, row, 7, ctx.printed(b.high.cumulativeBalance - t.base.cumulativeBalance), ctx.amountFmt);
      number(ws, row, 8, ctx.printed(b.low.yearBalance - t.base.yearBalance), ctx.amountFmt);
      number(ws, row, 9, ctx.printed(b.high.yearBalance - t.base.yearBalance), ctx.amountFmt);
      if (p.fromRange) wrappedText(ws, row, TORNADO_SOURCE_COL, TORNADO_SOURCE_COL, p.rangeSource ?? 'geen bron opgegeven');
      wrapLabel(ws, row, lastCol);
      row++;
    });
    const own = t.bars.filter((b) => b.parameter.fromRange).length;
    row = note(ws, row, lastCol, `${t.bars.length} aannames: ${own} met een eigen bandbreedte, ${t.bars.length - own} met ±${formatPct(t.defaultPct)}%. De ${Math.min(TOP, t.bars.length)} vetgedrukte aannames hebben het grootste effect op het cumulatieve saldo: bespreek die eerst.`);
  });
}

// ───────────────────────────────── shared pieces ─────────────────────────────────

/** In a gemeente's workbook the analysis is the region's: the title says so instead of naming the gemeente. */
function regionTitle(ws: Worksheet, ctx: Context, title: string): void {
  if (ctx.input.scope.kind === 'region') return;
  setText(ws.getCell(1, 1), `${title} — ${ctx.input.regionName} (hele regio)`);
}

function regionOnlyNote(ctx: Context): string {
  return `Let op: deze cijfers gelden voor de hele regio (${ctx.input.regionName}), niet alleen voor ${ctx.scopeName}. Jeugdplanner rekent de spreiding niet per gemeente uit; het aandeel van de gemeente in lasten en baten volgt de verdeelsleutels op het blad ${SHEETS.perGemeente}.`;
}

function readingNote(ctx: Context): string {
  const { baseYear } = ctx.input.model;
  return [
    'Zo leest u dit blad. P10: in 10% van de trekkingen is de uitkomst lager. P50: de middelste uitkomst (de helft lager, de helft hoger). P90: in 90% van de trekkingen lager, in 10% hoger. Bij het saldo is P10 dus de ongunstige kant: 1 op 10 kans op een nog lager saldo.',
    `"Uitkomst scenario" is de gewone berekening met de aannames zoals ingevuld (dezelfde als op ${SHEETS.samenvatting}); de kans op een tekort is het aandeel trekkingen met een saldo onder € 0 in dat jaar; het cumulatief saldo telt de saldi vanaf ${baseYear} op.`,
    'Elke aanname met een bandbreedte wordt per trekking getrokken uit een driehoeksverdeling (laag, waarde in het scenario, hoog), los van de andere; alleen aannames met dezelfde koppeling ("gekoppeld: …" in de lijst van bandbreedtes) gaan samen: in elke trekking hetzelfde kwantiel (alle laag, alle hoog of alle even ver ertussen), elk binnen de eigen bandbreedte. Een bandbreedte op een jaarpercentage verschuift elk jaar met hetzelfde aantal procentpunten. Dezelfde seed met dezelfde aannames geeft exact dezelfde getallen.',
  ].join('\n');
}

function tornadoNote(t: TornadoResult): string {
  return [
    `Elke aanname apart naar haar lage en hoge waarde, de rest zoals in het scenario. Effect = saldo met die waarde − saldo van het scenario (negatief, rood = lager saldo). Gesorteerd op het verschil tussen laag en hoog in het cumulatieve saldo ${t.fromYear}–${t.toYear}.`,
    `Bandbreedte "eigen": de bandbreedte uit het scenario. "±${formatPct(t.defaultPct)}%": geen bandbreedte opgegeven, dan ${formatPct(t.defaultPct)}% lager en hoger (een jaarpercentage × ${formatFactor(1 - t.defaultPct / 100)} en × ${formatFactor(1 + t.defaultPct / 100)}). Instroom, trajectduur en intensiteit zonder eigen bandbreedte staan er niet apart: ±${formatPct(t.defaultPct)}% daarop werkt in evenwicht hetzelfde als op het tarief.`,
  ].join('\n');
}

/** Guide lines for the Toelichting sheet, one per analysis sheet present. */
export function analysisGuide(ctx: Context): [string, string][] {
  const a = ctx.input.analysis;
  const out: [string, string][] = [];
  const regionOnly = ctx.input.scope.kind === 'region' ? '' : ' De cijfers gelden voor de hele regio.';
  if (a?.montecarlo?.[0]) {
    const mc = a.montecarlo[0];
    out.push([
      SHEETS.onzekerheid,
      `Hoe zeker is dit? Per jaar P10, P50 en P90 van lasten, saldo en cumulatief saldo uit ${formatNumber(mc.draws, 0)} trekkingen (seed ${mc.seed}) over de bandbreedtes van het scenario, met de uitkomst van het scenario ernaast, de kans op een tekort en de lijst van gebruikte bandbreedtes. P10: in 10% van de trekkingen lager.${regionOnly}`,
    ]);
  }
  const t = a?.tornado?.[0];
  if (t) {
    out.push([
      SHEETS.gevoeligheid,
      `Welke aanname telt het zwaarst? Elke aanname apart naar laag en hoog (eigen bandbreedte, anders ±${formatPct(t.defaultPct)}%), met het effect op het cumulatieve saldo ${t.fromYear}–${t.toYear} en op het saldo ${t.year}; grootste effect bovenaan.${regionOnly}`,
    ]);
  }
  return out;
}

interface UnitSpec {
  text: string;
  fmt: string;
  /** from the parameter's value to the value written */
  scale: (v: number) => number;
}

const same = (v: number) => v;

/** How a parameter's low/likely/high are written: unit text, number format, and money in the chosen unit. */
export function parameterUnit(p: Parameter, ctx: Context): UnitSpec {
  if (p.mode === 'shift') return { text: '%-punt', fmt: FMT_POINTS, scale: same };
  if (p.mode === 'scale') return { text: '× aanname', fmt: FMT_FACTOR, scale: same };
  const money: UnitSpec = { text: ctx.unit === 'euro' ? '€' : '× € 1.000', fmt: ctx.amountFmt, scale: (v) => ctx.printed(v) };
  const t = p.target;
  switch (t.kind) {
    case 'fundingBase':
      return money;
    case 'prevention':
      return { text: t.field === 'maxPct' ? '%' : '% per € 100.000', fmt: FMT_DECIMAL, scale: same };
    case 'segmentBase':
      switch (t.field) {
        case 'amount':
          return money;
        case 'pricePerUnit':
          return { text: '€ per eenheid', fmt: FMT_PRICE, scale: same };
        case 'inflowPerYear':
          return { text: 'per jaar', fmt: FMT_DECIMAL, scale: same };
        case 'avgDurationMonths':
          return { text: 'maanden', fmt: FMT_DECIMAL, scale: same };
        case 'unitsPerClientMonth':
          return { text: 'per cliëntmaand', fmt: FMT_DECIMAL, scale: same };
      }
      return { text: '', fmt: FMT_DECIMAL, scale: same };
    default:
      return { text: '', fmt: FMT_DECIMAL, scale: same };
  }
}

function formatPct(x: number): string {
  return formatNumber(x, 2);
}

function formatFactor(x: number): string {
  return formatNumber(x, 2);
}

/**
 * A note over the sheet's width: merged and wrapped, with its row height set
 * (not every viewer grows rows for wrapped text, and text spilling past the
 * last column would shrink the page when printed fit-to-width).
 */
function note(ws: Worksheet, row: number, lastCol: number, text: string): number {
  const c = ws.getCell(row, 1);
  setText(c, text);
  applyStyle(c, noteStyle);
  ws.mergeCells(row, 1, row, lastCol);
  let width = 0;
  for (let col = 1; col <= lastCol; col++) width += ws.getColumn(col).width ?? 10;
  setHeight(ws, row, text, width, 12);
  return row + 1;
}

/** Wrapped source text in columns from..to (merged when more than one). */
function wrappedText(ws: Worksheet, row: number, from: number, to: number, text: string): void {
  const c = ws.getCell(row, from);
  setText(c, citeSource(text));
  applyStyle(c, noteStyle);
  // Indented: the source follows a right-aligned number in the column before it.
  c.alignment = { ...noteStyle.alignment, indent: 1 };
  if (to > from) ws.mergeCells(row, from, row, to);
  let width = 0;
  for (let col = from; col <= to; col++) width += ws.getColumn(col).width ?? 10;
  setHeight(ws, row, text, width, 12);
}

/**
 * A label longer than column A wraps onto a second line instead of being cut
 * off by column B; the row's other cells then align to the top, next to the
 * label's first line. Call it after the row is written.
 */
function wrapLabel(ws: Worksheet, row: number, lastCol: number): void {
  const c = ws.getCell(row, 1);
  const text = typeof c.value === 'string' ? c.value : '';
  // Calibri 11 fits about 1,15 characters per unit of column width; the indent takes two units.
  const width = ((ws.getColumn(1).width ?? 10) - 2) * 1.15;
  if (text.length <= width) return;
  c.alignment = { ...c.alignment, wrapText: true, vertical: 'top' };
  for (let col = 2; col <= lastCol; col++) {
    const cell = ws.getCell(row, col);
    cell.alignment = { ...cell.alignment, vertical: 'top' };
  }
  const lines = Math.ceil(text.length / width);
  ws.getRow(row).height = Math.min(409, Math.max(ws.getRow(row).height ?? 0, lines * 15));
}

function setHeight(ws: Worksheet, row: number, text: string, width: number, lineHeight: number): void {
  // Font 9 fits about 1,35 characters per unit of column width (LibreOffice fits a little more).
  const lines = text.split('\n').reduce((t, l) => t + Math.max(1, Math.ceil(l.length / (width * 1.35))), 0);
  if (lines > 1) ws.getRow(row).height = Math.min(409, Math.max(ws.getRow(row).height ?? 0, lines * lineHeight + 2));
}
