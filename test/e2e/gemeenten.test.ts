/** Per gemeente — lasten, baten, saldo per year; the verdeelsleutel shown and changeable (into the model). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { simulate } from '../../src/shared/engine/simulate';
import { setSplit } from '../../src/renderer/lib/edits/model';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, parseEuro, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('gemeenten')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function table(metric: 'cost' | 'funding' | 'balance') {
  await app.page.selectOption('[data-testid="gemeente-metric"]', metric);
  return app.page.$$eval(
    `section[aria-labelledby="gem-table-h"] [data-testid="gemeente-table-${metric}"] tbody tr`,
    (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-gemeente')!,
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      })),
  );
}

describe('Per gemeente', () => {
  it('shows lasten, baten and saldo per gemeente per year; the gemeenten add up to the region', async () => {
    const { model, scenarios } = await stored(srv);
    const r = simulate(model, scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario);
    await app.nav('gemeenten');
    for (const metric of ['cost', 'funding', 'balance'] as const) {
      const rows = await table(metric);
      expect(rows.map((x) => x.id)).toEqual([...model.gemeenten.map((g) => g.id), 'regio']);
      for (const g of r.gemeenten) {
        const shown = rows.find((x) => x.id === g.id)!.cells.map(parseEuro);
        g.years.forEach((y, k) => expect(Math.abs(shown[k]! - y[metric])).toBeLessThanOrEqual(0.5));
      }
      const regio = rows.find((x) => x.id === 'regio')!.cells.map(parseEuro);
      r.years.forEach((_, k) => {
        const sum = rows.filter((x) => x.id !== 'regio').reduce((t, x) => t + parseEuro(x.cells[k]!), 0);
        // each cell is rounded to the euro: the sum may differ by at most half a euro per gemeente
        expect(Math.abs(sum - regio[k]!)).toBeLessThanOrEqual(model.gemeenten.length / 2);
        expect(Math.abs(regio[k]! - r.totals[k]![metric])).toBeLessThanOrEqual(0.5);
      });
    }
  });

  it("changing a line's verdeelsleutel moves lasten between gemeenten as the engine does, and is stored in the model", async () => {
    const { model, scenarios } = await stored(srv);
    const scenario = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario;
    const seg = model.segments.find((s) => s.kind === 'volume')!;
    await app.nav('gemeenten');
    await app.page.selectOption(`[data-testid="split-${seg.id}"]`, 'usage');
    const usageInput = app.page.getByLabel(`Gebruik ${seg.name} Venlo (%)`);
    await usageInput.fill('60');
    await app.saved();
    const db = await stored(srv);
    const dbSeg = db.model.segments.find((s) => s.id === seg.id)!;
    expect(dbSeg.split).toBe('usage');
    expect(dbSeg.usageShare?.venlo).toBeCloseTo(0.6, 12);
    const expected = simulate(db.model, scenario);
    const before = simulate(setSplit(model, seg.id, 'solidarity'), scenario);
    const venloNow = expected.gemeenten.find((g) => g.id === 'venlo')!;
    const venloBefore = before.gemeenten.find((g) => g.id === 'venlo')!;
    // in a raming year: in the realised years (2022–2024) every gemeente has its own figure, whatever the key
    expect(venloNow.years.at(-1)!.cost).not.toBeCloseTo(venloBefore.years.at(-1)!.cost, 0);
    const rows = await table('cost');
    const venloShown = rows.find((x) => x.id === 'venlo')!.cells.map(parseEuro);
    venloNow.years.forEach((y, k) => expect(Math.abs(venloShown[k]! - y.cost)).toBeLessThanOrEqual(0.5));
    // the key in use is shown per gemeente
    const shownKey = await app.page.textContent(
      `[data-testid="verdeelsleutel"] tr[data-segment="${seg.id}"] td[data-gemeente="venlo"] .abs`,
    );
    expect(shownKey).toBe(
      `${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(100 * venloNow.costShares[seg.id]!)}%`,
    );
  });

  it('offers the realised-use keys and a mix with a chosen use; the years used or the fallback are shown at the line', async () => {
    const { model, scenarios } = await stored(srv);
    const scenario = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario;
    const seg = model.segments.find((s) => s.kind === 'budget')!;
    const splitOf = async () => (await stored(srv)).model.segments.find((s) => s.id === seg.id)!.split;
    await app.nav('gemeenten');
    const row = `[data-testid="verdeelsleutel"] tr[data-segment="${seg.id}"]`;

    await app.page.selectOption(`[data-testid="split-${seg.id}"]`, 'usage-average-3');
    await expect.poll(splitOf).toBe('usage-average-3');
    let expected = simulate((await stored(srv)).model, scenario);
    let line = expected.lines.find((l) => l.id === seg.id)!;
    // the stored model has no realisatie per gemeente for every line: either the years used or the fallback is shown
    expect(line.splitBasis !== undefined || line.splitNote !== undefined).toBe(true);
    if (line.splitNote !== undefined) {
      await expect
        .poll(() => app.page.textContent(`[data-testid="split-note-${seg.id}"]`))
        .toBe(`Terugval: ${line.splitNote}`);
    }
    if (line.splitBasis !== undefined)
      await expect.poll(() => app.page.textContent(`[data-testid="split-basis-${seg.id}"]`)).toBe(line.splitBasis);
    // no typed shares for a key computed from the realisatie
    expect(await app.page.locator(`${row} td[data-gemeente="venlo"] input`).count()).toBe(0);

    await app.page.selectOption(`[data-testid="split-${seg.id}"]`, 'mix');
    await expect.poll(splitOf).toEqual({ solidarityPct: 50, usage: 'average-3' });
    await app.page.selectOption(`[data-testid="split-usage-${seg.id}"]`, 'previous-year');
    await expect.poll(splitOf).toEqual({ solidarityPct: 50, usage: 'previous-year' });
    await app.page.selectOption(`[data-testid="split-usage-${seg.id}"]`, 'fixed');
    await expect.poll(splitOf).toEqual({ solidarityPct: 50 });
    // a mix with a fixed use asks for the typed shares again
    await expect.poll(() => app.page.locator(`${row} td[data-gemeente="venlo"] input`).count()).toBe(1);
    await app.saved();

    expected = simulate((await stored(srv)).model, scenario);
    line = expected.lines.find((l) => l.id === seg.id)!;
    expect(line.splitNote).toBeUndefined();
    const venlo = expected.gemeenten.find((g) => g.id === 'venlo')!;
    await expect
      .poll(() => app.page.textContent(`${row} td[data-gemeente="venlo"] .abs`))
      .toBe(
        `${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(100 * venlo.costShares[seg.id]!)}%`,
      );
  });
});
