/**
 * The begrotingsbijlage workbook: Samenvatting, Per gemeente, Taakvelden,
 * Aannames, Scenariovergelijking (more than one scenario), Mutaties (with a reference) and Toelichting.
 *
 * Every amount is the engine's (simulate); totals and saldi are formulas over
 * the cells above them, with the engine's value as the cached result, so an
 * auditor can trace them and a viewer that does not recalculate still shows
 * the app's numbers. Several scenarios are stacked as blocks on the same
 * sheets (same year columns), which lets Scenariovergelijking refer to the
 * saldo cells of Samenvatting by formula.
 *
 * This module only assembles the workbook: the sheet-writing kit is in kit/,
 * each sheet in its own module in sheets/.
 */
import ExcelJS from 'exceljs';
import { Context, SHEETS, type BijlageInput, type SummaryRefs } from './kit/context';
import { buildSamenvatting } from './sheets/samenvatting';
import { buildPerGemeente } from './sheets/perGemeente';
import { buildTaakvelden } from './sheets/taakvelden';
import { buildAannames } from './sheets/aannames';
import { buildVergelijking } from './sheets/vergelijking';
import { buildOnzekerheid } from './sheets/onzekerheid';
import { buildGevoeligheid } from './sheets/gevoeligheid';
import { buildToelichting } from './sheets/toelichting';
import { buildMutaties } from './sheets/mutaties';
import { fitText } from './kit/print';

export type { BijlageAnalysis, BijlageInput, BijlageMutaties, BijlageScenario } from './kit/context';

export function buildBijlage(input: BijlageInput): ExcelJS.Workbook {
  if (input.scenarios.length === 0) throw new Error('geen scenario om te exporteren');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jeugdplanner';
  wb.created = input.generatedAt;
  wb.modified = input.generatedAt;
  // Excel recalculates every formula on opening; the cached values are the engine's.
  wb.calcProperties = { fullCalcOnLoad: true };

  const ctx = new Context(input);
  // Written in the order of the chain, so each formula's cached value is that of the cells it refers
  // to; shown in reading order (SHEET_ORDER). Region: Aannames → Samenvatting → Per gemeente (region line
  // × sleutel); a gemeente: Aannames → Per gemeente → Samenvatting (its own lines). Then Taakvelden.
  const aannames = buildAannames(wb, ctx);
  let refs: SummaryRefs[];
  if (input.scope.kind === 'region') {
    refs = buildSamenvatting(wb, ctx, aannames, []);
    buildPerGemeente(wb, ctx, aannames, refs);
  } else {
    refs = buildSamenvatting(wb, ctx, aannames, buildPerGemeente(wb, ctx, aannames));
  }
  buildTaakvelden(wb, ctx, refs);
  if (input.scenarios.length > 1) buildVergelijking(wb, ctx, refs);
  // the mutatieoverzicht is the region's (the engine splits only amounts, not the steps, over gemeenten)
  if (input.mutaties && input.scope.kind === 'region') buildMutaties(wb, ctx);
  if (input.analysis?.montecarlo) buildOnzekerheid(wb, ctx, refs, input.analysis.montecarlo);
  if (input.analysis?.tornado) buildGevoeligheid(wb, ctx, input.analysis.tornado);
  buildToelichting(wb, ctx);
  SHEET_ORDER.forEach((name, i) => {
    // ExcelJS orders wb.worksheets (and so the written workbook) by orderNo; its typings omit the field.
    const ws = wb.getWorksheet(name) as unknown as { orderNo: number } | undefined;
    if (ws) ws.orderNo = i + 1;
  });
  // Last, over whatever the sheets wrote: wrap what would be cut off and give those rows their height.
  wb.eachSheet((ws) => fitText(ws));
  return wb;
}

/** The reading order of the sheets (the order they are written in follows the chain of formulas). */
const SHEET_ORDER = [
  SHEETS.samenvatting,
  SHEETS.perGemeente,
  SHEETS.taakvelden,
  SHEETS.aannames,
  SHEETS.vergelijking,
  SHEETS.mutaties,
  SHEETS.onzekerheid,
  SHEETS.gevoeligheid,
  SHEETS.toelichting,
];
