/** Edit the bekende ontwikkelingen in the Basismodel (issue 10 item 4): a field applies only a valid amount; undo. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { simulate } from '../../src/shared/engine/simulate';
import { setKnownChangeAmount } from '../../src/renderer/lib/edits/knownChanges';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('knownchanges')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const FIELD = '[data-testid="kc-woonplaatsbeginsel-amount-venlo-2026"]';
const NEW_AMOUNT = 2_000_000;

/** The Overzicht's woonplaatsbeginsel line in 2026, as its plain value (data-value). */
async function line2026(): Promise<number> {
  await app.nav('overzicht');
  const text = await app.page.getAttribute(
    '[data-testid="overview-known-changes"] tr[data-known-change="woonplaatsbeginsel"] td[data-year="2026"] [data-value]',
    'data-value',
  );
  return Number((text ?? '').replace(/\./g, '').replace(',', '.'));
}

describe('Bekende ontwikkelingen in het Basismodel', () => {
  it('the woonplaatsbeginsel amount for Venlo 2026 changes the Overzicht line by that amount; invalid input is refused; undo restores', async () => {
    const { model, scenarios } = await stored(srv);
    const scenario = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario;
    expect(scenario.knownChanges?.woonplaatsbeginsel).toBe(true);
    const at2026 = (r: ReturnType<typeof simulate>) =>
      r.knownChanges!.find((c) => c.id === 'woonplaatsbeginsel')!.years[r.years.indexOf(2026)]!;
    const before = at2026(simulate(model, scenario));
    const after = at2026(
      simulate(setKnownChangeAmount(model, 'woonplaatsbeginsel', 'venlo', 2026, NEW_AMOUNT), scenario),
    );
    // Venlo's 2025 amount (€ 2.374.000) runs on structurally; 2026 now gets its own
    expect(before).toBe(2_374_000);
    expect(after - before).toBe(NEW_AMOUNT - 2_374_000);

    await app.page.selectOption('[data-testid="scenario-picker"]', { label: 'Ongewijzigd beleid' });
    await expect.poll(line2026).toBe(Math.round(before));

    await app.nav('basismodel');
    await expect.poll(() => app.page.inputValue(FIELD)).toBe('');
    await app.page.fill(FIELD, '2.000.000');
    await app.saved();
    await expect
      .poll(async () => (await stored(srv)).model.knownChanges![0]!.perGemeente!.venlo!['2026'])
      .toBe(NEW_AMOUNT);
    await expect.poll(line2026).toBe(Math.round(after));

    // an invalid amount is refused at the field, with a Dutch message, and not applied
    await app.nav('basismodel');
    await app.page.fill(FIELD, 'veel');
    const box = app.page.locator(FIELD).locator('xpath=ancestor::div[contains(@class,"field")]');
    await expect
      .poll(() => box.locator('.field-error').textContent())
      .toMatch(
        /^Bekende ontwikkeling Woonplaatsbeginsel Jeugd \(Jeugdwet 2022\), bedrag per gemeente Venlo 2026: "veel" is geen getal/,
      );
    await expect.poll(() => app.page.getAttribute(FIELD, 'aria-invalid')).toBe('true');
    await app.page.fill(FIELD, '2000000000000');
    await expect.poll(() => box.locator('.field-error').textContent()).toMatch(/Venlo 2026.*1\.000\.000\.000\.000/);
    await app.saved();
    expect((await stored(srv)).model.knownChanges![0]!.perGemeente!.venlo!['2026']).toBe(NEW_AMOUNT);
    await expect.poll(line2026).toBe(Math.round(after));

    // undo restores the structural amount
    await app.nav('basismodel');
    await app.page.click('h1');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => app.page.inputValue(FIELD)).toBe('');
    await app.saved();
    await expect
      .poll(async () => (await stored(srv)).model.knownChanges![0]!.perGemeente!.venlo!['2026'])
      .toBeUndefined();
    await expect.poll(line2026).toBe(Math.round(before));
  });

  it('an amount for a gemeente without one; a change added and removed (undo brings it back)', async () => {
    await app.nav('basismodel');
    await app.page.selectOption('[data-testid="kc-woonplaatsbeginsel-add-gemeente"]', 'horst');
    await app.page.fill('[data-testid="kc-woonplaatsbeginsel-amount-horst-2027"]', '150000');
    await app.saved();
    await expect
      .poll(async () => (await stored(srv)).model.knownChanges![0]!.perGemeente!.horst)
      .toEqual({ '2027': 150_000 });

    await app.page.click('[data-testid="kc-add"]');
    await app.page.waitForSelector('[data-testid="kc-nieuwe-ontwikkeling"]');
    await app.saved();
    await expect
      .poll(async () => (await stored(srv)).model.knownChanges!.map((c) => c.id))
      .toEqual(['woonplaatsbeginsel', 'landelijk-tarief-jbjr', 'tarieven-2026', 'nieuwe-ontwikkeling']);
    await app.page.fill('[data-testid="kc-nieuwe-ontwikkeling-amount-regio-2024"]', '-1,5');
    await app.saved();
    await expect
      .poll(async () => (await stored(srv)).model.knownChanges![3]!.amount)
      .toEqual({ '2023': 0, '2024': -1.5 });
    await app.page.click('[data-testid="kc-nieuwe-ontwikkeling-remove"]');
    await app.page.waitForSelector('[data-testid="kc-nieuwe-ontwikkeling"]', { state: 'detached' });
    await app.saved();
    await expect.poll(async () => (await stored(srv)).model.knownChanges!.length).toBe(3);
    await app.page.click('button:has-text("Ongedaan maken")');
    await app.page.waitForSelector('[data-testid="kc-nieuwe-ontwikkeling"]');
  });

  it('every field has a label (keyboard and screen reader)', async () => {
    await app.nav('basismodel');
    const unlabelled = await app.page.$$eval(
      '[data-testid^="kc-"] input, [data-testid^="kc-"] select, [data-testid^="kc-"] textarea',
      (els) => els.filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    expect(await app.page.locator('[data-testid^="kc-"] input').count()).toBeGreaterThan(20);
  });
});
