/**
 * The V/N rows of a scenario block on Samenvatting: the reference's totals (a saved version of
 * the scenario, e.g. the vastgestelde begroting, or another scenario such as Ongewijzigd beleid)
 * and per year the difference with it, signed so that positive is voordelig (V) for the saldo:
 * lasten reference − scenario (lower lasten = V), baten scenario − reference (higher baten = V),
 * saldo and structureel saldo scenario − reference. The letter is the cell format
 * (differenceFormat: "€ 1.234 V" / red "€ 1.234 N"); the number in the cell keeps its sign.
 */
import type { Worksheet } from 'exceljs';
import { setText } from '../safeText';
import { applyStyle, differenceFormat, noteStyle, sectionStyle } from '../styles';
import type { Context } from '../kit/context';
import { cellNumber, colLetter, formula, label, number } from '../kit/cells';

/** Rows of the scenario block the V/N rows refer to. */
export interface BlockRows {
  totalCostRow: number;
  structuralCostRow: number;
  structuralFundingRow: number;
  totalFundingRow: number;
  saldoRow: number;
  structuralSaldoRow: number;
}

/** The begroting's letter for a difference signed as above: V (voordelig), N (nadelig), or none for 0. */
export function vnLetter(voordeel: number): 'V' | 'N' | '' {
  return voordeel > 0 ? 'V' : voordeel < 0 ? 'N' : '';
}

/**
 * Writes the reference block from `row` on (nothing without a reference; a note when the
 * reference cannot be scoped) and returns the next free row.
 */
export function referenceRows(ws: Worksheet, ctx: Context, row: number, si: number, rows: BlockRows): number {
  const ref = ctx.reference;
  if (!ref) {
    if (ctx.referenceProblem) {
      const c = ws.getCell(++row, 1);
      setText(c, ctx.referenceProblem);
      applyStyle(c, { ...noteStyle, alignment: { wrapText: false } });
      row++;
    }
    return row;
  }
  const a = ctx.amounts[si]!;
  const r = ref.amounts;
  const structuralFunding = (amounts: typeof a, j: number) =>
    amounts.fundingLines.filter((f) => f.kind === 'structureel').reduce((t, f) => t + f.values[j]!, 0);
  row++;
  label(ws, row++, `Vergelijking met ${ref.label}`, sectionStyle);

  // The reference's figures: lines as values (printed), saldi as formulas over them.
  const refCostRow = row++;
  const refStructuralFundingRow = row++;
  const refFundingRow = row++;
  const refSaldoRow = row++;
  const refStructuralSaldoRow = row++;
  label(ws, refCostRow, 'Referentie: totaal lasten', undefined, 1);
  label(ws, refStructuralFundingRow, 'Referentie: totaal structurele baten', undefined, 1);
  label(ws, refFundingRow, 'Referentie: totaal baten', undefined, 1);
  label(ws, refSaldoRow, 'Referentie: saldo', undefined, 1);
  label(ws, refStructuralSaldoRow, 'Referentie: structureel saldo', undefined, 1);

  const head = row++;
  label(ws, head, 'Verschil met de referentie (V = voordelig, N = nadelig voor het saldo)', {
    font: { ...sectionStyle.font, bold: false },
  });
  const costRow = row++;
  const fundingRow = row++;
  const saldoRow = row++;
  const structuralSaldoRow = row++;
  label(ws, costRow, 'Lasten (lager dan de referentie = V)', undefined, 1);
  label(ws, fundingRow, 'Baten (hoger dan de referentie = V)', undefined, 1);
  label(ws, saldoRow, 'Saldo', undefined, 1);
  label(ws, structuralSaldoRow, 'Structureel saldo', undefined, 1);

  const diffFmt = differenceFormat(ctx.unit);
  ctx.years.forEach((_, k) => {
    const j = ref.yearIndex[k];
    if (j === undefined) return; // the reference has no such year: no figure, no V/N
    const col = ctx.yearCol(k);
    const c = colLetter(col);
    number(ws, refCostRow, col, ctx.printed(r.cost(j)), ctx.amountFmt);
    number(ws, refStructuralFundingRow, col, ctx.printed(structuralFunding(r, j)), ctx.amountFmt);
    number(ws, refFundingRow, col, ctx.printed(r.funding(j)), ctx.amountFmt);
    const cell = (rr: number) => cellNumber(ws, rr, col);
    const put = (rr: number, f: string, unrounded: number, printed: () => number, fmt: string) =>
      formula(ws, rr, col, f, ctx.rounds ? printed() : ctx.money(unrounded), fmt);
    put(
      refSaldoRow,
      `${c}${refFundingRow}-${c}${refCostRow}`,
      r.funding(j) - r.cost(j),
      () => cell(refFundingRow) - cell(refCostRow),
      ctx.amountFmt,
    );
    put(
      refStructuralSaldoRow,
      `${c}${refStructuralFundingRow}-${c}${refCostRow}`,
      structuralFunding(r, j) - r.cost(j),
      () => cell(refStructuralFundingRow) - cell(refCostRow),
      ctx.amountFmt,
    );
    put(
      costRow,
      `${c}${refCostRow}-${c}${rows.totalCostRow}`,
      r.cost(j) - a.cost(k),
      () => cell(refCostRow) - cell(rows.totalCostRow),
      diffFmt,
    );
    put(
      fundingRow,
      `${c}${rows.totalFundingRow}-${c}${refFundingRow}`,
      a.funding(k) - r.funding(j),
      () => cell(rows.totalFundingRow) - cell(refFundingRow),
      diffFmt,
    );
    put(
      saldoRow,
      `${c}${rows.saldoRow}-${c}${refSaldoRow}`,
      a.balance(k) - (r.funding(j) - r.cost(j)),
      () => cell(rows.saldoRow) - cell(refSaldoRow),
      diffFmt,
    );
    put(
      structuralSaldoRow,
      `${c}${rows.structuralSaldoRow}-${c}${refStructuralSaldoRow}`,
      structuralFunding(a, k) - a.cost(k) - (structuralFunding(r, j) - r.cost(j)),
      () => cell(rows.structuralSaldoRow) - cell(refStructuralSaldoRow),
      diffFmt,
    );
  });
  return row;
}
