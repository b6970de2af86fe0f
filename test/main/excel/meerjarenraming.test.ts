/**
 * The bijlage as a begroting shows a meerjarenraming: realisatie / begroting / raming above
 * each year, structurele and incidentele lasten and baten with a structureel saldo, the baten
 * on taakveld 0.7, and the V/N rows against a chosen reference (hand-computed cases).
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { exportBijlage, ExportError } from '../../../src/main/excel/exportBijlage';
import { SHEETS } from '../../../src/main/excel/kit/context';
import { vnLetter } from '../../../src/main/excel/sheets/reference';
import { FMT_EURO_VN, FMT_THOUSAND_VN } from '../../../src/main/excel/styles';
import { simulate } from '../../../src/shared/engine/simulate';
import type { SimulationResult } from '../../../src/shared/engine/result';
import { defaultBegrotingsjaar, yearStatus } from '../../../src/shared/years';
import { testModel, testScenarios } from '../../fixtures';
import { numberOf, readWorkbook, rowsWithLabel, textOf } from './helpers';
import { findSoffice, rawNumbers, recalcWithLibreOffice } from './libreoffice';

const YEAR_COL = 3;
/** A cell's number; ExcelJS reads a formula's cached result of 0 back as no result. */
const num = (v: Parameters<typeof numberOf>[0]) => numberOf(v) ?? 0;
const at = new Date('2026-12-02T10:00:00Z');
const base = testModel();
// R = 2023: 2022–2023 realisatie (no realised figures needed for the headings)
const model = { ...base, realisatie: { lastYear: 2023, segments: {} } };
const scenario = testScenarios(model)[1]!; // with a one-off funding cut (incidenteel) in 2024
const result = simulate(model, scenario);

/** The result with the hand-made differences of the V/N cases (see below). */
function referenceResult(): SimulationResult {
  const ref = structuredClone(result);
  // 2024 (k = 2): reference has € 100.000 more lasten and € 50.000 less structurele baten
  ref.totals[2]!.cost += 100_000;
  ref.totals[2]!.fundingBaseline -= 50_000;
  ref.totals[2]!.funding -= 50_000;
  ref.totals[2]!.balance -= 150_000;
  // 2025 (k = 3): reference has € 40.000 less lasten
  ref.totals[3]!.cost -= 40_000;
  ref.totals[3]!.balance += 40_000;
  // 2026 (k = 4): reference has € 30.000 more incidentele baten (one-off)
  ref.totals[4]!.fundingAdjustment += 30_000;
  ref.totals[4]!.funding += 30_000;
  ref.totals[4]!.balance += 30_000;
  return ref;
}

async function sheetOf(unit: 'euro' | 'thousand', extra: Partial<Parameters<typeof exportBijlage>[0]> = {}) {
  const file = await exportBijlage({
    model,
    scenarios: [scenario],
    scope: 'region',
    unit,
    appVersion: '9.9.9',
    generatedAt: at,
    begrotingsjaar: 2027,
    ...extra,
  });
  return readWorkbook(file.data);
}

describe('year status: realisatie, begroting, raming', () => {
  it('≤ R realisatie, the begrotingsjaar begroting, every other year (also the lopende jaar) raming', () => {
    expect([2022, 2023, 2024, 2026, 2027, 2028].map((y) => yearStatus(y, 2027, 2023))).toEqual([
      'realisatie',
      'realisatie',
      'raming',
      'raming',
      'begroting',
      'raming',
    ]);
    expect(yearStatus(2022, 2022, undefined)).toBe('begroting');
    expect(yearStatus(2021, 2025, undefined)).toBe('raming');
  });

  it('the default begrotingsjaar is the year after today, within the model', () => {
    expect(defaultBegrotingsjaar(model, new Date('2026-12-02T10:00:00Z'))).toBe(2027);
    expect(defaultBegrotingsjaar(model, new Date('2031-01-01T10:00:00Z'))).toBe(2028);
    expect(defaultBegrotingsjaar(model, new Date('2015-06-01T10:00:00Z'))).toBe(2022);
  });
});

