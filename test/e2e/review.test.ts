/**
 * The controller's review: screenshots of every view and every dialog at the
 * two screen sizes the finance staff use (1440×900 and 1280×800), written to
 * test-results/review/ to be looked at. Each shot also asserts what a reviewer
 * would otherwise check by eye: nothing wider than the window, no English
 * browser text ("Choose File"), one h1.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, RESULTS_DIR } from './app';
import { VIEWS } from '../../src/renderer/views/registry';

const OUT = path.join(RESULTS_DIR, 'review');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
];

let browser: Browser;
let srv: TestServer;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('review')]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function shot(app: AppPage, name: string, size: { width: number }, fullPage = true): Promise<void> {
  await app.page.waitForTimeout(250); // charts animate in
  await app.page.screenshot({ path: path.join(OUT, `${size.width}-${name}.png`), fullPage });
  // nothing pushes the page sideways (a table or header wider than the window)
  const overflow = await app.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} is breder dan het venster`).toBeLessThanOrEqual(0);
  const english = await app.page.evaluate(() =>
    /Choose File|No file chosen|Loading|Error:/.test(document.body.innerText),
  );
  expect(english, `${name} bevat Engelse tekst`).toBe(false);
}

async function closeDialog(app: AppPage): Promise<void> {
  await app.page.keyboard.press('Escape');
  await app.page.waitForFunction(() => document.querySelector('dialog[open]') === null, null, { timeout: 10_000 });
}

async function brokenTemplate(app: AppPage): Promise<string> {
  await app.page.click('[data-testid="excel-menu"]');
  await app.page.click('[data-testid="excel-menu-template"]');
  await app.page.waitForSelector('[data-testid="excel-template"]');
  const [dl] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.click('[data-testid="excel-template-filled"]'),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await dl.path()) as unknown as ArrayBuffer);
  const seg = wb.getWorksheet('Segmenten')!;
  seg.getRow(1).eachCell((c, n) => {
    if (c.value === 'gemiddelde duur (maanden)') seg.getCell(3, n).value = 'twaalf';
    if (c.value === 'prijs per eenheid (€)') seg.getCell(2, n).value = -5;
  });
  const file = path.join(OUT, 'kapot-sjabloon.xlsx');
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  await closeDialog(app);
  return file;
}

describe.each(SIZES)('review at $width×$height', (size) => {
  it('every view', async () => {
    const app = await AppPage.open(browser, srv, size);
    for (const v of VIEWS) {
      if (v.fullScreen) continue;
      await app.nav(v.id);
      await shot(app, `view-${v.id}`, size);
    }
    await app.close();
  });

  it('every dialog', async () => {
    const app = await AppPage.open(browser, srv, size);
    const p = app.page;
    await p.click('[data-testid="excel-menu"]');
    await shot(app, 'excel-menu', size, false);
    await p.click('[data-testid="excel-menu-export"]');
    await p.waitForSelector('[data-testid="excel-export"]');
    await shot(app, 'dialog-excel-export', size, false);
    await closeDialog(app);

    const broken = await brokenTemplate(app);
    await p.click('[data-testid="excel-menu"]');
    await p.click('[data-testid="excel-menu-template"]');
    await p.waitForSelector('[data-testid="excel-template"]');
    await shot(app, 'dialog-excel-sjabloon', size, false);
    await closeDialog(app);

    await p.click('[data-testid="excel-menu"]');
    await p.click('[data-testid="excel-menu-import"]');
    await p.waitForSelector('[data-testid="excel-import"]');
    await shot(app, 'dialog-excel-import-leeg', size, false);
    await p.setInputFiles('[data-testid="excel-import-file"]', broken);
    await p.waitForSelector('[data-testid="excel-import-error"]', { timeout: 20_000 });
    await shot(app, 'dialog-excel-import-fouten', size, false);
    await closeDialog(app);

    await p.getByRole('button', { name: 'Importeren…' }).first().click();
    await p.waitForSelector('dialog[open]');
    await shot(app, 'dialog-importeren', size, false);
    await closeDialog(app);
    await p.getByRole('button', { name: 'Exporteren…' }).first().click();
    await p.waitForSelector('dialog[open]');
    await shot(app, 'dialog-exporteren', size, false);
    await closeDialog(app);

    await p.getByRole('button', { name: 'Herstel uit back-up…' }).first().click();
    await p.waitForSelector('dialog[open]');
    await shot(app, 'dialog-backups', size, false);
    await closeDialog(app);

    await p.getByRole('button', { name: 'Over', exact: true }).click();
    await p.getByTestId('about-info').waitFor();
    await shot(app, 'dialog-over', size, false);
    await closeDialog(app);

    await app.nav('basismodel');
    await p.click('[data-testid="bm-seg-pleegzorg"]');
    await p.click('button:has-text("Bereken uit realisatie")');
    await p.waitForSelector('dialog[open]');
    await shot(app, 'dialog-bereken-uit-realisatie', size, false);
    await closeDialog(app);

    await app.nav('scenarios');
    const note = `review ${size.width}`;
    await p.fill('#version-note', note);
    await p.click('button:has-text("Versie vastleggen")');
    await p.waitForSelector(`[data-version-note="${note}"]`);
    await shot(app, 'view-scenarios-met-versie', size);
    await p.click(`button[aria-label="Bekijken: versie ${note}"]`);
    await p.waitForSelector('[data-testid="version-view"]');
    await shot(app, 'dialog-versie', size, false);
    await closeDialog(app);

    await app.nav('vergelijken');
    for (const box of await p.$$('[data-testid^="cmp-"][type="checkbox"]'))
      if (!(await box.isChecked())) await box.check();
    expect(await p.$$eval('[data-testid^="cmp-"][type="checkbox"]:checked', (b) => b.length)).toBeGreaterThanOrEqual(3);
    await shot(app, 'view-vergelijken-3', size);

    await app.nav('presentatie');
    const count = Number(/van (\d+)/.exec((await p.textContent('[data-testid="slide-counter"]')) ?? '')?.[1]);
    for (let i = 1; i <= count; i++) {
      await p.waitForTimeout(300);
      await shot(app, `dia-${i}`, size, false);
      await p.keyboard.press('ArrowRight');
    }
    await app.close();
  });
});
