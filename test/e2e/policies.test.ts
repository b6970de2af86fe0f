/**
 * Beleidsmaatregelen in Aannames: each measure of "Beleidsplan KPI's" with its name, its Bijlage 8 line,
 * its realisatie (editable by keyboard, invalid input shown and never applied), range and effects;
 * changing a realisatie changes the saldo by exactly the engine's amount; undo goes back.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { simulate } from '../../src/shared/engine/simulate';
import { setPolicyRealisatie } from '../../src/renderer/lib/edits/scenario';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;
const KPI = "Beleidsplan KPI's";
const ID = 'ambulant-uren';
const field = `[data-testid="policy-${ID}-realisatie"]`;

/** axe-core when installed (as in a11y.test.ts): serious and critical findings under a selector. */
const AXE = (() => {
  try {
    const file = process.env.AXE_CORE ?? createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
})();
async function axeFindings(include: string): Promise<string[]> {
  if (!(await app.page.evaluate(() => 'axe' in window))) await app.page.evaluate(AXE!);
  return app.page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run({ include: [sel] }, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  }, include);
}

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('policies')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('Beleidsmaatregelen', () => {
  it('shows each measure with its Bijlage 8 line, realisatie, range and effects', async () => {
    await app.page.selectOption('[data-testid="scenario-picker"]', { label: KPI });
    await expect.poll(() => app.currentScenarioName()).toBe(KPI);
    await app.nav('aannames');
    const card = app.page.locator(`[data-testid="policy-${ID}"]`);
    await expect
      .poll(() => card.locator('h3').textContent())
      .toBe('Ambulant: minder uren per cliënt (−5% per jaar, max. −15%)');
    expect(await app.page.locator('[data-testid="policies"] article.policy').count()).toBe(10);
    expect(await card.locator(`[data-testid="policy-${ID}-source"]`).textContent()).toMatch(
      /Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 8, segment Ambulant, KPI 3/,
    );
    expect(await app.page.inputValue(field)).toBe('50');
    expect(await card.textContent()).toContain('Bandbreedte in de Monte Carlo: 25% tot 75%.');
    const effects = card.locator(`[data-testid="policy-${ID}-effects"]`);
    expect(await effects.locator('tbody tr').count()).toBe(2);
    expect(await effects.locator('tbody tr').first().textContent()).toContain('-5,00% (nu -2,50%)');
    // the waiting-list measure raises the cost: a negative effect on the saldo
    await expect
      .poll(() => app.page.textContent('[data-testid="policy-ggz-wachtlijst-saldo"]'))
      .toMatch(/Effect op het saldo 2028: € -/);
    // the section is a landmark with a heading; every measure an article named by its heading
    expect(await app.page.getAttribute('[data-testid="policies"]', 'aria-labelledby')).toBe('policies-h');
    expect(await card.getAttribute('aria-labelledby')).toBe(`policy-${ID}-h`);
    if (AXE) {
      for (const d of await app.page.$$('[data-testid="policies"] details:not([open]) > summary')) await d.click();
      expect(await axeFindings('[data-testid="policies"]')).toEqual([]);
    }
  });

  it('a realisatie typed by keyboard changes the saldo by the engine amount; invalid input is never applied; undo', async () => {
    const { model, scenarios } = await stored(srv);
    const base = scenarios.find((s) => s.name === KPI)!.scenario;
    const index = base.policies!.findIndex((p) => p.id === ID);
    const expected = simulate(model, setPolicyRealisatie(base, index, 75));
    const before = await app.kerncijfers();
    expect(before.get(2028)!.balance).toBe(Math.round(simulate(model, base).totals.at(-1)!.balance));

    await app.nav('aannames');
    // reached by its accessible name, edited with the keyboard alone
    const input = app.page.getByLabel('Realisatie van "Ambulant: minder uren per cliënt (−5% per jaar, max. −15%)"');
    await input.focus();
    await app.page.keyboard.press('Control+a');
    await app.page.keyboard.type('75');
    const card = app.page.locator(`[data-testid="policy-${ID}"]`);
    await expect
      .poll(() => card.locator(`[data-testid="policy-${ID}-effects"] tbody tr`).first().textContent())
      .toContain('-5,00% (nu -3,75%)');
    await app.saved();
    const db = await stored(srv);
    expect(db.scenarios.find((s) => s.name === KPI)!.scenario.policies![index]!.realisatiePct).toBe(75);
    const after = await app.kerncijfers();
    const want = Math.round(expected.totals.at(-1)!.balance);
    expect(after.get(2028)!.balance).toBe(want);
    // more of the hour cut realised: a better saldo
    expect(after.get(2028)!.balance).toBeGreaterThan(before.get(2028)!.balance + 100_000);

    // 120% is refused with a Dutch message at the field, and the stored value stays 75
    await app.nav('aannames');
    await app.page.fill(field, '120');
    const box = app.page.locator(field).locator('xpath=ancestor::div[contains(@class,"field")]');
    await expect.poll(() => box.locator('.field-error').textContent()).toMatch(/120 is meer dan 100%/);
    expect(await app.page.getAttribute(field, 'aria-invalid')).toBe('true');
    await app.page.fill(field, '75');
    await expect.poll(() => box.locator('.field-error').textContent()).toBe('');
    await app.saved();
    const still = await stored(srv);
    expect(still.scenarios.find((s) => s.name === KPI)!.scenario.policies![index]!.realisatiePct).toBe(75);

    // the edit is in the scenario's history: undo goes back to 50%
    await app.page.click('h1');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => app.page.inputValue(field)).toBe('50');
    await app.saved();
    const undone = await app.kerncijfers();
    expect(undone.get(2028)!.balance).toBe(before.get(2028)!.balance);
  });

  it('the range is edited the same way (checked against the realisatie), and the slide lists the measures', async () => {
    await app.nav('aannames');
    const high = `[data-testid="policy-${ID}-range-high"]`;
    const low = `[data-testid="policy-${ID}-range-low"]`;
    await app.page.fill(low, '60');
    const box = app.page.locator(low).locator('xpath=ancestor::div[contains(@class,"field")]');
    await expect
      .poll(() => box.locator('.field-error').textContent())
      .toMatch(/laag 60% is groter dan de realisatie 50%/);
    await app.page.fill(low, '30');
    await expect.poll(() => box.locator('.field-error').textContent()).toBe('');
    await app.page.fill(high, '90');
    await app.saved();
    const db = await stored(srv);
    const p = db.scenarios.find((s) => s.name === KPI)!.scenario.policies!.find((x) => x.id === ID)!;
    expect([p.ranges?.realisatiePct?.low, p.realisatiePct, p.ranges?.realisatiePct?.high]).toEqual([30, 50, 90]);
    expect(await app.page.locator(`[data-testid="policy-${ID}"]`).textContent()).toContain(
      'Bandbreedte in de Monte Carlo: 30% tot 90%.',
    );

    await app.nav('presentatie');
    const item = app.page.locator(`[data-slide="aannames"] [data-testid="slide-policy-${ID}"]`);
    await expect
      .poll(() => item.textContent())
      .toMatch(
        /Ambulant: minder uren per cliënt .* \(realisatie 50%, 30–90%\) — bron: Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 8, segment Ambulant, KPI 3/,
      );
    await app.page.keyboard.press('Escape');
  });
});
