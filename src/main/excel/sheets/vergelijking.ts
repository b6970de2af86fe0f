/**
 * Scenariovergelijking (more than one scenario): the saldo per scenario as a
 * reference to Samenvatting, and the difference with scenario 1 (V/N).
 */
import type ExcelJS from 'exceljs';
import { setText } from '../safeText';
import { applyStyle, differenceFormat, noteStyle, sectionStyle } from '../styles';
import { HEADER_ROWS, SHEETS, type Context, type SummaryRefs } from '../kit/context';
import { cellNumber, colLetter, diffCells, formula, label, sheetRef } from '../kit/cells';
import { newSheet, yearHeader } from '../kit/sheet';

export function buildVergelijking(wb: ExcelJS.Workbook, ctx: Context, refs: readonly SummaryRefs[]): void {
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
      const cached = ctx.rounds
        ? cellNumber(summaryWs, refs[si]!.saldoRow, ctx.yearCol(k))
        : ctx.money(ctx.amounts[si]!.balance(k));
      formula(ws, row, ctx.yearCol(k), `${summary}!${c}${refs[si]!.saldoRow}`, cached, ctx.amountFmt);
    });
    saldoRows.push(row++);
  });

  row++;
  label(
    ws,
    row++,
    `Verschil met scenario 1 (${scenarios[0]!.scenario.name}); V = voordelig, N = nadelig`,
    sectionStyle,
  );
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
