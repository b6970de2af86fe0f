/**
 * Aannames: per scenario every assumption per segment per year (the change in
 * percent and the value that follows from it), the substitution between
 * segments, the path of the Rijksmiddelen and the prevention budget; then the
 * gemeenten's base figures for the verdeelsleutels. Every base figure names
 * its source in the last column.
 *
 * The start of the live chain: a volume line's lasten are a formula
 * cliëntmaanden × intensiteit × tarief over the cells above it (cliëntmaanden
 * stay values: they come from the monthly stock-flow), a budget line's lasten
 * are its amount, and the region's Rijksmiddelen add up in a formula row.
 * Samenvatting and Per gemeente refer to these cells (AannamesRefs).
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { Segment } from '../../../shared/formats/model';
import type { SegmentAssumption } from '../../../shared/formats/scenario';
import { POLICY_EFFECT_FIELDS, type PolicyEffectField } from '../../../shared/formats/policies';
import { realisedPct } from '../../../shared/engine/policies';
import type { VolumeLineResult } from '../../../shared/engine/result';
import { citeSource } from '../../../shared/domain/sources';
import { formatEuro, formatEuroCents } from '../../../shared/locale/numbers';
import { setText } from '../safeText';
import {
  FMT_DECIMAL,
  FMT_INTEGER,
  FMT_PCT_CHANGE,
  FMT_PRICE,
  FMT_SHARE,
  applyStyle,
  bodyFont,
  headerStyle,
  noteStyle,
  sectionStyle,
} from '../styles';
import { HEADER_ROWS, SHEETS, type AannamesRefs, type BijlageScenario, type Context } from '../kit/context';
import { cellNumber, code, colLetter, formatNum, formula, label, number } from '../kit/cells';
import { blockTitle, newSheet, scenarioTitle, yearHeader } from '../kit/sheet';
import { pageBreakBefore } from '../kit/print';

/**
 * Widths (characters) of the label, unit and Bron columns on Aannames. Long labels and sources wrap
 * (kit/print.ts); narrower than the other sheets so the years and the sources fit A4 landscape at
 * more than 70 %.
 */
const LABEL_WIDTH = 40;
const UNIT_WIDTH = 10;
const SOURCE_WIDTH = 48;

export function buildAannames(wb: ExcelJS.Workbook, ctx: Context): AannamesRefs[] {
  const sheet = new AannamesSheet(wb, ctx);
  const refs = ctx.input.scenarios.map((s, si) => sheet.scenario(s, si));
  sheet.gemeenten();
  return refs;
}

/**
 * What the sheet says about its values and formulas, once per scenario above the segments; short
 * lines, so that they print within the page width without wrapping.
 */
export const CHAIN_NOTE = [
  'Lasten van een volumeregel = cliëntmaanden × intensiteit × tarief (formule): wijzig intensiteit of tarief',
  'en de lasten, Samenvatting, Taakvelden en Per gemeente rekenen mee. Een budgetregel is zijn bedrag (waarde).',
  'Cliëntmaanden, instroom, trajectduur en jeugdigen in zorg zijn waarden: ze volgen uit de voorraadberekening',
  'per maand (instroom, uitstroom = voorraad ÷ trajectduur), die geen celformule is; wijzig die in het scenario.',
  // last: only with realised years
  'Realisatiejaren: de gerealiseerde lasten als waarde (cursief, "realisatie").',
];

/** The Aannames sheet as it is written, row by row. */
class AannamesSheet {
  private readonly ws: Worksheet;
  private readonly sourceCol: number;
  private row = HEADER_ROWS + 1;
  /** segment id → name, for substitution and prevention rows */
  private readonly names: Map<string, string>;

  constructor(
    wb: ExcelJS.Workbook,
    private readonly ctx: Context,
  ) {
    this.sourceCol = ctx.lastYearCol + 1;
    this.ws = newSheet(wb, ctx, SHEETS.aannames, 'Aannames per segment, substitutie en Rijksmiddelen', [
      { header: 'Bron', width: SOURCE_WIDTH },
    ]);
    this.ws.getColumn(1).width = LABEL_WIDTH;
    this.ws.getColumn(2).width = UNIT_WIDTH;
    // Percentages, prices and volumes; amounts × € 1.000 are short, whole euros need a little more.
    ctx.years.forEach((_, k) => (this.ws.getColumn(ctx.yearCol(k)).width = ctx.unit === 'euro' ? 13 : 12));
    yearHeader(this.ws, ctx, 'Aanname', 'Eenheid', ['Bron / toelichting']);
    this.names = new Map(ctx.input.model.segments.map((x) => [x.id, x.name]));
  }

