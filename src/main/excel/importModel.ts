/**
 * Reads a filled-in budget template (template.ts) into a model. Every problem
 * is collected — sheet, cell, value, in Dutch — and reported at once; the
 * model is returned only when there are none, so the caller saves nothing
 * half-read. Decisions for odd files (also in the Instructies sheet):
 * - a formula in a cell: its cached (computed) value is used, with a notice
 *   per cell; a formula without a cached value is refused;
 * - merged cells on a data sheet: refused (which cell holds the value?);
 * - extra sheets and unknown columns: ignored, with a notice;
 * - empty rows: skipped.
 *
 * This module is the entry: the sheets in order, then the model schema. Cells are
 * read by import/cells.ts and import/tables.ts, each sheet's meaning is in its own
 * module under import/, and import/origins.ts keeps the cell each model field
 * came from, to name it in the schema's messages.
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { MODEL_FORMAT, type Model } from '../../shared/formats/model';
import { parseModel } from '../../shared/formats/validate';
import { makeIssue, type ValidationIssue } from '../../shared/formats/issues';
import { checkWorkbookBytes, WorkbookRefused } from './zipGuard';
import { MAX_TEMPLATE_ROWS, MODEL_FIELDS, TEMPLATE_SHEETS } from './templateLayout';
import { CellReader } from './import/cells';
import { Origins, type Reading } from './import/origins';
import { readKeyValues } from './import/tables';
import { readSegments } from './import/segments';
import { readGemeenten } from './import/gemeenten';
import { readFunding } from './import/funding';
import { readUsage } from './import/usage';
import { readCalibration } from './import/calibration';
import { readRealisatie } from './import/realisatie';
import { readKnownChanges } from './import/knownChanges';

export type ImportResult =
  { ok: true; model: Model; notices: string[] } | { ok: false; issues: ValidationIssue[]; notices: string[] };

export async function importModelWorkbook(data: Uint8Array, fileName?: string): Promise<ImportResult> {
  try {
    checkWorkbookBytes(data, fileName);
  } catch (err) {
    if (err instanceof WorkbookRefused) return { ok: false, issues: [makeIssue('', err.message)], notices: [] };
    throw err;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      issues: [makeIssue('', `Het bestand kan niet als Excel-werkmap worden gelezen (${detail.slice(0, 200)}).`)],
      notices: [],
    };
  }
  return new TemplateReader(wb).read();
}

/** Reads the template's sheets in order and checks the result as a model. */
class TemplateReader {
  readonly reader = new CellReader();
  readonly origins = new Origins();
  readonly reading: Reading = { reader: this.reader, origins: this.origins };

  constructor(readonly wb: ExcelJS.Workbook) {}

  error(where: string, problem: string): void {
    this.reader.error(where, problem);
  }

  get issues(): ValidationIssue[] {
    return this.reader.issues;
  }

