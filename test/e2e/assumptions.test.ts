/** Change assumptions per segment, see the effect live, validation, undo/redo, survives a reload. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { simulate } from '../../src/shared/engine/simulate';
import { setAssumption } from '../../src/renderer/lib/edits/scenario';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;
const SEG = 'ambulante-begeleiding';
const input = (field: string, year: number) => `[data-testid="a-${SEG}-${field}-${year}"]`;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('assumptions')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('Aannames', () => {
  it('instroom +10% in 2025 (the first raming year: 2022–2024 are realised) raises the shown lasten 2025 by exactly the engine amount, and survives a reload', async () => {
    const before = await app.kerncijfers();
    const { model, scenarios } = await stored(srv);
    const base = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario;
    const expected = simulate(model, setAssumption(base, SEG, 'inflowChangePct', 2025, 10));
    const baseline = simulate(model, base);
    const k = expected.years.indexOf(2025);

    await app.nav('aannames');
    await app.page.click(`[data-testid="seg-btn-${SEG}"]`);
    await app.page.fill(input('inflowChangePct', 2025), '10');
    // the absolute value beside it follows the engine (inflow × 1,1)
    const line = expected.lines.find((l) => l.id === SEG)!;
    const inflow = line.kind === 'volume' ? line.years[k]!.inflowBeforeSubstitution : NaN;
    const absText = () => app.page.textContent(`[data-testid="abs-${SEG}-inflowChangePct-2025"]`);
    await expect.poll(absText).toContain(new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(inflow));

    await app.saved();
    const after = await app.kerncijfers();
    const delta = after.get(2025)!.cost - before.get(2025)!.cost;
    const engineDelta = expected.totals[k]!.cost - baseline.totals[k]!.cost;
    expect(engineDelta).toBeGreaterThan(1000);
    expect(Math.abs(delta - engineDelta)).toBeLessThanOrEqual(1);
    expect(after.get(2025)!.cost).toBe(Math.round(expected.totals[k]!.cost));
    expect(after.get(2024)!.cost).toBe(before.get(2024)!.cost);

    // stored in SQLite and shown again after a reload
    const db = await stored(srv);
    expect(
      db.scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario.assumptions[SEG]?.inflowChangePct,
    ).toEqual({ '2025': 10 });
    await app.reload();
    const reloaded = await app.kerncijfers();
    expect(reloaded.get(2025)!.cost).toBe(Math.round(expected.totals[k]!.cost));
    await app.nav('aannames');
    await app.page.click(`[data-testid="seg-btn-${SEG}"]`);
    expect(await app.page.inputValue(input('inflowChangePct', 2025))).toBe('10');
  });

  it('validates as you type with the engine rules and Dutch messages, and never applies an invalid value', async () => {
    await app.nav('aannames');
    await app.page.click(`[data-testid="seg-btn-${SEG}"]`);
    const field = input('priceIndexPct', 2025);
    await app.page.fill(field, 'abc');
    const box = app.page.locator(field).locator('xpath=ancestor::div[contains(@class,"field")]');
    await expect.poll(() => box.locator('.field-error').textContent()).toMatch(/"abc" is geen getal/);
    expect(await app.page.getAttribute(field, 'aria-invalid')).toBe('true');
    await app.page.fill(field, '-150');
    await expect.poll(() => box.locator('.field-error').textContent()).toMatch(/-150 is kleiner dan -100%/);
    // a duration cut that would make the trajectduur < 1 month is refused by the model check
    await app.page.fill(input('durationChangePct', 2023), '-99,5');
    const durBox = app.page
      .locator(input('durationChangePct', 2023))
      .locator('xpath=ancestor::div[contains(@class,"field")]');
    await expect.poll(() => durBox.locator('.field-error').textContent()).toMatch(/kleiner dan 1 maand/);
    await app.page.fill(input('durationChangePct', 2023), '');
    // Dutch decimals are accepted
    await app.page.fill(field, '2,5');
    await expect.poll(() => box.locator('.field-error').textContent()).toBe('');
    await app.saved();
    const db = await stored(srv);
    const a = db.scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario.assumptions[SEG]!;
    expect(a.priceIndexPct?.['2025']).toBe(2.5);
    expect(a.durationChangePct).toBeUndefined();
  });

  it('undo (Ctrl+Z) and redo (Ctrl+Shift+Z, Ctrl+Y) walk through the edits', async () => {
    await app.nav('aannames');
    await app.page.click(`[data-testid="seg-btn-${SEG}"]`);
    const field = input('intensityChangePct', 2026);
    const cost = () => app.page.textContent(`[data-testid="seg-cost-${SEG}-2026"]`);
    const original = await cost();
    await app.page.fill(field, '20');
    await expect.poll(cost).not.toBe(original);
    const changed = await cost();
    await app.page.click('h1');
    await app.page.keyboard.press('Control+z');
    // the field and the cost cell update in separate renders: wait for each
    const value = () => app.page.inputValue(field);
    await expect.poll(cost).toBe(original);
    await expect.poll(value).toBe('');
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(cost).toBe(changed);
    await expect.poll(value).toBe('20');
    await app.page.keyboard.press('Control+z');
    await app.page.keyboard.press('Control+y');
    await expect.poll(cost).toBe(changed);
  });

  it("shows each base figure's source and marks estimates", async () => {
    await app.nav('aannames');
    const text = await app.page.textContent('main');
    expect(text).toMatch(/bron: /);
    expect(await app.page.$$('.badge.estimate')).not.toHaveLength(0);
  });
});