describe('meerjarenraming layout, euro', async () => {
  const wb = await sheetOf('euro');
  const ws = wb.getWorksheet(SHEETS.samenvatting)!;

  it('row 3 says realisatie / begroting / raming above each year, on Samenvatting, Taakvelden and Per gemeente', () => {
    // the model has no realised Rijksmiddelen: 2022–2023 are realisatie with the baten still a raming (*)
    const expected = ['realisatie*', 'realisatie*', 'raming', 'raming', 'raming', 'begroting', 'raming'];
    for (const name of [SHEETS.samenvatting, SHEETS.taakvelden, SHEETS.perGemeente]) {
      const sheet = wb.getWorksheet(name)!;
      expect(result.years.map((_, k) => textOf(sheet.getCell(3, YEAR_COL + k).value))).toEqual(expected);
      expect(result.years.map((_, k) => sheet.getCell(4, YEAR_COL + k).value)).toEqual(result.years);
    }
    const toelichting = wb.getWorksheet(SHEETS.toelichting)!;
    const row = rowsWithLabel(toelichting, 'Realisatie, begroting, raming')[0]!;
    expect(textOf(toelichting.getCell(row, 2).value)).toContain('Realisatie: 2022–2023');
    expect(textOf(toelichting.getCell(row, 2).value)).toContain('Begroting: 2027');
    expect(textOf(toelichting.getCell(row, 2).value)).toContain('2022: de baten; 2023: de baten.');
    expect(num(toelichting.getCell(rowsWithLabel(toelichting, 'Begrotingsjaar')[0]!, 2).value)).toBe(2027);
  });

  it('a realisatie year whose figures are all realised has no asterisk', async () => {
    const rm = { amount: 1_000_000, source: 'Testbron, tabel X, 2022' };
    const realised = {
      ...model,
      realisatie: {
        lastYear: 2023,
        segments: {},
        gemeenten: Object.fromEntries(
          model.gemeenten.map((g) => [g.id, { rijksmiddelen: { '2022': rm, '2023': rm } }]),
        ),
      },
    };
    const file = await exportBijlage({
      model: realised,
      scenarios: [scenario],
      scope: 'region',
      unit: 'euro',
      appVersion: '9.9.9',
      generatedAt: at,
      begrotingsjaar: 2025,
    });
    const sheet = (await readWorkbook(file.data)).getWorksheet(SHEETS.samenvatting)!;
    expect(result.years.map((_, k) => textOf(sheet.getCell(3, YEAR_COL + k).value))).toEqual([
      'realisatie',
      'realisatie',
      'raming',
      'begroting',
      'raming',
      'raming',
      'raming',
    ]);
  });

  it('structurele and incidentele lasten and baten apart; structureel saldo = structurele baten − structurele lasten', () => {
    const total = rowsWithLabel(ws, 'Totaal lasten')[0]!;
    const incCost = total + 1;
    const strCost = total + 2;
    expect(textOf(ws.getCell(incCost, 1).value)).toBe('waarvan incidentele lasten');
    expect(textOf(ws.getCell(strCost, 1).value)).toBe('waarvan structurele lasten');
    const strBaten = rowsWithLabel(ws, 'Totaal structurele baten')[0]!;
    const incBaten = rowsWithLabel(ws, 'Totaal incidentele baten')[0]!;
    const baten = rowsWithLabel(ws, 'Totaal baten')[0]!;
    const saldo = rowsWithLabel(ws, 'Saldo (baten − lasten; negatief = tekort)')[0]!;
    const strSaldo = rowsWithLabel(ws, 'Structureel saldo (structurele baten − structurele lasten)')[0]!;
    result.years.forEach((_, k) => {
      const t = result.totals[k]!;
      const col = YEAR_COL + k;
      const c = ws.getCell(1, col).address.replace(/\d+$/, '');
      const structural =
        t.fundingBaseline +
        (result.fundingMeasures ?? []).filter((m) => m.kind === 'structureel').reduce((s, m) => s + m.years[k]!, 0);
      expect(num(ws.getCell(incCost, col).value)).toBe(0);
      expect(num(ws.getCell(strCost, col).value)).toBeCloseTo(t.cost, 6);
      expect(num(ws.getCell(strBaten, col).value)).toBeCloseTo(structural, 6);
      expect(num(ws.getCell(incBaten, col).value)).toBeCloseTo(t.funding - structural, 6);
      expect(ws.getCell(baten, col).formula).toBe(`${c}${strBaten}+${c}${incBaten}`);
      expect(num(ws.getCell(baten, col).value)).toBeCloseTo(t.funding, 6);
      expect(ws.getCell(strSaldo, col).formula).toBe(`${c}${strBaten}-${c}${strCost}`);
      expect(num(ws.getCell(strSaldo, col).value)).toBeCloseTo(structural - t.cost, 6);
      expect(num(ws.getCell(saldo, col).value)).toBeCloseTo(t.balance, 6);
    });
    // the one-off cut of 2024 lowers the saldo, not the structureel saldo
    expect(result.totals[2]!.fundingAdjustment).toBe(-1_200_000);
    expect(num(ws.getCell(strSaldo, YEAR_COL + 2).value) - num(ws.getCell(saldo, YEAR_COL + 2).value)).toBeCloseTo(
      1_200_000,
      6,
    );
  });

  it('baten on taakveld 0.7; Taakvelden shows them and the saldo', () => {
    const str = rowsWithLabel(ws, 'Rijksmiddelen: basisbedrag met indexpad')[0]!;
    expect(textOf(ws.getCell(str, 2).value)).toBe('0.7');
    expect(textOf(ws.getCell(rowsWithLabel(ws, 'Eenmalige bijstellingen (scenario)')[0]!, 2).value)).toBe('0.7');
    const tv = wb.getWorksheet(SHEETS.taakvelden)!;
    const row = rowsWithLabel(tv, 'Baten: algemene uitkering gemeentefonds')[0]!;
    expect(textOf(tv.getCell(row, 2).value)).toBe('0.7');
    const baten = rowsWithLabel(ws, 'Totaal baten')[0]!;
    expect(tv.getCell(row, YEAR_COL).formula).toBe(`Samenvatting!C${baten}`);
    const saldo = rowsWithLabel(tv, 'Saldo (baten − lasten; negatief = tekort)')[0]!;
    result.years.forEach((_, k) => {
      expect(num(tv.getCell(row, YEAR_COL + k).value)).toBeCloseTo(result.totals[k]!.funding, 6);
      expect(num(tv.getCell(saldo, YEAR_COL + k).value)).toBeCloseTo(result.totals[k]!.balance, 6);
    });
  });

  it('without a reference there are no V/N rows', () => {
    expect(rowsWithLabel(ws, 'Saldo').length).toBe(0);
    expect(rowsWithLabel(ws, 'Lasten (lager dan de referentie = V)').length).toBe(0);
  });
});

