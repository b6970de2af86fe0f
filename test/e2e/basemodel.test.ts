/** Edit the base model (segments, base figures, calibration from realisation), saved via models.save. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { simulate } from '../../src/shared/engine/simulate';
import { setSegmentField } from '../../src/renderer/lib/edits/model';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('basemodel')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('Basismodel', () => {
  it("a new price per unit changes every year's lasten by the engine amount and is stored in the model", async () => {
    const { model, scenarios } = await stored(srv);
    const seg = model.segments.find((s) => s.id === 'dagbehandeling');
    if (!seg || seg.kind !== 'volume') throw new Error('dagbehandeling ontbreekt in het model');
    const newPrice = Math.round(seg.pricePerUnit * 1.2 * 100) / 100;
    const scenario = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario;
    const expected = simulate(setSegmentField(model, seg.id, 'pricePerUnit', newPrice), scenario);

    await app.nav('basismodel');
    await app.page.click('[data-testid="bm-seg-dagbehandeling"]');
    await app.page.fill('[data-testid="bm-price"]', String(newPrice).replace('.', ','));
    await app.saved();
    const shown = await app.kerncijfers();
    for (const t of expected.totals) expect(shown.get(t.year)!.cost).toBe(Math.round(t.cost));
    const db = await stored(srv);
    const dbSeg = db.model.segments.find((s) => s.id === 'dagbehandeling');
    expect(dbSeg?.kind === 'volume' ? dbSeg.pricePerUnit : undefined).toBe(newPrice);
  });

  it("refuses an invalid base figure with the model's Dutch message", async () => {
    await app.nav('basismodel');
    await app.page.click('[data-testid="bm-seg-dagbehandeling"]');
    await app.page.fill('[data-testid="bm-duration"]', '0,5');
    const box = app.page
      .locator('[data-testid="bm-duration"]')
      .locator('xpath=ancestor::div[contains(@class,"field")]');
    await expect
      .poll(() => box.locator('.field-error').textContent())
      .toMatch(/^Dagbehandeling, trajectduur: 0,5 is kleiner dan 1 maand \(toegepast: [\d,]+\)$/);
    await app.page.fill('[data-testid="bm-duration"]', 'twaalf');
    await expect.poll(() => box.locator('.field-error').textContent()).toMatch(/"twaalf" is geen getal/);
  });

  it('"Bereken uit realisatie" fills inflow, opening stock and price from N, omzet and duur and records the calibration', async () => {
    await app.nav('basismodel');
    await app.page.click('[data-testid="bm-seg-pleegzorg"]');
    await app.page.click('button:has-text("Bereken uit realisatie")');
    await app.page.fill('[data-testid="cal-clients"]', '240');
    await app.page.fill('[data-testid="cal-turnover"]', '3.600.000');
    await app.page.fill('[data-testid="cal-duration"]', '24');
    // I = N / (1 + D/12) = 80, S = 160, price per client-month = K / (12 S) = 1.875
    const preview = await app.page.textContent('[data-testid="cal-preview"]');
    expect(preview).toContain('80');
    expect(preview).toContain('160');
    expect(preview).toContain('€ 1.875,00');
    await app.page.click('button:has-text("Toepassen op")');
    await app.saved();
    const db = await stored(srv);
    const seg = db.model.segments.find((s) => s.id === 'pleegzorg');
    if (!seg || seg.kind !== 'volume') throw new Error('pleegzorg');
    expect(seg.inflowPerYear).toBeCloseTo(80, 9);
    expect(seg.openingClients).toBeCloseTo(160, 9);
    expect(seg.avgDurationMonths).toBe(24);
    expect(seg.pricePerUnit * (seg.unitsPerClientMonth ?? 1)).toBeCloseTo(1875, 6);
    expect(seg.calibration).toMatchObject({ clients: 240, turnover: 3_600_000, durationMonths: 24 });
    await app.reload();
    await app.nav('basismodel');
    await app.page.click('[data-testid="bm-seg-pleegzorg"]');
    expect(await app.page.textContent('[data-testid="calibration-note"]')).toMatch(/240 jeugdigen, omzet € 3.600.000/);
  });

  it('adds and removes a segment', async () => {
    await app.nav('basismodel');
    const before = (await stored(srv)).model.segments.length;
    await app.page.click('button:has-text("Budgetregel toevoegen")');
    await app.page.fill('[data-testid="bm-name"]', 'Extra inkoop');
    await app.page.fill('[data-testid="bm-amount"]', '250000');
    await app.saved();
    let db = await stored(srv);
    expect(db.model.segments).toHaveLength(before + 1);
    expect(db.model.segments.at(-1)).toMatchObject({ kind: 'budget', name: 'Extra inkoop', amount: 250000 });
    await app.page.click('button:has-text("Segment verwijderen")');
    await app.saved();
    db = await stored(srv);
    expect(db.model.segments).toHaveLength(before);
    // no confirm dialog: the notice offers the undo, which brings the segment back
    await app.page.click('.notice button:has-text("Ongedaan maken")');
    await app.saved();
    await expect.poll(async () => (await stored(srv)).model.segments.at(-1)?.name).toBe('Extra inkoop');
    // and redo removes it again
    await app.page.click('h1');
    await app.page.keyboard.press('Control+Shift+z');
    await app.saved();
    await expect.poll(async () => (await stored(srv)).model.segments).toHaveLength(before);
  });
});
