/**
 * The frame of a begrotingsbijlage sheet: title and subtitle, the year header
 * (frozen, printed on every page) and the block titles of a scenario.
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { formatDateTime, formatTimestampShort } from '../../../shared/locale/dates';
import { setText } from '../safeText';
import {
  applyStyle,
  blockTitleStyle,
  freeze,
  headerStyle,
  setupPage,
  subtitleStyle,
  titleStyle,
  unitLabel,
} from '../styles';
import { HEADER_ROWS, type BijlageScenario, type Context } from './context';
import { styleRow } from './cells';
import { pageBreakBefore } from './print';

export function newSheet(
  wb: ExcelJS.Workbook,
  ctx: Context,
  name: string,
  title: string,
  extraCols: { header: string; width: number }[] = [],
): Worksheet {
  const ws = wb.addWorksheet(name, { properties: { defaultRowHeight: 14 } });
  // Wide enough for the long Rijksmaatregel and segment labels on one line: a scenario's block of
  // Samenvatting then fits one A4 landscape page (at about 80 %).
  ws.getColumn(1).width = 56;
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

/**
 * Header rows: row 3 says above each year whether it is realisatie, begroting or raming
 * (ctx.statuses); row 4 has the label, code column, the years and extra columns.
 */
export function yearHeader(ws: Worksheet, ctx: Context, label: string, codeHeader: string, extra: string[] = []): void {
  const row = HEADER_ROWS;
  ctx.years.forEach((_, k) => {
    const c = ws.getCell(row - 1, ctx.yearCol(k));
    setText(c, ctx.statusLabel(k));
    applyStyle(c, headerStyle);
    c.alignment = { horizontal: 'right', vertical: 'middle' };
    if (ctx.statuses[k] === 'begroting') c.font = { ...c.font, italic: false, bold: true };
    else c.font = { ...c.font, bold: false, italic: true };
  });
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
  printSetup(ws, ctx, { printTitleRows: `1:${HEADER_ROWS}` });
}

/**
 * Page setup of a bijlage sheet (A4 landscape unless told otherwise, fit to width, title rows on
 * every page) with its header (scope, document and years, sheet) and footer (date and time in
 * Dutch local time, version, scenario(s), "pagina X van N").
 */
export function printSetup(
  ws: Worksheet,
  ctx: Context,
  options: { printTitleRows?: string; orientation?: 'landscape' | 'portrait' } = {},
): void {
  setupPage(ws, {
    scopeLabel: ctx.scopeName,
    titleLabel: `Begrotingsbijlage jeugdhulp ${ctx.years[0]}–${ctx.years[ctx.years.length - 1]}`,
    scenarioLabel: ctx.scenarioLabel,
    createdLabel: formatTimestampShort(ctx.input.generatedAt),
    versionLabel: `Jeugdplanner ${ctx.input.appVersion}`,
    ...options,
  });
}

/** Sheets that already have a scenario block: the next one starts on a new page. */
const hasBlock = new WeakSet<Worksheet>();

/** A scenario block's title row; every block after the first starts on a new printed page. */
export function blockTitle(ws: Worksheet, ctx: Context, row: number, text: string, lastCol = ctx.lastYearCol): void {
  setText(ws.getCell(row, 1), text);
  styleRow(ws, row, lastCol, blockTitleStyle);
  if (hasBlock.has(ws)) pageBreakBefore(ws, row);
  hasBlock.add(ws);
}

export function scenarioTitle(s: BijlageScenario, index: number, count: number): string {
  return count > 1 ? `Scenario ${index + 1}: ${s.scenario.name}` : `Scenario: ${s.scenario.name}`;
}
