import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Worksheet } from 'exceljs';
import { exportBijlage, ExportError } from '../../../src/main/excel/exportBijlage';
import { roundHalfAway, SHEETS } from '../../../src/main/excel/kit/context';
import { FMT_CHANCE } from '../../../src/main/excel/sheets/onzekerheid';
import { BAND_LABELS } from '../../../src/main/excel/sheets/samenvatting';
import { FMT_EURO, FMT_THOUSAND } from '../../../src/main/excel/styles';
import { runMonteCarloSync, type MonteCarloResult, type Percentiles } from '../../../src/shared/analysis/montecarlo';
import { tornado } from '../../../src/shared/analysis/tornado';
import { apiRequests } from '../../../src/shared/api';
import { rangeScenario, testModel, testScenarios } from '../../fixtures';
import { numberOf, readWorkbook, rowsStartingWith, rowsWithLabel, textOf } from './helpers';

const model = testModel();
const scenarios = [rangeScenario(model), testScenarios(model)[0]!];
const at = new Date('2025-10-01T08:30:00Z');
const YEAR_COL = 3;
const DRAWS = 600;
const SEED = 424242;
const analysis = { montecarlo: { draws: DRAWS, seed: SEED }, tornado: {} };
const P10 = 'P10: in 10% van de trekkingen lager';
const P50 = 'P50: middelste uitkomst (mediaan)';
const P90 = 'P90: in 90% van de trekkingen lager';
const DETERMINISTIC = 'Uitkomst scenario (zonder spreiding)';

/** The value of column B on the row whose column A is `label`. */
function infoValue(ws: Worksheet, label: string): unknown {
  const row = rowsWithLabel(ws, label)[0];
  expect(row, label).toBeDefined();
  return ws.getCell(row!, 2).value;
}

/** Per scenario the band rows (lasten, saldo, cumulatief saldo) as written. */
function bandRowsOf(ws: Worksheet) {
  const p10 = rowsWithLabel(ws, P10);
  const p50 = rowsWithLabel(ws, P50);
  const p90 = rowsWithLabel(ws, P90);
  const det = rowsWithLabel(ws, DETERMINISTIC);
  const chance = rowsWithLabel(ws, 'Kans op een tekort (saldo onder € 0)');
  return { p10, p50, p90, det, chance };
}

function expectBand(
  ws: Worksheet,
  rows: { p10: number; p50: number; p90: number },
  bands: readonly Percentiles[],
  perUnit: number,
): void {
  bands.forEach((b, k) => {
    if (perUnit === 1000) {
      // × € 1.000: rounded to whole thousands like every line
      expect(numberOf(ws.getCell(rows.p10, YEAR_COL + k).value)).toBe(roundHalfAway(b.p10 / 1000));
      expect(numberOf(ws.getCell(rows.p50, YEAR_COL + k).value)).toBe(roundHalfAway(b.p50 / 1000));
      expect(numberOf(ws.getCell(rows.p90, YEAR_COL + k).value)).toBe(roundHalfAway(b.p90 / 1000));
      return;
    }
    expect(numberOf(ws.getCell(rows.p10, YEAR_COL + k).value)! * perUnit).toBeCloseTo(b.p10, 6);
    expect(numberOf(ws.getCell(rows.p50, YEAR_COL + k).value)! * perUnit).toBeCloseTo(b.p50, 6);
    expect(numberOf(ws.getCell(rows.p90, YEAR_COL + k).value)! * perUnit).toBeCloseTo(b.p90, 6);
  });
}

/** Every cell of every sheet as [sheet!address, value, numFmt]: for cell-by-cell comparison. */
async function allCells(data: Buffer): Promise<string[]> {
  const wb = await readWorkbook(data);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell((c) => out.push(`${ws.name}!${c.address}\t${JSON.stringify(c.value)}\t${c.numFmt ?? ''}`)),
    ),
  );
  return out;
}