describe('V/N against a reference, hand-computed', async () => {
  const label = 'versie van "Basis" van 12-10-2026 (vastgestelde begroting)';
  const wb = await sheetOf('euro', { reference: { label, result: referenceResult() } });
  const ws = wb.getWorksheet(SHEETS.samenvatting)!;
  const cost = rowsWithLabel(ws, 'Lasten (lager dan de referentie = V)')[0]!;
  const baten = rowsWithLabel(ws, 'Baten (hoger dan de referentie = V)')[0]!;
  const saldo = rowsWithLabel(ws, 'Saldo')[0]!;
  const strSaldo = rowsWithLabel(ws, 'Structureel saldo')[0]!;
  const at = (row: number, k: number) => num(ws.getCell(row, YEAR_COL + k).value);

  it('names the reference and signs every difference so that positive is voordelig for the saldo', () => {
    expect(rowsWithLabel(ws, `Vergelijking met ${label}`)).toHaveLength(1);
    // 2022: identical → 0 everywhere
    expect([at(cost, 0), at(baten, 0), at(saldo, 0), at(strSaldo, 0)].map((x) => Math.abs(x))).toEqual([0, 0, 0, 0]);
    // 2024: reference € 100.000 more lasten → lasten +100.000 V; € 50.000 less structurele baten → baten +50.000 V
    expect(at(cost, 2)).toBeCloseTo(100_000, 6);
    expect(at(baten, 2)).toBeCloseTo(50_000, 6);
    expect(at(saldo, 2)).toBeCloseTo(150_000, 6);
    expect(at(strSaldo, 2)).toBeCloseTo(150_000, 6);
    // 2025: reference € 40.000 less lasten → lasten −40.000 N, saldo −40.000 N
    expect(at(cost, 3)).toBeCloseTo(-40_000, 6);
    expect(at(saldo, 3)).toBeCloseTo(-40_000, 6);
    expect(at(strSaldo, 3)).toBeCloseTo(-40_000, 6);
    // 2026: reference € 30.000 more incidentele baten → baten and saldo −30.000 N, structureel saldo unchanged
    expect(at(baten, 4)).toBeCloseTo(-30_000, 6);
    expect(at(saldo, 4)).toBeCloseTo(-30_000, 6);
    expect(Math.abs(at(strSaldo, 4))).toBeLessThan(1e-6);
    expect([at(cost, 2), at(cost, 3), at(baten, 4), 0].map(vnLetter)).toEqual(['V', 'N', 'N', '']);
  });

  it('the differences are formulas with the V/N cell format', () => {
    const c = 'E'; // 2024
    const refCost = rowsWithLabel(ws, 'Referentie: totaal lasten')[0]!;
    const total = rowsWithLabel(ws, 'Totaal lasten')[0]!;
    expect(ws.getCell(cost, YEAR_COL + 2).formula).toBe(`${c}${refCost}-${c}${total}`);
    expect(ws.getCell(cost, YEAR_COL + 2).numFmt).toBe(FMT_EURO_VN);
    expect(num(ws.getCell(refCost, YEAR_COL + 2).value)).toBeCloseTo(result.totals[2]!.cost + 100_000, 6);
    const toelichting = wb.getWorksheet(SHEETS.toelichting)!;
    expect(textOf(toelichting.getCell(rowsWithLabel(toelichting, 'Referentie (V/N)')[0]!, 2).value)).toContain(label);
  });

  it('× € 1.000: the difference of the printed figures (rounded lines), with the thousands V/N format', async () => {
    const wbk = await sheetOf('thousand', { reference: { label, result: referenceResult() } });
    const wsk = wbk.getWorksheet(SHEETS.samenvatting)!;
    const s = rowsWithLabel(wsk, 'Saldo')[0]!;
    expect(num(wsk.getCell(s, YEAR_COL + 2).value)).toBe(150);
    expect(num(wsk.getCell(s, YEAR_COL + 3).value)).toBe(-40);
    expect(wsk.getCell(s, YEAR_COL + 2).numFmt).toBe(FMT_THOUSAND_VN);
  });

  it('a year the reference does not have gets no figure and no V/N', async () => {
    const short = referenceResult();
    short.years = short.years.slice(0, 5);
    short.totals = short.totals.slice(0, 5);
    const wbs = await sheetOf('euro', { reference: { label, result: short } });
    const wss = wbs.getWorksheet(SHEETS.samenvatting)!;
    const s = rowsWithLabel(wss, 'Saldo')[0]!;
    expect(num(wss.getCell(s, YEAR_COL + 4).value)).toBeCloseTo(-30_000, 6);
    expect(wss.getCell(s, YEAR_COL + 5).value).toBeNull();
  });
});

