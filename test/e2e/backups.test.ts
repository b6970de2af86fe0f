/**
 * Herstel uit back-up and the startup notices: restore the start backup (the
 * change is gone), restore the "vóór herstel" backup (it is back); a corrupt
 * database is moved aside and the user is told in a banner that stays; a
 * database from a newer version blocks the app and is not modified.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { makeDataDir, startTestServer, type TestServer } from './server';
import { AppPage, RESULTS_DIR, stored } from './app';

const SEG = 'ambulante-begeleiding';
const INPUT = `[data-testid="a-${SEG}-inflowChangePct-2026"]`;

let browser: Browser;
const dirs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function ongewijzigd(srv: TestServer) {
  return (await stored(srv)).scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario;
}

describe('Herstel uit back-up', () => {
  let srv: TestServer;
  let app: AppPage;

  beforeAll(async () => {
    const dataDir = makeDataDir('backups');
    dirs.push(dataDir);
    // the first start creates the database; the second start backs it up ("bij het starten")
    await (await startTestServer('backups', { dataDir })).stop();
    srv = await startTestServer('backups', { dataDir });
    app = await AppPage.open(browser, srv);
  });
  afterAll(async () => {
    await app?.close();
    await srv?.stop();
  });

  it('restoring the start backup removes a change; restoring the "vóór herstel" backup brings it back', async () => {
    const before = await app.kerncijfers();
    await app.nav('aannames');
    await app.page.click(`[data-testid="seg-btn-${SEG}"]`);
    await app.page.fill(INPUT, '10');
    await app.saved();
    expect((await ongewijzigd(srv)).assumptions[SEG]?.inflowChangePct).toEqual({ '2026': 10 });
    const changed = await app.kerncijfers();
    expect(changed.get(2026)!.cost).toBeGreaterThan(before.get(2026)!.cost);

    // the dialog lists the start backup with date/time in Dutch and its size
    await app.page.getByRole('button', { name: 'Herstel uit back-up…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Herstel uit back-up' });
    await dialog.locator('[data-testid="backup-table"] tbody tr').first().waitFor();
    const rows = dialog.locator('[data-testid="backup-table"] tbody tr');
    expect(await rows.count()).toBe(1);
    const rowText = (await rows.first().textContent()) ?? '';
    const month = new Date().toLocaleString('nl-NL', { month: 'long' });
    expect(rowText).toContain(month);
    expect(rowText).toContain(String(new Date().getFullYear()));
    expect(rowText).toContain('bij het starten');
    expect(rowText).toMatch(/\d+(,\d)? (kB|MB)/);
    await app.screenshot('backups-dialog.png', false);

    await rows
      .first()
      .getByRole('button', { name: /terugzetten/i })
      .click();
    const confirm = dialog.getByTestId('confirm-restore');
    await expect
      .poll(async () => confirm.textContent())
      .toContain('De huidige database wordt eerst zelf als back-up bewaard');
    await app.screenshot('backups-confirm.png', false);
    await confirm.getByRole('button', { name: 'Ja, terugzetten' }).click();
    await app.page.waitForSelector('[data-testid="notice-info"]:has-text("is teruggezet")');
    await app.ready();

    // the change is gone: in the database and on screen, without a reload
    expect((await ongewijzigd(srv)).assumptions[SEG]?.inflowChangePct).toBeUndefined();
    expect(await app.page.locator('dialog[open]').count()).toBe(0);
    const restored = await app.kerncijfers();
    expect(restored.get(2026)!.cost).toBe(before.get(2026)!.cost);
    await app.nav('aannames');
    await app.page.click(`[data-testid="seg-btn-${SEG}"]`);
    expect(await app.page.inputValue(INPUT)).toBe('');

    // the database as it was before the restore is itself a backup; restoring it brings the change back
    await app.page.getByRole('button', { name: 'Herstel uit back-up…' }).click();
    await dialog.locator('[data-testid="backup-table"] tbody tr').nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const safety = rows.filter({ hasText: 'vóór een herstel' });
    expect(await safety.count()).toBe(1);
    await safety.getByRole('button', { name: /terugzetten/i }).click();
    await dialog.getByRole('button', { name: 'Ja, terugzetten' }).click();
    await app.page.waitForSelector('[data-testid="notice-info"]:has-text("is teruggezet") >> nth=0');
    await expect.poll(async () => (await ongewijzigd(srv)).assumptions[SEG]?.inflowChangePct).toEqual({ '2026': 10 });
    await app.page.waitForFunction(
      (sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '10',
      INPUT,
    );
    const back = await app.kerncijfers();
    expect(back.get(2026)!.cost).toBe(changed.get(2026)!.cost);
  });

  it('the dialog closes with Esc', async () => {
    await app.page.getByRole('button', { name: 'Herstel uit back-up…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Herstel uit back-up' });
    await dialog.locator('[data-testid="backup-table"]').waitFor();
    await app.page.keyboard.press('Escape');
    await app.page.waitForSelector('dialog[open]', { state: 'detached', timeout: 2000 }).catch(() => undefined);
    expect(await app.page.locator('dialog[open]').count()).toBe(0);
  });
});

describe('startup notices', () => {
  it('a corrupt database is moved aside, the app starts on a new one, and a banner says so until closed', async () => {
    const dataDir = makeDataDir('corrupt');
    dirs.push(dataDir);
    const garbage = Buffer.from('Dit is geen SQLite-database. '.repeat(400));
    fs.writeFileSync(path.join(dataDir, 'jeugdplanner.sqlite'), garbage);
    const srv = await startTestServer('corrupt', { dataDir });
    try {
      const aside = fs.readdirSync(dataDir).filter((f) => /^jeugdplanner\.corrupt-.*\.sqlite$/.test(f));
      expect(aside).toHaveLength(1);
      // moved, not deleted: byte for byte the same file
      expect(fs.readFileSync(path.join(dataDir, aside[0]!)).equals(garbage)).toBe(true);

      const app = await AppPage.open(browser, srv);
      const banner = app.page.getByTestId('startup-notice');
      await banner.waitFor();
      const text = (await banner.textContent()) ?? '';
      expect(text).toContain('beschadigd of onleesbaar');
      expect(text).toContain(aside[0]!);
      expect(await banner.getAttribute('role')).toBe('alert');
      // the app itself works on the new (seeded) database
      expect(await app.currentScenarioName()).toBe('Ongewijzigd beleid');
      await app.screenshot('startup-notice-corrupt.png', false);

      // it stays while the user works, until closed
      await app.nav('aannames');
      await app.page.waitForTimeout(300);
      expect(await banner.isVisible()).toBe(true);
      // its action opens the backup dialog
      await banner.getByRole('button', { name: 'Herstel uit back-up…' }).click();
      await app.page.getByRole('dialog', { name: 'Herstel uit back-up' }).getByTestId('backups-empty').waitFor();
      await app.page.keyboard.press('Escape');
      await banner.getByRole('button', { name: 'Melding sluiten' }).click();
      expect(await app.page.getByTestId('startup-notice').count()).toBe(0);
      // closed stays closed after a reload
      await app.reload();
      await app.page.waitForTimeout(300);
      expect(await app.page.getByTestId('startup-notice').count()).toBe(0);
      await app.close();
    } finally {
      await srv.stop();
    }
  });

  it('a database from a newer Jeugdplanner blocks the app with a clear message and is not modified', async () => {
    const dataDir = makeDataDir('newer');
    dirs.push(dataDir);
    const file = path.join(dataDir, 'jeugdplanner.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE toekomst (x INTEGER); INSERT INTO toekomst VALUES (42);');
    db.pragma('user_version = 999');
    db.close();
    const hash = () => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const before = hash();
    const srv = await startTestServer('newer', { dataDir });
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' });
      const page = await context.newPage();
      await page.goto(srv.server.url);
      const blocked = page.getByTestId('storage-refused');
      await blocked.waitFor({ timeout: 20_000 });
      const text = (await blocked.textContent()) ?? '';
      expect(text).toContain('nieuwere versie van Jeugdplanner');
      expect(text).toContain('Er is niets gewijzigd of verwijderd');
      expect(text).toContain(file);
      expect(await blocked.getAttribute('role')).toBe('alertdialog');
      // no editing possible: no navigation, no scenario picker
      expect(await page.locator('[data-testid="scenario-picker"], nav.app-nav').count()).toBe(0);
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS_DIR, 'startup-refused.png') });
      await context.close();
    } finally {
      await srv.stop();
    }
    expect(hash()).toBe(before);
    expect(fs.readdirSync(dataDir).filter((f) => f !== 'jeugdplanner.sqlite')).toEqual([]);
  });
});