describe('begrotingsbijlage with analysis sheets, region, euro', async () => {
  const file = await exportBijlage({
    model,
    scenarios,
    scope: 'region',
    unit: 'euro',
    appVersion: 'test',
    generatedAt: at,
    analysis,
  });
  const wb = await readWorkbook(file.data);
  const mc: MonteCarloResult[] = scenarios.map((scenario) =>
    runMonteCarloSync({ model, scenario, draws: DRAWS, seed: SEED }),
  );
  const ws = wb.getWorksheet(SHEETS.onzekerheid)!;

  it('adds Onzekerheid and Gevoeligheid before Toelichting', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SHEETS.samenvatting,
      SHEETS.perGemeente,
      SHEETS.taakvelden,
      SHEETS.aannames,
      SHEETS.vergelijking,
      SHEETS.onzekerheid,
      SHEETS.gevoeligheid,
      SHEETS.toelichting,
    ]);
  });

  it('Onzekerheid: the number of draws and the seed are in the sheet', () => {
    expect(infoValue(ws, 'Aantal trekkingen')).toBe(DRAWS);
    expect(infoValue(ws, 'Seed (startgetal van de toevalsgenerator)')).toBe(SEED);
    expect(mc[0]!.parameters.length).toBeGreaterThan(0);
  });

  it('Onzekerheid: P10/P50/P90 of lasten, saldo and cumulatief saldo equal runMonteCarlo for the same seed', () => {
    const r = bandRowsOf(ws);
    expect(r.p10).toHaveLength(3 * scenarios.length);
    expect(r.chance).toHaveLength(scenarios.length);
    mc.forEach((m, si) => {
      const at3 = (j: number) => ({ p10: r.p10[3 * si + j]!, p50: r.p50[3 * si + j]!, p90: r.p90[3 * si + j]! });
      expectBand(
        ws,
        at3(0),
        m.years.map((y) => y.cost),
        1,
      );
      expectBand(
        ws,
        at3(1),
        m.years.map((y) => y.balance),
        1,
      );
      expectBand(
        ws,
        at3(2),
        m.years.map((y) => y.cumulativeBalance),
        1,
      );
      m.years.forEach((y, k) => {
        const c = ws.getCell(r.chance[si]!, YEAR_COL + k);
        expect(c.value).toBe(y.deficitProbability);
        expect(c.numFmt).toBe(FMT_CHANCE);
        expect(ws.getCell(r.p10[3 * si]!, YEAR_COL + k).numFmt).toBe(FMT_EURO);
      });
    });
    // The bands really spread in the scenario with ranges: the test would not notice swapped rows otherwise.
    const last = mc[0]!.years.at(-1)!;
    expect(last.balance.p90 - last.balance.p10).toBeGreaterThan(100_000);
  });

  it('Onzekerheid: the scenario result beside the bands refers to Samenvatting, and the cumulative one sums it', () => {
    const r = bandRowsOf(ws);
    const summary = wb.getWorksheet(SHEETS.samenvatting)!;
    const saldoRows = rowsWithLabel(summary, 'Saldo (baten − lasten; negatief = tekort)');
    mc.forEach((m, si) => {
      const [costRow, saldoRow, cumRow] = [r.det[3 * si]!, r.det[3 * si + 1]!, r.det[3 * si + 2]!];
      let cumulative = 0;
      m.years.forEach((y, k) => {
        cumulative += y.deterministic.balance;
        expect(numberOf(ws.getCell(costRow, YEAR_COL + k).value)).toBeCloseTo(y.deterministic.cost, 6);
        const saldo = ws.getCell(saldoRow, YEAR_COL + k);
        expect(saldo.formula).toBe(`Samenvatting!${saldo.address.replace(/\d+$/, '')}${saldoRows[si]}`);
        expect(numberOf(saldo.value)).toBeCloseTo(y.deterministic.balance, 6);
        const cum = ws.getCell(cumRow, YEAR_COL + k);
        expect(cum.formula).toMatch(/^SUM\(\$C\d+:[A-Z]+\d+\)$/);
        expect(numberOf(cum.value)).toBeCloseTo(cumulative, 4);
      });
    });
  });

  it('Onzekerheid: lists each range drawn with its low, scenario value, high and source (as text)', () => {
    const params = mc[0]!.parameters;
    const first = rowsStartingWith(ws, 'Aanname (met de bron')[0]!;
    // Each range on its row, its source on its own row under it (merged over the width); a source
    // shared with a range above is printed once and referred to after that.
    const firstWith = new Map<string, string>();
    params.forEach((p, i) => {
      const row = first + 1 + 2 * i;
      expect(textOf(ws.getCell(row, 1).value)).toBe(p.label);
      expect(ws.getCell(row, 3).value).toBe(p.low);
      expect(ws.getCell(row, 4).value).toBe(p.likely);
      expect(ws.getCell(row, 5).value).toBe(p.high);
      expect(ws.getCell(row, 6).value).toBeNull();
      const source = p.rangeSource ?? 'geen bron opgegeven';
      const earlier = firstWith.get(source);
      expect(textOf(ws.getCell(row + 1, 1).value)).toBe(
        earlier === undefined ? `Bron: ${source}` : `Bron: dezelfde als bij "${earlier}" (hierboven)`,
      );
      if (earlier === undefined) firstWith.set(source, p.label);
      expect(ws.getCell(row + 1, 3).isMerged).toBe(true);
    });
    const inflow = params.findIndex((p) => p.key === 'ranges.ambulant.inflowPerYear');
    const cell = ws.getCell(first + 2 + 2 * inflow, 1);
    expect(cell.value).toBe('Bron: =spreiding realisatie 2019–2022');
    expect(cell.formula).toBeUndefined();
    // The scenario without ranges says so instead of showing a table.
    expect(rowsStartingWith(ws, 'Dit scenario heeft geen bandbreedtes')).toHaveLength(1);
  });

  it('Onzekerheid: a note explains how to read P10', () => {
    expect(
      rowsStartingWith(ws, 'Zo leest u dit blad. P10: in 10% van de trekkingen is de uitkomst lager.'),
    ).toHaveLength(1);
  });

  it('Gevoeligheid: the order, values and effects equal tornado(), with own range or ±10% per row', () => {
    const g = wb.getWorksheet(SHEETS.gevoeligheid)!;
    const barRows: number[] = [];
    g.eachRow((row, r) => {
      const b = textOf(row.getCell(2).value);
      if (b === 'eigen' || b === '±10%') barRows.push(r);
    });
    let offset = 0;
    scenarios.forEach((scenario) => {
      const t = tornado(model, scenario);
      expect(t.bars.length).toBeGreaterThan(3);
      t.bars.forEach((bar, i) => {
        const row = barRows[offset + i]!;
        expect(textOf(g.getCell(row, 1).value)).toBe(bar.parameter.label);
        expect(textOf(g.getCell(row, 2).value)).toBe(bar.parameter.fromRange ? 'eigen' : '±10%');
        expect(numberOf(g.getCell(row, 4).value)).toBeCloseTo(bar.low.value, 9);
        expect(numberOf(g.getCell(row, 5).value)).toBeCloseTo(bar.high.value, 9);
        expect(numberOf(g.getCell(row, 6).value)).toBeCloseTo(bar.low.cumulativeBalance - t.base.cumulativeBalance, 4);
        expect(numberOf(g.getCell(row, 7).value)).toBeCloseTo(bar.high.cumulativeBalance - t.base.cumulativeBalance, 4);
        expect(numberOf(g.getCell(row, 8).value)).toBeCloseTo(bar.low.yearBalance - t.base.yearBalance, 4);
        expect(numberOf(g.getCell(row, 9).value)).toBeCloseTo(bar.high.yearBalance - t.base.yearBalance, 4);
      });
      offset += t.bars.length;
    });
    expect(barRows).toHaveLength(offset);
    // The scenario with ranges has assumptions of both kinds.
    const first = tornado(model, scenarios[0]!);
    expect(first.bars.some((b) => b.parameter.fromRange)).toBe(true);
    expect(first.bars.some((b) => !b.parameter.fromRange)).toBe(true);
    expect(textOf(g.getCell(4, 8).value)).toBe(`Saldo ${model.endYear}: effect bij laag`);
  });

  it('Toelichting names both sheets, the draws and the seed', () => {
    const t = wb.getWorksheet(SHEETS.toelichting)!;
    expect(rowsWithLabel(t, SHEETS.onzekerheid)).toHaveLength(1);
    expect(rowsWithLabel(t, SHEETS.gevoeligheid)).toHaveLength(1);
    expect(textOf(t.getCell(rowsWithLabel(t, 'Monte Carlo')[0]!, 2).value)).toBe(
      '600 trekkingen, seed 424242 (dezelfde seed en aannames geven exact dezelfde uitkomst)',
    );
  });

  it('Onzekerheid and Gevoeligheid: frozen header, A4 landscape, header with scope', () => {
    for (const name of [SHEETS.onzekerheid, SHEETS.gevoeligheid]) {
      const s = wb.getWorksheet(name)!;
      expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
      expect(s.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
      expect(s.headerFooter.oddHeader).toContain(model.name);
    }
  });
});

