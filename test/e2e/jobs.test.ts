/**
 * A long Excel export in the UI: after about a second the dialog shows the job's progress (a <progress>
 * with the step) and "Annuleren"; pressing it stops the job in main, the dialog says nothing changed,
 * and the app still answers (another view, an autosave, a next export).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import fs from 'node:fs';
import path from 'node:path';
import { makeDataDir, RENDERER_DIR, ROOT, startTestServer, type TestServer } from './server';
import { openService } from '../../src/main/service';
import { APP_VERSION } from '../../src/main/service/appVersion';
import { silentLogger } from '../../src/main/log';
import { startWebServer } from '../../src/main/web/server';
import { AppPage, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('jobs')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function openExport(): Promise<void> {
  await app.page.click('[data-testid="excel-menu"]');
  await app.page.click('[data-testid="excel-menu-export"]');
  await app.page.waitForSelector('[data-testid="excel-export"]');
}

async function jobsInMain() {
  const r = await srv.server.service.api.call('jobs.status', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('Voortgang en annuleren van een lange export', () => {
  it('shows progress with Annuleren; cancelling stops the job in main, says nothing changed, and the app goes on', async () => {
    const before = await stored(srv);
    await openExport();
    // every scenario, every gemeente, a 50.000-draw Monte Carlo and the tornado: many seconds of work
    for (const s of before.scenarios)
      if (!(await app.page.isChecked(`[data-testid="excel-scenario-${s.id}"]`)))
        await app.page.check(`[data-testid="excel-scenario-${s.id}"]`);
    await app.page.check('[data-testid="excel-scope-all"]');
    await app.page.check('[data-testid="excel-montecarlo"]');
    await app.page.fill('[data-testid="excel-draws"]', '50000');
    await app.page.check('[data-testid="excel-tornado"]');
    await app.page.click('[data-testid="excel-export-run"]');

    await app.page.waitForSelector('[data-testid="excel-export-progress"]', { timeout: 30_000 });
    expect(await app.page.$('[data-testid="excel-export-progress-bar"]')).not.toBeNull();
    expect(await app.page.getAttribute('[data-testid="excel-export-progress-step"]', 'aria-live')).toBe('polite');
    expect((await app.page.textContent('[data-testid="excel-export-progress-step"]'))?.trim().length).toBeGreaterThan(
      0,
    );
    // main runs exactly this job, under the key the dialog sent
    const running = await jobsInMain();
    expect(running).toHaveLength(1);
    expect(running[0]!.method).toBe('excel.exportBijlage');
    expect(running[0]!.key).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    await app.screenshot('jobs-export-progress.png', false);

    await app.page.click('[data-testid="excel-export-progress-cancel"]');
    await app.page.waitForSelector('[data-testid="excel-export-cancelled"]', { timeout: 10_000 });
    expect((await app.page.textContent('[data-testid="excel-export-cancelled"]'))?.trim()).toBe(
      'Geannuleerd; er is niets gewijzigd.',
    );
    expect(await app.page.$('[data-testid="excel-export-progress"]')).toBeNull();
    expect(await app.page.$('[data-testid="excel-export-error"]')).toBeNull();
    // focus stays in the dialog, on the outcome (the Annuleren button is gone)
    await expect
      .poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('excel-export-cancelled');
    expect(await app.page.isEnabled('[data-testid="excel-export-run"]')).toBe(true);
    await expect.poll(() => jobsInMain()).toEqual([]);

    // the app still answers: another view, an edit that autosaves
    await app.page.keyboard.press('Escape');
    await app.page.waitForSelector('dialog[open]', { state: 'detached' });
    await app.nav('rijksmiddelen');
    const current = before.scenarios.find((s) => s.name === 'Ongewijzigd beleid')!;
    const wasOn = current.scenario.measures?.['korting-511-mln'] === true;
    await app.page.click('[data-testid="measure-switch-korting-511-mln"]');
    await app.saved();
    await expect
      .poll(
        async () =>
          (await stored(srv)).scenarios.find((s) => s.id === current.id)!.scenario.measures?.['korting-511-mln'] ===
          true,
      )
      .toBe(!wasOn);

    // and a next (small) export runs to the end
    await openExport();
    const [dl] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.click('[data-testid="excel-export-run"]'),
    ]);
    const name = dl.suggestedFilename();
    expect(name).toMatch(/\.xlsx$/);
    await expect.poll(() => app.page.textContent('[data-testid="excel-export-status"]')).toBe(`Gedownload: ${name}`);
    expect(await app.page.$('[data-testid="excel-export-cancelled"]')).toBeNull();
  });

  it("an export over its time budget shows main's Dutch message; the button is free again", async () => {
    // a service whose export budget is 0,1 s (the real one is 120 s): even starting the worker takes longer, on any machine
    const dataDir = makeDataDir('jobs-limit');
    const service = await openService({
      dataDir,
      seedDir: path.join(ROOT, 'models'),
      appVersion: APP_VERSION,
      transport: 'browser',
      log: silentLogger,
      jobs: { budgets: { 'excel.exportBijlage': { timeMs: 100 } } },
    });
    const server = await startWebServer({ dataDir, rendererDir: RENDERER_DIR, service, log: silentLogger });
    const limited = await AppPage.open(browser, { server, dataDir, stop: async () => undefined });
    try {
      await limited.page.click('[data-testid="excel-menu"]');
      await limited.page.click('[data-testid="excel-menu-export"]');
      await limited.page.waitForSelector('[data-testid="excel-export"]');
      await limited.page.check('[data-testid="excel-scope-all"]');
      await limited.page.check('[data-testid="excel-montecarlo"]');
      await limited.page.fill('[data-testid="excel-draws"]', '50000');
      await limited.page.check('[data-testid="excel-tornado"]');
      await limited.page.click('[data-testid="excel-export-run"]');
      await limited.page.waitForSelector('[data-testid="excel-export-error"]', { timeout: 100_000 });
      expect((await limited.page.textContent('[data-testid="excel-export-error"]'))?.trim()).toBe(
        "De export is gestopt: die duurde langer dan 0,1 s. Er is niets gewijzigd; kies minder scenario's, gemeenten of trekkingen, of een kleiner model.",
      );
      expect(await limited.page.$('[data-testid="excel-export-cancelled"]')).toBeNull();
      expect(await limited.page.$('[data-testid="excel-export-progress"]')).toBeNull();
      expect(await limited.page.isEnabled('[data-testid="excel-export-run"]')).toBe(true);
      const r = await service.api.call('jobs.status', {});
      expect(r.ok && r.value).toEqual([]);
    } finally {
      await limited.close();
      await server.close();
      service.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