  /** The unit of an amount row in the chosen unit. */
  private get moneyUnit(): string {
    return this.ctx.unit === 'euro' ? '€' : '× € 1.000';
  }

  /** One scenario's block: segments, substitution, Rijksmiddelen and prevention; where its lines and baten stand. */
  scenario(s: BijlageScenario, si: number): AannamesRefs {
    const { ctx, ws } = this;
    const sc = s.scenario;
    if (si > 0) this.row++;
    blockTitle(ws, ctx, this.row++, scenarioTitle(s, si, ctx.input.scenarios.length), this.sourceCol);
    if (sc.description) {
      // Over the whole width, wrapped (the row height follows in kit/print.ts): a long description
      // on one line ran far past the last column and shrank the printed page to a third.
      setText(ws.getCell(this.row, 1), citeSource(sc.description));
      applyStyle(ws.getCell(this.row, 1), noteStyle);
      ws.mergeCells(this.row, 1, this.row, this.sourceCol);
      this.row++;
    }
    const lineRows = this.segments(s);
    this.substitutions(s);
    this.policies(s);
    const funding = this.funding(s);
    const knownRows = this.knownChanges(s);
    const preventionRow = this.prevention(s);
    // A line beyond the model's segments is a bekende ontwikkeling on the lasten side or the prevention budget
    // (simulate appends them).
    s.result.lines.forEach((line, l) => {
      if (lineRows[l] !== undefined) return;
      const known = line.kind === 'budget' && line.origin === 'known-change' ? line.knownChange : undefined;
      const row = known !== undefined ? knownRows.get(known) : preventionRow;
      if (row !== undefined) lineRows[l] = row;
    });
    return { lineRows, ...funding };
  }

  /**
   * Each bekende ontwikkeling switched on, as its own line with its source (issue 11, item 2); returns the row
   * of each (the lasten lines of Samenvatting refer to them).
   */
  private knownChanges(s: BijlageScenario): Map<string, number> {
    const rows = new Map<string, number>();
    const changes = s.result.knownChanges ?? [];
    if (changes.length === 0) return rows;
    const { ctx, ws } = this;
    const unit = this.moneyUnit;
    this.row++;
    label(ws, this.row++, 'Bekende ontwikkelingen (aan in dit scenario)', sectionStyle);
    for (const c of changes) {
      const range = c.range ? `; bandbreedte ${formatNum(c.range.lowPct)}% tot +${formatNum(c.range.highPct)}%` : '';
      const row = this.valueRow(
        `Bekende ontwikkeling ${c.kind}, ${c.side}: ${c.name}`,
        unit,
        c.years.map((v) => ctx.printed(v)),
        ctx.amountFmt,
        `${c.source}${c.estimate ? ' — schatting' : ''}${range}`,
      );
      rows.set(c.id, row);
    }
    return rows;
  }

  private segments(s: BijlageScenario): number[] {
    const { ctx, ws } = this;
    const sc = s.scenario;
    const lineRows: number[] = [];
    label(ws, this.row++, 'Segmenten (bedragen en volumes voor de hele regio)', sectionStyle);
    const realised = s.result.totals.some((t) => t.kind === 'realisatie');
    for (const text of realised ? CHAIN_NOTE : CHAIN_NOTE.slice(0, -1)) {
      const note = ws.getCell(this.row++, 1);
      setText(note, text);
      applyStyle(note, { ...noteStyle, alignment: { wrapText: false } });
    }
    ctx.input.model.segments.forEach((seg, l) => {
      const line = s.result.lines[l]!;
      const a = sc.assumptions[seg.id];
      label(ws, this.row, `${seg.name} (${seg.id})`, { font: { ...bodyFont, bold: true } }, 1);
      code(ws, this.row, seg.taakveld ?? 'n.t.');
      this.source(this.row, baseSource(seg));
      this.row++;
      if (seg.kind === 'volume' && line.kind === 'volume') {
        lineRows[l] = this.volume(seg, line, a);
      } else {
        this.pctRow('Bedrag: wijziging per jaar', a?.amountChangePct, a?.source ? `Aanname: ${a.source}` : undefined);
        const realised = line.years.filter((y) => y.kind === 'realisatie').map((y) => y.year);
        lineRows[l] = this.valueRow(
          realised.length > 0 ? `Bedrag (lasten; ${realisedYears(realised)}: realisatie)` : 'Bedrag (lasten)',
          this.moneyUnit,
          line.years.map((y) => ctx.printed(y.cost)),
          ctx.amountFmt,
        );
        this.markRealised(lineRows[l], line.years);
      }
    });
    return lineRows;
  }

