/**
 * Taakvelden: the lasten per Iv3 taakveld, each cell a sum of the Samenvatting
 * cells of its lines, with a control row against Totaal lasten; then the baten on
 * taakveld 0.7 (a reference to Totaal baten on Samenvatting) and the saldo.
 */
import type ExcelJS from 'exceljs';
import { BATEN_TAAKVELD, TAAKVELDEN, TAAKVELD_CODES } from '../../../shared/domain/taakvelden';
import { bodyFont, saldoStyle, totalStyle } from '../styles';
import { HEADER_ROWS, SHEETS, type Context, type SummaryRefs } from '../kit/context';
import { cellNumber, code, colLetter, formula, label, roundingRow, sheetRef, styleRow, yearSums } from '../kit/cells';
import { blockTitle, newSheet, scenarioTitle, yearHeader } from '../kit/sheet';

const NIET_TOEGEWEZEN = 'Niet toegewezen';

export function buildTaakvelden(wb: ExcelJS.Workbook, ctx: Context, refs: readonly SummaryRefs[]): void {
  const summaryWs = wb.getWorksheet(SHEETS.samenvatting)!;
  const ws = newSheet(wb, ctx, SHEETS.taakvelden, 'Overzicht baten en lasten per taakveld (Iv3, vanaf 2023)');
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
    const codes = [
      ...TAAKVELD_CODES.filter((c) => byCode.has(c)),
      ...(byCode.has(NIET_TOEGEWEZEN) ? [NIET_TOEGEWEZEN] : []),
    ];
    if (si > 0) row++;
    blockTitle(ws, ctx, row++, scenarioTitle(s, si, ctx.input.scenarios.length));
    const first = row;
    for (const tv of codes) {
      const lines = byCode.get(tv)!;
      const isCode = tv !== NIET_TOEGEWEZEN;
      label(
        ws,
        row,
        isCode ? TAAKVELDEN[tv as keyof typeof TAAKVELDEN] : `${NIET_TOEGEWEZEN} (regels zonder taakveld)`,
        undefined,
        1,
      );
      code(ws, row, isCode ? tv : 'n.t.');
      ctx.years.forEach((_, k) => {
        const c = colLetter(ctx.yearCol(k));
        // A sum of the Samenvatting cells of this taakveld's lines: traceable cell by cell.
        const f = lines.map((l) => `${summary}!${c}${ref.lineRows[l]}`).join('+');
        const value = lines.reduce((t, l) => t + a.lineCost(l, k), 0);
        const cached = ctx.rounds
          ? lines.reduce((t, l) => t + cellNumber(summaryWs, ref.lineRows[l]!, ctx.yearCol(k)), 0)
          : ctx.money(value);
        formula(ws, row, ctx.yearCol(k), f, cached, ctx.amountFmt);
      });
      row++;
    }
    const last = row - 1;
    const totalRow = row++;
    label(ws, totalRow, 'Totaal lasten');
    const checkRow = row++;
    label(ws, checkRow, 'Controle: verschil met Totaal lasten op Samenvatting (hoort 0 te zijn)', {
      font: { ...bodyFont, italic: true },
    });
    yearSums(ws, ctx, totalRow, first, last, a.cost);
    ctx.years.forEach((_, k) => {
      const c = colLetter(ctx.yearCol(k));
      formula(
        ws,
        checkRow,
        ctx.yearCol(k),
        `ROUND(${c}${totalRow}-${summary}!${c}${ref.totalCostRow},2)`,
        0,
        ctx.amountFmt,
      );
    });
    styleRow(ws, totalRow, ctx.lastYearCol, totalStyle);
    if (ctx.rounds) roundingRow(ws, ctx, row++, 'totaal lasten', a.cost, totalRow);

    // The baten on their taakveld: the Rijksmiddelen jeugd come through the algemene uitkering (0.7).
    const fundingRow = row++;
    label(ws, fundingRow, 'Baten: algemene uitkering gemeentefonds', undefined, 1);
    code(ws, fundingRow, BATEN_TAAKVELD.code);
    const saldoRow = row++;
    label(ws, saldoRow, 'Saldo (baten − lasten; negatief = tekort)');
    ctx.years.forEach((_, k) => {
      const col = ctx.yearCol(k);
      const c = colLetter(col);
      formula(
        ws,
        fundingRow,
        col,
        `${summary}!${c}${ref.totalFundingRow}`,
        ctx.rounds ? cellNumber(summaryWs, ref.totalFundingRow, col) : ctx.money(a.funding(k)),
        ctx.amountFmt,
      );
      formula(
        ws,
        saldoRow,
        col,
        `${c}${fundingRow}-${c}${totalRow}`,
        ctx.rounds ? cellNumber(ws, fundingRow, col) - cellNumber(ws, totalRow, col) : ctx.money(a.balance(k)),
        ctx.amountFmt,
      );
    });
    styleRow(ws, saldoRow, ctx.lastYearCol, saldoStyle);
  });
}
