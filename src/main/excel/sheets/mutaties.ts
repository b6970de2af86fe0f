/**
 * Mutaties (when the export names a reference): per scenario the mutatieoverzicht of the region — saldo of
 * the reference, the mutations per category (basismodel, prijs, volume, beleid, Rijk; each measure by name)
 * with subtotals, the total and the scenario's saldo (shared/analysis/mutaties.ts). Subtotals and the total
 * are formulas over the printed lines; × € 1.000 lines are rounded and add up on paper, the difference with
 * the unrounded saldo is in an "Afrondingsverschil" row.
 */
import type ExcelJS from 'exceljs';
import {
  CATEGORY_LABELS,
  categoryTotals,
  effectiveLines,
  type MutatieCategory,
} from '../../../shared/analysis/mutaties';
import { setText } from '../safeText';
import { applyStyle, differenceFormat, noteStyle, saldoStyle, sectionStyle } from '../styles';
import { HEADER_ROWS, SHEETS, type Context } from '../kit/context';
import { cellNumber, colLetter, formula, label, number, roundingRow, styleRow } from '../kit/cells';
import { blockTitle, newSheet, yearHeader } from '../kit/sheet';

const MAIN: MutatieCategory[] = ['basismodel', 'prijs', 'volume', 'beleid', 'rijk'];

export function buildMutaties(wb: ExcelJS.Workbook, ctx: Context): void {
  const input = ctx.input.mutaties;
  if (!input) return;
  const ws = newSheet(wb, ctx, SHEETS.mutaties, 'Mutatieoverzicht: waar komt het verschil vandaan');
  yearHeader(ws, ctx, 'Mutatie (saldo; V = voordelig, N = nadelig)', '');
  const diffFmt = differenceFormat(ctx.unit);
  let row = HEADER_ROWS + 1;

  ctx.input.scenarios.forEach((s, si) => {
    const o = input.overzichten[si]!;
    // the sheet's year columns are the scenario's; a year the reference lacks stays empty
    const at = ctx.years.map((y) => o.years.indexOf(y));
    const euro = (cents: readonly number[], k: number) => cents[at[k]!]! / 100;
    const each = (write: (k: number, col: number) => void) =>
      ctx.years.forEach((_, k) => {
        if (at[k]! >= 0) write(k, ctx.yearCol(k));
      });
    if (si > 0) row++;
    blockTitle(ws, ctx, row++, `Scenario ${s.scenario.name} ten opzichte van ${input.referenceName}`);

    const refRow = row++;
    label(ws, refRow, `Saldo referentie: ${input.referenceName}`);
    each((k, col) => number(ws, refRow, col, ctx.printed(euro(o.reference.saldo, k)), ctx.amountFmt));

    const lines = effectiveLines(o);
    const subtotalRows: number[] = [];
    for (const c of categoryTotals(o)) {
      const own = lines.filter((l) => l.category === c.category);
      if (own.length === 0 && !MAIN.includes(c.category)) continue;
      label(ws, row++, CATEGORY_LABELS[c.category], sectionStyle);
      const first = row;
      for (const l of own) {
        label(ws, row, l.label, undefined, 1);
        each((k, col) => number(ws, row, col, ctx.printed(euro(l.saldo, k)), diffFmt));
        row++;
      }
      const last = row - 1;
      label(ws, row, `Subtotaal ${CATEGORY_LABELS[c.category].toLowerCase()}`, undefined, 1);
      each((k, col) => {
        if (own.length === 0) {
          number(ws, row, col, 0, diffFmt);
          return;
        }
        const letter = colLetter(col);
        let cached = 0;
        for (let r = first; r <= last; r++) cached += cellNumber(ws, r, col);
        formula(
          ws,
          row,
          col,
          `SUM(${letter}${first}:${letter}${last})`,
          ctx.rounds ? cached : ctx.money(euro(c.saldo, k)),
          diffFmt,
        );
      });
      styleRow(ws, row, ctx.lastYearCol, { font: { bold: true } });
      subtotalRows.push(row++);
    }

    const totalRowNr = row++;
    label(ws, totalRowNr, 'Totaal mutaties');
    each((k, col) => {
      const letter = colLetter(col);
      const cached = ctx.rounds
        ? subtotalRows.reduce((t, r) => t + cellNumber(ws, r, col), 0)
        : ctx.money(euro(o.total.saldo, k));
      formula(ws, totalRowNr, col, subtotalRows.map((r) => `${letter}${r}`).join('+') || '0', cached, diffFmt);
    });
    styleRow(ws, totalRowNr, ctx.lastYearCol, saldoStyle);

    const targetRow = row++;
    label(ws, targetRow, `Saldo scenario ${s.scenario.name}`);
    each((k, col) => {
      const letter = colLetter(col);
      const cached = ctx.rounds
        ? cellNumber(ws, refRow, col) + cellNumber(ws, totalRowNr, col)
        : ctx.money(euro(o.target.saldo, k));
      formula(ws, targetRow, col, `${letter}${refRow}+${letter}${totalRowNr}`, cached, ctx.amountFmt);
    });
    styleRow(ws, targetRow, ctx.lastYearCol, saldoStyle);
    if (ctx.rounds)
      roundingRow(ws, ctx, row++, 'saldo scenario', (k) => (at[k]! >= 0 ? euro(o.target.saldo, k) : 0), targetRow);
  });

  row++;
  const note = ws.getCell(row, 1);
  setText(
    note,
    `Methode: de onderdelen van het scenario worden één voor één van de referentie naar het scenario gezet, in deze volgorde: basismodel en realisatie, prijs, volume, beleid, Rijksmiddelen; het effect van een stap is het verschil in saldo. Een wisselwerking (meer volume tegen een hogere prijs) valt zo bij de latere stap. De regels tellen precies op tot het totale verschil. Alleen de regio: de verdeling over gemeenten staat op Per gemeente.`,
  );
  applyStyle(note, { ...noteStyle, alignment: { wrapText: false } });
}
