/** Compare 2–4 scenarios — saldo per year, difference to a reference, where it comes from per segment. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { simulate } from '../../src/shared/engine/simulate';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, parseEuro, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('compare')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('Vergelijken', () => {
  it('shows the saldo of each scenario and the difference to the chosen reference, as the engine computes it', async () => {
    const { model, scenarios } = await stored(srv);
    const base = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!;
    const kpi = scenarios.find((s) => s.name === "Beleidsplan KPI's")!;
    const rBase = simulate(model, base.scenario);
    const rKpi = simulate(model, kpi.scenario);

    await app.nav('vergelijken');
    const table = app.page.locator(
      'section:has(h2:has-text("Saldo en verschil per jaar")) [data-testid="compare-table"]',
    );
    await table.waitFor();
    const boxes = await app.page.$$eval('.pill-list input[type=checkbox]', (els) =>
      els.map((e) => (e as HTMLInputElement).checked),
    );
    expect(boxes.filter(Boolean)).toHaveLength(2);
    await app.page.selectOption('[data-testid="cmp-reference"]', { label: 'Ongewijzigd beleid' });

    const cells = async (selector: string) =>
      (await table.locator(selector).locator('td').allTextContents()).map(parseEuro);
    const kpiRow = await cells(`tr[data-scenario="Beleidsplan KPI's"]`);
    rKpi.totals.forEach((t, k) => expect(Math.abs(kpiRow[k]! - t.balance)).toBeLessThanOrEqual(1));
    const diff = await cells(`tr[data-diff="Beleidsplan KPI's"]`);
    rKpi.totals.forEach((t, k) =>
      expect(Math.abs(diff[k]! - (t.balance - rBase.totals[k]!.balance))).toBeLessThanOrEqual(1),
    );
    const cumDiff = rKpi.totals.reduce((s, t, k) => s + t.balance - rBase.totals[k]!.balance, 0);
    expect(Math.abs(diff[diff.length - 1]! - cumDiff)).toBeLessThanOrEqual(1);

    // per segment: where the difference comes from (lasten KPI − lasten referentie)
    const breakdown = app.page.locator(`[data-testid="breakdown-Beleidsplan KPI's"]`);
    const changed = rKpi.lines.filter((l) =>
      l.years.some((y, k) => Math.abs(y.cost - rBase.lines.find((b) => b.id === l.id)!.years[k]!.cost) >= 0.5),
    );
    expect(await breakdown.locator('tr[data-segment]').count()).toBe(changed.length);
    for (const line of changed) {
      const ref = rBase.lines.find((b) => b.id === line.id)!;
      const row = (await breakdown.locator(`tr[data-segment="${line.id}"] td`).allTextContents()).map(parseEuro);
      line.years.forEach((y, k) => expect(Math.abs(row[k]! - (y.cost - ref.years[k]!.cost))).toBeLessThanOrEqual(1));
    }

    // swap the reference: the difference changes sign
    await app.page.selectOption('[data-testid="cmp-reference"]', { label: "Beleidsplan KPI's" });
    const swapped = await cells(`tr[data-diff="Ongewijzigd beleid"]`);
    rKpi.totals.forEach((t, k) =>
      expect(Math.abs(swapped[k]! + (t.balance - rBase.totals[k]!.balance))).toBeLessThanOrEqual(1),
    );
    expect(await app.page.$$('[data-chart="compare"] .recharts-bar-rectangle')).toHaveLength(2 * rBase.years.length);
    await app.screenshot('vergelijken.png');
  });
});
