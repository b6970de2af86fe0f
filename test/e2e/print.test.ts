/**
 * "Afdrukken" prints the current view (the presentation only from presentation mode), on A4 landscape,
 * with every chart whole: each year and each axis label of every chart is in the PDF's text.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { modelYears } from '../../src/shared/years';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, RESULTS_DIR, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;
let years: number[];

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('print')]);
  app = await AppPage.open(browser, srv);
  years = modelYears((await stored(srv)).model);
  // record what "Afdrukken" prints instead of opening the browser's print dialog
  await app.page.evaluate(() => {
    const w = window as unknown as { printed: string[] };
    w.printed = [];
    window.print = () => {
      const view = document.querySelector('[data-testid="presentation"]')
        ? 'presentatie'
        : (document.querySelector('main[data-view]')?.getAttribute('data-view') ?? '');
      w.printed.push(view);
    };
  });
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

/** The PDF's text as pdftotext reads it (text outside the page is not extracted). */
function pdfText(pdf: Buffer, name: string): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
}

/** The tick labels of every chart on the page (both axes), as the screen draws them. */
async function axisLabels(): Promise<string[]> {
  return app.page.$$eval('.chart svg .recharts-cartesian-axis-tick-value, .chart svg.saldo-svg text', (els) =>
    els.map((e) => (e.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()).filter((t) => t !== ''),
  );
}

const norm = (s: string) => s.replace(/\s+/g, '');

/** The number of pages without any text (a blank page at the end, or between slides). */
function blankPages(name: string): number[] {
  const file = path.join(RESULTS_DIR, name);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const blank: number[] = [];
  for (let p = 1; p <= pages; p++)
    if (execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' }).trim() === '')
      blank.push(p);
  return blank;
}

const VIEWS: { id: string; ready: string; yearAxis: boolean }[] = [
  { id: 'overzicht', ready: '[data-chart="trend"] .recharts-area', yearAxis: true },
  { id: 'aannames', ready: 'main[data-view="aannames"]', yearAxis: false },
  { id: 'rijksmiddelen', ready: 'main[data-view="rijksmiddelen"]', yearAxis: false },
  { id: 'basismodel', ready: 'main[data-view="basismodel"]', yearAxis: false },
  { id: 'scenarios', ready: 'main[data-view="scenarios"]', yearAxis: false },
  { id: 'vergelijken', ready: '[data-chart="compare"] .recharts-bar-rectangle', yearAxis: true },
  { id: 'gemeenten', ready: '[data-chart="gemeenten"] .recharts-bar-rectangle', yearAxis: false },
  { id: 'analyse', ready: '[data-testid="mc-status"][data-status="done"][data-current="true"]', yearAxis: true },
];

describe('Afdrukken', () => {
  for (const v of VIEWS) {
    it(`prints ${v.id}, not the presentation, with every chart whole on A4 landscape`, async () => {
      await app.nav(v.id);
      await app.page.waitForSelector(v.ready, { timeout: 30_000 });
      await app.page.click('header button:has-text("Afdrukken")');
      expect(await app.page.evaluate(() => (window as unknown as { printed: string[] }).printed.at(-1))).toBe(v.id);
      expect(await app.page.locator(`main[data-view="${v.id}"]`).count()).toBe(1);

      await app.page.emulateMedia({ media: 'print' });
      try {
        // the app's chrome is not printed
        expect(await app.page.$eval('.app-header', (el) => getComputedStyle(el).display)).toBe('none');
        expect(await app.page.$eval('.app-nav', (el) => getComputedStyle(el).display)).toBe('none');
        const labels = await axisLabels();
        const pdf = await app.page.pdf({
          landscape: true,
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        });
        const text = norm(pdfText(pdf, `afdruk-${v.id}.pdf`));
        const missing = labels.filter((l) => !text.includes(norm(l)));
        expect(missing, `niet op papier in ${v.id}`).toEqual([]);
        expect(blankPages(`afdruk-${v.id}.pdf`)).toEqual([]);
        if (v.yearAxis) {
          expect(labels.length).toBeGreaterThan(years.length);
          for (const y of years) expect(text).toContain(String(y));
          expect(labels).toContain(String(years.at(-1)));
        }
      } finally {
        await app.page.emulateMedia({ media: 'screen' });
      }
    });
  }

  it('prints the presentation from presentation mode: every slide, charts whole, no dark reference row', async () => {
    await app.page.click('header button:has-text("Presentatiemodus")');
    await app.page.waitForSelector('[data-testid="presentation"]');
    await app.page.waitForSelector('[data-slide="trend"] .recharts-area', { state: 'attached' });
    await app.page.keyboard.press('Control+p');
    expect(await app.page.evaluate(() => (window as unknown as { printed: string[] }).printed.at(-1))).toBe(
      'presentatie',
    );
    await app.page.emulateMedia({ media: 'print' });
    try {
      const labels = await axisLabels();
      expect(labels).toContain(String(years.at(-1)));
      // the reference row of the comparison: dark text on a light background on paper
      const ref = await app.page.$$eval('.presentation table.data tr.ref > *', (els) =>
        els.map((e) => ({ bg: getComputedStyle(e).backgroundColor, fg: getComputedStyle(e).color })),
      );
      expect(ref.length).toBeGreaterThan(0);
      for (const c of ref) {
        expect(c.fg).toBe('rgb(0, 0, 0)');
        expect(c.bg).not.toMatch(/^rgb\((\d{1,2}), \1, \1\)$/);
      }
      const pdf = await app.page.pdf({ landscape: true, format: 'A4', printBackground: true, preferCSSPageSize: true });
      const text = norm(pdfText(pdf, 'afdruk-presentatie.pdf'));
      const missing = labels.filter((l) => !text.includes(norm(l)));
      expect(missing).toEqual([]);
      for (const y of years) expect(text).toContain(String(y));
      expect(blankPages('afdruk-presentatie.pdf')).toEqual([]);
    } finally {
      await app.page.emulateMedia({ media: 'screen' });
    }
  });
});
