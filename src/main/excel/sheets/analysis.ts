/**
 * The analysis sheets of the begrotingsbijlage, present only when
 * the export asks for them:
 * - Onzekerheid: per scenario and year P10/P50/P90 of lasten, saldo and
 *   cumulatief saldo, the chance of a tekort, the scenario's own result beside
 *   them, the seed and number of draws, and the ranges that were drawn;
 * - Gevoeligheid: the tornado table, largest effect first.
 *
 * This module holds what both sheets share (notes, wrapped text, how a
 * parameter is written) and the Toelichting lines for them.
 *
 * The numbers are those of `runMonteCarloSync` and `tornado` (src/shared/analysis),
 * the same functions as the UI and the CLI. They are computed for the whole
 * region: Jeugdplanner does not draw per gemeente, so a gemeente's workbook
 * shows the region's figures and says so, rather than a share that would
 * suggest a precision it does not have.
 */
import type { Worksheet } from 'exceljs';
import type { Parameter } from '../../../shared/analysis/parameters';
import { citeSource } from '../../../shared/domain/sources';
import { formatNumber } from '../../../shared/locale/numbers';
import { setText } from '../safeText';
import { FMT_DECIMAL, FMT_PRICE, applyStyle, noteStyle } from '../styles';
import { SHEETS, type Context } from '../kit/context';

/** A shift in percentage points, e.g. +1,5 or -2. */
export const FMT_POINTS = '+#,##0.0#;-#,##0.0#;0';
/** The tornado's factor on a yearly percentage, e.g. × 0,9. */
export const FMT_FACTOR = '"× "0.0#';

/** In a gemeente's workbook the analysis is the region's: the title says so instead of naming the gemeente. */
export function regionTitle(ws: Worksheet, ctx: Context, title: string): void {
  if (ctx.input.scope.kind === 'region') return;
  setText(ws.getCell(1, 1), `${title} — ${ctx.input.regionName} (hele regio)`);
}

export function regionOnlyNote(ctx: Context): string {
  return `Let op: deze cijfers gelden voor de hele regio (${ctx.input.regionName}), niet alleen voor ${ctx.scopeName}. Jeugdplanner rekent de spreiding niet per gemeente uit; het aandeel van de gemeente in lasten en baten volgt de verdeelsleutels op het blad ${SHEETS.perGemeente}.`;
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
  const money: UnitSpec = {
    text: ctx.unit === 'euro' ? '€' : '× € 1.000',
    fmt: ctx.amountFmt,
    scale: (v) => ctx.printed(v),
  };
  const t = p.target;
  switch (t.kind) {
    case 'fundingBase':
      return money;
    case 'prevention':
      return { text: t.field === 'maxPct' ? '%' : '% per € 100.000', fmt: FMT_DECIMAL, scale: same };
    case 'policy':
      return { text: '% realisatie', fmt: FMT_DECIMAL, scale: same };
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

export function formatPct(x: number): string {
  return formatNumber(x, 2);
}

export function formatFactor(x: number): string {
  return formatNumber(x, 2);
}

/**
 * A note over the sheet's width: merged and wrapped, with its row height set
 * (not every viewer grows rows for wrapped text, and text spilling past the
 * last column would shrink the page when printed fit-to-width).
 */
export function note(ws: Worksheet, row: number, lastCol: number, text: string): number {
  const c = ws.getCell(row, 1);
  setText(c, text);
  applyStyle(c, noteStyle);
  ws.mergeCells(row, 1, row, lastCol);
  let width = 0;
  for (let col = 1; col <= lastCol; col++) width += ws.getColumn(col).width ?? 10;
  setHeight(ws, row, text, width, 12);
  return row + 1;
}

/** Per sheet: each source text already printed, with the assumption it was printed under. */
const printedSources = new WeakMap<Worksheet, Map<string, string>>();

/**
 * The source of the range on the row above, on a row of its own over the sheet's width ("Bron: …",
 * small, indented, wrapped; kit/print.ts sets its height). Beside the numbers, a long source made a
 * tall row whose text ran down next to the following rows, as if it were theirs. A source shared by
 * several assumptions is printed once; the later ones refer to the first. Returns the next row.
 */
export function sourceRow(ws: Worksheet, row: number, lastCol: number, text: string, owner: string): number {
  const cited = citeSource(text);
  const seen = printedSources.get(ws) ?? new Map<string, string>();
  printedSources.set(ws, seen);
  const first = seen.get(cited);
  if (first === undefined) seen.set(cited, owner);
  const c = ws.getCell(row, 1);
  setText(c, first === undefined ? `Bron: ${cited}` : `Bron: dezelfde als bij ${first} (hierboven)`);
  applyStyle(c, noteStyle);
  c.alignment = { ...noteStyle.alignment, indent: 2 };
  ws.mergeCells(row, 1, row, lastCol);
  return row + 1;
}

/**
 * A label longer than column A wraps onto a second line instead of being cut
 * off by column B; the row's other cells then align to the top, next to the
 * label's first line. Call it after the row is written.
 */
export function wrapLabel(ws: Worksheet, row: number, lastCol: number): void {
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
