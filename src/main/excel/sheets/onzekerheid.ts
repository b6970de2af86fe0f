/**
 * Onzekerheid (when the export asks for it): per scenario and year P10/P50/P90
 * of lasten, saldo and cumulatief saldo, the chance of a tekort, the
 * scenario's own result beside them, the seed and number of draws, and the
 * ranges that were drawn. The figures are the region's (see analysis.ts).
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { MonteCarloResult, Percentiles } from '../../../shared/analysis/montecarlo';
import type { Parameter } from '../../../shared/analysis/parameters';
import { setText } from '../safeText';
import { FMT_INTEGER, applyStyle, bodyFont, headerStyle, saldoStyle, sectionStyle, totalStyle } from '../styles';
import { HEADER_ROWS, SHEETS, type Context, type SummaryRefs } from '../kit/context';
import { cellNumber, colLetter, formula, label, number, roundingRow, sheetRef, styleRow } from '../kit/cells';
import { blockTitle, newSheet, scenarioTitle, yearHeader } from '../kit/sheet';
import { note, parameterUnit, regionOnlyNote, regionTitle, sourceRow, wrapLabel } from './analysis';

/** Chance of a tekort: a whole percentage, e.g. 35%. */
export const FMT_CHANCE = '0%';
/** The seed as a plain whole number (no grouping: it is typed back as is). */
const FMT_SEED = '0';
/** Column A of Onzekerheid: the range list names segment and field. */
const ONZEKERHEID_LABEL_WIDTH = 60;

export function buildOnzekerheid(
  wb: ExcelJS.Workbook,
  ctx: Context,
  refs: readonly SummaryRefs[],
  results: readonly MonteCarloResult[],
): void {
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
      row = note(
        ws,
        row,
        lastCol,
        'Dit scenario heeft geen bandbreedtes: elke trekking is gelijk aan de uitkomst van het scenario, dus P10 = P50 = P90. Geef in het scenario bandbreedtes op (laag en hoog) om de onzekerheid te zien.',
      );
    }
    const ref = refs[si]!;

    label(ws, row++, 'Lasten', sectionStyle);
    bandRows(
      ws,
      ctx,
      row,
      mc.years.map((y) => y.cost),
    );
    row += 3;
    // The scenario's own result: in the region workbook a reference to Samenvatting, so it is traceable.
    deterministicRow(
      ws,
      ctx,
      row++,
      mc.years.map((y) => y.deterministic.cost),
      region ? ref.totalCostRow : undefined,
      summary,
      summaryWs,
    );

    row++;
    label(ws, row++, 'Saldo (baten − lasten; negatief = tekort)', sectionStyle);
    bandRows(
      ws,
      ctx,
      row,
      mc.years.map((y) => y.balance),
    );
    row += 3;
    const saldoRow = row++;
    deterministicRow(
      ws,
      ctx,
      saldoRow,
      mc.years.map((y) => y.deterministic.balance),
      region ? ref.saldoRow : undefined,
      summary,
      summaryWs,
    );
    const chanceRow = row++;
    label(ws, chanceRow, 'Kans op een tekort (saldo onder € 0)', { font: { ...bodyFont, bold: true } }, 1);
    mc.years.forEach((y, k) => number(ws, chanceRow, ctx.yearCol(k), y.deficitProbability, FMT_CHANCE));
    styleRow(ws, chanceRow, ctx.lastYearCol, saldoStyle);

    row++;
    label(ws, row++, `Cumulatief saldo vanaf ${model.baseYear} (t/m het jaar van de kolom)`, sectionStyle);
    bandRows(
      ws,
      ctx,
      row,
      mc.years.map((y) => y.cumulativeBalance),
    );
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
      formula(
        ws,
        cumRow,
        ctx.yearCol(k),
        `SUM($${start}${saldoRow}:${colLetter(ctx.yearCol(k))}${saldoRow})`,
        ctx.rounds ? printed : ctx.money(cumulative),
        ctx.amountFmt,
      );
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

function deterministicRow(
  ws: Worksheet,
  ctx: Context,
  row: number,
  values: readonly number[],
  summaryRow: number | undefined,
  summary: string,
  summaryWs: Worksheet,
): void {
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
  ['Aanname (met de bron van de bandbreedte eronder)', 'Eenheid', 'Laag', 'Scenario', 'Hoog'].forEach((h, i) => {
    const c = ws.getCell(head, i + 1);
    setText(c, h);
    applyStyle(c, headerStyle);
    if (i >= 2 && i <= 4) c.alignment = { ...headerStyle.alignment, horizontal: 'right' };
  });
  for (let col = 6; col <= lastCol; col++) applyStyle(ws.getCell(head, col), headerStyle);
  for (const p of params) {
    // A linked range is drawn together with the others of its group: the list says which group.
    label(ws, row, p.link === undefined ? p.label : `${p.label} (gekoppeld: ${p.link})`, undefined, 1);
    const unit = parameterUnit(p, ctx);
    setText(ws.getCell(row, 2), unit.text);
    [p.low, p.likely, p.high].forEach((v, i) => number(ws, row, 3 + i, unit.scale(v), unit.fmt));
    wrapLabel(ws, row, lastCol);
    row = sourceRow(ws, row + 1, lastCol, p.rangeSource ?? 'geen bron opgegeven', `"${p.label}"`);
  }
  return row;
}

function readingNote(ctx: Context): string {
  const { baseYear } = ctx.input.model;
  return [
    'Zo leest u dit blad. P10: in 10% van de trekkingen is de uitkomst lager. P50: de middelste uitkomst (de helft lager, de helft hoger). P90: in 90% van de trekkingen lager, in 10% hoger. Bij het saldo is P10 dus de ongunstige kant: 1 op 10 kans op een nog lager saldo.',
    `"Uitkomst scenario" is de gewone berekening met de aannames zoals ingevuld (dezelfde als op ${SHEETS.samenvatting}); de kans op een tekort is het aandeel trekkingen met een saldo onder € 0 in dat jaar; het cumulatief saldo telt de saldi vanaf ${baseYear} op.`,
    'Elke aanname met een bandbreedte wordt per trekking getrokken uit een driehoeksverdeling (laag, waarde in het scenario, hoog), los van de andere; alleen aannames met dezelfde koppeling ("gekoppeld: …" in de lijst van bandbreedtes) gaan samen: in elke trekking hetzelfde kwantiel (alle laag, alle hoog of alle even ver ertussen), elk binnen de eigen bandbreedte. Een bandbreedte op een jaarpercentage verschuift elk jaar met hetzelfde aantal procentpunten. Dezelfde seed met dezelfde aannames geeft exact dezelfde getallen.',
  ].join('\n');
}
