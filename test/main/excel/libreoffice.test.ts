import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { exportBijlage } from '../../../src/main/excel/exportBijlage';
import { SHEETS } from '../../../src/main/excel/kit/context';
import { simulate } from '../../../src/shared/engine/simulate';
import { extensionScenario, testModel, testScenarios } from '../../fixtures';
import { readWorkbook, rowsStartingWith, rowsWithLabel } from './helpers';
import { findSoffice, rawNumbers, recalcWithLibreOffice } from './libreoffice';

const soffice = findSoffice();
if (!soffice) {
  console.warn(
    'SKIPPED: LibreOffice (soffice) is not installed, so the exported formulas were NOT recalculated by real spreadsheet software. ' +
      'Install it with: apt-get install libreoffice-calc-nogui (.ci/run does this).',
  );
}

const model = testModel();
const scenarios = [...testScenarios(model), extensionScenario(model)];
const results = scenarios.map((s) => simulate(model, s));
const YEAR_COL = 3;
const SALDO = 'Saldo (baten − lasten; negatief = tekort)';

/** Every formula cell (its cached value, the engine's number, is read raw: ExcelJS drops a result of 0). */
function formulaCells(wb: ExcelJS.Workbook): { sheet: string; address: string }[] {
  const out: { sheet: string; address: string }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push({ sheet: ws.name, address: cell.address });
      }),
    ),
  );
  return out;
}

/** A copy whose cached formula results are all wrong: only a real recalculation can restore them. */
async function poisoned(data: Buffer): Promise<Buffer> {
  const wb = await readWorkbook(data);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, result: -987_654_321 };
      }),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Calc's value of a cell (raw XML: see rawNumbers). */
type Values = Map<string, Map<string, number>>;
function valueAt(values: Values, ws: Worksheet, row: number, col: number): number {
  const address = ws.getCell(row, col).address;
  const v = values.get(ws.name)?.get(address);
  if (v === undefined) throw new Error(`${ws.name}!${address} heeft geen getal`);
  return v;
}

describe.skipIf(!soffice)('exported workbooks recalculated by LibreOffice Calc', async () => {
  // With the analysis sheets: their formulas (references to Samenvatting, cumulative sums) are recalculated too.
  const region = await exportBijlage({
    model,
    scenarios,
    scope: 'region',
    unit: 'euro',
    appVersion: 'test',
    analysis: { montecarlo: { draws: 200, seed: 1 }, tornado: {} },
  });
  const venlo = await exportBijlage({ model, scenarios, scope: 'venlo', unit: 'thousand', appVersion: 'test' });
  const recalculated = soffice
    ? await recalcWithLibreOffice(soffice, [
        { name: 'regio.xlsx', data: region.data },
        { name: 'regio-poisoned.xlsx', data: await poisoned(region.data) },
        { name: 'venlo-poisoned.xlsx', data: await poisoned(venlo.data) },
      ])
    : new Map<string, Buffer>();

  it('recalculates every formula to the engine value within € 1, even when the cached values were wrong', async () => {
    for (const [name, original, perEuro] of [
      ['regio-poisoned.xlsx', region.data, 1],
      ['regio.xlsx', region.data, 1],
      ['venlo-poisoned.xlsx', venlo.data, 1000],
    ] as const) {
      const cached = await rawNumbers(original);
      const cells = formulaCells(await readWorkbook(original)).map((c) => ({
        ...c,
        cached: cached.get(c.sheet)?.get(c.address) ?? NaN,
      }));
      expect(cells.length).toBeGreaterThan(100);
      const lo = await rawNumbers(recalculated.get(name)!);
      for (const c of cells) {
        const got = lo.get(c.sheet)?.get(c.address);
        expect(got, `${name} ${c.sheet}!${c.address}`).toBeDefined();
        expect(
          Math.abs((got! - c.cached) * perEuro),
          `${name} ${c.sheet}!${c.address}: LibreOffice ${got}, engine ${c.cached}`,
        ).toBeLessThanOrEqual(1);
      }
    }
  });

  it('region: every total and saldo computed by Calc equals simulate() within € 1', async () => {
    const data = recalculated.get('regio-poisoned.xlsx')!;
    const wb = await readWorkbook(data);
    const values = await rawNumbers(data);
    const ws = wb.getWorksheet(SHEETS.samenvatting)!;
    const cost = rowsWithLabel(ws, 'Totaal lasten');
    const funding = rowsWithLabel(ws, 'Totaal baten');
    const saldo = rowsWithLabel(ws, SALDO);
    expect(saldo).toHaveLength(scenarios.length);
    results.forEach((r, si) =>
      r.totals.forEach((t, k) => {
        expect(Math.abs(valueAt(values, ws, cost[si]!, YEAR_COL + k) - t.cost)).toBeLessThanOrEqual(1);
        expect(Math.abs(valueAt(values, ws, funding[si]!, YEAR_COL + k) - t.funding)).toBeLessThanOrEqual(1);
        expect(Math.abs(valueAt(values, ws, saldo[si]!, YEAR_COL + k) - t.balance)).toBeLessThanOrEqual(1);
      }),
    );
    const tv = wb.getWorksheet(SHEETS.taakvelden)!;
    const tvTotal = rowsWithLabel(tv, 'Totaal lasten');
    const checks = rowsStartingWith(tv, 'Controle:');
    results.forEach((r, si) =>
      r.totals.forEach((t, k) => {
        expect(Math.abs(valueAt(values, tv, tvTotal[si]!, YEAR_COL + k) - t.cost)).toBeLessThanOrEqual(1);
        expect(valueAt(values, tv, checks[si]!, YEAR_COL + k)).toBe(0);
      }),
    );
    const pg = wb.getWorksheet(SHEETS.perGemeente)!;
    const gemeenteSaldo = rowsWithLabel(pg, 'Saldo');
    expect(gemeenteSaldo).toHaveLength(model.gemeenten.length * scenarios.length);
    results.forEach((r, si) =>
      r.gemeenten.forEach((g, gi) =>
        g.years.forEach((gy, k) =>
          expect(
            Math.abs(valueAt(values, pg, gemeenteSaldo[si * model.gemeenten.length + gi]!, YEAR_COL + k) - gy.balance),
          ).toBeLessThanOrEqual(1),
        ),
      ),
    );
    const vg = wb.getWorksheet(SHEETS.vergelijking)!;
    const diffs = rowsStartingWith(vg, '3. Pessimistisch');
    results[2]!.totals.forEach((t, k) =>
      expect(
        Math.abs(valueAt(values, vg, diffs[1]!, YEAR_COL + k) - (t.balance - results[0]!.totals[k]!.balance)),
      ).toBeLessThanOrEqual(1),
    );
  });

  it('gemeente (× € 1.000): Calc gives the gemeente saldo of the printed lines; with the afrondingsverschil it is the engine saldo within € 1', async () => {
    const data = recalculated.get('venlo-poisoned.xlsx')!;
    const wb = await readWorkbook(data);
    const values = await rawNumbers(data);
    const ws = wb.getWorksheet(SHEETS.samenvatting)!;
    const saldo = rowsWithLabel(ws, SALDO);
    results.forEach((r, si) => {
      const g = r.gemeenten.find((x) => x.id === 'venlo')!;
      g.years.forEach((gy, k) => {
        const printed = valueAt(values, ws, saldo[si]!, YEAR_COL + k);
        expect(Number.isInteger(printed)).toBe(true);
        expect(
          Math.abs((printed + valueAt(values, ws, saldo[si]! + 1, YEAR_COL + k)) * 1000 - gy.balance),
        ).toBeLessThanOrEqual(1);
      });
    });
  });
});
