/**
 * Issue 13 item 2: a live chain. Aannames holds the inputs per line and year (a volume line's lasten =
 * cliëntmaanden × intensiteit × tarief as a formula), Samenvatting and Taakvelden refer to them, Per
 * gemeente computes each gemeente's line as the region's line × its sleutel, and control rows show
 * that the gemeenten add up to the region. Changing a tarief on Aannames and recalculating in
 * LibreOffice gives the engine's figures for the correspondingly changed scenario, to the cent.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { exportBijlage } from '../../../src/main/excel/exportBijlage';
import { regionFundingLines } from '../../../src/main/excel/amounts';
import { SHEETS } from '../../../src/main/excel/kit/context';
import { CONTROL_LABEL } from '../../../src/main/excel/sheets/perGemeente';
import { simulate } from '../../../src/shared/engine/simulate';
import type { Model } from '../../../src/shared/formats/model';
import type { Scenario } from '../../../src/shared/formats/scenario';
import type { SimulationResult } from '../../../src/shared/engine/result';
import {
  budget,
  extensionScenario,
  gemeente,
  model as buildModel,
  testModel,
  testScenarios,
  volume,
} from '../../fixtures';
import { readWorkbook, rowsStartingWith, rowsWithLabel, textOf } from './helpers';
import { findSoffice, rawNumbers, recalcWithLibreOffice } from './libreoffice';

const soffice = findSoffice();
if (!soffice) {
  console.warn(
    'SKIPPED: LibreOffice (soffice) is not installed, so the live chain (change a tarief, recalculate) was NOT tested. ' +
      'Install it with: apt-get install libreoffice-calc-nogui (.ci/run does this).',
  );
}

const YEAR_COL = 3;
const SALDO = 'Saldo (baten − lasten; negatief = tekort)';
const CENT = 0.005;
const model = testModel();
const base = testScenarios(model)[0]!;
const LAST = model.endYear;
const lastK = LAST - model.baseYear;

/** The same scenario with the ambulant tarief of the last year 10 % higher (only that line-year changes). */
function dearer(sc: Scenario): Scenario {
  const a = sc.assumptions['ambulant'] ?? {};
  const pct = a.priceIndexPct?.[String(LAST)] ?? 0;
  const changed = ((1 + pct / 100) * 1.1 - 1) * 100;
  return {
    ...sc,
    assumptions: { ...sc.assumptions, ambulant: { ...a, priceIndexPct: { ...a.priceIndexPct, [LAST]: changed } } },
  };
}

/** A copy of the workbook with one cell set and every formula's cached result wrong (only Calc can fix them). */
async function edited(data: Buffer, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await readWorkbook(data);
  edit(wb);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, result: -987_654_321 };
      }),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sets the ambulant tarief of the last year on Aannames (first scenario block) to the given price. */
function setTarief(price: number) {
  return (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(SHEETS.aannames)!;
    const row = rowsWithLabel(ws, 'Tarief per uur')[0]!;
    ws.getCell(row, YEAR_COL + lastK).value = price;
  };
}

type Values = Map<string, Map<string, number>>;
function at(values: Values, ws: Worksheet, row: number, k: number): number {
  const address = ws.getCell(row, YEAR_COL + k).address;
  const v = values.get(ws.name)?.get(address);
  if (v === undefined) throw new Error(`${ws.name}!${address} heeft geen getal`);
  return v;
}

/** The rows of a Samenvatting block's lines (lasten and baten), by their labels. */
function lineRows(ws: Worksheet, r: SimulationResult): number[] {
  const labels = [...r.lines.map((l) => l.name), ...regionFundingLines(r).map((f) => f.label)];
  return labels.map((l) => {
    const rows = rowsWithLabel(ws, l);
    expect(rows, l).toHaveLength(1);
    return rows[0]!;
  });
}

function ambulantPrice(r: SimulationResult): number {
  const line = r.lines[0]!;
  if (line.kind !== 'volume' || line.id !== 'ambulant') throw new Error('fixture: ambulant is the first line');
  return line.years[lastK]!.pricePerUnit;
}

/**
 * Typed-over cells: the first line on Samenvatting in the first year (+ € 100.000), and the last
 * gemeente's second line on Per gemeente in the second year (+ € 1.234).
 */