  read(): ImportResult {
    // a message about a whole list (e.g. more segments than the limit) names its sheet
    this.origins.set('segments', TEMPLATE_SHEETS.segmenten);
    this.origins.set('gemeenten', TEMPLATE_SHEETS.gemeenten);
    const known = new Set<string>(Object.values(TEMPLATE_SHEETS));
    this.wb.eachSheet((ws) => {
      if (!known.has(ws.name))
        this.reader.notices.push(`Blad "${ws.name}" hoort niet bij het sjabloon en is genegeerd.`);
    });
    const sheet = (name: string, required: boolean): Worksheet | undefined => {
      const ws = this.wb.getWorksheet(name);
      if (!ws) {
        if (required) this.error(name, `het blad "${name}" ontbreekt; gebruik het sjabloon uit Jeugdplanner`);
        return undefined;
      }
      if (ws.rowCount > MAX_TEMPLATE_ROWS + 1)
        this.error(name, `${ws.rowCount} rijen; hoogstens ${MAX_TEMPLATE_ROWS} zijn toegestaan`);
      const merges = (ws.model as { merges?: string[] }).merges ?? [];
      if (merges.length > 0) {
        this.error(
          `${name}!${merges[0]}`,
          `samengevoegde cellen (${merges.slice(0, 5).join(', ')}${merges.length > 5 ? ', …' : ''}) zijn niet toegestaan; maak de samenvoeging ongedaan`,
        );
        return undefined;
      }
      return ws;
    };

    const modelWs = sheet(TEMPLATE_SHEETS.model, true);
    const segWs = sheet(TEMPLATE_SHEETS.segmenten, true);
    const gemWs = sheet(TEMPLATE_SHEETS.gemeenten, true);
    const fundWs = sheet(TEMPLATE_SHEETS.rijksmiddelen, true);
    const usageWs = sheet(TEMPLATE_SHEETS.gebruik, false);
    const calWs = sheet(TEMPLATE_SHEETS.kalibratie, false);
    const realWs = sheet(TEMPLATE_SHEETS.realisatie, false);
    const realFundWs = sheet(TEMPLATE_SHEETS.realisatieRijksmiddelen, false);
    const knownWs = sheet(TEMPLATE_SHEETS.ontwikkelingen, false);
    const knownAmountsWs = sheet(TEMPLATE_SHEETS.ontwikkelingBedragen, false);
    if (this.issues.length > 0) return this.fail();

    const meta = readKeyValues(this.reader, modelWs!, MODEL_FIELDS, (key, where) => this.origins.set(key, where));
    const segments = readSegments(this.reading, segWs!);
    const gemeenten = readGemeenten(this.reading, gemWs!);
    const funding = readFunding(this.reading, fundWs!);
    if (usageWs) readUsage(this.reading, usageWs, segments);
    if (calWs) readCalibration(this.reading, calWs, segments);
    const year = (v: unknown) => (typeof v === 'number' ? v : undefined);
    const realisatie = realWs
      ? readRealisatie(this.reading, realWs, realFundWs, {
          baseYear: year(meta.baseYear),
          endYear: year(meta.endYear),
          segmentIds: segments.map((s) => s.id),
          gemeenten: gemeenten.flatMap((g) =>
            typeof g.id === 'string'
              ? [
                  {
                    id: g.id,
                    ...(typeof g.name === 'string' ? { name: g.name } : {}),
                    ...(typeof g.cbsCode === 'string' ? { cbsCode: g.cbsCode } : {}),
                  },
                ]
              : [],
          ),
        })
      : undefined;
    if (!realWs && realFundWs)
      this.error(
        TEMPLATE_SHEETS.realisatieRijksmiddelen,
        `het blad "${TEMPLATE_SHEETS.realisatie}" ontbreekt (met het laatste gerealiseerde jaar); gebruik het sjabloon uit Jeugdplanner`,
      );

    if (!knownWs && knownAmountsWs)
      this.error(
        TEMPLATE_SHEETS.ontwikkelingBedragen,
        `het blad "${TEMPLATE_SHEETS.ontwikkelingen}" ontbreekt (met de ontwikkelingen zelf); gebruik het sjabloon uit Jeugdplanner`,
      );
    const knownChanges = readKnownChanges(this.reading, knownWs, knownAmountsWs);

    const candidate: Record<string, unknown> = {
      format: MODEL_FORMAT,
      ...meta,
      gemeenten,
      segments: segments.map((s) => s.value),
      funding,
      ...(realisatie ? { realisatie } : {}),
      ...(knownChanges ? { knownChanges } : {}),
    };
    // Duplicate ids are checked here as well: zod skips the model's own refinements while any field is wrong.
    this.checkUnique(
      segments.map((x) => x.value.id),
      'segments',
    );
    this.checkUnique(
      gemeenten.map((x) => x.id),
      'gemeenten',
    );

    // The schema checks run even after reading errors, so everything is listed at once; a cell that
    // already has a reading error is not reported again (its value is missing from the candidate).
    const parsed = parseModel(candidate);
    if (!parsed.ok) {
      const already = new Set(this.issues.map((i) => i.path));
      for (const issue of parsed.issues) {
        const where = this.origins.locate(issue.path);
        if (already.has(where)) continue;
        // "komt al voor bij segments[0]" → name the row instead of the JSON path
        const problem = issue.problem.replace(/\b(segments|gemeenten)\[(\d+)\]/g, (m) => this.origins.get(m) ?? m);
        this.error(where, problem);
      }
    }
    if (this.issues.length > 0 || !parsed.ok) return this.fail();
    return { ok: true, model: parsed.value, notices: this.reader.notices };
  }

  checkUnique(ids: unknown[], field: 'segments' | 'gemeenten'): void {
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      if (typeof id !== 'string') return;
      const j = first.get(id);
      if (j === undefined) first.set(id, i);
      else
        this.error(
          this.origins.locate(`${field}[${i}].id`),
          `${JSON.stringify(id)} komt al voor bij ${this.origins.get(`${field}[${j}]`) ?? `${field}[${j}]`}`,
        );
    });
  }

  fail(): ImportResult {
    return { ok: false, issues: this.issues, notices: this.reader.notices };
  }
}
