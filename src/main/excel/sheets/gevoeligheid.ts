/**
 * Gevoeligheid (when the export asks for it): the tornado table, largest
 * effect first. The figures are the region's (see analysis.ts).
 */
import type ExcelJS from 'exceljs';
import type { TornadoResult } from '../../../shared/analysis/tornado';
import { setText } from '../safeText';
import { applyStyle, bodyFont, freeze, headerStyle } from '../styles';
import { HEADER_ROWS, SHEETS, type Context } from '../kit/context';
import { label, number } from '../kit/cells';
import { blockTitle, newSheet, printSetup, scenarioTitle } from '../kit/sheet';
import {
  formatFactor,
  formatPct,
  note,
  parameterUnit,
  regionOnlyNote,
  regionTitle,
  sourceRow,
  wrapLabel,
} from './analysis';

/**
 * Column widths of Gevoeligheid (A … I): A4 landscape at about 90 %. The source of an own range
 * stands on its own row under the assumption (sourceRow), over the whole width.
 */
const TORNADO_WIDTHS = [44, 12, 14, 12, 12, 14, 14, 14, 14];
const TORNADO_LAST_COL = 9;
/** The top of the tornado list: the assumptions to discuss first. */
const TOP = 3;

export function buildGevoeligheid(wb: ExcelJS.Workbook, ctx: Context, results: readonly TornadoResult[]): void {
  const title = 'Gevoeligheid: welke aanname telt het zwaarst? (tornado)';
  const ws = newSheet(wb, ctx, SHEETS.gevoeligheid, title);
  regionTitle(ws, ctx, title);
  TORNADO_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const lastCol = TORNADO_LAST_COL;
  const first = results[0]!;
  const headers = [
    'Aanname (grootste effect bovenaan; bron van een eigen bandbreedte eronder)',
    'Bandbreedte',
    'Eenheid',
    'Laag',
    'Hoog',
    `Cumulatief saldo ${first.fromYear}–${first.toYear}: effect bij laag`,
    `Cumulatief saldo ${first.fromYear}–${first.toYear}: effect bij hoog`,
    `Saldo ${first.year}: effect bij laag`,
    `Saldo ${first.year}: effect bij hoog`,
  ];
  headers.forEach((h, i) => {
    const c = ws.getCell(HEADER_ROWS, i + 1);
    setText(c, h);
    applyStyle(c, headerStyle);
    // Numbers are right-aligned; so are their headings.
    if (i >= 3 && i <= 8) c.alignment = { ...headerStyle.alignment, horizontal: 'right' };
  });
  ws.getRow(HEADER_ROWS).height = 45;
  freeze(ws, HEADER_ROWS, 1);
  printSetup(ws, ctx, { printTitleRows: `1:${HEADER_ROWS}` });

  let row = HEADER_ROWS + 1;
  row = note(ws, row, lastCol, tornadoNote(first));
  if (ctx.input.scope.kind !== 'region') row = note(ws, row, lastCol, regionOnlyNote(ctx));

  results.forEach((t, si) => {
    const s = ctx.input.scenarios[si]!;
    row++;
    blockTitle(ws, ctx, row++, scenarioTitle(s, si, ctx.input.scenarios.length), lastCol);
    // The scenario's own saldi, under the effect columns they are the base of.
    const italic = { font: { ...bodyFont, italic: true } };
    label(
      ws,
      row,
      `Cumulatief saldo ${t.fromYear}–${t.toYear} in het scenario (de effecten hieronder zijn verschillen hiermee)`,
      italic,
    );
    number(ws, row, 6, ctx.printed(t.base.cumulativeBalance), ctx.amountFmt).font = italic.font;
    wrapLabel(ws, row, lastCol);
    row++;
    label(ws, row, `Saldo ${t.year} in het scenario`, italic);
    number(ws, row, 8, ctx.printed(t.base.yearBalance), ctx.amountFmt).font = italic.font;
    row++;
    if (t.bars.length === 0) {
      label(ws, row++, 'Geen aannames om te variëren in dit scenario.', undefined, 1);
      return;
    }
    t.bars.forEach((b, i) => {
      const p = b.parameter;
      label(ws, row, p.label, i < TOP ? { font: { ...bodyFont, bold: true } } : undefined, 1);
      setText(ws.getCell(row, 2), p.fromRange ? 'eigen' : `±${formatPct(t.defaultPct)}%`);
      const unit = parameterUnit(p, ctx);
      setText(ws.getCell(row, 3), unit.text);
      number(ws, row, 4, unit.scale(b.low.value), unit.fmt);
      number(ws, row, 5, unit.scale(b.high.value), unit.fmt);
      number(ws, row, 6, ctx.printed(b.low.cumulativeBalance - t.base.cumulativeBalance), ctx.amountFmt);
      number(ws, row, 7, ctx.printed(b.high.cumulativeBalance - t.base.cumulativeBalance), ctx.amountFmt);
      number(ws, row, 8, ctx.printed(b.low.yearBalance - t.base.yearBalance), ctx.amountFmt);
      number(ws, row, 9, ctx.printed(b.high.yearBalance - t.base.yearBalance), ctx.amountFmt);
      wrapLabel(ws, row, lastCol);
      row++;
      if (p.fromRange) row = sourceRow(ws, row, lastCol, p.rangeSource ?? 'geen bron opgegeven', `"${p.label}"`);
    });
    const own = t.bars.filter((b) => b.parameter.fromRange).length;
    row = note(
      ws,
      row,
      lastCol,
      `${t.bars.length} aannames: ${own} met een eigen bandbreedte, ${t.bars.length - own} met ±${formatPct(t.defaultPct)}%. De ${Math.min(TOP, t.bars.length)} vetgedrukte aannames hebben het grootste effect op het cumulatieve saldo: bespreek die eerst.`,
    );
  });
}

function tornadoNote(t: TornadoResult): string {
  return [
    `Elke aanname apart naar haar lage en hoge waarde, de rest zoals in het scenario. Effect = saldo met die waarde − saldo van het scenario (negatief, rood = lager saldo). Gesorteerd op het verschil tussen laag en hoog in het cumulatieve saldo ${t.fromYear}–${t.toYear}.`,
    `Bandbreedte "eigen": de bandbreedte uit het scenario. "±${formatPct(t.defaultPct)}%": geen bandbreedte opgegeven, dan ${formatPct(t.defaultPct)}% lager en hoger (een jaarpercentage × ${formatFactor(1 - t.defaultPct / 100)} en × ${formatFactor(1 + t.defaultPct / 100)}). Instroom, trajectduur en intensiteit zonder eigen bandbreedte staan er niet apart: ±${formatPct(t.defaultPct)}% daarop werkt in evenwicht hetzelfde als op het tarief.`,
  ].join('\n');
}