  /** Realised years' lasten: values, in italics (the label says "realisatie"). */
  private markRealised(row: number, years: readonly { kind: string }[]): void {
    years.forEach((y, k) => {
      if (y.kind === 'realisatie') this.ws.getCell(row, this.ctx.yearCol(k)).font = { ...bodyFont, italic: true };
    });
  }

  /** A volume segment's rows; returns the row of its lasten (the formula cliëntmaanden × intensiteit × tarief). */
  private volume(
    seg: Extract<Segment, { kind: 'volume' }>,
    line: VolumeLineResult,
    asm: SegmentAssumption | undefined,
  ): number {
    const { ctx, ws } = this;
    // The scenario's source for this segment's assumptions, once (it covers all four paths).
    const assumptionSource = asm?.source ? `Aanname: ${asm.source}` : undefined;
    const ys = line.years;
    this.pctRow('Instroom: wijziging per jaar', asm?.inflowChangePct, assumptionSource);
    if (ys.some((y) => y.preventionPct !== undefined)) {
      const row = this.row;
      label(ws, row, 'Instroom: lager door preventie', undefined, 2);
      code(ws, row, '%');
      ys.forEach((y, k) => number(ws, row, ctx.yearCol(k), -(y.preventionPct ?? 0) / 100, FMT_PCT_CHANGE));
      this.source(row, 'zie Preventie hieronder');
      this.row++;
    }
    this.valueRow(
      'Instroom (jeugdigen per jaar, vóór substitutie)',
      'per jaar',
      ys.map((y) => y.inflowBeforeSubstitution),
      FMT_DECIMAL,
      `Basis ${formatNum(seg.inflowPerYear)} per jaar`,
    );
    if (ys.some((y) => Math.abs(y.inflow - y.inflowBeforeSubstitution) > 1e-9)) {
      this.valueRow(
        'Instroom na substitutie',
        'per jaar',
        ys.map((y) => y.inflow),
        FMT_DECIMAL,
      );
    }
    this.pctRow('Trajectduur: wijziging per jaar', asm?.durationChangePct);
    this.valueRow(
      'Gemiddelde trajectduur',
      'maanden',
      ys.map((y) => y.durationMonths),
      FMT_DECIMAL,
      `Basis ${formatNum(seg.avgDurationMonths)} maanden`,
    );
    this.pctRow('Intensiteit: wijziging per jaar', asm?.intensityChangePct);
    const unitsRow = this.valueRow(
      `Intensiteit (${seg.unit} per cliëntmaand)`,
      seg.unit,
      ys.map((y) => y.unitsPerClientMonth),
      FMT_DECIMAL,
    );
    this.pctRow('Tarief: wijziging per jaar', asm?.priceIndexPct);
    const priceRow = this.valueRow(
      `Tarief per ${seg.unit}`,
      '€',
      ys.map((y) => y.pricePerUnit),
      FMT_PRICE,
      `Basis ${formatEuroCents(seg.pricePerUnit)}`,
    );
    const monthsRow = this.valueRow(
      'Cliëntmaanden (berekend, waarde: voorraadberekening per maand)',
      'maanden',
      ys.map((y) => y.clientMonths),
      FMT_INTEGER,
    );
    this.valueRow(
      'Jeugdigen in zorg op 31 december (berekend)',
      'aantal',
      ys.map((y) => y.clientsEnd),
      FMT_INTEGER,
    );
    const costRow = this.row++;
    const realised = ys.filter((y) => y.kind === 'realisatie').map((y) => y.year);
    label(
      ws,
      costRow,
      realised.length > 0
        ? `Lasten = cliëntmaanden × intensiteit × tarief (${realisedYears(realised)}: realisatie, waarde)`
        : 'Lasten = cliëntmaanden × intensiteit × tarief',
      undefined,
      2,
    );
    code(ws, costRow, this.moneyUnit);
    ys.forEach((y, k) => {
      const col = ctx.yearCol(k);
      if (y.kind === 'realisatie') {
        number(ws, costRow, col, ctx.printed(y.cost), ctx.amountFmt);
        return;
      }
      const c = colLetter(col);
      const product = `${c}${monthsRow}*${c}${unitsRow}*${c}${priceRow}`;
      // The cached value is what the formula gives: the cells' own values multiplied as the engine does.
      const value = cellNumber(ws, monthsRow, col) * cellNumber(ws, unitsRow, col) * cellNumber(ws, priceRow, col);
      const expr = ctx.unit === 'euro' ? product : `${product}/1000`;
      formula(ws, costRow, col, ctx.printedFormula(expr), ctx.asPrinted(ctx.money(value)), ctx.amountFmt);
    });
    this.markRealised(costRow, ys);
    if (seg.calibration) {
      const c = seg.calibration;
      label(
        ws,
        this.row,
        `Gekalibreerd op ${c.year}: ${formatNum(c.clients)} jeugdigen, omzet ${formatEuro(c.turnover)}`,
        { font: { ...bodyFont, italic: true } },
        2,
      );
      this.source(this.row, c.source);
      this.row++;
    }
    return costRow;
  }