function overwrite(wb: ExcelJS.Workbook): void {
  const sum = wb.getWorksheet(SHEETS.samenvatting)!;
  const line = sum.getCell(rowsWithLabel(sum, model.segments[0]!.name)[0]!, YEAR_COL);
  line.value = (line.result as number) + 100_000;
  const pg = wb.getWorksheet(SHEETS.perGemeente)!;
  const last = rowsWithLabel(pg, `Gemeente ${model.gemeenten.at(-1)!.name}`)[0]!;
  const cell = pg.getCell(last + 2, YEAR_COL + 1);
  cell.value = (cell.result as number) + 1_234;
}

describe('the live chain: formulas from Aannames to every sheet', async () => {
  const scenarios = [base, extensionScenario(model)];
  const results = scenarios.map((s) => simulate(model, s));
  const region = await readWorkbook(
    (await exportBijlage({ model, scenarios: [base], scope: 'region', unit: 'euro', appVersion: 't' })).data,
  );
  const venlo = await readWorkbook(
    (await exportBijlage({ model, scenarios: [base], scope: 'venlo', unit: 'thousand', appVersion: 't' })).data,
  );
  const extension = await readWorkbook(
    (await exportBijlage({ model, scenarios: [scenarios[1]!], scope: 'region', unit: 'thousand', appVersion: 't' }))
      .data,
  );

  it('Aannames: a volume line’s lasten are cliëntmaanden × intensiteit × tarief; the sheet says what stays a value', () => {
    const ws = region.getWorksheet(SHEETS.aannames)!;
    const cost = rowsWithLabel(ws, 'Lasten = cliëntmaanden × intensiteit × tarief');
    expect(cost).toHaveLength(model.segments.filter((s) => s.kind === 'volume').length);
    const months = rowsStartingWith(ws, 'Cliëntmaanden (berekend, waarde')[0]!;
    const units = rowsStartingWith(ws, 'Intensiteit (uur per cliëntmaand)')[0]!;
    const price = rowsWithLabel(ws, 'Tarief per uur')[0]!;
    results[0]!.years.forEach((_, k) => {
      const c = ws.getCell(cost[0]!, YEAR_COL + k);
      const col = c.address.replace(/\d+$/, '');
      expect(c.formula).toBe(`${col}${months}*${col}${units}*${col}${price}`);
    });
    expect(
      rowsStartingWith(ws, 'Lasten van een volumeregel = cliëntmaanden × intensiteit × tarief (formule)'),
    ).toHaveLength(1);
    expect(rowsStartingWith(ws, 'Realisatiejaren:')).toEqual([]); // no realised years in this model
    // × € 1.000: rounded to whole thousands, as the lines print
    const tws = venlo.getWorksheet(SHEETS.aannames)!;
    const tcost = rowsWithLabel(tws, 'Lasten = cliëntmaanden × intensiteit × tarief')[0]!;
    expect(tws.getCell(tcost, YEAR_COL).formula).toMatch(/^ROUND\(C\d+\*C\d+\*C\d+\/1000,0\)$/);
    const total = rowsWithLabel(ws, 'Totaal Rijksmiddelen (regio)')[0]!;
    expect(ws.getCell(total, YEAR_COL).formula).toMatch(/^C\d+(\+C\d+)+$/);
  });

  it('Samenvatting: every line cell is a formula (region: Aannames; gemeente: Per gemeente, baten × its aandeel)', () => {
    const check = (wb: ExcelJS.Workbook, r: SimulationResult, lasten: RegExp, baten: RegExp) => {
      const ws = wb.getWorksheet(SHEETS.samenvatting)!;
      const rows = lineRows(ws, r);
      rows.forEach((row, i) =>
        r.years.forEach((_, k) => {
          const f = ws.getCell(row, YEAR_COL + k).formula;
          expect(f, `${textOf(ws.getCell(row, 1).value)} ${r.years[k]}`).toMatch(i < r.lines.length ? lasten : baten);
        }),
      );
      return rows.length;
    };
    expect(check(region, results[0]!, /^Aannames!C\d+$|^Aannames![D-Z]\d+$/, /^Aannames![C-Z]\d+$/)).toBeGreaterThan(6);
    expect(
      check(venlo, results[0]!, /^'Per gemeente'![C-Z]\d+$/, /^ROUND\(Aannames![C-Z]\d+\*'Per gemeente'!\$B\d+,0\)$/),
    ).toBeGreaterThan(6);
    // the prevention budget line and the Rijksmaatregelen refer to their rows on Aannames too
    expect(check(extension, results[1]!, /^Aannames![C-Z]\d+$/, /^Aannames![C-Z]\d+$/)).toBe(
      results[1]!.lines.length + regionFundingLines(results[1]!).length,
    );
  });

  it('Per gemeente: each line is the region’s line on Samenvatting × the Sleutel; the last gemeente gets the remainder', () => {
    const ws = region.getWorksheet(SHEETS.perGemeente)!;
    const first = rowsWithLabel(ws, `Gemeente ${model.gemeenten[0]!.name}`)[0]!;
    expect(ws.getCell(first + 1, YEAR_COL).formula).toMatch(/^Samenvatting!C\d+\*\$B\d+$/);
    expect(ws.getCell(first + 1, YEAR_COL).formula).toContain(`$B${first + 1}`);
    const last = model.gemeenten.at(-1)!;
    const lastRow = rowsWithLabel(ws, `Gemeente ${last.name}`)[0]!;
    const remainder = ws.getCell(lastRow + 1, YEAR_COL).formula;
    expect(remainder).toMatch(/^Samenvatting!C\d+(-C\d+)+$/);
    expect(remainder.split('-')).toHaveLength(model.gemeenten.length);
    const controls = rowsStartingWith(ws, `${CONTROL_LABEL}:`);
    expect(controls).toHaveLength(results[0]!.lines.length + 3);
    expect(ws.getCell(controls[0]!, YEAR_COL).formula).toMatch(/^ROUND\(C\d+(\+C\d+){6}-Samenvatting!C\d+,2\)$/);
  });

  describe.skipIf(!soffice)('recalculated by LibreOffice after a changed tarief', async () => {
    const changed = simulate(model, dearer(base));
    const before = results[0]!;
    const newPrice = ambulantPrice(changed);
    const regionData = (
      await exportBijlage({ model, scenarios: [base], scope: 'region', unit: 'euro', appVersion: 't' })
    ).data;
    const venloData = (await exportBijlage({ model, scenarios: [base], scope: 'venlo', unit: 'euro', appVersion: 't' }))
      .data;
    const regionThousand = (
      await exportBijlage({ model, scenarios: [base], scope: 'region', unit: 'thousand', appVersion: 't' })
    ).data;
    const lo = soffice
      ? await recalcWithLibreOffice(soffice, [
          { name: 'regio.xlsx', data: await edited(regionData, setTarief(newPrice)) },
          { name: 'venlo.xlsx', data: await edited(venloData, setTarief(newPrice)) },
          { name: 'regio-1000.xlsx', data: await edited(regionThousand, setTarief(newPrice)) },
          { name: 'regio-overschreven.xlsx', data: await edited(regionData, overwrite) },
        ])
      : new Map<string, Buffer>();

    it('the change is real: only the ambulant line of the last year differs in the engine', () => {
      expect(newPrice).toBeCloseTo(ambulantPrice(before) * 1.1, 9);
      changed.lines.forEach((line, l) =>
        line.years.forEach((y, k) => {
          const was = before.lines[l]!.years[k]!.cost;
          if (l === 0 && k === lastK) expect(y.cost - was).toBeGreaterThan(10_000);
          else expect(y.cost).toBe(was);
        }),
      );
    });

    it('region: Samenvatting, Taakvelden and Per gemeente give the changed engine’s totals to the cent; controls are 0', async () => {
      const data = lo.get('regio.xlsx')!;
      const wb = await readWorkbook(data);
      const values = await rawNumbers(data);
      const sum = wb.getWorksheet(SHEETS.samenvatting)!;
      const cost = rowsWithLabel(sum, 'Totaal lasten')[0]!;
      const funding = rowsWithLabel(sum, 'Totaal baten')[0]!;
      const saldo = rowsWithLabel(sum, SALDO)[0]!;
      const amb = rowsWithLabel(sum, changed.lines[0]!.name)[0]!;
      changed.totals.forEach((t, k) => {
        expect(Math.abs(at(values, sum, amb, k) - changed.lines[0]!.years[k]!.cost)).toBeLessThan(CENT);
        expect(Math.abs(at(values, sum, cost, k) - t.cost)).toBeLessThan(CENT);
        expect(Math.abs(at(values, sum, funding, k) - t.funding)).toBeLessThan(CENT);
        expect(Math.abs(at(values, sum, saldo, k) - t.balance)).toBeLessThan(CENT);
      });
      const tv = wb.getWorksheet(SHEETS.taakvelden)!;
      const tvTotal = rowsWithLabel(tv, 'Totaal lasten')[0]!;
      const tvCheck = rowsStartingWith(tv, 'Controle:')[0]!;
      changed.totals.forEach((t, k) => {
        expect(Math.abs(at(values, tv, tvTotal, k) - t.cost)).toBeLessThan(CENT);
        expect(at(values, tv, tvCheck, k)).toBe(0);
      });
      const pg = wb.getWorksheet(SHEETS.perGemeente)!;
      const gCost = rowsWithLabel(pg, 'Totaal lasten');
      const gSaldo = rowsWithLabel(pg, 'Saldo');
      expect(gSaldo).toHaveLength(model.gemeenten.length);
      changed.gemeenten.forEach((g, gi) =>
        g.years.forEach((gy, k) => {
          expect(Math.abs(at(values, pg, gCost[gi]!, k) - gy.cost), `${g.name} ${gy.year}`).toBeLessThan(CENT);
          expect(Math.abs(at(values, pg, gSaldo[gi]!, k) - gy.balance), `${g.name} ${gy.year}`).toBeLessThan(CENT);
        }),
      );
      const sumSaldi = rowsWithLabel(pg, 'Som van de saldi der gemeenten (= saldo regio)')[0]!;
      changed.totals.forEach((t, k) => expect(Math.abs(at(values, pg, sumSaldi, k) - t.balance)).toBeLessThan(CENT));
      const controls = rowsStartingWith(pg, `${CONTROL_LABEL}:`);
      expect(controls.length).toBeGreaterThan(changed.lines.length);
      for (const r of controls) changed.years.forEach((_, k) => expect(Math.abs(at(values, pg, r, k))).toBe(0));
      // and it did move: the last year's saldo is the changed one, not the exported one
      expect(Math.abs(at(values, sum, saldo, lastK) - before.totals[lastK]!.balance)).toBeGreaterThan(10_000);
    });

    it('typed over: Per gemeente follows a changed Samenvatting line; the control rows show a changed gemeente line', async () => {
      const data = lo.get('regio-overschreven.xlsx')!;
      const wb = await readWorkbook(data);
      const values = await rawNumbers(data);
      const sum = wb.getWorksheet(SHEETS.samenvatting)!;
      const pg = wb.getWorksheet(SHEETS.perGemeente)!;
      const saldo = rowsWithLabel(sum, SALDO)[0]!;
      const sumSaldi = rowsWithLabel(pg, 'Som van de saldi der gemeenten (= saldo regio)')[0]!;
      expect(Math.abs(at(values, sum, saldo, 0) - (before.totals[0]!.balance - 100_000))).toBeLessThan(CENT);
      expect(Math.abs(at(values, pg, sumSaldi, 0) - at(values, sum, saldo, 0))).toBeLessThan(CENT);
      const control = (name: string) => rowsWithLabel(pg, `${CONTROL_LABEL}: ${name}`)[0]!;
      const lines = before.lines.map((l) => l.name);
      expect(Math.abs(at(values, pg, control(lines[0]!), 0))).toBe(0);
      expect(at(values, pg, control(lines[1]!), 1)).toBeCloseTo(1_234, 6);
      expect(at(values, pg, control('Totaal lasten'), 1)).toBeCloseTo(1_234, 6);
      expect(at(values, pg, control('Saldo'), 1)).toBeCloseTo(-1_234, 6);
      expect(Math.abs(at(values, pg, control('Saldo'), 0))).toBe(0);
    });

    it('gemeente workbook: its Samenvatting and Taakvelden follow the changed tarief to the cent', async () => {
      const data = lo.get('venlo.xlsx')!;
      const wb = await readWorkbook(data);
      const values = await rawNumbers(data);
      const g = changed.gemeenten.find((x) => x.id === 'venlo')!;
      const sum = wb.getWorksheet(SHEETS.samenvatting)!;
      const cost = rowsWithLabel(sum, 'Totaal lasten')[0]!;
      const saldo = rowsWithLabel(sum, SALDO)[0]!;
      const tv = wb.getWorksheet(SHEETS.taakvelden)!;
      const tvTotal = rowsWithLabel(tv, 'Totaal lasten')[0]!;
      g.years.forEach((gy, k) => {
        expect(Math.abs(at(values, sum, cost, k) - gy.cost)).toBeLessThan(CENT);
        expect(Math.abs(at(values, sum, saldo, k) - gy.balance)).toBeLessThan(CENT);
        expect(Math.abs(at(values, tv, tvTotal, k) - gy.cost)).toBeLessThan(CENT);
      });
    });

    it('× € 1.000: the gemeenten add up to the region exactly (controls 0, sum of saldi = printed region saldo)', async () => {
      const data = lo.get('regio-1000.xlsx')!;
      const wb = await readWorkbook(data);
      const values = await rawNumbers(data);
      const pg = wb.getWorksheet(SHEETS.perGemeente)!;
      for (const r of rowsStartingWith(pg, `${CONTROL_LABEL}:`))
        changed.years.forEach((_, k) => expect(Math.abs(at(values, pg, r, k))).toBe(0));
      const sum = wb.getWorksheet(SHEETS.samenvatting)!;
      const saldo = rowsWithLabel(sum, SALDO)[0]!;
      const sumSaldi = rowsStartingWith(pg, 'Som van de saldi der gemeenten')[0]!;
      changed.totals.forEach((t, k) => {
        expect(at(values, pg, sumSaldi, k)).toBe(at(values, sum, saldo, k));
        expect(Math.abs(at(values, sum, saldo, k) * 1000 - t.balance)).toBeLessThan(500 * (changed.lines.length + 5));
      });
    });
  });
});

