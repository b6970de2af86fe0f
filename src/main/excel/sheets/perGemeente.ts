/**
 * Per gemeente: per gemeente the lasten per line with the verdeelsleutel used,
 * the baten by its share of the Rijksmiddelen and the saldo; in the region's
 * workbook also a control block (gemeenten − regio per line, lasten, baten and
 * saldo: 0 everywhere) and the sum of the saldi (= the region's saldo).
 *
 * Each line is a formula: the region's line × the gemeente's sleutel (the
 * Sleutel column, or a "Sleutel per jaar" row where the key differs per year,
 * as with realised figures per gemeente). The region's line is the one on
 * Samenvatting in the region's workbook (so a changed line there flows on, and
 * the controls compare with Samenvatting), on Aannames in a gemeente's. In the
 * region's workbook the last gemeente with a share gets the remainder (region
 * − the others), as the engine splits, so the gemeenten add up to the region
 * exactly, also after rounding to thousands. Realised Rijksmiddelen of a
 * gemeente are values (its own figure), said so on the sheet.
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { setText } from '../safeText';
import { FMT_SHARE, applyStyle, bodyFont, noteStyle, saldoStyle, sectionStyle, totalStyle } from '../styles';
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
import type { GemeenteResult, SimulationResult } from '../../../shared/engine/result';
import type { Model } from '../../../shared/formats/model';
import { citeSource } from '../../../shared/domain/sources';
import { pageBreakBefore } from '../kit/print';

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

/** Keys that differ from the Sleutel column by more than this get a "Sleutel per jaar" row. */
const KEY_TOLERANCE = 1e-9;

/** One gemeente's keys per line and year, and for the Rijksmiddelen, as the engine applied them. */
interface GemeenteKeys {
  /** [line][year]: the gemeente's line ÷ the region's line (its Sleutel where the line is 0) */
  line: number[][];
  /** lines whose key differs per year */
  varying: boolean[];
  /** per year: the gemeente's Rijksmiddelen ÷ the region's */
  funding: number[];
  fundingVarying: boolean;
  /** per year: the gemeente's own realised Rijksmiddelen (a value) */
  ownFunding: boolean[];
}

function gemeenteKeys(result: SimulationResult, g: GemeenteResult): GemeenteKeys {
  const line = result.lines.map((ln, l) => {
    const share = g.costShares[ln.id] ?? 0;
    return ln.years.map((y, k) => (y.cost !== 0 ? g.lineCosts[l]![k]! / y.cost : share));
  });
  const varying = result.lines.map((ln, l) =>
    line[l]!.some((key) => Math.abs(key - (g.costShares[ln.id] ?? 0)) > KEY_TOLERANCE),
  );
  const ownFunding = result.totals.map((t) => t.fundingKind === 'realisatie');
  const funding = result.totals.map((t, k) => (t.funding !== 0 ? g.years[k]!.funding / t.funding : g.fundingShare));
  const fundingVarying = funding.some((key, k) => !ownFunding[k] && Math.abs(key - g.fundingShare) > KEY_TOLERANCE);
  return { line, varying, funding, fundingVarying, ownFunding };
}

