/**
 * The Excel dialogs in the UI: the export downloads a real .xlsx whose
 * Samenvatting saldo 2028 (read here with ExcelJS) equals the engine's, also
 * for an edit made a moment before (pending autosave is written first); "all"
 * gives a zip; the template downloads and imports back as a model that opens;
 * a broken workbook lists every cell-level error and saves nothing; a realised
 * figure typed in the template's Realisatie sheet shows in the Realisatie view.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { simulate } from '../../src/shared/engine/simulate';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, RESULTS_DIR, parseEuro, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

const SALDO_LABEL = 'Saldo (baten − lasten; negatief = tekort)';
const YEAR_COL = 3;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('excel')]);
  app = await AppPage.open(browser, srv);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

function textOf(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

function numberOf(v: ExcelJS.CellValue): number {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
  throw new Error(`geen getal: ${JSON.stringify(v)}`);
}

function rowsWithLabel(ws: ExcelJS.Worksheet, label: string): number[] {
  const out: number[] = [];
  ws.eachRow((row, r) => {
    if (textOf(row.getCell(1).value).trim() === label) out.push(r);
  });
  return out;
}

async function openExcel(item: 'export' | 'template' | 'import'): Promise<void> {
  // a failed test may leave a dialog open; start from the app itself
  if (await app.page.$('dialog[open]')) await closeDialog();
  await app.page.click('[data-testid="excel-menu"]');
  await app.page.click(`[data-testid="excel-menu-${item}"]`);
  await app.page.waitForSelector(`[data-testid="excel-${item}"]`);
}

async function closeDialog(): Promise<void> {
  await app.page.keyboard.press('Escape');
  await app.page.waitForSelector('dialog[open]', { state: 'detached', timeout: 2000 }).catch(() => undefined);
}

async function download(click: string): Promise<{ file: string; name: string }> {
  const [dl] = await Promise.all([app.page.waitForEvent('download'), app.page.click(click)]);
  const name = dl.suggestedFilename();
  const file = path.join(RESULTS_DIR, `e2e-${name}`);
  await dl.saveAs(file);
  return { file, name };
}

describe('Exporteren naar Excel', () => {
  it("the header's Excel menu opens on the first item and closes with Esc, back on its button", async () => {
    await app.page.click('[data-testid="excel-menu"]');
    expect(await app.page.getAttribute('[data-testid="excel-menu"]', 'aria-expanded')).toBe('true');
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'excel-menu-export',
    );
    await app.screenshot('excel-menu.png', false);
    await app.page.keyboard.press('Escape');
    expect(await app.page.getAttribute('[data-testid="excel-menu"]', 'aria-expanded')).toBe('false');
    expect(await app.page.isVisible('[data-testid="excel-menu-export"]')).toBe(false);
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('excel-menu');
  });

  it('downloads the begrotingsbijlage of the current scenario, including an edit made just before; saldo 2028 equals the engine', async () => {
    // an edit whose autosave has not run yet: the export must include it
    await app.nav('rijksmiddelen');
    await app.page.click('[data-testid="measure-switch-korting-511-mln"]');
    await openExcel('export');
    const { scenarios, model } = await stored(srv);
    const current = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!;
    // the current scenario is preselected, the others are not
    expect(await app.page.isChecked(`[data-testid="excel-scenario-${current.id}"]`)).toBe(true);
    for (const s of scenarios.filter((x) => x.id !== current.id))
      expect(await app.page.isChecked(`[data-testid="excel-scenario-${s.id}"]`)).toBe(false);
    await app.screenshot('excel-export-dialog.png', false);

    const { file, name } = await download('[data-testid="excel-export-run"]');
    expect(name).toMatch(/\.xlsx$/);
    await expect.poll(() => app.page.textContent('[data-testid="excel-export-status"]')).toBe(`Gedownload: ${name}`);

    const after = (await stored(srv)).scenarios.find((s) => s.id === current.id)!.scenario;
    expect(after.measures).toEqual({ 'korting-511-mln': true });
    const engine = simulate(model, after);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Samenvatting')!;
    const [saldoRow] = rowsWithLabel(ws, SALDO_LABEL);
    expect(saldoRow).toBeDefined();
    const k = engine.years.indexOf(2028);
    const [headerRow] = rowsWithLabel(ws, 'Omschrijving');
    expect(numberOf(ws.getCell(headerRow!, YEAR_COL + k).value)).toBe(2028);
    const cell = ws.getCell(saldoRow!, YEAR_COL + k);
    expect(cell.formula).toMatch(/^[A-Z]+\d+-[A-Z]+\d+$/);
    expect(Math.abs(numberOf(cell.value) - engine.totals[k]!.balance)).toBeLessThan(0.01);
    // the measure is its own line in the workbook
    const [measureRow] = rowsWithLabel(ws, 'Rijksmaatregel: Korting € 511 mln (Rutte IV) vanaf 2026');
    expect(
      Math.abs(numberOf(ws.getCell(measureRow!, YEAR_COL + k).value) - engine.fundingMeasures![0]!.years[k]!),
    ).toBeLessThan(0.01);
    await closeDialog();
  });

  it('marks the begrotingsjaar and compares with Ongewijzigd beleid by default (V/N), as chosen in the dialog', async () => {
    await openExcel('export');
    const { scenarios, model } = await stored(srv);
    const ongewijzigd = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!;
    const other = scenarios.find((s) => s.id !== ongewijzigd.id)!;
    await app.page.uncheck(`[data-testid="excel-scenario-${ongewijzigd.id}"]`);
    await app.page.check(`[data-testid="excel-scenario-${other.id}"]`);
    // Ongewijzigd beleid is not exported now, so it is the default reference
    await expect.poll(() => app.page.inputValue('[data-testid="excel-reference"]')).toBe(`scenario:${ongewijzigd.id}`);
    await app.page.selectOption('[data-testid="excel-begrotingsjaar"]', '2027');
    await app.screenshot('excel-export-meerjarenraming.png', false);
    const { file } = await download('[data-testid="excel-export-run"]');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Samenvatting')!;
    const engine = simulate(model, other.scenario);
    const ref = simulate(model, ongewijzigd.scenario);
    const k = engine.years.indexOf(2027);
    expect(textOf(ws.getCell(3, YEAR_COL + k).value)).toBe('begroting');
    expect(textOf(ws.getCell(3, YEAR_COL + k + 1).value)).toBe('raming');
    expect(rowsWithLabel(ws, 'Vergelijking met scenario "Ongewijzigd beleid"')).toHaveLength(1);
    const [vn] = rowsWithLabel(ws, 'Saldo');
    const diff = engine.totals[k]!.balance - ref.totals[k]!.balance;
    expect(Math.abs(numberOf(ws.getCell(vn!, YEAR_COL + k).value) - diff)).toBeLessThan(0.01);
    await closeDialog();
  });

  it('exports several scenarios for the region and every gemeente as a zip, in × € 1.000, with the analysis sheets', async () => {
    await openExcel('export');
    const { scenarios, model } = await stored(srv);
    for (const s of scenarios)
      if (!(await app.page.isChecked(`[data-testid="excel-scenario-${s.id}"]`)))
        await app.page.check(`[data-testid="excel-scenario-${s.id}"]`);
    await app.page.check('[data-testid="excel-scope-all"]');
    await app.page.check('[data-testid="excel-unit-thousand"]');
    await app.page.check('[data-testid="excel-montecarlo"]');
    await app.page.fill('[data-testid="excel-draws"]', '200');
    await app.page.check('[data-testid="excel-tornado"]');
    await app.screenshot('excel-export-options.png', false);
    const { file, name } = await download('[data-testid="excel-export-run"]');
    expect(name).toMatch(/\.zip$/);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const names = Object.keys(zip.files).filter((n) => n.endsWith('.xlsx'));
    expect(names).toHaveLength(1 + model.gemeenten.length);
    const region = names.find((n) => !/gemeente/i.test(n))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.file(region)!.async('nodebuffer')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Samenvatting', 'Scenariovergelijking', 'Onzekerheid', 'Gevoeligheid']),
    );
    const ws = wb.getWorksheet('Samenvatting')!;
    const saldoRows = rowsWithLabel(ws, SALDO_LABEL);
    expect(saldoRows).toHaveLength(scenarios.length);
    // × € 1.000: the first scenario's saldo 2028 in whole thousands (the sum of the printed lines);
    // with the afrondingsverschil in the row below it is the engine's saldo
    const first = scenarios[0]!;
    const engine = simulate(model, first.scenario);
    const k = engine.years.indexOf(2028);
    const printed = numberOf(ws.getCell(saldoRows[0]!, YEAR_COL + k).value);
    expect(Number.isInteger(printed)).toBe(true);
    expect(String(ws.getCell(saldoRows[0]! + 1, 1).value)).toMatch(/^Afrondingsverschil/);
    expect(
      Math.abs(
        printed + numberOf(ws.getCell(saldoRows[0]! + 1, YEAR_COL + k).value) - engine.totals[k]!.balance / 1000,
      ),
    ).toBeLessThan(0.001);
    await closeDialog();
  });

  it('cannot be sent without a scenario, and shows an invalid number of draws in Dutch', async () => {
    await openExcel('export');
    const { scenarios } = await stored(srv);
    for (const s of scenarios)
      if (await app.page.isChecked(`[data-testid="excel-scenario-${s.id}"]`))
        await app.page.uncheck(`[data-testid="excel-scenario-${s.id}"]`);
    expect(await app.page.isDisabled('[data-testid="excel-export-run"]')).toBe(true);
    if (!(await app.page.isChecked('[data-testid="excel-montecarlo"]')))
      await app.page.check('[data-testid="excel-montecarlo"]');
    await app.page.fill('[data-testid="excel-draws"]', '10');
    const msg = app.page.locator(
      '[data-testid="excel-draws"] >> xpath=ancestor::div[contains(@class,"field")]//span[contains(@class,"field-error")]',
    );
    await expect.poll(() => msg.textContent()).toContain('10 is geen heel getal van 100 tot 50.000');
    await closeDialog();
  });
});

describe('Sjabloon en import', () => {
  let templateFile = '';

  it('downloads the template filled with the current model and imports it back as a new model that opens', async () => {
    const before = await stored(srv);
    await openExcel('template');
    await app.screenshot('excel-template-dialog.png', false);
    const { file, name } = await download('[data-testid="excel-template-filled"]');
    expect(name).toMatch(/\.xlsx$/);
    templateFile = file;
    await closeDialog();

    await openExcel('import');
    await app.page.setInputFiles('[data-testid="excel-import-file"]', file);
    await app.page.waitForSelector('[data-testid="excel-import-done"]', { timeout: 20_000 });
    const list = await srv.server.service.api.call('models.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value).toHaveLength(2);
    const imported = list.value.find((m) => m.id !== before.modelId)!;
    const rec = await srv.server.service.api.call('models.get', { id: imported.id });
    if (!rec.ok) throw new Error(rec.error.message);
    // model → template → import gives the same model, bekende ontwikkelingen included
    expect(rec.value.model).toEqual(before.model);
    // and the app opened it: the header now offers a model choice, set to the new one
    await closeDialog();
    const picked = await app.page.$eval(
      '.app-header select:not([data-testid="scenario-picker"])',
      (el) => (el as HTMLSelectElement).value,
    );
    expect(Number(picked)).toBe(imported.id);
  });

  it('lists every cell-level error of a broken workbook in an accessible list and saves nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(templateFile) as unknown as ArrayBuffer);
    const seg = wb.getWorksheet('Segmenten')!;
    const col = (header: string) => {
      let found = 0;
      seg.getRow(1).eachCell((c, n) => {
        if (c.value === header) found = n;
      });
      if (!found) throw new Error(`kolom ${header} ontbreekt`);
      return found;
    };
    const durCol = col('gemiddelde duur (maanden)');
    const priceCol = col('prijs per eenheid (€)');
    seg.getCell(3, durCol).value = 'twaalf';
    seg.getCell(2, priceCol).value = -5;
    const broken = path.join(RESULTS_DIR, 'e2e-kapot-sjabloon.xlsx');
    fs.writeFileSync(broken, Buffer.from(await wb.xlsx.writeBuffer()));
    const modelsBefore = await srv.server.service.api.call('models.list', {});

    await openExcel('import');
    await app.page.setInputFiles('[data-testid="excel-import-file"]', broken);
    await app.page.waitForSelector('[data-testid="excel-import-error"]', { timeout: 20_000 });
    expect(await app.page.getAttribute('[data-testid="excel-import-error"]', 'role')).toBe('alert');
    const items = await app.page.$$eval('[data-testid="excel-import-issues"] li', (lis) =>
      lis.map((li) => li.textContent ?? ''),
    );
    const durLetter = seg.getColumn(durCol).letter;
    const priceLetter = seg.getColumn(priceCol).letter;
    expect(items).toContain(`Segmenten!${durLetter}3: "twaalf" is geen getal`);
    expect(items).toContain(`Segmenten!${priceLetter}2: -5 is negatief`);
    expect(await app.page.textContent('[data-testid="excel-import-error"]')).toContain('er is niets opgeslagen');
    const modelsAfter = await srv.server.service.api.call('models.list', {});
    expect(modelsAfter).toEqual(modelsBefore);
    await app.screenshot('excel-import-errors.png', false);

    // not a workbook at all: refused with an explanation, nothing saved
    const notXlsx = path.join(RESULTS_DIR, 'e2e-geen-werkmap.xlsx');
    fs.writeFileSync(notXlsx, 'dit is geen Excel-bestand');
    await app.page.setInputFiles('[data-testid="excel-import-file"]', notXlsx);
    await expect
      .poll(() => app.page.textContent('[data-testid="excel-import-error"]'))
      .toContain('e2e-geen-werkmap.xlsx is niet ingelezen');
    expect(await srv.server.service.api.call('models.list', {})).toEqual(modelsBefore);
    await closeDialog();
  });

  it("a realised year filled in the template's Realisatie sheet is imported and shown in the Realisatie view", async () => {
    const { model } = await stored(srv);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(templateFile) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Realisatie')!;
    const HEADER = 4;
    const col = (header: string) => {
      let found = 0;
      ws.getRow(HEADER).eachCell((c, n) => {
        if (c.value === header) found = n;
      });
      if (!found) throw new Error(`kolom ${header} ontbreekt`);
      return found;
    };
    expect(textOf(ws.getCell('A2').value)).toBe('laatste gerealiseerde jaar');
    // the template comes pre-filled with the model's realisatie 2022–2024: start from an empty table
    const rijks = wb.getWorksheet('Realisatie Rijksmiddelen')!;
    expect(ws.rowCount).toBeGreaterThan(HEADER);
    const clear = (sheet: ExcelJS.Worksheet, header: number) =>
      sheet.eachRow((row, r) => {
        if (r > header) row.eachCell((c) => (c.value = null));
      });
    clear(ws, HEADER);
    clear(rijks, 3); // the Rijksmiddelen sheet has no last-year row: its header is row 3
    ws.getCell('B2').value = 2022;
    // a row per segment for the region, 2022 (invented figures); pleegzorg gets a figure to look for
    const lasten = (i: number) => 2_000_000 + 12_345 * i;
    model.segments.forEach((s, i) => {
      const r = HEADER + 1 + i;
      ws.getCell(r, col('gemeente')).value = 'regio';
      ws.getCell(r, col('segment id')).value = s.id;
      ws.getCell(r, col('jaar')).value = 2022;
      ws.getCell(r, col('jeugdigen')).value = 100 + i;
      ws.getCell(r, col('lasten (€)')).value = lasten(i);
      ws.getCell(r, col('bron')).value = 'Jaarrekening 2022 (e2e-test, verzonnen cijfers)';
    });
    const filled = path.join(RESULTS_DIR, 'e2e-sjabloon-realisatie.xlsx');
    fs.writeFileSync(filled, Buffer.from(await wb.xlsx.writeBuffer()));
    const before = await srv.server.service.api.call('models.list', {});
    if (!before.ok) throw new Error(before.error.message);

    await openExcel('import');
    await app.page.setInputFiles('[data-testid="excel-import-file"]', filled);
    await app.page.waitForSelector('[data-testid="excel-import-done"]', { timeout: 20_000 });
    const after = await srv.server.service.api.call('models.list', {});
    if (!after.ok) throw new Error(after.error.message);
    const created = after.value.find((m) => !before.value.some((b) => b.id === m.id))!;
    const rec = await srv.server.service.api.call('models.get', { id: created.id });
    if (!rec.ok) throw new Error(rec.error.message);
    const i = model.segments.findIndex((s) => s.id === 'pleegzorg');
    expect(rec.value.model.realisatie?.lastYear).toBe(2022);
    expect(rec.value.model.realisatie?.segments.pleegzorg?.['2022']).toEqual({
      clients: 100 + i,
      lasten: lasten(i),
      source: 'Jaarrekening 2022 (e2e-test, verzonnen cijfers)',
    });
    await closeDialog();

    // the app opened the imported model: the Realisatie view shows the figure
    await app.nav('realisatie');
    await app.page.waitForSelector('[data-testid="realisatie-table"]');
    expect(await app.page.textContent('[data-testid="realisatie-last-year"]')).toBe('2022');
    await expect
      .poll(async () => parseEuro((await app.page.textContent('[data-testid="realisatie-cell-pleegzorg-2022"]')) ?? ''))
      .toBe(lasten(i));
  });
});
