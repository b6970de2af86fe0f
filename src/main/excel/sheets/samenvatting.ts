/**
 * Samenvatting: per scenario the lasten per line (in their beleidsplan groups),
 * the Rijksmiddelen as baten, their totals (SUM formulas) and the saldo (a
 * formula baten − lasten). Other sheets refer to its cells (SummaryRefs).
 */
import type ExcelJS from 'exceljs';
import type { LineResult } from '../../../shared/engine/result';
import { bodyFont, saldoStyle, sectionStyle } from '../styles';
import { HEADER_ROWS, SHEETS, type Context, type SummaryRefs } from '../kit/context';
import { code, colLetter, diffCells, formula, label, number, roundingRow, styleRow, totalRow } from '../kit/cells';
import { blockTitle, newSheet, scenarioTitle, yearHeader } from '../kit/sheet';
import type { MonteCarloResult } from '../../../shared/analysis/montecarlo';
import { explainHeadline, headlineBand } from '../../../shared/analysis/headline';
import { formatInteger } from '../../../shared/locale/numbers';
import { setText } from '../safeText';

export const BAND_LABELS = {
  p10: 'Saldo P10 (Monte Carlo)',
  p50: 'Saldo P50 (Monte Carlo)',
  p90: 'Saldo P90 (Monte Carlo)',
} as const;

/**
 * Under the saldo: its P10, P50 and P90 per year from the scenario's Monte Carlo, a line naming draws and seed,
 * and — when the saldo of the end year or the cumulative saldo lies outside P25–P75 — the explanation (one cell
 * per text, no merge). Returns the next free row.
 */
function bandRows(ws: ExcelJS.Worksheet, ctx: Context, row: number, mc: MonteCarloResult): number {
  const italic = { font: { ...bodyFont, italic: true } };
  for (const q of ['p10', 'p50', 'p90'] as const) {
    label(ws, row, BAND_LABELS[q], italic, 1);
    mc.years.forEach((y, k) => number(ws, row, ctx.yearCol(k), ctx.printed(y.balance[q]), ctx.amountFmt));
    row++;
  }
  const note = (text: string) => {
    const c = ws.getCell(row++, 1);
    setText(c, text);
    c.font = { ...bodyFont, size: 9, italic: true };
  };
  note(
    `Bandbreedte: ${formatInteger(mc.draws)} trekkingen (seed ${mc.seed}) uit de bandbreedtes van het scenario; P10–P90 = 8 van de 10 uitkomsten.`,
  );
  for (const metric of ['endYear', 'cumulative'] as const) {
    const band = headlineBand(mc, metric);
    const text = band ? explainHeadline(band, mc.skews) : undefined;
    if (text) note(text);
  }
  return row;
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

export function buildSamenvatting(wb: ExcelJS.Workbook, ctx: Context): SummaryRefs[] {
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
      if (groups.length > 1 || g.group !== undefined)
        label(ws, row++, g.group ?? 'Overig', { font: { ...bodyFont, italic: true } });
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
    totalRow(ws, ctx, totalCostRow, 'Totaal lasten', firstLineRow, lastLineRow, a.cost);

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
    totalRow(ws, ctx, totalFundingRow, 'Totaal baten', firstFundingRow, lastFundingRow, a.funding);

    row++;
    const saldoRow = row++;
    label(ws, saldoRow, 'Saldo (baten − lasten; negatief = tekort)');
    ctx.years.forEach((_, k) => {
      const c = colLetter(ctx.yearCol(k));
      const cached = ctx.rounds
        ? diffCells(ws, totalFundingRow, totalCostRow, ctx.yearCol(k))
        : ctx.money(a.balance(k));
      formula(ws, saldoRow, ctx.yearCol(k), `${c}${totalFundingRow}-${c}${totalCostRow}`, cached, ctx.amountFmt);
    });
    styleRow(ws, saldoRow, ctx.lastYearCol, saldoStyle);
    if (ctx.rounds) roundingRow(ws, ctx, row++, 'saldo', a.balance, saldoRow);
    const band = ctx.input.scope.kind === 'region' ? ctx.input.headlineBands?.[si] : undefined;
    if (band) row = bandRows(ws, ctx, row, band);
    refs.push({ lineRows, totalCostRow, saldoRow });
  });
  return refs;
}
