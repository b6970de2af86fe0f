/**
 * Samenvatting: per scenario the lasten per line (in their beleidsplan groups, with their
 * taakveld), of which structureel and incidenteel; the Rijksmiddelen as baten on taakveld 0.7,
 * structurele and incidentele apart; their totals (formulas), the saldo (baten − lasten) and
 * the structureel saldo (structurele baten − structurele lasten); with a reference, the V/N
 * rows (./reference.ts). Other sheets refer to its cells (SummaryRefs).
 *
 * Every line is a formula: in the region's workbook a reference to the line's
 * cell on Aannames, in a gemeente's workbook to the gemeente's line on Per
 * gemeente (region line × sleutel); a gemeente's baten lines are the region's
 * line on Aannames × its aandeel Rijksmiddelen.
 */
import type ExcelJS from 'exceljs';
import type { LineResult } from '../../../shared/engine/result';
import { BATEN_TAAKVELD } from '../../../shared/domain/taakvelden';
import { bodyFont, saldoStyle, sectionStyle, totalStyle } from '../styles';
import {
  HEADER_ROWS,
  SHEETS,
  type AannamesRefs,
  type Context,
  type GemeenteRefs,
  type SummaryRefs,
} from '../kit/context';
import {
  cellNumber,
  cellRef,
  code,
  colLetter,
  diffCells,
  formula,
  label,
  number,
  roundingRow,
  styleRow,
  totalRow,
} from '../kit/cells';
import { referenceRows } from './reference';
import { blockTitle, newSheet, scenarioTitle, yearHeader } from '../kit/sheet';
import type { MonteCarloResult } from '../../../shared/analysis/montecarlo';
import { explainHeadline, headlineBand } from '../../../shared/analysis/headline';
import { formatInteger } from '../../../shared/locale/numbers';
import { setText } from '../safeText';
import { pageBreakBefore } from '../kit/print';

/** Rows of 15 pt that fit under the repeated title rows on an A4 landscape page at about 80 %. */
const ROWS_PER_PAGE = 36;

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