describe('V/N in a gemeente workbook', () => {
  it("compares the gemeente's own figures; a reference without the gemeente gives a note and no V/N", async () => {
    const other = testScenarios(model)[0]!;
    const ref = simulate(model, other);
    const wb = await sheetOf('euro', { scope: 'venlo', reference: { label: 'scenario "Basis"', scenario: other } });
    const ws = wb.getWorksheet(SHEETS.samenvatting)!;
    const vn = rowsWithLabel(ws, 'Saldo')[0]!;
    const g = result.gemeenten.find((x) => x.id === 'venlo')!;
    const rg = ref.gemeenten.find((x) => x.id === 'venlo')!;
    result.years.forEach((_, k) =>
      expect(num(ws.getCell(vn, YEAR_COL + k).value)).toBeCloseTo(g.years[k]!.balance - rg.years[k]!.balance, 4),
    );

    const without = { ...ref, gemeenten: ref.gemeenten.filter((x) => x.id !== 'venlo') };
    const wb2 = await sheetOf('euro', { scope: 'venlo', reference: { label: 'scenario "Basis"', result: without } });
    const ws2 = wb2.getWorksheet(SHEETS.samenvatting)!;
    expect(rowsWithLabel(ws2, 'Saldo')).toHaveLength(0);
    expect(
      rowsWithLabel(
        ws2,
        'De referentie (scenario "Basis") heeft geen cijfers voor deze gemeente; er is geen V/N-vergelijking.',
      ),
    ).toHaveLength(1);
  });
});

