/**
 * The begrotingsbijlage workbook: Samenvatting, Per gemeente, Taakvelden,
 * Aannames, Scenariovergelijking (more than one scenario) and Toelichting.
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
import { Context, type BijlageInput } from './kit/context';
import { buildSamenvatting } from './sheets/samenvatting';
import { buildPerGemeente } from './sheets/perGemeente';
import { buildTaakvelden } from './sheets/taakvelden';
import { buildAannames } from './sheets/aannames';
import { buildVergelijking } from './sheets/vergelijking';
import { buildOnzekerheid } from './sheets/onzekerheid';
import { buildGevoeligheid } from './sheets/gevoeligheid';
import { buildToelichting } from './sheets/toelichting';
import { fitText } from './kit/print';

export type { BijlageAnalysis, BijlageInput, BijlageScenario } from './kit/context';

export function buildBijlage(input: BijlageInput): ExcelJS.Workbook {
  if (input.scenarios.length === 0) throw new Error('geen scenario om te exporteren');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jeugdplanner';
  wb.created = input.generatedAt;
  wb.modified = input.generatedAt;
  // Excel recalculates every formula on opening; the cached values are the engine's.
  wb.calcProperties = { fullCalcOnLoad: true };

  const ctx = new Context(input);
  const refs = buildSamenvatting(wb, ctx);
  buildPerGemeente(wb, ctx);
  buildTaakvelden(wb, ctx, refs);
  buildAannames(wb, ctx);
  if (input.scenarios.length > 1) buildVergelijking(wb, ctx, refs);
  if (input.analysis?.montecarlo) buildOnzekerheid(wb, ctx, refs, input.analysis.montecarlo);
  if (input.analysis?.tornado) buildGevoeligheid(wb, ctx, input.analysis.tornado);
  buildToelichting(wb, ctx);
  // Last, over whatever the sheets wrote: wrap what would be cut off and give those rows their height.
  wb.eachSheet((ws) => fitText(ws));
  return wb;
}