  private substitutions(s: BijlageScenario): void {
    const sc = s.scenario;
    this.row++;
    label(this.ws, this.row++, 'Substitutie (verschuiving van instroom tussen segmenten)', sectionStyle);
    if (sc.substitutions.length === 0) {
      label(this.ws, this.row++, 'Geen substitutie in dit scenario.', undefined, 1);
    }
    for (const rule of sc.substitutions) {
      this.pctRow(
        `Van ${this.names.get(rule.from) ?? rule.from} naar ${this.names.get(rule.to) ?? rule.to}: deel van de instroom`,
        rule.sharePct,
        rule.source,
      );
      // sharePct is a share per year, not a compounding change: show it as is (including the base year column empty).
    }
  }

  /** Beleidsmaatregelen: per measure its realisatie and, per segment, the intended and the counted yearly %. */
  private policies(s: BijlageScenario): void {
    const policies = s.scenario.policies;
    if (!policies || policies.length === 0) return;
    const { ws } = this;
    this.row++;
    label(
      ws,
      this.row++,
      'Beleidsmaatregelen (telt: realisatie × beoogd effect, bovenop de wijzigingen per segment hierboven)',
      sectionStyle,
    );
    for (const p of policies) {
      const range = p.ranges?.realisatiePct;
      label(
        ws,
        this.row,
        `${p.name}: realisatie ${formatNum(p.realisatiePct)}%${range ? ` (bandbreedte ${formatNum(range.low)}–${formatNum(range.high)}%)` : ''}`,
        { font: { ...bodyFont, bold: true } },
        1,
      );
      this.source(this.row, p.source);
      this.row++;
      for (const [segmentId, effect] of Object.entries(p.effects)) {
        for (const field of POLICY_EFFECT_FIELDS) {
          const map = effect[field];
          if (!map) continue;
          const what = `${this.names.get(segmentId) ?? segmentId}, ${POLICY_FIELD_WORDS[field]}`;
          this.pctRow(`${what}: beoogd per jaar`, map);
          this.pctRow(`${what}: telt bij ${formatNum(p.realisatiePct)}%`, realisedMap(map, p.realisatiePct));
        }
      }
      for (const rule of p.substitutions) {
        const what = `Van ${this.names.get(rule.from) ?? rule.from} naar ${this.names.get(rule.to) ?? rule.to}: deel van de instroom`;
        this.pctRow(`${what} (beoogd)`, rule.sharePct);
        this.pctRow(`${what} (telt bij ${formatNum(p.realisatiePct)}%)`, realisedMap(rule.sharePct, p.realisatiePct));
      }
      if (p.realisatieSource) {
        label(ws, this.row, 'Waarom deze realisatie', { font: { ...bodyFont, italic: true } }, 2);
        this.source(this.row, p.realisatieSource);
        this.row++;
      }
    }
  }