export function buildSamenvatting(
  wb: ExcelJS.Workbook,
  ctx: Context,
  aannames: readonly AannamesRefs[],
  gemeente: readonly GemeenteRefs[],
): SummaryRefs[] {
  const ws = newSheet(wb, ctx, SHEETS.samenvatting, 'Begrotingsbijlage jeugdhulp');
  const aWs = wb.getWorksheet(SHEETS.aannames)!;
  // Read only in a gemeente's workbook, where Per gemeente is written before this sheet.
  const pgWs = wb.getWorksheet(SHEETS.perGemeente)!;
  yearHeader(ws, ctx, 'Omschrijving', 'Taakveld');
  const refs: SummaryRefs[] = [];
  let row = HEADER_ROWS + 1;

  ctx.input.scenarios.forEach((s, si) => {
    const a = ctx.amounts[si]!;
    const aRefs = aannames[si]!;
    const gRefs = gemeente[si];
    const lines = s.result.lines;
    /** The cell a line refers to: the region's line on Aannames, or the gemeente's on Per gemeente. */
    const lineSource = (l: number): [ExcelJS.Worksheet, string, number] =>
      gRefs ? [pgWs, SHEETS.perGemeente, gRefs.lineRows[l]!] : [aWs, SHEETS.aannames, aRefs.lineRows[l]!];
    const groups = groupedLines(lines);
    if (si > 0) row++;
    const blockStart = row;
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
        ctx.years.forEach((_, k) => {
          const col = ctx.yearCol(k);
          const [srcWs, srcName, srcRow] = lineSource(l);
          formula(ws, row, col, cellRef(srcName, srcRow, col), cellNumber(srcWs, srcRow, col), ctx.amountFmt);
        });
        lineRows[l] = row++;
      }
    }
    const lastLineRow = row - 1;
    const totalCostRow = row++;
    totalRow(ws, ctx, totalCostRow, 'Totaal lasten', firstLineRow, lastLineRow, a.cost);
    // No line of the model or of a scenario is one-off: every lasten line is structureel (docs/excel.md).
    const incidentalCostRow = row++;
    label(ws, incidentalCostRow, 'waarvan incidentele lasten', undefined, 1);
    ctx.years.forEach((_, k) => number(ws, incidentalCostRow, ctx.yearCol(k), 0, ctx.amountFmt));
    const structuralCostRow = row++;
    label(ws, structuralCostRow, 'waarvan structurele lasten', undefined, 1);
    ctx.years.forEach((_, k) => {
      const c = colLetter(ctx.yearCol(k));
      const cached = ctx.rounds ? diffCells(ws, totalCostRow, incidentalCostRow, ctx.yearCol(k)) : ctx.money(a.cost(k));
      formula(
        ws,
        structuralCostRow,
        ctx.yearCol(k),
        `${c}${totalCostRow}-${c}${incidentalCostRow}`,
        cached,
        ctx.amountFmt,
      );
    });

    row++;
    const batenRow = row;
    label(
      ws,
      row++,
      `Baten: Rijksmiddelen jeugd (taakveld ${BATEN_TAAKVELD.code} ${BATEN_TAAKVELD.name})`,
      sectionStyle,
    );
    const fundingBlock = (kind: 'structureel' | 'incidenteel', title: string, totalText: string): number => {
      label(ws, row++, title, { font: { ...bodyFont, italic: true } });
      const lines = a.fundingLines.filter((f) => f.kind === kind);
      const first = row;
      for (const f of lines) {
        label(ws, row, f.label, undefined, 1);
        code(ws, row, BATEN_TAAKVELD.code);
        const aRow = aRefs.fundingRows.get(f.origin);
        ctx.years.forEach((_, k) => {
          const col = ctx.yearCol(k);
          if (aRow === undefined) {
            // a bekende ontwikkeling on the baten side: its amount (listed with its source on Aannames), a value
            number(ws, row, col, ctx.printed(f.values[k]!), ctx.amountFmt);
            return;
          }
          const ref = cellRef(SHEETS.aannames, aRow, col);
          if (!gRefs) {
            formula(ws, row, col, ref, cellNumber(aWs, aRow, col), ctx.amountFmt);
            return;
          }
          // The gemeente's part of the region's line: × its aandeel Rijksmiddelen (the Sleutel of its baten, or
          // of the year where it differs per year: own realised Rijksmiddelen, the last realised proportions).
          const [shareRow, shareCol] = gRefs.fundKeyRow !== undefined ? [gRefs.fundKeyRow, col] : [gRefs.fundRow, 2];
          const share = cellRef(SHEETS.perGemeente, shareRow, shareCol, gRefs.fundKeyRow === undefined);
          const cached = ctx.asPrinted(cellNumber(aWs, aRow, col) * cellNumber(pgWs, shareRow, shareCol));
          formula(ws, row, col, ctx.printedFormula(`${ref}*${share}`), cached, ctx.amountFmt);
        });
        row++;
      }
      const total = row++;
      totalRow(ws, ctx, total, totalText, first, total - 1, (k) => lines.reduce((t, f) => t + f.values[k]!, 0));
      return total;
    };
    const structuralFundingRow = fundingBlock('structureel', 'Structurele baten', 'Totaal structurele baten');
    const incidentalFundingRow = fundingBlock('incidenteel', 'Incidentele baten', 'Totaal incidentele baten');
    const totalFundingRow = row++;
    label(ws, totalFundingRow, 'Totaal baten');
    ctx.years.forEach((_, k) => {
      const c = colLetter(ctx.yearCol(k));
      const col = ctx.yearCol(k);
      const cached = ctx.rounds
        ? cellNumber(ws, structuralFundingRow, col) + cellNumber(ws, incidentalFundingRow, col)
        : ctx.money(a.funding(k));
      formula(
        ws,
        totalFundingRow,
        col,
        `${c}${structuralFundingRow}+${c}${incidentalFundingRow}`,
        cached,
        ctx.amountFmt,
      );
    });
    styleRow(ws, totalFundingRow, ctx.lastYearCol, totalStyle);

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
    const structuralSaldoRow = row++;
    label(ws, structuralSaldoRow, 'Structureel saldo (structurele baten − structurele lasten)');
    ctx.years.forEach((_, k) => {
      const c = colLetter(ctx.yearCol(k));
      const col = ctx.yearCol(k);
      const structural = a.fundingLines.filter((f) => f.kind === 'structureel').reduce((t, f) => t + f.values[k]!, 0);
      const cached = ctx.rounds
        ? diffCells(ws, structuralFundingRow, structuralCostRow, col)
        : ctx.money(structural - a.cost(k));
      formula(
        ws,
        structuralSaldoRow,
        col,
        `${c}${structuralFundingRow}-${c}${structuralCostRow}`,
        cached,
        ctx.amountFmt,
      );
    });
    styleRow(ws, structuralSaldoRow, ctx.lastYearCol, saldoStyle);
    const summaryRefs: SummaryRefs = { lineRows, totalCostRow, totalFundingRow, saldoRow, structuralSaldoRow };
    const band = ctx.input.scope.kind === 'region' ? ctx.input.headlineBands?.[si] : undefined;
    if (band) row = bandRows(ws, ctx, row, band);
    row = referenceRows(ws, ctx, row, si, { ...summaryRefs, structuralCostRow, structuralFundingRow });
    // A block longer than a printed page (A4 landscape at ~80 %) is cut where a reader expects it: the baten,
    // saldo and band start a page of their own instead of wherever the page happens to end.
    if (row - blockStart > ROWS_PER_PAGE) pageBreakBefore(ws, batenRow);
    refs.push(summaryRefs);
  });
  return refs;
}
