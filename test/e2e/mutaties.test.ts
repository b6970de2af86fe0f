/**
 * Issue 11 item 3: mark a version vastgesteld, see the mutatieoverzicht against it (the values equal the
 * shared function's), and find the sheet Mutaties in the exported workbook.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { mutatieOverzicht, type MutatieOverzicht } from '../../src/shared/analysis/mutaties';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, RESULTS_DIR, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('mutaties')]);
  app = await AppPage.open(browser, srv);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const NOTE = 'begroting 2026 vastgesteld';

/** The overzicht of the stored Beleidsplan KPI's against the stored vastgestelde version, computed in Node. */
async function expected(): Promise<MutatieOverzicht> {
  const api = srv.server.service.api;
  const { model, modelId, scenarios } = await stored(srv);
  const found = await api.call('versions.findVastgesteld', { modelId });
  if (!found.ok || !found.value) throw new Error('geen vastgestelde versie');
  const v = await api.call('versions.get', { id: found.value.id });
  if (!v.ok) throw new Error(v.error.message);
  const target = scenarios.find((s) => s.name === "Beleidsplan KPI's")!.scenario;
  return mutatieOverzicht(
    { model: v.value.model, scenario: v.value.scenario, result: v.value.result },
    { model, scenario: target },
  );
}

describe('Mutatieoverzicht tegen de vastgestelde begroting', () => {
  it('marks a version of Ongewijzigd beleid vastgesteld, with a badge', async () => {
    await app.page.selectOption('[data-testid="scenario-picker"]', { label: 'Ongewijzigd beleid' });
    await expect.poll(() => app.currentScenarioName()).toBe('Ongewijzigd beleid');
    await app.nav('scenarios');
    await app.page.fill('#version-note', NOTE);
    await app.page.click('button:has-text("Versie vastleggen")');
    const row = `[data-testid="version-list"] tr[data-version-note="${NOTE}"]`;
    await app.page.waitForSelector(row);
    expect(await app.page.$(`${row} [data-testid="badge-vastgesteld"]`)).toBeNull();
    await app.page.click(`${row} [data-testid="toggle-vastgesteld"]`);
    await app.page.waitForSelector(`${row} [data-testid="badge-vastgesteld"]`);
    expect(await app.page.textContent(`${row} [data-testid="toggle-vastgesteld"]`)).toBe('Vastgesteld opheffen');
    await expect
      .poll(() => app.page.textContent('[data-testid="vastgesteld-status"]'))
      .toContain(`(${NOTE}) van scenario "Ongewijzigd beleid"`);
    const { modelId } = await stored(srv);
    const found = await srv.server.service.api.call('versions.findVastgesteld', { modelId });
    expect(found.ok && found.value?.note).toBe(NOTE);
  });

  it("shows Beleidsplan KPI's against it on Vergelijken: every row equals the shared function", async () => {
    await app.page.selectOption('[data-testid="scenario-picker"]', { label: "Beleidsplan KPI's" });
    await expect.poll(() => app.currentScenarioName()).toBe("Beleidsplan KPI's");
    await app.nav('vergelijken');
    await app.page.waitForSelector('[data-testid="mutaties-table"]');
    // the vastgestelde version is the default reference
    expect(await app.page.$eval('[data-testid="mut-reference"]', (el) => (el as HTMLSelectElement).value)).toBe(
      'vastgesteld',
    );
    const o = await expected();
    const cells = (selector: string) =>
      app.page.$$eval(`[data-testid="mutaties-table"] ${selector} td [data-value]`, (els) =>
        els.map((e) => Number(e.getAttribute('data-value'))),
      );
    const euros = (cents: number[]) => cents.map((c) => Math.round(c / 100));
    await expect.poll(() => cells('tr[data-row="total"]')).toEqual(euros(o.total.saldo));
    expect(await cells('tr[data-row="reference"]')).toEqual(euros(o.reference.saldo));
    expect(await cells('tr[data-row="target"]')).toEqual(euros(o.target.saldo));
    // each beleidsmaatregel of the Beleidsplan (Bijlage 8) is a beleid line of its own, by name
    const line = o.lines.find((l) => l.id === 'beleid:maatregel:verblijf-naar-ovb')!;
    expect(line.label).toMatch(/^Beleidsmaatregel: /);
    expect(await cells(`tr[data-line="${line.id}"]`)).toEqual(euros(line.saldo));
    // lasten too
    await app.page.selectOption('[data-testid="mut-field"]', 'lasten');
    await expect.poll(() => cells('tr[data-row="total"]')).toEqual(euros(o.total.lasten));
    await app.page.selectOption('[data-testid="mut-field"]', 'saldo');
    // the waterfall is drawn and labelled; the table is its accessible form
    await app.page.waitForSelector('[data-chart="waterfall"][role="img"] .recharts-bar-rectangle');
    await app.page.locator('[data-testid="mutaties"]').screenshot({ path: path.join(RESULTS_DIR, 'mutaties.png') });
  });

  it('the exported workbook has the sheet Mutaties with the same total per year', async () => {
    await app.page.click('[data-testid="excel-menu"]');
    await app.page.click('[data-testid="excel-menu-export"]');
    await app.page.waitForSelector('[data-testid="excel-export"]');
    await expect
      .poll(() => app.page.$eval('[data-testid="excel-mutaties"]', (el) => (el as HTMLSelectElement).value))
      .toBe('vastgesteld');
    const [dl] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.click('[data-testid="excel-export-run"]'),
    ]);
    const file = path.join(RESULTS_DIR, `e2e-mutaties-${dl.suggestedFilename()}`);
    await dl.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Mutaties');
    expect(ws).toBeDefined();
    let totalRow = 0;
    ws!.eachRow((row, r) => {
      if (String(row.getCell(1).value) === 'Totaal mutaties') totalRow = r;
    });
    expect(totalRow).toBeGreaterThan(0);
    const o = await expected();
    o.years.forEach((_, k) => {
      const v = ws!.getCell(totalRow, 3 + k).value;
      // a cached 0 reads back without a result
      const n = typeof v === 'object' && v && 'result' in v && typeof v.result === 'number' ? v.result : 0;
      expect(n).toBeCloseTo(o.total.saldo[k]! / 100, 4);
    });
    await app.page.keyboard.press('Escape');
  });

  it('the presentation has the slide "Waar komt het verschil vandaan?" with the same total', async () => {
    await app.page.click('header button:has-text("Presentatiemodus")');
    await app.page.waitForSelector('[data-testid="presentation"]');
    await app.page.waitForSelector('[data-slide="mutaties"] [data-testid="mutaties-table"]', { state: 'attached' });
    const o = await expected();
    const last = o.years.length - 1;
    const total = await app.page.$$eval('[data-slide="mutaties"] tr[data-row="total"] td [data-value]', (els) =>
      els.map((e) => Number(e.getAttribute('data-value'))),
    );
    expect(total[last]).toBe(Math.round(o.total.saldo[last]! / 100));
    await app.page.keyboard.press('End');
    await app.page.keyboard.press('Escape');
    await app.page.waitForSelector('main[data-view="overzicht"]');
  });
});