/**
 * Realised years: three gemeenten, R = 2023, with own realised lasten for one line and own
 * Rijksmiddelen that differ from the keys, so the key differs per year (a "Sleutel per jaar" row)
 * and the realised Rijksmiddelen are values.
 */
function realisedModel(): Model {
  const src = 'Jaarverantwoording jeugd 2023';
  return buildModel({
    baseYear: 2022,
    endYear: 2026,
    gemeenten: [gemeente('a', 200), gemeente('b', 100), gemeente('c', 100)],
    segments: [
      volume('amb', {
        avgDurationMonths: 6,
        unit: 'uur',
        pricePerUnit: 50,
        inflowPerYear: 240,
        split: 'usage',
        usageShare: { a: 0.5, b: 0.3, c: 0.2 },
      }),
      budget('sub', 1_000),
    ],
    funding: { baseAmount: 5_000_000, indexPct: { '2024': 5 } },
    realisatie: {
      lastYear: 2023,
      segments: {
        amb: {
          '2022': { clients: 300, lasten: 90_000, source: src },
          '2023': { clients: 360, lasten: 120_000, volume: 2_400, started: 250, ended: 230, source: src },
        },
        sub: { '2022': { lasten: 1_000, source: src }, '2023': { lasten: 1_100, source: src } },
      },
      gemeenten: {
        a: {
          rijksmiddelen: { '2023': { amount: 2_200_000, source: 'Septembercirculaire gemeentefonds 2023' } },
          segments: { amb: { '2023': { lasten: 80_000, source: src } } },
        },
        b: { rijksmiddelen: { '2023': { amount: 1_100_000, source: 'Septembercirculaire gemeentefonds 2023' } } },
        c: { rijksmiddelen: { '2023': { amount: 1_300_000, source: 'Septembercirculaire gemeentefonds 2023' } } },
      },
    },
  });
}

