/**
 * Per gemeente: per gemeente the lasten per line with the verdeelsleutel used,
 * the baten by its share of the Rijksmiddelen and the saldo; in the region's
 * workbook also the sum of the saldi (= the region's saldo).
 */
import type ExcelJS from 'exceljs';
import { setText } from '../safeText';
import { FMT_SHARE, applyStyle, noteStyle, saldoStyle, sectionStyle, totalStyle } from '../styles';
import { HEADER_ROWS, SHEETS, type Context } from '../kit/context';
import {
  cellNumber,
  colLetter,
  diffCells,
  formula,
  label,
  number,
  roundingRow,
  styleRow,
  yearSums,
} from '../kit/cells';
import { blockTitle, newSheet, scenarioTitle, yearHeader } from '../kit/sheet';
import { pageBreakBefore } from '../kit/print';
import type { SimulationResult } from '../../../shared/engine/result';

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

export function buildPerGemeente(wb: ExcelJS.Workbook, ctx: Context): void {
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
    setText(
      note,
      'Sleutel = het aandeel van de gemeente in de regionale regel (verdeelsleutel); de baten volgen het aandeel Rijksmiddelen.',
    );
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
    for (const [gi, id] of ids.entries()) {
      const g = s.result.gemeenten.find((x) => x.id === id);
      if (!g) continue;
      row++;
      // Each gemeente on its own page: a gemeente's controller prints or cuts out just theirs.
      if (gi > 0) pageBreakBefore(ws, row);
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
      if (ctx.rounds && scope.kind === 'gemeente')
        roundingRow(ws, ctx, row++, 'saldo', (k) => g.years[k]!.balance, saldoRow);
    }
    if (scope.kind === 'region' && saldoRows.length > 1) {
      row++;
      const sumRow = row++;
      label(
        ws,
        sumRow,
        ctx.rounds
          ? 'Som van de saldi der gemeenten (= saldo regio, op de afronding na)'
          : 'Som van de saldi der gemeenten (= saldo regio)',
      );
      ctx.years.forEach((_, k) => {
        const c = colLetter(ctx.yearCol(k));
        const col = ctx.yearCol(k);
        const cached = ctx.rounds
          ? saldoRows.reduce((t, r) => t + cellNumber(ws, r, col), 0)
          : ctx.money(s.result.totals[k]!.balance);
        formula(ws, sumRow, col, saldoRows.map((r) => `${c}${r}`).join('+'), cached, ctx.amountFmt);
      });
      styleRow(ws, sumRow, ctx.lastYearCol, saldoStyle);
      if (ctx.rounds) roundingRow(ws, ctx, row++, 'saldo regio', (k) => s.result.totals[k]!.balance, sumRow);
    }
  });
}