describe('reproducibility', () => {
  it('two exports with the same seed are cell-identical; another seed changes the bands', async () => {
    const one = await exportBijlage({
      model,
      scenarios,
      scope: 'region',
      unit: 'euro',
      appVersion: 'test',
      generatedAt: at,
      analysis,
    });
    const two = await exportBijlage({
      model,
      scenarios,
      scope: 'region',
      unit: 'euro',
      appVersion: 'test',
      generatedAt: at,
      analysis,
    });
    const a = await allCells(one.data);
    expect(a.length).toBeGreaterThan(500);
    expect(await allCells(two.data)).toEqual(a);
    const other = await exportBijlage({
      model,
      scenarios,
      scope: 'region',
      unit: 'euro',
      appVersion: 'test',
      generatedAt: at,
      analysis: { montecarlo: { draws: DRAWS, seed: SEED + 1 } },
    });
    const b = await allCells(other.data);
    const onz = (cells: string[]) => cells.filter((c) => c.startsWith(`${SHEETS.onzekerheid}!`));
    expect(onz(b)).not.toEqual(onz(a));
    // Samenvatting: the same, except the band under the saldo (it is that Monte Carlo's)
    const bandRows = async (data: Buffer) => {
      const ws = (await readWorkbook(data)).getWorksheet(SHEETS.samenvatting)!;
      const rows = new Set<number>();
      ws.eachRow((row, r) => {
        const t = textOf(row.getCell(1).value).trim();
        if (
          Object.values(BAND_LABELS).includes(t as never) ||
          /^(Bandbreedte:|Het saldo|Het cumulatieve saldo)/.test(t)
        )
          rows.add(r);
      });
      return rows;
    };
    const summary = (cells: string[], skip: Set<number>) =>
      cells.filter(
        (c) => c.startsWith(`${SHEETS.samenvatting}!`) && !skip.has(Number(/^[^!]+![A-Z]+(\d+)/.exec(c)![1])),
      );
    const skipA = await bandRows(one.data);
    expect(skipA.size).toBeGreaterThanOrEqual(4);
    expect(summary(b, await bandRows(other.data))).toEqual(summary(a, skipA));
  });

  it('Samenvatting: P10, P50 and P90 of the saldo under it, from the same Monte Carlo (issue 11, item 6)', async () => {
    const file = await exportBijlage({
      model,
      scenarios,
      scope: 'region',
      unit: 'euro',
      appVersion: 'test',
      generatedAt: at,
      analysis,
    });
    const ws = (await readWorkbook(file.data)).getWorksheet(SHEETS.samenvatting)!;
    // per scenario block (in order) the band of that scenario's Monte Carlo
    const mcs = scenarios.map((scenario) => runMonteCarloSync({ model, scenario, draws: DRAWS, seed: SEED }));
    for (const q of ['p10', 'p50', 'p90'] as const) {
      const rows = rowsWithLabel(ws, BAND_LABELS[q]);
      expect(rows).toHaveLength(scenarios.length);
      mcs.forEach((mc, i) =>
        mc.years.forEach((y, k) => expect(numberOf(ws.getCell(rows[i]!, YEAR_COL + k).value)).toBe(y.balance[q])),
      );
    }
    expect(rowsStartingWith(ws, 'Bandbreedte: 600 trekkingen (seed 424242)')).toHaveLength(scenarios.length);
  });
});

