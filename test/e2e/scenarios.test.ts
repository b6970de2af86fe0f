/** Manage scenarios — new, rename, duplicate, delete with undo, notes, versions with restore. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, stored } from './app';
import { emptyScenario } from '../../src/shared/formats/scenario';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('scenarios')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const names = async () => (await stored(srv)).scenarios.map((s) => s.name).sort();

describe("Scenario's", () => {
  it('creates, renames, duplicates, deletes and brings back a scenario', async () => {
    await app.page.click('header button:has-text("Nieuw scenario")');
    await expect.poll(() => app.currentScenarioName()).toBe('Nieuw scenario');
    await app.page.waitForSelector('main[data-view="scenarios"]');
    await app.page.fill('[data-testid="scenario-name"]', 'Raming oktober');
    await app.page.fill('[data-testid="scenario-description"]', 'Voor de raadscommissie; inclusief tariefindex VNG.');
    await app.saved();
    expect(await names()).toContain('Raming oktober');
    expect((await stored(srv)).scenarios.find((s) => s.name === 'Raming oktober')!.scenario.description).toBe(
      'Voor de raadscommissie; inclusief tariefindex VNG.',
    );
    // empty name refused with a Dutch message, not saved
    await app.page.fill('[data-testid="scenario-name"]', '   ');
    await expect
      .poll(() => app.page.textContent('[data-testid="scenario-name"] ~ .field-error'))
      .toMatch(/mag niet leeg zijn/);
    await app.page.fill('[data-testid="scenario-name"]', 'Raming oktober');

    await app.page.click('button[aria-label="Dupliceren: Raming oktober"]');
    await expect.poll(() => app.currentScenarioName()).toBe('Raming oktober (kopie)');
    expect(await names()).toContain('Raming oktober (kopie)');

    await app.page.click('button[aria-label="Verwijderen: Raming oktober (kopie)"]');
    await expect.poll(names).not.toContain('Raming oktober (kopie)');
    await app.page.click('[data-testid="notice-info"] button:has-text("Ongedaan maken")');
    await expect.poll(names).toContain('Raming oktober (kopie)');
    await expect
      .poll(() => app.page.$$eval('[data-testid="scenario-list"] tbody tr', (r) => r.length))
      .toBe((await names()).length);
  });

  it('freezes a version with a note, shows what it held, and restores it', async () => {
    await app.page.selectOption('[data-testid="scenario-picker"]', { label: 'Raming oktober' });
    await app.nav('aannames');
    await app.page.click('[data-testid="seg-btn-pleegzorg"]');
    await app.page.fill('[data-testid="a-pleegzorg-inflowChangePct-2025"]', '5');
    await app.saved();
    const at12oct = await app.kerncijfers();

    await app.nav('scenarios');
    await app.page.fill('#version-note', 'raadscommissie 12 oktober');
    await app.page.click('button:has-text("Versie vastleggen")');
    await app.page.waitForSelector('[data-version-note="raadscommissie 12 oktober"]');

    // later edits
    await app.nav('aannames');
    await app.page.click('[data-testid="seg-btn-pleegzorg"]');
    await app.page.fill('[data-testid="a-pleegzorg-inflowChangePct-2025"]', '30');
    await app.saved();
    const later = await app.kerncijfers();
    expect(later.get(2025)!.cost).toBeGreaterThan(at12oct.get(2025)!.cost);

    // "wat lag er in de commissie van 12 oktober?"
    await app.nav('scenarios');
    await app.page.click('button[aria-label="Bekijken: versie raadscommissie 12 oktober"]');
    const view = app.page.locator('[data-testid="version-view"]');
    await view.waitFor();
    expect(await view.textContent()).toContain(new Intl.NumberFormat('nl-NL').format(at12oct.get(2025)!.cost));
    expect(await view.textContent()).toMatch(/precies dezelfde uitkomst/);
    await app.page.click('dialog[open] button:has-text("Sluiten")');

    await app.page.click('button[aria-label="Terugzetten: versie raadscommissie 12 oktober"]');
    await app.saved();
    const restored = await app.kerncijfers();
    expect(restored.get(2025)!.cost).toBe(at12oct.get(2025)!.cost);
    const db = await stored(srv);
    expect(
      db.scenarios.find((s) => s.name === 'Raming oktober')!.scenario.assumptions.pleegzorg?.inflowChangePct,
    ).toEqual({ '2025': 5 });
    // the working copy from before the restore was kept as a version
    await app.nav('scenarios');
    await expect
      .poll(() => app.page.$$eval('[data-testid="version-list"] tbody tr', (r) => r.length))
      .toBeGreaterThanOrEqual(2);
    // a reload comes back to the same scenario, with the restored figures
    await app.reload();
    expect(await app.currentScenarioName()).toBe('Raming oktober');
    expect((await app.kerncijfers()).get(2025)!.cost).toBe(at12oct.get(2025)!.cost);
  });

  it('a new scenario starts from Ongewijzigd beleid (no warning); one without indexation of the lasten shows the warning', async () => {
    await app.page.click('header button:has-text("Nieuw scenario")');
    await expect.poll(() => app.currentScenarioName()).toMatch(/^Nieuw scenario/);
    const name = await app.currentScenarioName();
    const db = await stored(srv);
    const ref = db.scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario;
    const fresh = db.scenarios.find((s) => s.name === name)!.scenario;
    expect([fresh.assumptions, fresh.funding, fresh.autonomous]).toEqual([
      ref.assumptions,
      ref.funding,
      ref.autonomous,
    ]);
    expect(fresh.autonomous?.usageChangePct?.['2024']).toBe(1.5);

    await app.nav('overzicht');
    await app.page.waitForSelector('[data-testid="kern-table"]');
    expect(await app.page.$('[data-testid="indexation-warning"]')).toBeNull();
    // the autonome ontwikkeling as lines on Aannames
    await app.nav('aannames');
    await expect.poll(() => app.page.inputValue('[data-testid="auto-usageChangePct-2024"]')).toBe('1,5');
    await expect.poll(() => app.page.inputValue('[data-testid="auto-severityChangePct-2028"]')).toBe('1');

    // a scenario without any assumption — how a model runs without a scenario — indexes only the Rijksmiddelen
    const saved = await srv.server.service.api.call('scenarios.save', {
      modelId: db.modelId,
      scenario: emptyScenario('Zonder aannames'),
    });
    expect(saved.ok).toBe(true);
    await app.reload();
    // the reload comes back to the scenario open before it; then choose the new one
    await expect.poll(() => app.currentScenarioName()).toBe(name);
    await app.page.waitForSelector('[data-testid="scenario-picker"] option:text-is("Zonder aannames")', {
      state: 'attached',
    });
    await expect
      .poll(async () => {
        await app.page.selectOption('[data-testid="scenario-picker"]', { label: 'Zonder aannames' });
        return app.currentScenarioName();
      })
      .toBe('Zonder aannames');
    await app.nav('overzicht');
    const warning = app.page.locator('[data-testid="indexation-warning"]');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/^Lasten niet geïndexeerd, Rijksmiddelen wel/);
  });
});
