/** Present to the raadscommissie — slides, keyboard, PNG of a chart, print to PDF. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { simulate } from '../../src/shared/engine/simulate';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, RESULTS_DIR, checkHeadlineBands, parseEuro, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('presentation')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const counter = () => app.page.textContent('[data-testid="slide-counter"]');

describe('Presentatie', () => {
  it('opens from the header, shows the opgave in one number and moves with the keyboard', async () => {
    const { model, scenarios } = await stored(srv);
    const r = simulate(model, scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario);
    await app.page.click('header button:has-text("Presentatiemodus")');
    await app.page.waitForSelector('[data-testid="presentation"]');
    // seven slides: the bundled scenario has ranges, so "Hoe zeker is dit?" comes before the assumptions;
    // the sources per row are in an appendix after them
    expect(await counter()).toMatch(/^Dia 1 van 7: De opgave in één getal/);
    const big = await app.page.textContent('[data-testid="big-number"]');
    expect(parseEuro(big!)).toBe(Math.round(r.totals.at(-1)!.balance));
    expect(big).toMatch(/tekort/i);
    // large type, high contrast
    const style = await app.page.$eval('[data-testid="big-number"]', (el) => ({
      size: parseFloat(getComputedStyle(el).fontSize),
      bg: getComputedStyle(el.closest('.presentation')!).backgroundColor,
    }));
    expect(style.size).toBeGreaterThanOrEqual(64);
    expect(style.bg).toBe('rgb(0, 0, 0)');
    // the one number has its band: P10–P50–P90 of the same scenario's Monte Carlo, as the shared function gives it
    await checkHeadlineBands(app, srv, '[data-slide="opgave"]', 'Ongewijzigd beleid');

    await app.page.keyboard.press('ArrowRight');
    expect(await counter()).toMatch(/^Dia 2 van 7: Lasten en Rijksmiddelen/);
    await app.page.waitForSelector('[data-slide="trend"][data-active="true"] .recharts-area');
    await app.screenshot('presentatie-trend.png', false);
    await app.page.keyboard.press('PageDown');
    expect(await counter()).toMatch(/^Dia 3 van 7: Scenario's vergeleken/);
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('ArrowRight');
    expect(await counter()).toMatch(/^Dia 5 van 7: Hoe zeker is dit\?/);
    await app.page.keyboard.press('ArrowRight');
    expect(await counter()).toMatch(/^Dia 6 van 7: Belangrijkste aannames en bronnen/);
    expect(await app.page.textContent('[data-slide="aannames"]')).toMatch(/bron: /);
    await app.page.keyboard.press('ArrowRight');
    expect(await counter()).toMatch(/^Dia 7 van 7: Bijlage: bron per regel/);
    await app.page.keyboard.press('ArrowRight');
    expect(await counter()).toMatch(/^Dia 7 van 7/);
    await app.page.keyboard.press('PageUp');
    await app.page.keyboard.press('ArrowLeft');
    expect(await counter()).toMatch(/^Dia 5 van 7/);
    await app.page.keyboard.press('Home');
    await app.screenshot('presentatie-opgave.png', false);
  });

  it('saves a chart as PNG (no network) and prints every slide on its own page', async () => {
    await app.page.keyboard.press('ArrowRight');
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.click('[data-slide="trend"] button:has-text("Grafiek opslaan als PNG")'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^lasten-per-groep-en-rijksmiddelen-2022-2028\.png$/);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    fs.copyFileSync(file, path.join(RESULTS_DIR, 'grafiek-trend.png'));
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(20_000);

    await app.page.emulateMedia({ media: 'print' });
    const shown = await app.page.$$eval('.presentation .slide', (els) =>
      els.map((e) => ({ display: getComputedStyle(e).display, breakAfter: getComputedStyle(e).breakAfter })),
    );
    expect(shown).toHaveLength(7);
    expect(shown.every((s) => s.display !== 'none')).toBe(true);
    expect(shown.slice(0, -1).every((s) => s.breakAfter === 'page')).toBe(true);
    // the charts of slides not on screen are drawn too
    expect(await app.page.$$('[data-slide="gemeenten"] .recharts-bar-rectangle')).not.toHaveLength(0);
    const pdf = await app.page.pdf({ landscape: true, format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await app.page.emulateMedia({ media: 'screen' });
  });

  it('Esc leaves the presentation', async () => {
    await app.page.focus('[data-testid="presentation"]');
    await app.page.keyboard.press('Escape');
    await app.page.waitForSelector('main[data-view="overzicht"]');
  });

  it('leaving browser full screen (the browser takes that Esc) also leaves the presentation, in one press', async () => {
    await app.page.getByRole('button', { name: 'Presentatiemodus' }).click();
    await app.page.waitForSelector('[data-testid="presentation"]');
    // the header click is a user gesture, so the browser grants full screen
    await app.page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 15_000 });
    // what the browser does on Esc in full screen; the page receives no keydown for it
    await app.page.evaluate(() => document.exitFullscreen());
    await app.page.waitForSelector('main[data-view="overzicht"]', { timeout: 15_000 });
    expect(await app.page.locator('[data-testid="presentation"]').count()).toBe(0);
  });
});