describe('begrotingsjaar in the request', () => {
  it('refuses a year outside the model in Dutch, naming the field and the value', async () => {
    await expect(sheetOf('euro', { begrotingsjaar: 2031 })).rejects.toThrow(ExportError);
    await expect(sheetOf('euro', { begrotingsjaar: 2031 })).rejects.toThrow(
      'Begrotingsjaar: 2031 ligt niet in de jaren van het model (2022–2028)',
    );
  });
});

const soffice = findSoffice();

describe.skipIf(!soffice)('the V/N and structureel saldo formulas recalculated by LibreOffice Calc', async () => {
  const other = testScenarios(model)[0]!;
  const reference = { label: 'scenario "Basis"', scenario: other };
  const region = await exportBijlage({
    model,
    scenarios: [scenario],
    scope: 'region',
    unit: 'euro',
    appVersion: 'test',
    begrotingsjaar: 2027,
    reference,
  });
  const venlo = await exportBijlage({
    model,
    scenarios: [scenario],
    scope: 'venlo',
    unit: 'thousand',
    appVersion: 'test',
    begrotingsjaar: 2027,
    reference,
  });
  /** A copy whose cached formula results are all wrong: only a real recalculation restores them. */
  const poisoned = async (data: Buffer) => {
    const wb = await readWorkbook(data);
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, result: -987_654_321 };
        }),
      ),
    );
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const recalculated = soffice
    ? await recalcWithLibreOffice(soffice, [
        { name: 'regio.xlsx', data: await poisoned(region.data) },
        { name: 'venlo.xlsx', data: await poisoned(venlo.data) },
      ])
    : new Map<string, Buffer>();

  it('every formula of Samenvatting and Taakvelden, the V/N rows included, comes back to the cached value', async () => {
    for (const [name, original, perEuro] of [
      ['regio.xlsx', region.data, 1],
      ['venlo.xlsx', venlo.data, 1000],
    ] as const) {
      const cached = await rawNumbers(original);
      const lo = await rawNumbers(recalculated.get(name)!);
      const wb = await readWorkbook(original);
      let checked = 0;
      for (const sheet of [SHEETS.samenvatting, SHEETS.taakvelden]) {
        wb.getWorksheet(sheet)!.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type !== ExcelJS.ValueType.Formula) return;
            const want = cached.get(sheet)?.get(cell.address) ?? 0;
            const got = lo.get(sheet)?.get(cell.address);
            expect(got, `${name} ${sheet}!${cell.address}`).toBeDefined();
            expect(Math.abs((got! - want) * perEuro), `${name} ${sheet}!${cell.address}`).toBeLessThanOrEqual(1);
            checked++;
          }),
        );
      }
      expect(checked).toBeGreaterThan(100);
    }
    // the V/N saldo as Calc computes it = scenario − reference (engine), within € 1
    const data = recalculated.get('regio.xlsx')!;
    const ws = (await readWorkbook(data)).getWorksheet(SHEETS.samenvatting)!;
    const values = await rawNumbers(data);
    const vn = rowsWithLabel(ws, 'Saldo')[0]!;
    const ref = simulate(model, other);
    result.years.forEach((_, k) => {
      const got = values.get(SHEETS.samenvatting)!.get(ws.getCell(vn, YEAR_COL + k).address) ?? 0;
      expect(Math.abs(got - (result.totals[k]!.balance - ref.totals[k]!.balance))).toBeLessThanOrEqual(1);
    });
  });
});