  private funding(s: BijlageScenario): Pick<AannamesRefs, 'fundingRows' | 'fundingTotalRow'> {
    const { ctx } = this;
    const { model } = ctx.input;
    const sc = s.scenario;
    const unit = this.moneyUnit;
    this.row++;
    label(this.ws, this.row++, 'Rijksmiddelen (baten, hele regio)', sectionStyle);
    const index: Record<string, number> = { ...model.funding.indexPct, ...sc.funding.indexPct };
    const fundingSrc = [model.funding.source, model.funding.estimate ? 'schatting' : undefined]
      .filter(Boolean)
      .join(' — ');
    this.pctRow(
      'Index (structureel, stapelt jaar op jaar)',
      index,
      [fundingSrc, sc.funding.source].filter(Boolean).join(' | ') || undefined,
    );
    const fundingRows: AannamesRefs['fundingRows'] = new Map();
    const baselineRow = this.valueRow(
      'Structureel: basisbedrag met index',
      unit,
      s.result.totals.map((t) => ctx.printed(t.fundingBaseline)),
      ctx.amountFmt,
      `Basisbedrag ${formatEuro(model.funding.baseAmount)} in ${model.baseYear}`,
    );
    fundingRows.set('baseline', baselineRow);
    const adjustmentRow = this.valueRow(
      'Incidenteel: eenmalige bijstellingen',
      unit,
      s.result.totals.map((t) => ctx.printed(t.fundingAdjustment)),
      ctx.amountFmt,
      sc.funding.source,
    );
    fundingRows.set('adjustment', adjustmentRow);
    const shareSource = model.funding.nationalShare
      ? [model.funding.nationalShare.source, model.funding.nationalShare.estimate ? 'schatting' : undefined]
          .filter(Boolean)
          .join(' — ')
      : undefined;
    (s.result.fundingMeasures ?? []).forEach((m, i) => {
      this.valueRow(
        `Rijksmaatregel ${m.kind}: ${m.name} (landelijk)`,
        unit,
        m.national.map((v) => ctx.printed(v)),
        ctx.amountFmt,
        m.source,
      );
      const regionRow = this.valueRow(
        `Rijksmaatregel ${m.kind}: ${m.name} (regio, aandeel ${formatNum(m.nationalShare * 100)}%)`,
        unit,
        m.years.map((v) => ctx.printed(v)),
        ctx.amountFmt,
        shareSource,
      );
      fundingRows.set(i, regionRow);
    });
    // The region's Rijksmiddelen: a formula over the rows above (Per gemeente splits it by the funding key).
    const totalRow = this.row++;
    const rows = [...fundingRows.values()];
    label(this.ws, totalRow, 'Totaal Rijksmiddelen (regio)', { font: { ...bodyFont, bold: true } }, 2);
    code(this.ws, totalRow, unit);
    ctx.years.forEach((_, k) => {
      const col = ctx.yearCol(k);
      const c = colLetter(col);
      const cached = ctx.rounds
        ? rows.reduce((t, r) => t + cellNumber(this.ws, r, col), 0)
        : ctx.money(s.result.totals[k]!.funding);
      formula(this.ws, totalRow, col, rows.map((r) => `${c}${r}`).join('+'), cached, ctx.amountFmt);
    });
    return { fundingRows, fundingTotalRow: totalRow };
  }

  /** The prevention block; returns the row of the extra budget (the prevention line's lasten). */
  private prevention(s: BijlageScenario): number | undefined {
    const p = s.scenario.prevention;
    if (!p) return undefined;
    const { ctx, ws } = this;
    this.row++;
    label(ws, this.row++, 'Preventie: extra transformatiebudget en verwacht effect (aanname)', sectionStyle);
    const budgetRow = this.valueRow(
      p.name ?? 'Extra transformatiebudget',
      this.moneyUnit,
      ctx.years.map((y) => ctx.printed(p.extraBudget[String(y)] ?? 0)),
      ctx.amountFmt,
      p.source,
    );
    for (const e of p.effects) {
      label(
        ws,
        this.row,
        `Effect op ${this.names.get(e.segment) ?? e.segment}: ${formatNum(e.inflowPctPer100k)}% minder instroom per € 100.000, na ${e.lagYears} jaar, hoogstens ${formatNum(e.maxPct)}%`,
        undefined,
        2,
      );
      this.source(this.row, e.source);
      this.row++;
    }
    return budgetRow;
  }

