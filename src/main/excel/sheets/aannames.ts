/**
 * Aannames: per scenario every assumption per segment per year (the change in
 * percent and the value that follows from it), the substitution between
 * segments, the path of the Rijksmiddelen and the prevention budget; then the
 * gemeenten's base figures for the verdeelsleutels. Every base figure names
 * its source in the last column.
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { Segment } from '../../../shared/formats/model';
import type { SegmentAssumption } from '../../../shared/formats/scenario';
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
import { HEADER_ROWS, SHEETS, type BijlageScenario, type Context } from '../kit/context';
import { code, formatNum, label, number } from '../kit/cells';
import { blockTitle, newSheet, scenarioTitle, yearHeader } from '../kit/sheet';

/** Width (characters) of the Bron column on Aannames. */
const SOURCE_WIDTH = 60;

export function buildAannames(wb: ExcelJS.Workbook, ctx: Context): void {
  const sheet = new AannamesSheet(wb, ctx);
  ctx.input.scenarios.forEach((s, si) => sheet.scenario(s, si));
  sheet.gemeenten();
}

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
    yearHeader(this.ws, ctx, 'Aanname', 'Eenheid', ['Bron / toelichting']);
    this.names = new Map(ctx.input.model.segments.map((x) => [x.id, x.name]));
  }

  /** The unit of an amount row in the chosen unit. */
  private get moneyUnit(): string {
    return this.ctx.unit === 'euro' ? '€' : '× € 1.000';
  }

  /** One scenario's block: segments, substitution, Rijksmiddelen and prevention. */
  scenario(s: BijlageScenario, si: number): void {
    const { ctx, ws } = this;
    const sc = s.scenario;
    if (si > 0) this.row++;
    blockTitle(ws, ctx, this.row++, scenarioTitle(s, si, ctx.input.scenarios.length), this.sourceCol);
    if (sc.description) {
      setText(ws.getCell(this.row, 1), citeSource(sc.description));
      applyStyle(ws.getCell(this.row++, 1), { ...noteStyle, alignment: { wrapText: false } });
    }
    this.segments(s);
    this.substitutions(s);
    this.funding(s);
    this.knownChanges(s);
    this.prevention(s);
  }

  /** Each bekende ontwikkeling switched on, as its own line with its source (issue 11, item 2). */
  private knownChanges(s: BijlageScenario): void {
    const changes = s.result.knownChanges ?? [];
    if (changes.length === 0) return;
    const { ctx, ws } = this;
    const unit = this.moneyUnit;
    this.row++;
    label(ws, this.row++, 'Bekende ontwikkelingen (aan in dit scenario)', sectionStyle);
    for (const c of changes) {
      const range = c.range ? `; bandbreedte ${formatNum(c.range.lowPct)}% tot +${formatNum(c.range.highPct)}%` : '';
      this.valueRow(
        `Bekende ontwikkeling ${c.kind}, ${c.side}: ${c.name}`,
        unit,
        c.years.map((v) => ctx.printed(v)),
        ctx.amountFmt,
        `${c.source}${c.estimate ? ' — schatting' : ''}${range}`,
      );
    }
  }

  private segments(s: BijlageScenario): void {
    const { ctx, ws } = this;
    const sc = s.scenario;
    label(ws, this.row++, 'Segmenten (bedragen en volumes voor de hele regio)', sectionStyle);
    ctx.input.model.segments.forEach((seg, l) => {
      const line = s.result.lines[l]!;
      const a = sc.assumptions[seg.id];
      label(ws, this.row, `${seg.name} (${seg.id})`, { font: { ...bodyFont, bold: true } }, 1);
      code(ws, this.row, seg.taakveld ?? 'n.t.');
      this.source(this.row, baseSource(seg));
      this.row++;
      if (seg.kind === 'volume' && line.kind === 'volume') {
        this.volume(seg, line, a);
      } else {
        this.pctRow('Bedrag: wijziging per jaar', a?.amountChangePct, a?.source ? `Aanname: ${a.source}` : undefined);
        this.valueRow(
          'Bedrag (lasten)',
          this.moneyUnit,
          line.years.map((y) => ctx.printed(y.cost)),
          ctx.amountFmt,
        );
      }
    });
  }

  private volume(
    seg: Extract<Segment, { kind: 'volume' }>,
    line: VolumeLineResult,
    asm: SegmentAssumption | undefined,
  ): void {
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
    this.valueRow(
      `Intensiteit (${seg.unit} per cliëntmaand)`,
      seg.unit,
      ys.map((y) => y.unitsPerClientMonth),
      FMT_DECIMAL,
    );
    this.pctRow('Tarief: wijziging per jaar', asm?.priceIndexPct);
    this.valueRow(
      `Tarief per ${seg.unit}`,
      '€',
      ys.map((y) => y.pricePerUnit),
      FMT_PRICE,
      `Basis ${formatEuroCents(seg.pricePerUnit)}`,
    );
    this.valueRow(
      'Cliëntmaanden (berekend)',
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
    this.valueRow(
      'Lasten (berekend)',
      this.moneyUnit,
      ys.map((y) => ctx.printed(y.cost)),
      ctx.amountFmt,
    );
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

  private funding(s: BijlageScenario): void {
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
    this.valueRow(
      'Structureel: basisbedrag met index',
      unit,
      s.result.totals.map((t) => ctx.printed(t.fundingBaseline)),
      ctx.amountFmt,
      `Basisbedrag ${formatEuro(model.funding.baseAmount)} in ${model.baseYear}`,
    );
    this.valueRow(
      'Incidenteel: eenmalige bijstellingen',
      unit,
      s.result.totals.map((t) => ctx.printed(t.fundingAdjustment)),
      ctx.amountFmt,
      sc.funding.source,
    );
    const shareSource = model.funding.nationalShare
      ? [model.funding.nationalShare.source, model.funding.nationalShare.estimate ? 'schatting' : undefined]
          .filter(Boolean)
          .join(' — ')
      : undefined;
    for (const m of s.result.fundingMeasures ?? []) {
      this.valueRow(
        `Rijksmaatregel ${m.kind}: ${m.name} (landelijk)`,
        unit,
        m.national.map((v) => ctx.printed(v)),
        ctx.amountFmt,
        m.source,
      );
      this.valueRow(
        `Rijksmaatregel ${m.kind}: ${m.name} (regio, aandeel ${formatNum(m.nationalShare * 100)}%)`,
        unit,
        m.years.map((v) => ctx.printed(v)),
        ctx.amountFmt,
        shareSource,
      );
    }
  }

  private prevention(s: BijlageScenario): void {
    const p = s.scenario.prevention;
    if (!p) return;
    const { ctx, ws } = this;
    this.row++;
    label(ws, this.row++, 'Preventie: extra transformatiebudget en verwacht effect (aanname)', sectionStyle);
    this.valueRow(
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
  }

  /** The base figures of the gemeenten behind the verdeelsleutels (after all scenarios). */
  gemeenten(): void {
    const { ctx, ws, sourceCol } = this;
    this.row++;
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
    applyStyle(c, noteStyle);
    // Wrapped, with the row height set here: not every viewer grows rows for wrapped text, and
    // text spilling past the last column would shrink the whole page when printed fit-to-width.
    if (text) {
      const lines = text.split('\n').reduce((t, l) => t + Math.max(1, Math.ceil(l.length / (SOURCE_WIDTH * 1.15))), 0);
      if (lines > 1) this.ws.getRow(r).height = Math.min(409, Math.max(this.ws.getRow(r).height ?? 0, lines * 12.5));
    }
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

  private valueRow(text: string, unit: string, values: number[], fmt: string, src?: string): void {
    const { ws, row } = this;
    label(ws, row, text, undefined, 2);
    code(ws, row, unit);
    values.forEach((v, k) => number(ws, row, this.ctx.yearCol(k), v, fmt));
    this.source(row, src);
    this.row++;
  }
}

function baseSource(seg: Segment): string | undefined {
  const parts = [seg.source, seg.estimate ? 'schatting' : undefined, seg.note].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' — ') : undefined;
}
