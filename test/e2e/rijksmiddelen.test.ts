/**
 * Rijksmiddelen en preventie: a Rijksmaatregel switched on changes the
 * Overzicht's Rijksmiddelen by national × share (computed here with the
 * engine and the library), conflicting measures are refused with an
 * explanation, and a hand-checkable prevention effect changes the inflow as the
 * engine does. Every edit goes through the store (undo, autosave).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { simulate } from '../../src/shared/engine/simulate';
import { yearPath } from '../../src/shared/engine/paths';
import { findMeasure, nationalAmounts } from '../../src/shared/domain/rijksmaatregelen';
import { formatNumber } from '../../src/shared/locale/numbers';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, parseEuro, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

const BASE = 'Ongewijzigd beleid';
const SEG = 'ambulante-begeleiding';

beforeAll(async () => {
  // the model's own figures, without its realisatie 2022–2024: the prevention effect below is computed by hand from
  // the segment's base inflow from 2023 on (with realisatie, 2023 and 2024 are realised and an effect there does not work)
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('rijksmiddelen', { withoutRealisatie: true })]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function current() {
  const { model, scenarios } = await stored(srv);
  const s = scenarios.find((x) => x.name === BASE)!;
  return { model, scenario: s.scenario };
}

describe('Rijksmaatregelen', () => {
  it('switching "korting € 511 mln" on lowers the Overzicht\'s Rijksmiddelen 2028 by national × share', async () => {
    expect(await app.currentScenarioName()).toBe(BASE);
    const before = await app.kerncijfers();
    const { model } = await current();
    const share = model.funding.nationalShare!.value;
    const measure = findMeasure('korting-511-mln')!;
    const national2028 = nationalAmounts(measure, [2028])[0]!;
    expect(national2028).toBe(-511_000_000);

    await app.nav('rijksmiddelen');
    const regional = await app.page.textContent('[data-testid="measure-regional-korting-511-mln-2028"]');
    expect(parseEuro(regional!)).toBe(Math.round(national2028 * share));
    await app.page.click('[data-testid="measure-switch-korting-511-mln"]');
    expect(await app.page.isChecked('[data-testid="measure-switch-korting-511-mln"]')).toBe(true);
    await app.saved();

    const after = await app.kerncijfers();
    const diff = after.get(2028)!.funding - before.get(2028)!.funding;
    expect(Math.abs(diff - national2028 * share)).toBeLessThanOrEqual(1);
    // the stored scenario has the switch, and the engine agrees with what is shown
    const { scenario } = await current();
    expect(scenario.measures).toEqual({ 'korting-511-mln': true });
    const engine = simulate(model, scenario);
    expect(after.get(2028)!.funding).toBe(Math.round(engine.totals.at(-1)!.funding));
    // 2025 is untouched (the cut starts in 2026)
    expect(after.get(2025)!.funding).toBe(before.get(2025)!.funding);

    // the Overzicht shows the measure as its own line of the Rijksmiddelen
    const row = app.page.locator(
      '[data-testid="overview-funding-breakdown"] tr[data-component="maatregel:korting-511-mln"] td[data-year="2028"]',
    );
    expect(parseEuro((await row.textContent())!)).toBe(Math.round(national2028 * share));
    await app.screenshot('rijksmiddelen-overzicht.png');
  });

  it('refuses a measure that counts the same money as one already on, and says which', async () => {
    await app.nav('rijksmiddelen');
    await app.page.click('[data-testid="measure-switch-voorjaarsnota-2025-extra"]');
    await app.saved();
    await app.page.click('[data-testid="measure-switch-deskundigencommissie-50pct"]');
    const refusal = app.page.locator('[data-testid="measure-refusal-deskundigencommissie-50pct"]');
    await expect.poll(() => refusal.textContent()).toMatch(/hetzelfde geld/);
    const text = (await refusal.textContent())!;
    expect(text).toContain('Compensatie 50% van het tekort');
    expect(text).toContain('Extra middelen Voorjaarsnota 2025');
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await app.page.isChecked('[data-testid="measure-switch-deskundigencommissie-50pct"]')).toBe(false);
    await app.saved();
    const { scenario } = await current();
    expect(scenario.measures).toEqual({ 'korting-511-mln': true, 'voorjaarsnota-2025-extra': true });

    // undo takes the last switch back off (through the store's history)
    await app.page.keyboard.press('Control+z');
    await app.saved();
    expect(await app.page.isChecked('[data-testid="measure-switch-voorjaarsnota-2025-extra"]')).toBe(false);
    expect((await current()).scenario.measures).toEqual({ 'korting-511-mln': true });
    await app.screenshot('rijksmiddelen-maatregelen.png');
  });

  it('links to the index path and incidentele bijstellingen on Aannames instead of duplicating them', async () => {
    await app.nav('rijksmiddelen');
    expect(await app.page.$('[data-testid^="f-index-"]')).toBeNull();
    await app.page.click('[data-testid="rm-goto-aannames"]');
    await app.page.waitForSelector('main[data-view="aannames"]');
    await expect
      .poll(() =>
        app.page.evaluate(() => {
          const r = document.getElementById('funding-h')?.getBoundingClientRect();
          return r !== undefined && r.top >= 0 && r.top < window.innerHeight;
        }),
      )
      .toBe(true);
    await expect
      .poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toMatch(/^f-index-/);
  });
});

describe('Bekende ontwikkelingen', () => {
  it('switching woonplaatsbeginsel off and on (keyboard, undo) moves its line and the saldo by its amount', async () => {
    const VENLO_2028 = 2_374_000; // Venlo, Programmabegroting 2024: structureel from 2025
    await app.nav('rijksmiddelen');
    const sw = '[data-testid="known-change-switch-woonplaatsbeginsel"]';
    // Ongewijzigd beleid switches it on, as a begroting would
    expect(await app.page.isChecked(sw)).toBe(true);
    const amount = await app.page.textContent('[data-testid="known-change-amount-woonplaatsbeginsel-2028"]');
    expect(parseEuro(amount!)).toBe(VENLO_2028);
    expect(await app.page.textContent('[data-testid="known-change-woonplaatsbeginsel"]')).toContain(
      'Gemeente Venlo, Programmabegroting 2024',
    );
    const withIt = await app.kerncijfers();
    const line =
      '[data-testid="overview-known-changes"] tr[data-known-change="woonplaatsbeginsel"] td[data-year="2028"]';
    expect(parseEuro((await app.page.textContent(line))!)).toBe(VENLO_2028);

    // off, by keyboard
    await app.nav('rijksmiddelen');
    await app.page.focus(sw);
    await app.page.keyboard.press('Space');
    await expect.poll(() => app.page.isChecked(sw)).toBe(false);
    await app.saved();
    expect((await current()).scenario.knownChanges?.woonplaatsbeginsel).toBeUndefined();
    const without = await app.kerncijfers();
    expect(Math.abs(withIt.get(2028)!.cost - without.get(2028)!.cost - VENLO_2028)).toBeLessThanOrEqual(1);
    expect(Math.abs(without.get(2028)!.balance - withIt.get(2028)!.balance - VENLO_2028)).toBeLessThanOrEqual(1);
    expect(without.get(2023)!.balance).toBe(withIt.get(2023)!.balance);
    expect(
      await app.page.$('[data-testid="overview-known-changes"] tr[data-known-change="woonplaatsbeginsel"]'),
    ).toBeNull();
    // the engine agrees with what is shown
    const { model, scenario } = await current();
    expect(without.get(2028)!.balance).toBe(Math.round(simulate(model, scenario).totals.at(-1)!.balance));

    // undo switches it back on: the line and the saldo return
    await app.nav('rijksmiddelen');
    await app.page.focus(sw);
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => app.page.isChecked(sw)).toBe(true);
    await app.saved();
    expect((await current()).scenario.knownChanges?.woonplaatsbeginsel).toBe(true);
    const back = await app.kerncijfers();
    expect(back.get(2028)!.balance).toBe(withIt.get(2028)!.balance);
    expect(parseEuro((await app.page.textContent(line))!)).toBe(VENLO_2028);
    await app.screenshot('bekende-ontwikkelingen.png');
  });
});

describe('Preventie-effect', () => {
  it('changes the inflow as the engine does: € 100.000 in 2023 and € 300.000 in 2024, 1% per € 100.000, lag 1, plafond 2,5%', async () => {
    await app.nav('rijksmiddelen');
    await app.page.click('[data-testid="prevention-add"]');
    await app.page.fill('[data-testid="prev-budget-2023"]', '100.000');
    await app.page.fill('[data-testid="prev-budget-2024"]', '300000');
    await app.page.click('[data-testid="prev-effect-add"]');
    await app.page.selectOption('[data-testid="prev-effect-0-segment"]', SEG);
    await app.page.fill('[data-testid="prev-effect-0-pct"]', '1');
    await app.page.fill('[data-testid="prev-effect-0-lag"]', '1');
    await app.page.fill('[data-testid="prev-effect-0-max"]', '2,5');
    await app.saved();

    const { model, scenario } = await current();
    expect(scenario.prevention).toEqual({
      extraBudget: { '2023': 100000, '2024': 300000 },
      effects: [{ segment: SEG, inflowPctPer100k: 1, lagYears: 1, maxPct: 2.5 }],
    });
    const seg = model.segments.find((s) => s.id === SEG)!;
    if (seg.kind !== 'volume') throw new Error('volumesegment verwacht');
    // by hand: no inflow change of the segment in this scenario, so the inflow is the base figure × the autonome
    // ontwikkeling's gebruik (Ongewijzigd beleid: +1,5% a year); 2024 −1%, 2025 −2,5% (plafond), 2026 no budget → no effect
    const g = yearPath(1, scenario.autonomous?.usageChangePct, [2022, 2023, 2024, 2025, 2026]);
    const base = seg.inflowPerYear;
    const hand: Record<number, number> = {
      2023: base * g[1]!,
      2024: base * g[2]! * 0.99,
      2025: base * g[3]! * 0.975,
      2026: base * g[4]!,
    };
    const engine = simulate(model, scenario);
    const line = engine.lines.find((l) => l.id === SEG)!;
    if (line.kind !== 'volume') throw new Error('volumeregel verwacht');
    for (const [year, inflow] of Object.entries(hand)) {
      const y = line.years.find((x) => x.year === Number(year))!;
      expect(y.inflowBeforeSubstitution).toBeCloseTo(inflow, 6);
      const shown = await app.page.textContent(
        `[data-testid="prevention-table"] tr[data-row="inflow-with-${SEG}"] td[data-year="${year}"]`,
      );
      expect(shown).toBe(formatNumber(inflow, 1));
    }
    expect(
      await app.page.textContent(`[data-testid="prevention-table"] tr[data-row="pct-${SEG}"] td[data-year="2025"]`),
    ).toBe('2,50%');

    // saldo 2028 with and without, as the engine computes them
    const without = simulate(model, { ...scenario, prevention: undefined });
    const withText = await app.page.textContent('[data-testid="prev-saldo-with"] dd');
    const withoutText = await app.page.textContent('[data-testid="prev-saldo-without"] dd');
    expect(parseEuro(withText!)).toBe(Math.round(engine.totals.at(-1)!.balance));
    expect(parseEuro(withoutText!)).toBe(Math.round(without.totals.at(-1)!.balance));
    // the extra budget is its own cost line on the Overzicht
    const kern = await app.kerncijfers();
    expect(kern.get(2024)!.cost).toBe(Math.round(engine.totals.find((t) => t.year === 2024)!.cost));
    await app.nav('rijksmiddelen');
    await app.page.locator('[data-testid="prevention"]').scrollIntoViewIfNeeded();
    await app.screenshot('rijksmiddelen-preventie.png');
  });

  it('validates as you type with the Dutch messages and keeps the last valid value', async () => {
    await app.nav('rijksmiddelen');
    const field = '[data-testid="prev-effect-0-pct"]';
    await app.page.fill(field, 'twee');
    const msg = app.page.locator(
      `${field} >> xpath=ancestor::div[contains(@class,"field")]//span[contains(@class,"field-error")]`,
    );
    await expect.poll(() => msg.textContent()).toMatch(/"twee" is geen getal/);
    // negative is allowed (a measure that raises demand); below −100% is not
    await app.page.fill(field, '-101');
    await expect.poll(() => msg.textContent()).toMatch(/-101 is kleiner dan -100%/);
    await app.page.fill('[data-testid="prev-effect-0-lag"]', '1,5');
    const lagMsg = app.page.locator(
      '[data-testid="prev-effect-0-lag"] >> xpath=ancestor::div[contains(@class,"field")]//span[contains(@class,"field-error")]',
    );
    await expect.poll(() => lagMsg.textContent()).toMatch(/1.5 is geen heel aantal jaren/);
    await app.saved();
    const { scenario } = await current();
    expect(scenario.prevention!.effects[0]).toMatchObject({ inflowPctPer100k: 1, lagYears: 1 });
    await app.page.fill(field, '1');
    await app.page.fill('[data-testid="prev-effect-0-lag"]', '1');
  });
});