  /** The base figures of the gemeenten behind the verdeelsleutels (after all scenarios). */
  gemeenten(): void {
    const { ctx, ws, sourceCol } = this;
    this.row++;
    // On a page of its own: under the repeated year header its columns (gemeente, jeugdigen, aandeel)
    // would otherwise seem to be years, with its own header a page back.
    pageBreakBefore(ws, this.row);
    label(ws, this.row++, 'Gemeenten: basisgegevens voor de verdeelsleutels', sectionStyle);
    const head = this.row++;
    ['Gemeente', 'Jeugdigen 0–17', 'Aandeel Rijksmiddelen'].forEach((h, i) => {
      const c = ws.getCell(head, i + 1);
      setText(c, h);
      applyStyle(c, headerStyle);
    });
    setText(ws.getCell(head, sourceCol), 'Bron');
    applyStyle(ws.getCell(head, sourceCol), headerStyle);
    const shares = ctx.input.scenarios[0]!.result.gemeenten;
    for (const g of ctx.input.model.gemeenten) {
      const row = this.row;
      label(ws, row, g.name, undefined, 1);
      number(ws, row, 2, g.youth0to17, FMT_INTEGER);
      const share = shares.find((x) => x.id === g.id)?.fundingShare ?? g.fundingShare;
      if (share !== undefined) number(ws, row, 3, share, FMT_SHARE);
      this.source(
        row,
        [
          g.source,
          g.fundingShare === undefined ? 'aandeel Rijksmiddelen = aandeel jeugdigen' : undefined,
          g.estimate ? 'schatting' : undefined,
        ]
          .filter(Boolean)
          .join(' — ') || undefined,
      );
      this.row++;
    }
  }

  private source(r: number, raw: string | undefined): void {
    const c = this.ws.getCell(r, this.sourceCol);
    // Cited by title, table and year: an older stored model may still name a file (sources.ts rewrites it).
    const text = citeSource(raw);
    setText(c, text);
    // Wrapped (noteStyle); kit/print.ts gives the row the height of the wrapped text.
    applyStyle(c, noteStyle);
  }

  /** A row of yearly percentage changes; the base year is the model's own figure. */
  private pctRow(text: string, map: Record<string, number> | undefined, src?: string): void {
    const { ctx, ws, row } = this;
    label(ws, row, text, undefined, 2);
    code(ws, row, '%');
    ctx.years.forEach((y, k) => {
      if (k === 0) return;
      number(ws, row, ctx.yearCol(k), (map?.[String(y)] ?? 0) / 100, FMT_PCT_CHANGE);
    });
    this.source(row, src);
    this.row++;
  }

  /** A row of values per year; returns its row. */
  private valueRow(text: string, unit: string, values: number[], fmt: string, src?: string): number {
    const { ws, row } = this;
    label(ws, row, text, undefined, 2);
    code(ws, row, unit);
    values.forEach((v, k) => number(ws, row, this.ctx.yearCol(k), v, fmt));
    this.source(row, src);
    this.row++;
    return row;
  }
}

/** "2022–2024" or "2024". */
function realisedYears(years: readonly number[]): string {
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

const POLICY_FIELD_WORDS: Record<PolicyEffectField, string> = {
  inflowChangePct: 'instroom',
  durationChangePct: 'trajectduur',
  intensityChangePct: 'intensiteit',
  amountChangePct: 'bedrag',
};

function realisedMap(map: Readonly<Record<string, number>>, realisatiePct: number): Record<string, number> {
  return Object.fromEntries(Object.entries(map).map(([y, v]) => [y, realisedPct(v, realisatiePct)]));
}

function baseSource(seg: Segment): string | undefined {
  const parts = [seg.source, seg.estimate ? 'schatting' : undefined, seg.note].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' — ') : undefined;
}