/** "2022–2024" or "2024". */
function yearSpan(years: readonly number[]): string {
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

function note(ws: Worksheet, row: number, text: string): void {
  const cell = ws.getCell(row, 1);
  setText(cell, text);
  applyStyle(cell, noteStyle);
  cell.alignment = { wrapText: false };
}

export const CONTROL_LABEL = 'Controle gemeenten − regio';

/** "Rijksmiddelen 2023: eigen realisatie (waarde) — bron: …" for a gemeente with own realised Rijksmiddelen. */
function ownFundingSource(
  model: Model,
  id: string,
  years: readonly number[],
  own: readonly boolean[],
): string | undefined {
  const figures = model.realisatie?.gemeenten?.[id]?.rijksmiddelen;
  const ownYears = years.filter((_, k) => own[k]);
  if (!figures || ownYears.length === 0) return undefined;
  const sources = [
    ...new Set(
      ownYears.map((y) => {
        const f = figures[String(y)];
        return f ? `${citeSource(f.source)}${f.estimate ? ' (schatting)' : ''}` : undefined;
      }),
    ),
  ].filter((x): x is string => x !== undefined);
  return `Rijksmiddelen ${yearSpan(ownYears)}: eigen realisatie van de gemeente (waarde)${
    sources.length > 0 ? ` — bron: ${sources.join(' | ')}` : ''
  }`;
}

/**
 * Writes the sheet; in a gemeente's workbook returns per scenario where its lines and baten stand
 * (Samenvatting refers to them), in the region's an empty list. The region's workbook needs
 * Samenvatting written first (`summary`): its lines are the region's lines here.
 */
export function buildPerGemeente(
  wb: ExcelJS.Workbook,
  ctx: Context,
  aannames: readonly AannamesRefs[],
  summary: readonly SummaryRefs[] = [],
): GemeenteRefs[] {
  const ws = newSheet(wb, ctx, SHEETS.perGemeente, 'Lasten en baten per gemeente');
  yearHeader(ws, ctx, 'Gemeente / regel', 'Sleutel');
  const { model, scope } = ctx.input;
  const region = scope.kind === 'region';
  if (region && summary.length !== ctx.input.scenarios.length) throw new Error('Samenvatting eerst');
  // The sheet the region's lines and Rijksmiddelen come from.
  const srcName = region ? SHEETS.samenvatting : SHEETS.aannames;
  const srcWs = wb.getWorksheet(srcName)!;
  let row = HEADER_ROWS + 1;
  // A gemeente's workbook traces only its own share; the region's shows all seven and their sum.
  const ids = scope.kind === 'gemeente' ? [scope.gemeenteId] : model.gemeenten.map((g) => g.id);
  const out: GemeenteRefs[] = [];

  ctx.input.scenarios.forEach((s, si) => {
    const sum = summary[si];
    const srcLineRows = sum ? sum.lineRows : aannames[si]!.lineRows;
    const srcFundingRow = sum ? sum.totalFundingRow : aannames[si]!.fundingTotalRow;
    const lines = s.result.lines;
    const aLine = (l: number, k: number) => cellRef(srcName, srcLineRows[l]!, ctx.yearCol(k));
    const aFunding = (k: number) => cellRef(srcName, srcFundingRow, ctx.yearCol(k));
    const regionLine = (l: number, k: number) => cellNumber(srcWs, srcLineRows[l]!, ctx.yearCol(k));
    const regionFunding = (k: number) => cellNumber(srcWs, srcFundingRow, ctx.yearCol(k));
    const gemeenten = ids
      .map((id) => s.result.gemeenten.find((x) => x.id === id))
      .filter((g): g is GemeenteResult => g !== undefined);
    const keys = gemeenten.map((g) => gemeenteKeys(s.result, g));
    // In the region's workbook: per line and year the last gemeente with a share takes the remainder.
    const lastFor = (share: (gi: number) => number): number => {
      if (!region) return -1;
      for (let gi = gemeenten.length - 1; gi >= 0; gi--) if (share(gi) > 0) return gi;
      return -1;
    };

    if (si > 0) row++;
    blockTitle(ws, ctx, row++, scenarioTitle(s, si, ctx.input.scenarios.length));
    note(
      ws,
      row++,
      'Sleutel = het aandeel van de gemeente in de regionale regel (verdeelsleutel); de baten volgen het aandeel Rijksmiddelen.',
    );
    const chain = [
      region
        ? 'Elke regel is een formule: de regel van de regio op Samenvatting × de sleutel (kolom Sleutel, of de rij'
        : 'Elke regel is een formule: de regel van de regio op Aannames × de sleutel (kolom Sleutel, of de rij',
      region
        ? '"Sleutel per jaar" waar die per jaar verschilt); de baten: Totaal baten op Samenvatting × het aandeel.'
        : '"Sleutel per jaar" waar die per jaar verschilt); de baten: Totaal Rijksmiddelen (regio) × het aandeel.',
      ...(region
        ? [
            'De laatste gemeente met een aandeel krijgt het restant (regio − de andere gemeenten), zoals de rekenkern',
            'verdeelt: zo tellen de gemeenten precies op tot de regio, ook na afronding (zie de controle onderaan).',
          ]
        : []),
    ];
    for (const text of chain) note(ws, row++, text);
    const ownYears = s.result.totals.filter((t) => t.fundingKind === 'realisatie').map((t) => t.year);
    if (ownYears.length > 0)
      for (const text of [
        `Rijksmiddelen ${yearSpan(ownYears)}: het eigen gerealiseerde bedrag van elke gemeente (waarde, cursief; bron:`,
        'de realisatie per gemeente in het model); latere jaren naar de verhouding van het laatste realisatiejaar.',
      ])
        note(ws, row++, text);
    // keys from the realised use: which years, and every fallback (never silent), one row per distinct text
    for (const [text, names] of splitNotes(s.result)) note(ws, row++, `${text}: ${names.join(', ')}`);

    const saldoRows: number[] = [];
    const costRows: number[] = [];
    const fundRows: number[] = [];
    /** [gemeente][line]: the row of the gemeente's line */
    const lineRowsOf: number[][] = [];
    gemeenten.forEach((g, gi) => {
      const key = keys[gi]!;
      row++;
      // Each gemeente on its own page: a gemeente's controller prints or cuts out just theirs.
      if (gi > 0) pageBreakBefore(ws, row);
      label(ws, row++, `Gemeente ${g.name}`, sectionStyle);
      const first = row;
      const last = first + lines.length - 1;
      const costRow = last + 1;
      const fundRow = last + 2;
      const saldoRow = last + 3;
      const roundsHere = ctx.rounds && scope.kind === 'gemeente';
      let keyRow = saldoRow + (roundsHere ? 2 : 1);
      const lineKeyRows = lines.map((_, l) => (key.varying[l] ? keyRow++ : undefined));
      // In a gemeente's workbook also with own realised Rijksmiddelen: Samenvatting splits the baten lines by it.
      const fundKeyRow = key.fundingVarying || (!region && key.ownFunding.some(Boolean)) ? keyRow++ : undefined;
      const lineRows = lines.map((_, l) => first + l);
      lineRowsOf.push(lineRows);

      lines.forEach((line, l) => {
        const r = lineRows[l]!;
        label(ws, r, line.name, undefined, 1);
        number(ws, r, 2, g.costShares[line.id] ?? 0, FMT_SHARE);
        const kr = lineKeyRows[l];
        if (kr !== undefined) {
          label(ws, kr, `Sleutel per jaar: ${line.name}`, { font: { ...bodyFont, italic: true } }, 1);
          key.line[l]!.forEach((v, k) => number(ws, kr, ctx.yearCol(k), v, FMT_SHARE));
        }
        ctx.years.forEach((_, k) => {
          const col = ctx.yearCol(k);
          const c = colLetter(col);
          if (lastFor((x) => keys[x]!.line[l]![k]!) === gi) {
            const others = lineRowsOf.slice(0, gi).map((rs) => rs[l]!);
            const cached = others.reduce((t, o) => t - cellNumber(ws, o, col), regionLine(l, k));
            formula(ws, r, col, [aLine(l, k), ...others.map((o) => `${c}${o}`)].join('-'), cached, ctx.amountFmt);
            return;
          }
          const keyRef = kr !== undefined ? `${c}${kr}` : `$B${r}`;
          const keyValue = kr !== undefined ? key.line[l]![k]! : (g.costShares[line.id] ?? 0);
          formula(
            ws,
            r,
            col,
            ctx.printedFormula(`${aLine(l, k)}*${keyRef}`),
            ctx.asPrinted(regionLine(l, k) * keyValue),
            ctx.amountFmt,
          );
        });
      });

      label(ws, costRow, 'Totaal lasten', undefined, 1);
      label(ws, fundRow, 'Baten: Rijksmiddelen', undefined, 1);
      number(ws, fundRow, 2, g.fundingShare, FMT_SHARE);
      label(ws, saldoRow, 'Saldo', undefined, 1);
      if (fundKeyRow !== undefined) {
        label(ws, fundKeyRow, 'Sleutel per jaar: Rijksmiddelen', { font: { ...bodyFont, italic: true } }, 1);
        key.funding.forEach((v, k) => number(ws, fundKeyRow, ctx.yearCol(k), v, FMT_SHARE));
      }
      yearSums(ws, ctx, costRow, first, last, (k) => g.years[k]!.cost);
      ctx.years.forEach((_, k) => {
        const col = ctx.yearCol(k);
        const c = colLetter(col);
        const gy = g.years[k]!;
        if (lastFor((x) => keys[x]!.funding[k]!) === gi) {
          const cached = fundRows.reduce((t, o) => t - cellNumber(ws, o, col), regionFunding(k));
          formula(ws, fundRow, col, [aFunding(k), ...fundRows.map((o) => `${c}${o}`)].join('-'), cached, ctx.amountFmt);
        } else if (key.ownFunding[k]) {
          number(ws, fundRow, col, ctx.printed(gy.funding), ctx.amountFmt).font = { ...bodyFont, italic: true };
        } else {
          const keyRef = fundKeyRow !== undefined ? `${c}${fundKeyRow}` : `$B${fundRow}`;
          const keyValue = fundKeyRow !== undefined ? key.funding[k]! : g.fundingShare;
          formula(
            ws,
            fundRow,
            col,
            ctx.printedFormula(`${aFunding(k)}*${keyRef}`),
            ctx.asPrinted(regionFunding(k) * keyValue),
            ctx.amountFmt,
          );
        }
        const cached = ctx.rounds ? diffCells(ws, fundRow, costRow, col) : ctx.money(gy.balance);
        formula(ws, saldoRow, col, `${c}${fundRow}-${c}${costRow}`, cached, ctx.amountFmt);
      });
      styleRow(ws, costRow, ctx.lastYearCol, totalStyle);
      styleRow(ws, saldoRow, ctx.lastYearCol, saldoStyle);
      saldoRows.push(saldoRow);
      costRows.push(costRow);
      fundRows.push(fundRow);
      if (roundsHere) roundingRow(ws, ctx, saldoRow + 1, 'saldo', (k) => g.years[k]!.balance, saldoRow);
      row = keyRow;
      const own = ownFundingSource(model, g.id, ctx.years, key.ownFunding);
      if (own) note(ws, row++, own);
      if (!region) out.push({ lineRows, fundRow, ...(fundKeyRow !== undefined ? { fundKeyRow } : {}) });
    });

    if (sum && gemeenten.length > 1) {
      row++;
      label(
        ws,
        row++,
        `${CONTROL_LABEL} (som van de gemeenten min de regio op Samenvatting; hoort overal 0 te zijn)`,
        sectionStyle,
      );
      const control = (text: string, rows: readonly number[], regionRow: number) => {
        label(ws, row, `${CONTROL_LABEL}: ${text}`, { font: { ...bodyFont, italic: true } }, 1);
        ctx.years.forEach((_, k) => {
          const c = colLetter(ctx.yearCol(k));
          const terms = `${rows.map((r) => `${c}${r}`).join('+')}-${cellRef(srcName, regionRow, ctx.yearCol(k))}`;
          formula(ws, row, ctx.yearCol(k), `ROUND(${terms},2)`, 0, ctx.amountFmt);
        });
        row++;
      };
      lines.forEach((line, l) =>
        control(
          line.name,
          lineRowsOf.map((rs) => rs[l]!),
          sum.lineRows[l]!,
        ),
      );
      control('Totaal lasten', costRows, sum.totalCostRow);
      control('Baten: Rijksmiddelen', fundRows, sum.totalFundingRow);
      control('Saldo', saldoRows, sum.saldoRow);
    }
    if (region && saldoRows.length > 1) {
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
  return out;
}
