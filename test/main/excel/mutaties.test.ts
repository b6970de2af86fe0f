/** The sheet Mutaties: the mutatieoverzicht of each exported scenario against a reference (issue 11 item 3). */
import { describe, expect, it } from 'vitest';
import { exportBijlage } from '../../../src/main/excel/exportBijlage';
import { SHEETS } from '../../../src/main/excel/kit/context';
import { effectiveLines, mutatieOverzicht } from '../../../src/shared/analysis/mutaties';
import { simulate } from '../../../src/shared/engine/simulate';
import { defaultModel, shippedScenario } from '../../fixtures';
import { numberOf, readWorkbook, rowsStartingWith, rowsWithLabel } from './helpers';

const model = defaultModel();
const ongewijzigd = shippedScenario(model, 'ongewijzigd-beleid.json');
const kpis = shippedScenario(model, 'beleidsplan-kpis.json');
const rijk = shippedScenario(model, 'rijksmaatregelen.json');
const YEAR_COL = 3;
const reference = { name: 'scenario Ongewijzigd beleid', model, scenario: ongewijzigd };

describe('Excel: sheet Mutaties', () => {
  it('is there only with a reference, and only in the region workbook', async () => {
    const without = await readWorkbook(
      (await exportBijlage({ model, scenarios: [kpis], scope: 'region', unit: 'euro', appVersion: 't' })).data,
    );
    expect(without.getWorksheet(SHEETS.mutaties)).toBeUndefined();
    const gemeente = await readWorkbook(
      (
        await exportBijlage({
          model,
          scenarios: [kpis],
          scope: 'venlo',
          unit: 'euro',
          appVersion: 't',
          mutaties: reference,
        })
      ).data,
    );
    expect(gemeente.getWorksheet(SHEETS.mutaties)).toBeUndefined();
  });

  it("in euro: every line is the shared function's value; reference + total = the scenario's engine saldo", async () => {
    const file = await exportBijlage({
      model,
      scenarios: [kpis, rijk],
      scope: 'region',
      unit: 'euro',
      appVersion: 't',
      mutaties: reference,
    });
    const wb = await readWorkbook(file.data);
    const ws = wb.getWorksheet(SHEETS.mutaties)!;
    expect(ws).toBeDefined();
    const totals = rowsWithLabel(ws, 'Totaal mutaties');
    expect(totals).toHaveLength(2);
    [kpis, rijk].forEach((s, si) => {
      const o = mutatieOverzicht(reference, { model, scenario: s });
      const engine = simulate(model, s).totals;
      const target = rowsWithLabel(ws, `Saldo scenario ${s.name}`)[0]!;
      const ref = rowsWithLabel(ws, 'Saldo referentie: scenario Ongewijzigd beleid')[si]!;
      o.years.forEach((_, k) => {
        const at = (r: number) => numberOf(ws.getCell(r, YEAR_COL + k).value) ?? 0; // exceljs reads a cached 0 as no result
        expect(at(totals[si]!)).toBeCloseTo(o.total.saldo[k]! / 100, 6);
        expect(at(ref) + at(totals[si]!)).toBeCloseTo(engine[k]!.balance, 1);
        expect(at(target)).toBeCloseTo(engine[k]!.balance, 1);
      });
      for (const line of effectiveLines(o)) {
        const rows = rowsWithLabel(ws, line.label);
        expect(rows.length, line.label).toBeGreaterThan(0);
      }
    });
    // each Rijksmaatregel by name
    expect(rowsStartingWith(ws, 'Rijksmaatregel: ').length).toBeGreaterThan(0);
    // the Toelichting explains the sheet
    expect(rowsWithLabel(wb.getWorksheet(SHEETS.toelichting)!, SHEETS.mutaties)).toHaveLength(1);
  });

  it('× € 1.000: whole thousands on every line, subtotals and the total add up on paper, one afrondingsverschil row', async () => {
    const file = await exportBijlage({
      model,
      scenarios: [kpis],
      scope: 'region',
      unit: 'thousand',
      appVersion: 't',
      mutaties: reference,
    });
    const ws = (await readWorkbook(file.data)).getWorksheet(SHEETS.mutaties)!;
    const subtotals = rowsStartingWith(ws, 'Subtotaal ');
    expect(subtotals).toHaveLength(5);
    const total = rowsWithLabel(ws, 'Totaal mutaties')[0]!;
    const ref = rowsStartingWith(ws, 'Saldo referentie')[0]!;
    const target = rowsStartingWith(ws, 'Saldo scenario')[0]!;
    const diff = rowsStartingWith(ws, 'Afrondingsverschil')[0]!;
    expect(diff).toBe(target + 1);
    const engine = simulate(model, kpis).totals;
    engine.forEach((t, k) => {
      const at = (r: number) => numberOf(ws.getCell(r, YEAR_COL + k).value) ?? 0; // exceljs reads a cached 0 as no result
      // every printed line between the reference and the total is a whole number
      for (let r = ref; r < total; r++) {
        const v = numberOf(ws.getCell(r, YEAR_COL + k).value);
        if (v !== undefined) expect(Number.isInteger(v), `rij ${r}`).toBe(true);
      }
      expect(at(total)).toBe(subtotals.reduce((a, r) => a + at(r), 0));
      expect(at(target)).toBe(at(ref) + at(total));
      expect(Math.abs((at(target) + at(diff)) * 1000 - t.balance)).toBeLessThanOrEqual(1);
    });
  });
});
