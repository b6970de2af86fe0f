/** Tables for the raad: "Kopiëren" puts plain numbers on the clipboard; the × € 1.000 switch. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { simulate } from '../../src/shared/engine/simulate';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('tables')]);
  app = await AppPage.open(browser, srv);
  await app.page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.page.url()).origin });
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const KERN = '[data-testid="kern-table"]';
const tools = `section:has(${KERN}) .table-tools`;

describe('tables', () => {
  it('Kopiëren gives tab-separated plain numbers equal to the engine (whole euros)', async () => {
    const { model, scenarios } = await stored(srv);
    const expected = simulate(model, scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario);
    await app.page.click(`${tools} [data-testid="copy-table"]`);
    await expect.poll(() => app.page.textContent(`${tools} .copy-status`)).toMatch(/gekopieerd/);
    const text = await app.page.evaluate(() => navigator.clipboard.readText());
    const rows = text.split('\n').map((l) => l.split('\t'));
    // the default model has realised years: a column says which figures are realisatie and which raming
    expect(rows[0]).toEqual(['Jaar', 'Realisatie of raming', 'Lasten', 'Rijksmiddelen', 'Saldo']);
    expect(rows).toHaveLength(expected.years.length + 1);
    for (const [k, t] of expected.totals.entries()) {
      const [year, kind, cost, funding, balance] = rows[k + 1]!;
      expect(year).toBe(String(t.year));
      expect(kind).toBe(t.kind);
      // plain integers: no €, no thousands separator, a minus sign: Excel reads them as numbers
      for (const cell of [cost, funding, balance]) expect(cell).toMatch(/^-?\d+$/);
      expect(Number(cost)).toBe(Math.round(t.cost));
      expect(Number(funding)).toBe(Math.round(t.funding));
      expect(Number(balance)).toBe(Math.round(t.balance));
    }
  });

  it('× € 1.000 shows and copies whole thousands, and is remembered after a reload', async () => {
    const { model, scenarios } = await stored(srv);
    const expected = simulate(model, scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario);
    const first = expected.totals[0]!;
    const cell = `${KERN} tr[data-year="${first.year}"] td[data-col="cost"]`;
    await app.page.check(`${tools} .unit-switch input`);
    const thousands = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(
      Math.round(first.cost / 1000),
    );
    await expect.poll(() => app.page.textContent(cell)).toBe(thousands);
    await app.reload();
    await expect.poll(() => app.page.textContent(cell)).toBe(thousands);
    await app.page.click(`${tools} [data-testid="copy-table"]`);
    await expect.poll(() => app.page.textContent(`${tools} .copy-status`)).toMatch(/gekopieerd/);
    const text = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(text.split('\n')[1]!.split('\t')[2]).toBe(String(Math.round(first.cost / 1000)));
    await app.page.uncheck(`${tools} .unit-switch input`);
    await expect.poll(() => app.page.textContent(cell)).toMatch(/^€ /);
  });
});
