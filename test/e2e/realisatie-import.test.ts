/**
 * "Realisatie importeren" in the UI: a CBS-layout CSV (83454NED as StatLine shows it; the figures in
 * the test file are invented) → suggested columns → preview per gemeente × segment × year → save;
 * a bad file lists the problem with row and column and saves nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, RESULTS_DIR, stored, writeFullRealisatie } from './app';

const FIXTURE = path.join(__dirname, '../fixtures/realisatie/cbs-83454NED-getoonde-tabel.csv');
const SOURCE = 'CBS StatLine 83454NED (testbestand, verzonnen cijfers)';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('realisatie', { withoutRealisatie: true })]);
  app = await AppPage.open(browser, srv);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function openDialog(): Promise<void> {
  if (await app.page.$('dialog[open]')) await app.page.keyboard.press('Escape');
  await app.nav('basismodel');
  await app.page.click('[data-testid="realisatie-import-open"]');
  await app.page.waitForSelector('[data-testid="realisatie-import"]');
}

describe('Realisatie importeren', () => {
  it('a bad file: the problem names file, row and column, and nothing is saved', async () => {
    const lines = fs.readFileSync(FIXTURE, 'utf8').split('\r\n');
    const i = lines.findIndex((l) => l.startsWith('"JB 1 Totaal jeugdbescherming";"2022";"Beesel"'));
    lines[i] = lines[i]!.replace(/"400"$/, '"vierhonderd"');
    const bad = path.join(RESULTS_DIR, 'e2e-realisatie-fout.csv');
    fs.writeFileSync(bad, lines.join('\r\n'));
    await openDialog();
    await app.page.fill('[data-testid="realisatie-import-source"]', SOURCE);
    await app.page.setInputFiles('[data-testid="realisatie-import-file"]', bad);
    await app.page.waitForSelector('[data-testid="realisatie-import-issues"]', { timeout: 20_000 });
    const text = await app.page.textContent('[data-testid="realisatie-import-issues"]');
    expect(text).toContain(
      `e2e-realisatie-fout.csv, rij ${i + 1}, kolom "Gerealiseerde kosten (1 000 euro)": "vierhonderd" is geen getal`,
    );
    expect(await app.page.isDisabled('[data-testid="realisatie-import-save"]')).toBe(true);
    await app.screenshot('realisatie-import-fout.png', false);
    expect((await stored(srv)).model.realisatie).toBeUndefined();
  });

  it('a file with only some segments into a model without realisatie is refused: jeugdhulp would count as 0', async () => {
    await openDialog();
    await app.page.fill('[data-testid="realisatie-import-source"]', SOURCE);
    await app.page.setInputFiles('[data-testid="realisatie-import-file"]', FIXTURE);
    await app.page.waitForSelector('[data-testid="realisatie-import-issues"]', { timeout: 20_000 });
    expect(await app.page.textContent('[data-testid="realisatie-import-issues"]')).toContain(
      'Pleegzorg heeft na deze import geen cijfer voor 2022, 2023 en 2024, terwijl de realisatie dan loopt t/m 2024',
    );
    expect(await app.page.isDisabled('[data-testid="realisatie-import-save"]')).toBe(true);
    expect((await stored(srv)).model.realisatie).toBeUndefined();
  });

  it('first every segment, then a partial file: the others are kept, and the preview says which', async () => {
    const full = writeFullRealisatie((await stored(srv)).model, path.join(RESULTS_DIR, 'e2e-realisatie-volledig.csv'));
    await openDialog();
    await app.page.fill('[data-testid="realisatie-import-source"]', 'Volledige testrealisatie (verzonnen cijfers)');
    await app.page.setInputFiles('[data-testid="realisatie-import-file"]', full);
    await app.page.waitForSelector('[data-testid="realisatie-import-preview"]', { timeout: 20_000 });
    await app.page.click('[data-testid="realisatie-import-save"]');
    await app.page.waitForSelector('[data-testid="realisatie-import-done"]', { timeout: 20_000 });
    const before = (await stored(srv)).model.realisatie!;
    expect(before.segments.pleegzorg?.['2024']?.lasten).toBeGreaterThan(0);

    // a file that would add 2025 for JB/JR only: refused, naming a segment and the year; nothing saved
    const partial2025 = path.join(RESULTS_DIR, 'e2e-realisatie-2025-jbjr.csv');
    fs.writeFileSync(
      partial2025,
      ['Jaar;Productcategorie;Lasten', '2025;jeugdbescherming;5000000', '2025;jeugdreclassering;800000'].join('\r\n'),
    );
    await openDialog();
    await app.page.fill('[data-testid="realisatie-import-source"]', SOURCE);
    await app.page.setInputFiles('[data-testid="realisatie-import-file"]', partial2025);
    await app.page.waitForSelector('[data-testid="realisatie-import-issues"]', { timeout: 20_000 });
    expect(await app.page.textContent('[data-testid="realisatie-import-issues"]')).toContain(
      'Pleegzorg heeft na deze import geen cijfer voor 2025, terwijl de realisatie dan loopt t/m 2025',
    );
    expect(
      await app.page.getAttribute('[data-testid="realisatie-import-segments"] li:has-text("Pleegzorg")', 'data-status'),
    ).toBe('behouden');
    expect(await app.page.isDisabled('[data-testid="realisatie-import-save"]')).toBe(true);
    expect((await stored(srv)).model.realisatie).toEqual(before);
  });

  it('a CBS 83454NED file: columns suggested, preview per gemeente × segment × year, saved as shown', async () => {
    const before = (await stored(srv)).model.realisatie!;
    await openDialog();
    await app.page.setInputFiles('[data-testid="realisatie-import-file"]', FIXTURE);
    await app.page.waitForSelector('[data-testid="realisatie-import-preview"]', { timeout: 20_000 });
    expect(await app.page.inputValue('[data-testid="realisatie-map-lasten"]')).toBe(
      'Gerealiseerde kosten (1 000 euro)',
    );
    expect(await app.page.inputValue('[data-testid="realisatie-map-unit"]')).toBe('thousand');
    expect(await app.page.inputValue('[data-testid="realisatie-code-JZ Totaal jeugdzorg"]')).toBe('__negeren__');
    // 2 segments × 3 years × (7 gemeenten + the region)
    expect(await app.page.$$eval('[data-testid="realisatie-import-preview"] tbody tr', (rows) => rows.length)).toBe(48);
    const venlo = await app.page.$$eval('[data-testid="realisatie-import-preview"] tbody tr', (rows) =>
      rows
        .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''))
        .find((c) => c[0] === 'Venlo' && c[1]!.startsWith('Jeugdbescherming') && c[2] === '2023'),
    );
    // Venlo JB 2023 in the test file: 3.785 (× € 1.000)
    expect(venlo?.[4]).toBe('€ 3.785.000');
    expect(venlo?.[8]).toBe('nieuw');
    // a partial import is said out loud: JB and JR are replaced, the other segments stay as they were
    const status = (name: string) =>
      app.page.textContent(`[data-testid="realisatie-import-segments"] li:has-text("${name}")`);
    expect(await status('Jeugdbescherming')).toMatch(/vervangen door het bestand \(2022, 2023, 2024\)$/);
    expect(await status('Pleegzorg')).toMatch(/niet in het bestand, blijft zoals het was \(2022, 2023, 2024\)$/);
    // without a source nothing can be saved; typed last, saving takes it
    expect(await app.page.isDisabled('[data-testid="realisatie-import-save"]')).toBe(true);
    await app.page.fill('[data-testid="realisatie-import-source"]', SOURCE);
    await app.screenshot('realisatie-import-voorvertoning.png', false);
    await app.page.click('[data-testid="realisatie-import-save"]');
    await app.page.waitForSelector('[data-testid="realisatie-import-done"]', { timeout: 20_000 });
    const { model } = await stored(srv);
    expect(model.realisatie?.lastYear).toBe(2024);
    // kept as they were: every segment the file does not name
    for (const [id, byYear] of Object.entries(before.segments))
      if (id !== 'jeugdbescherming' && id !== 'jeugdreclassering')
        expect(model.realisatie?.segments[id]).toEqual(byYear);
    expect(model.realisatie?.gemeenten?.venlo?.segments?.jeugdbescherming?.['2023']).toEqual({
      lasten: 3_785_000,
      source: SOURCE,
    });
    const sum = Object.values(model.realisatie!.gemeenten!).reduce(
      (t, g) => t + g.segments!.jeugdbescherming!['2022']!.lasten,
      0,
    );
    expect(model.realisatie?.segments.jeugdbescherming?.['2022']?.lasten).toBe(sum);

    // after a reload the same file changes nothing, and its columns are remembered
    await app.reload();
    await openDialog();
    await app.page.setInputFiles('[data-testid="realisatie-import-file"]', FIXTURE);
    await app.page.waitForSelector('[data-testid="realisatie-import-preview"]', { timeout: 20_000 });
    expect(await app.page.textContent('[data-testid="realisatie-import-mapping"] legend')).toBe(
      'Kolommen (onthouden van een eerder bestand met deze kolommen)',
    );
    expect(await app.page.textContent('[data-testid="realisatie-import-preview"] caption')).toBe(
      'Voorvertoning: 48 cijfers (0 nieuw, 0 gewijzigd)',
    );
  });
});