describe('the live chain with realised years', async () => {
  const m = realisedModel();
  const sc: Scenario = testScenarios(testModel())[0]!;
  const plain = { ...sc, assumptions: {} };
  const r = simulate(m, plain);
  const files = await Promise.all(
    (['euro', 'thousand'] as const).map(
      async (unit) =>
        (await exportBijlage({ model: m, scenarios: [plain], scope: 'region', unit, appVersion: 't' })).data,
    ),
  );
  const wb = await readWorkbook(files[0]!);

  it('realised lasten are values marked realisatie; own Rijksmiddelen are values; keys per year where they differ', () => {
    const a = wb.getWorksheet(SHEETS.aannames)!;
    const cost = rowsStartingWith(a, 'Lasten = cliëntmaanden × intensiteit × tarief (2022–2023: realisatie, waarde)');
    expect(cost).toHaveLength(1);
    expect(a.getCell(cost[0]!, YEAR_COL).value).toBe(90_000);
    expect(a.getCell(cost[0]!, YEAR_COL + 1).value).toBe(120_000);
    expect(a.getCell(cost[0]!, YEAR_COL + 2).formula).toMatch(/^E\d+\*E\d+\*E\d+$/);
    const pg = wb.getWorksheet(SHEETS.perGemeente)!;
    expect(rowsWithLabel(pg, 'Sleutel per jaar: Segment amb')).toHaveLength(3);
    expect(rowsWithLabel(pg, 'Sleutel per jaar: Rijksmiddelen')).toHaveLength(3);
    const aRow = rowsWithLabel(pg, 'Gemeente Gemeente a')[0]!;
    const fund = aRow + r.lines.length + 2;
    expect(textOf(pg.getCell(fund, 1).value)).toBe('Baten: Rijksmiddelen');
    expect(pg.getCell(fund, YEAR_COL + 1).value).toBe(2_200_000); // own realised amount: a value
    expect(pg.getCell(fund, YEAR_COL + 2).formula).toMatch(/^Samenvatting!E\d+\*E\d+$/);
    expect(rowsStartingWith(pg, 'Rijksmiddelen 2023: het eigen gerealiseerde bedrag')).toHaveLength(1);
    expect(
      rowsWithLabel(
        pg,
        'Rijksmiddelen 2023: eigen realisatie van de gemeente (waarde) — bron: Septembercirculaire gemeentefonds 2023',
      ),
    ).toHaveLength(3);
    expect(rowsWithLabel(a, 'Bedrag (lasten; 2022–2023: realisatie)')).toHaveLength(1);
    expect(rowsStartingWith(a, 'Realisatiejaren: de gerealiseerde lasten als waarde')).toHaveLength(1);
  });

  it.skipIf(!soffice)('recalculated by LibreOffice: controls 0, gemeenten as the engine to the cent', async () => {
    const gemeenteFiles = await Promise.all(
      ['a', 'c'].map(
        async (id) =>
          (await exportBijlage({ model: m, scenarios: [plain], scope: id, unit: 'euro', appVersion: 't' })).data,
      ),
    );
    const lo = await recalcWithLibreOffice(soffice!, [
      { name: 'euro.xlsx', data: await edited(files[0]!, () => undefined) },
      { name: 'thousand.xlsx', data: await edited(files[1]!, () => undefined) },
      { name: 'a.xlsx', data: await edited(gemeenteFiles[0]!, () => undefined) },
      { name: 'c.xlsx', data: await edited(gemeenteFiles[1]!, () => undefined) },
    ]);
    // a gemeente's own workbook: lasten, baten (own realised Rijksmiddelen in 2023) and saldo as the engine
    for (const id of ['a', 'c']) {
      const data = lo.get(`${id}.xlsx`)!;
      const values = await rawNumbers(data);
      const sum = (await readWorkbook(data)).getWorksheet(SHEETS.samenvatting)!;
      const g = r.gemeenten.find((x) => x.id === id)!;
      const rows = ['Totaal lasten', 'Totaal baten', SALDO].map((l) => rowsWithLabel(sum, l)[0]!);
      g.years.forEach((gy, k) =>
        [gy.cost, gy.funding, gy.balance].forEach((want, i) =>
          expect(Math.abs(at(values, sum, rows[i]!, k) - want), `${id} ${gy.year} ${i}`).toBeLessThan(CENT),
        ),
      );
    }
    for (const name of ['euro.xlsx', 'thousand.xlsx']) {
      const data = lo.get(name)!;
      const values = await rawNumbers(data);
      const pg = (await readWorkbook(data)).getWorksheet(SHEETS.perGemeente)!;
      const controls = rowsStartingWith(pg, `${CONTROL_LABEL}:`);
      expect(controls).toHaveLength(r.lines.length + 3);
      for (const row of controls) r.years.forEach((_, k) => expect(Math.abs(at(values, pg, row, k)), name).toBe(0));
      if (name !== 'euro.xlsx') continue;
      const saldo = rowsWithLabel(pg, 'Saldo');
      const cost = rowsWithLabel(pg, 'Totaal lasten');
      r.gemeenten.forEach((g, gi) =>
        g.years.forEach((gy, k) => {
          expect(Math.abs(at(values, pg, cost[gi]!, k) - gy.cost), `${g.id} ${gy.year}`).toBeLessThan(CENT);
          expect(Math.abs(at(values, pg, saldo[gi]!, k) - gy.balance), `${g.id} ${gy.year}`).toBeLessThan(CENT);
        }),
      );
    }
  });
});
