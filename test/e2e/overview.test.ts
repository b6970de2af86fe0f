/** Open the app and see the region (default model, "Ongewijzigd beleid", chart, headlines). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { simulate } from '../../src/shared/engine/simulate';
import { estimateSentence, estimateSummary, estimateYears } from '../../src/shared/formats/estimates';
import { stackBands } from '../../src/renderer/charts/stack';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, checkHeadlineBands, parseEuro, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('overview')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('Overzicht', () => {
  it('opens on the default model and "Ongewijzigd beleid" and shows the engine figures per year', async () => {
    expect(await app.currentScenarioName()).toBe('Ongewijzigd beleid');
    const { model, scenarios } = await stored(srv);
    const base = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!;
    const expected = simulate(model, base.scenario);
    await expect.poll(async () => [...(await app.kerncijfers()).keys()]).toEqual(expected.years);
    const shown = await app.kerncijfers();
    for (const t of expected.totals) {
      const row = shown.get(t.year)!;
      expect(row.cost).toBe(Math.round(t.cost));
      expect(row.funding).toBe(Math.round(t.funding));
      expect(Math.abs(row.balance - Math.round(t.balance))).toBeLessThanOrEqual(1);
    }

    // headlines: saldo in the end year and cumulative, tekort in red with a minus sign
    const last = expected.totals[expected.totals.length - 1]!;
    const saldoText = await app.page.textContent('[data-testid="headline-saldo-end"] dd');
    expect(parseEuro(saldoText!.replace(/tekort|overschot/i, ''))).toBe(Math.round(last.balance));
    if (last.balance < 0) {
      expect(saldoText).toMatch(/€ -\d/);
      expect(saldoText).toMatch(/tekort/i);
      const color = await app.page.$eval(
        '[data-testid="headline-saldo-end"] dd .num',
        (el) => getComputedStyle(el).color,
      );
      expect(color).toBe('rgb(176, 0, 32)');
    }
    const cum = expected.totals.reduce((s, t) => s + t.balance, 0);
    const cumText = await app.page.textContent('[data-testid="headline-saldo-cum"] dd');
    expect(Math.abs(parseEuro(cumText!.replace(/tekort|overschot/i, '')) - Math.round(cum))).toBeLessThanOrEqual(1);
    const k = expected.years.length - 1;
    const largest = [...expected.lines].sort((a, b) => b.years[k]!.cost - a.years[k]!.cost)[0]!;
    expect(await app.page.textContent('[data-testid="headline-largest"] .headline-name')).toBe(largest.name);
  });

  it('the headline saldi carry the P10–P50–P90 of the same Monte Carlo (seed and draws as shown), explained outside P25–P75', async () => {
    await app.nav('overzicht');
    const { position } = await checkHeadlineBands(app, srv, '[data-testid="headlines"]', 'Ongewijzigd beleid');
    expect(Object.keys(position).sort()).toEqual(['cumulative', 'endYear']);

    // "Rijksmaatregelen": its saldo 2028 lies below P25 (most cuts can only shrink or fall away): explained
    const RIJK = 'Rijksmaatregelen (Hervormingsagenda, Voorjaarsnota 2025)';
    await app.page.selectOption('[data-testid="scenario-picker"]', { label: RIJK });
    await expect.poll(() => app.currentScenarioName()).toBe(RIJK);
    const rijk = await checkHeadlineBands(app, srv, '[data-testid="headlines"]', RIJK);
    expect(rijk.position.endYear).toBe('below');
    expect(await app.page.textContent('[data-testid="headline-explain-endYear"]')).toMatch(
      /^Het saldo 2028 van het scenario ligt onder P25 .* Vooral: .+ reikt verder naar (boven|beneden) /,
    );
    await app.screenshot('overzicht-kop-bandbreedte.png', false);
    await app.page.selectOption('[data-testid="scenario-picker"]', { label: 'Ongewijzigd beleid' });
    await expect.poll(() => app.currentScenarioName()).toBe('Ongewijzigd beleid');
  });

  it('says how much of the lasten of the first raming year is geschat, and which lines', async () => {
    const { model, scenarios } = await stored(srv);
    const base = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!;
    const result = simulate(model, base.scenario);
    const year = estimateYears(result).at(-1)!;
    const summary = estimateSummary(model, result, year)!;
    await expect.poll(() => app.page.textContent('[data-testid="estimate-sentence"]')).toBe(estimateSentence(summary));
    expect(await app.page.textContent('[data-testid="estimate-share"] p')).toContain(`Eerste ramingsjaar ${year}`);
    await app.page.click('[data-testid="estimate-details"] summary');
    await app.page.waitForSelector('[data-testid="estimate-lines"] tbody tr', { state: 'visible' });
    const rows = await app.page.$$eval('[data-testid="estimate-lines"] tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-line')),
    );
    expect(rows).toEqual(summary.lines.map((l) => l.id));
    const years = await app.page.$$eval('[data-testid="estimate-years"] tbody tr', (trs) =>
      trs.map((tr) => Number(tr.getAttribute('data-year'))),
    );
    expect(years).toEqual(estimateYears(result));
  });

  it('draws a stacked area per segment, the Rijksmiddelen line and the saldo bars, with a table alternative', async () => {
    const { model, scenarios } = await stored(srv);
    const result = simulate(model, scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario);
    // recharts draws after layout (and animates in): wait for the chart, never read it once
    const count = (selector: string) => () => app.page.locator(selector).count();
    // one band per group of lines (the model's groups in the order of their first segment, then the bekende
    // ontwikkelingen; at most 8, the smallest folded into "Overige")
    const groups = stackBands(result, 'groep').map((b) => b.name);
    expect(groups.length).toBeLessThanOrEqual(8);
    expect(groups.length).toBeLessThan(result.lines.length);
    await expect.poll(count('[data-chart="trend"] .recharts-area')).toBe(groups.length);
    await expect.poll(count('[data-chart="trend"] .recharts-line')).toBe(1);
    await expect.poll(count('[data-chart="saldo"] .saldo-bar')).toBe(model.endYear - model.baseYear + 1);
    // the legend follows the stack (bottom band first), not the alphabet
    const legend = () =>
      app.page.$$eval('[data-chart="trend"] .recharts-legend-item-text', (els) => els.map((e) => e.textContent));
    await expect.poll(legend).toEqual([...groups, 'Rijksmiddelen (baten)']);
    // every band its own colour; legend text in ink (≥ 4,5:1 on white), not in the band's colour
    const fills = await app.page.$$eval('[data-chart="trend"] .recharts-area-area', (els) =>
      els.map((e) => e.getAttribute('fill')),
    );
    expect(new Set(fills).size).toBe(groups.length);
    const legendColors = await app.page.$$eval('[data-chart="trend"] .recharts-legend-item-text', (els) =>
      els.map((e) => getComputedStyle(e.firstElementChild ?? e).color),
    );
    expect(new Set(legendColors)).toEqual(new Set(['rgb(26, 29, 33)']));
    // the gap between lasten and Rijksmiddelen in the last year is drawn and labelled
    expect(
      await app.page.$$eval(
        '[data-chart="trend"] svg text',
        (els) => els.map((e) => e.textContent ?? '').find((t) => /^(tekort|overschot) /.test(t)) ?? '',
      ),
    ).toMatch(new RegExp(`^tekort ${model.endYear}: € \\d`));
    // detail on demand: one band per segment, each with its own colour
    await app.page.check('[data-testid="trend-per-segment"]');
    // every line: the segments and the bekende ontwikkelingen switched on
    expect(result.lines.length).toBe(model.segments.length + 3);
    await expect.poll(count('[data-chart="trend"] .recharts-area')).toBe(result.lines.length);
    await expect.poll(legend).toEqual([...result.lines.map((l) => l.name), 'Rijksmiddelen (baten)']);
    const segFills = await app.page.$$eval('[data-chart="trend"] .recharts-area-area', (els) =>
      els.map((e) => e.getAttribute('fill')),
    );
    expect(new Set(segFills).size).toBe(result.lines.length);
    await app.screenshot('overzicht-per-segment.png');
    await app.page.uncheck('[data-testid="trend-per-segment"]');
    await expect.poll(count('[data-chart="trend"] .recharts-area')).toBe(groups.length);
    // axis ticks in nl-NL compact euros
    const ticks = () =>
      app.page.$$eval('[data-chart="trend"] text.recharts-cartesian-axis-tick-value', (els) =>
        els.map((e) => e.textContent),
      );
    // (which round value depends on the scale: since issue 11 Ongewijzigd beleid grows to ~€ 125 mln)
    await expect
      .poll(async () => (await ticks()).filter((t) => /^€ \d{2,3} mln$/.test(t ?? '')).length)
      .toBeGreaterThanOrEqual(3);
    await app.page.click('[data-testid="trend-frame"] summary');
    await expect
      .poll(count('[data-testid="trend-frame"] [data-testid="totals-table"] tbody tr'))
      .toBe(result.lines.length + 3);
    await app.page.click('[data-testid="trend-frame"] summary');
    await app.screenshot('overzicht.png');
  });
});