describe('without analysis options, other scopes and units, bad options', () => {
  it('without the options the sheets are absent and Toelichting does not mention them', async () => {
    const file = await exportBijlage({
      model,
      scenarios: [scenarios[0]!],
      scope: 'region',
      unit: 'euro',
      appVersion: 'test',
      generatedAt: at,
    });
    const wb = await readWorkbook(file.data);
    expect(wb.getWorksheet(SHEETS.onzekerheid)).toBeUndefined();
    expect(wb.getWorksheet(SHEETS.gevoeligheid)).toBeUndefined();
    const t = wb.getWorksheet(SHEETS.toelichting)!;
    expect(rowsWithLabel(t, SHEETS.onzekerheid)).toHaveLength(0);
    expect(rowsWithLabel(t, 'Monte Carlo')).toHaveLength(0);
  });

  it('only the tornado: Gevoeligheid without Onzekerheid, for the chosen year', async () => {
    const file = await exportBijlage({
      model,
      scenarios: [scenarios[0]!],
      scope: 'region',
      unit: 'euro',
      appVersion: 'test',
      generatedAt: at,
      analysis: { tornado: { year: 2025 } },
    });
    const wb = await readWorkbook(file.data);
    expect(wb.getWorksheet(SHEETS.onzekerheid)).toBeUndefined();
    const g = wb.getWorksheet(SHEETS.gevoeligheid)!;
    expect(textOf(g.getCell(4, 8).value)).toBe('Saldo 2025: effect bij laag');
    const t = tornado(model, scenarios[0]!, { year: 2025 });
    const row = rowsWithLabel(g, t.bars[0]!.parameter.label)[0]!;
    expect(numberOf(g.getCell(row, 8).value)).toBeCloseTo(t.bars[0]!.low.yearBalance - t.base.yearBalance, 4);
  });

  it('a gemeente workbook in thousands shows the region bands, says so, and writes × € 1.000', async () => {
    const file = await exportBijlage({
      model,
      scenarios: [scenarios[0]!],
      scope: 'venlo',
      unit: 'thousand',
      appVersion: 'test',
      generatedAt: at,
      analysis,
    });
    const wb = await readWorkbook(file.data);
    const ws = wb.getWorksheet(SHEETS.onzekerheid)!;
    expect(textOf(ws.getCell(1, 1).value)).toBe(
      'Hoe zeker is dit? Bandbreedtes (Monte Carlo) — Noord-Limburg testmodel (hele regio)',
    );
    expect(
      rowsStartingWith(
        ws,
        'Let op: deze cijfers gelden voor de hele regio (Noord-Limburg testmodel), niet alleen voor Gemeente Venlo.',
      ),
    ).toHaveLength(1);
    const m = runMonteCarloSync({ model, scenario: scenarios[0]!, draws: DRAWS, seed: SEED });
    const r = bandRowsOf(ws);
    expectBand(
      ws,
      { p10: r.p10[1]!, p50: r.p50[1]!, p90: r.p90[1]! },
      m.years.map((y) => y.balance),
      1000,
    );
    expect(ws.getCell(r.p10[1]!, YEAR_COL).numFmt).toBe(FMT_THOUSAND);
    // Without Samenvatting's region saldo to refer to, the scenario result is a value.
    expect(ws.getCell(r.det[1]!, YEAR_COL).formula).toBeUndefined();
    // × € 1.000: rounded to whole thousands like every line
    expect(numberOf(ws.getCell(r.det[1]!, YEAR_COL).value)).toBe(
      roundHalfAway(m.years[0]!.deterministic.balance / 1000),
    );
    expect(
      rowsStartingWith(wb.getWorksheet(SHEETS.gevoeligheid)!, 'Let op: deze cijfers gelden voor de hele regio'),
    ).toHaveLength(1);
  });

  it('scope all: every workbook in the zip has both sheets', async () => {
    const file = await exportBijlage({
      model,
      scenarios: [scenarios[0]!],
      scope: 'all',
      unit: 'euro',
      appVersion: 'test',
      generatedAt: at,
      analysis,
    });
    const zip = await JSZip.loadAsync(file.data);
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(8);
    for (const n of names) {
      const wb = await readWorkbook(await zip.file(n)!.async('nodebuffer'));
      expect(wb.getWorksheet(SHEETS.onzekerheid), n).toBeDefined();
      expect(wb.getWorksheet(SHEETS.gevoeligheid), n).toBeDefined();
    }
  });

  it('refuses too few draws, a bad seed and a tornado year outside the model, in Dutch', async () => {
    const base = { model, scenarios: [scenarios[0]!], scope: 'region', unit: 'euro' as const, appVersion: 'test' };
    await expect(exportBijlage({ ...base, analysis: { montecarlo: { draws: 50, seed: 1 } } })).rejects.toThrow(
      new ExportError(
        'Aantal trekkingen: 50 is geen heel getal van 100 tot 50.000 (minder dan 100 trekkingen is te grof voor P10 en P90).',
      ),
    );
    await expect(exportBijlage({ ...base, analysis: { montecarlo: { draws: 1000, seed: -3 } } })).rejects.toThrow(
      'Seed: -3 is geen heel getal van 0 tot 4.294.967.295.',
    );
    await expect(exportBijlage({ ...base, analysis: { tornado: { year: 2040 } } })).rejects.toThrow(
      'Jaar voor de gevoeligheid: 2040 ligt niet in 2022–2028.',
    );
  });

  it('the API request accepts the analysis options and refuses out-of-range ones', () => {
    const schema = apiRequests['excel.exportBijlage'];
    const ok = schema.safeParse({
      modelId: 1,
      scenarioIds: [1],
      analysis: { montecarlo: { draws: 2000, seed: 7 }, tornado: { year: 2028 } },
    });
    expect(ok.success).toBe(true);
    expect(
      schema.safeParse({ modelId: 1, scenarioIds: [1], analysis: { montecarlo: { draws: 60_000, seed: 7 } } }).success,
    ).toBe(false);
    expect(
      schema.safeParse({
        modelId: 1,
        scenarioIds: [1],
        analysis: { montecarlo: { draws: 2000, seed: 7 }, extra: true },
      }).success,
    ).toBe(false);
    expect(schema.safeParse({ modelId: 1, scenarioIds: [1] }).success).toBe(true);
  });
});
