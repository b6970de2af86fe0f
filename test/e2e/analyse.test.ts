/**
 * Analyse in the real renderer: ranges → Monte Carlo in the worker (numbers equal
 * runMonteCarlo in Node for the same seed, reproducible), tornado, goal seek applied
 * to the scenario, cancelling a long run, the band on the Overzicht and the slide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runMonteCarloSync, type MonteCarloResult } from '../../src/shared/analysis/montecarlo';
import { tornado } from '../../src/shared/analysis/tornado';
import { listParameters } from '../../src/shared/analysis/parameters';
import { simulate } from '../../src/shared/engine/simulate';
import type { Scenario } from '../../src/shared/formats/scenario';
import { formatInteger } from '../../src/shared/locale/numbers';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, parseEuro, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;
const SEG = 'ambulante-begeleiding';
const ID = `${SEG}.inflowPerYear`;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('analyse')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function current(): Promise<{ model: Awaited<ReturnType<typeof stored>>['model']; scenario: Scenario }> {
  await app.saved();
  const db = await stored(srv);
  return { model: db.model, scenario: db.scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario };
}

/** Waits until the Monte Carlo shown belongs to the current inputs. */
async function mcDone(): Promise<void> {
  await app.page.waitForSelector('[data-testid="mc-status"][data-status="done"][data-current="true"]', {
    timeout: 30_000,
  });
}

type Row = Record<string, number | string>;
async function bandTable(): Promise<Map<number, Row>> {
  const rows = await app.page.$$eval(
    '[data-testid="analyse-panel-onzekerheid"] > section [data-testid="band-table"] tbody tr',
    (trs) =>
      trs.map((tr) => ({
        year: Number(tr.getAttribute('data-year')),
        cells: Object.fromEntries(
          [...tr.querySelectorAll('td[data-col]')].map((td) => [td.getAttribute('data-col')!, td.textContent ?? '']),
        ),
      })),
  );
  return new Map(
    rows.map((r) => [
      r.year,
      Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, k === 'deficit' ? v : parseEuro(v)])),
    ]),
  );
}

function expectedRows(mc: MonteCarloResult): Map<number, Row> {
  return new Map(
    mc.years.map((y) => [
      y.year,
      {
        'cost-p10': Math.round(y.cost.p10),
        'cost-p50': Math.round(y.cost.p50),
        'cost-p90': Math.round(y.cost.p90),
        'balance-p10': Math.round(y.balance.p10),
        'balance-p50': Math.round(y.balance.p50),
        'balance-p90': Math.round(y.balance.p90),
        deficit: `${Math.round(y.deficitProbability * 100)}%`,
        deterministic: Math.round(y.deterministic.balance),
      },
    ]),
  );
}

describe('Analyse', () => {
  let firstTable: Map<number, Row>;

  it('shows the bundled ranges with their sources, adds and edits ranges, runs Monte Carlo in the worker and shows exactly runMonteCarlo for that seed', async () => {
    await app.nav('analyse');
    await app.page.click('[data-testid="analyse-tab-onzekerheid"]');
    // "Ongewijzigd beleid" ships with ranges (models/scenarios): one row each, with its source
    const { model: m0, scenario: shipped } = await current();
    const bundledIndex = shipped.funding.ranges!.indexPct!;
    expect(await app.page.$('[data-testid="ranges-empty"]')).toBeNull();
    expect(await app.page.$$('[data-testid^="range-row-"]')).toHaveLength(listParameters(m0, shipped).length);
    expect(await app.page.inputValue('[data-testid="range-source-funding.indexPct"]')).toBe(bundledIndex.source);
    expect(bundledIndex.source).toMatch(/^aanname/);
    await app.page.selectOption('[data-testid="range-pick"]', ID);
    await app.page.click('[data-testid="range-add"]');
    await app.page.waitForSelector(`[data-testid="range-row-${ID}"]`);

    const { model } = await current();
    const seg = model.segments.find((s) => s.id === SEG)!;
    const inflow = seg.kind === 'volume' ? seg.inflowPerYear : NaN;
    // validation as you type: a high below the model's value shows the scenario's own Dutch message and is not taken
    const tooLow = Math.round(inflow * 0.95);
    await app.page.fill(`[data-testid="range-high-${ID}"]`, String(tooLow));
    const msg = await app.page.textContent(`[data-testid="range-row-${ID}"] .field.invalid .field-error`);
    expect(msg).toContain(
      `${seg.name}, bandbreedte instroom per jaar hoog: high ${formatInteger(tooLow)} is kleiner dan de waarde in het model`,
    );
    const low = Math.round(inflow * 0.8);
    const high = Math.round(inflow * 1.3);
    await app.page.fill(`[data-testid="range-low-${ID}"]`, String(low));
    await app.page.fill(`[data-testid="range-high-${ID}"]`, String(high));
    await app.page.fill(`[data-testid="range-source-${ID}"]`, 'spreiding realisatie 2019–2022');
    // a bundled range is edited like any other; its source stays
    await app.page.fill('[data-testid="range-low-funding.indexPct"]', '-1');
    await app.page.fill('[data-testid="range-high-funding.indexPct"]', '1');

    const { scenario } = await current();
    expect(scenario.ranges).toEqual({
      ...shipped.ranges,
      [SEG]: { ...shipped.ranges![SEG], inflowPerYear: { low, high, source: 'spreiding realisatie 2019–2022' } },
    });
    expect(scenario.funding.ranges).toEqual({
      ...shipped.funding.ranges,
      indexPct: { low: -1, high: 1, source: bundledIndex.source },
    });

    expect(await app.page.inputValue('[data-testid="mc-draws"]')).toBe('2000');
    expect(await app.page.inputValue('[data-testid="mc-seed"]')).toBe('20220101');
    await mcDone();
    // computed in a real Web Worker (not the in-thread fallback), loaded under the app's CSP
    expect(app.page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/\/assets\/worker[^/]*\.js$/)]);
    const mc = runMonteCarloSync({ model, scenario, draws: 2000, seed: 20220101 });
    firstTable = await bandTable();
    expect(firstTable).toEqual(expectedRows(mc));
    // a real band: P10 < P50 < P90 in 2028
    const y = mc.years.at(-1)!;
    expect(y.balance.p10).toBeLessThan(y.balance.p50);
    expect(y.balance.p50).toBeLessThan(y.balance.p90);
    expect(await app.page.textContent('[data-testid="mc-deficit-end"]')).toContain(
      `${Math.round(y.deficitProbability * 100)}%`,
    );
    await app.page.waitForSelector('[data-testid="mc-balance-frame"] .recharts-area');
    await app.screenshot('analyse-onzekerheid.png');
  });

  it('another seed gives other numbers; the same seed gives the same numbers again', async () => {
    await app.page.fill('[data-testid="mc-seed"]', '7');
    await mcDone();
    const other = await bandTable();
    expect(other).not.toEqual(firstTable);
    const { model, scenario } = await current();
    expect(other).toEqual(expectedRows(runMonteCarloSync({ model, scenario, draws: 2000, seed: 7 })));
    await app.page.fill('[data-testid="mc-seed"]', '20220101');
    await mcDone();
    expect(await bandTable()).toEqual(firstTable);
    // "Opnieuw met ander seed" picks a new seed and shows it
    await app.page.click('[data-testid="mc-new-seed"]');
    await mcDone();
    const seed = Number(await app.page.inputValue('[data-testid="mc-seed"]'));
    expect(seed).not.toBe(20220101);
    expect(await bandTable()).toEqual(expectedRows(runMonteCarloSync({ model, scenario, draws: 2000, seed })));
    await app.page.fill('[data-testid="mc-seed"]', '20220101');
    await mcDone();
  });

  it('stops a long run (50.000 draws) with "Stoppen"', async () => {
    const status = () => app.page.getAttribute('[data-testid="mc-status"]', 'data-status');
    const startRun = async () => {
      await app.page.waitForSelector('[data-testid="mc-status"][data-status="running"] [data-testid="mc-progress"]', {
        timeout: 10_000,
      });
      await app.page.waitForFunction(() =>
        /Bezig: [1-9]/.test(document.querySelector('[data-testid="mc-progress"]')?.textContent ?? ''),
      );
    };
    try {
      await app.page.fill('[data-testid="mc-draws"]', '50000');
      await startRun();
      // the UI thread stays free while the worker draws: frames keep coming (longest gap between
      // two frames, measured while the run lasts, at most 1 s)
      const gap = await app.page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let last = performance.now();
            let worst = 0;
            const end = last + 1000;
            const tick = (now: number) => {
              worst = Math.max(worst, now - last);
              last = now;
              const running =
                document.querySelector('[data-testid="mc-status"]')?.getAttribute('data-status') === 'running';
              if (now < end && running) requestAnimationFrame(tick);
              else resolve(worst);
            };
            requestAnimationFrame(tick);
          }),
      );
      console.log(`[analyse] langste pauze tussen twee frames tijdens 50.000 trekkingen: ${gap.toFixed(1)} ms`);
      // Not a speed test (that is npm run bench): 50.000 draws on the UI thread would block it for
      // well over half a second, so a gap under 500 ms still proves the work is off the UI thread.
      expect(gap).toBeLessThan(500);
      // On a fast machine a run can finish before we press Stoppen: then start a fresh one (other seed)
      let stopped = false;
      for (let attempt = 1; attempt <= 3 && !stopped; attempt++) {
        if ((await status()) !== 'running') {
          await app.page.fill('[data-testid="mc-seed"]', String(attempt));
          await startRun();
        }
        const shownBefore = await bandTable();
        // The run may end between reading its status and the click (the button then goes away), and while it
        // runs the progress text beside the button moves it: click without waiting for "stable", and let the
        // status below say whether it was stopped or had already finished.
        await app.page.click('[data-testid="mc-stop"]', { force: true, timeout: 5_000 }).catch(() => undefined);
        await app.page.waitForSelector(
          '[data-testid="mc-status"]:is([data-status="cancelled"], [data-status="done"])',
          { timeout: 10_000 },
        );
        if ((await status()) !== 'cancelled') continue;
        stopped = true;
        expect(await app.page.textContent('[data-testid="mc-status"]')).toMatch(/Gestopt/);
        // the numbers shown are the earlier ones, marked as belonging to earlier input
        expect(await bandTable()).toEqual(shownBefore);
      }
      expect(stopped).toBe(true);
    } finally {
      await app.page.fill('[data-testid="mc-draws"]', '2000');
      await app.page.fill('[data-testid="mc-seed"]', '20220101');
    }
    await mcDone();
    expect(await bandTable()).toEqual(firstTable);
  });

  it('tornado: the top bar is the one tornado() puts first, with "Bespreek eerst"', async () => {
    await app.page.click('[data-testid="analyse-tab-gevoeligheid"]');
    await app.page.waitForSelector('[data-testid="tornado-status"][data-current="true"]', { state: 'attached' });
    await app.page.waitForSelector('[data-testid="tornado-frame"] .recharts-bar-rectangle');
    const { model, scenario } = await current();
    const t = tornado(model, scenario);
    const first = await app.page.$eval('section [data-testid="tornado-table"] tbody tr', (tr) => ({
      key: tr.getAttribute('data-key'),
      low: tr.querySelector('[data-col="cum-low"]')!.textContent,
      high: tr.querySelector('[data-col="cum-high"]')!.textContent,
    }));
    expect(first.key).toBe(t.bars[0]!.parameter.key);
    expect(parseEuro(first.low!)).toBe(Math.round(t.bars[0]!.low.cumulativeBalance - t.base.cumulativeBalance));
    expect(parseEuro(first.high!)).toBe(Math.round(t.bars[0]!.high.cumulativeBalance - t.base.cumulativeBalance));
    const keys = await app.page.$$eval('section [data-testid="tornado-table"] tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-key')),
    );
    expect(keys).toEqual(t.bars.map((b) => b.parameter.key));
    const discuss = await app.page.textContent('[data-testid="discuss-first"]');
    for (const b of t.bars.slice(0, 3)) expect(discuss).toContain(b.parameter.label);
    // the assumptions with a range say so
    expect(
      await app.page.textContent(`section [data-testid="tornado-table"] tr[data-key="ranges.${SEG}.inflowPerYear"]`),
    ).toContain('eigen bandbreedte');
    // the table fits its card (labels and sources wrap; a long citation once made it 9.605 px wide)
    const fit = await app.page.$eval('section [data-testid="tornado-table"]', (t) => ({
      table: t.scrollWidth,
      box: t.parentElement!.clientWidth,
      card: t.closest('.card, .chart-frame, .tab-panel')!.clientWidth,
    }));
    expect(fit.table).toBeLessThanOrEqual(fit.box);
    expect(fit.box).toBeLessThanOrEqual(fit.card);
    // no label runs over the next column
    const over = await app.page.$$eval('section [data-testid="tornado-table"] tbody th', (ths) =>
      ths
        .filter((th) => th.scrollWidth > th.clientWidth + 1)
        .map(
          (th) =>
            `${th.textContent} ${th.scrollWidth}>${th.clientWidth} ${getComputedStyle(th).whiteSpace} ${[...th.children].map((c) => c.scrollWidth).join(',')}`,
        ),
    );
    expect(over).toEqual([]);
    await app.screenshot('analyse-gevoeligheid.png');
  });

  it('goal seek: applied with one click, the saldo 2028 on the Overzicht is within € 1.000 of 0; undo restores', async () => {
    // without the bekende ontwikkelingen (€ 13,8 mln in 2028) one segment's inflow can still close the gap
    await app.nav('rijksmiddelen');
    for (const id of ['woonplaatsbeginsel', 'landelijk-tarief-jbjr', 'tarieven-2026']) {
      await app.page.click(`[data-testid="known-change-switch-${id}"]`);
      await expect.poll(() => app.page.isChecked(`[data-testid="known-change-switch-${id}"]`)).toBe(false);
    }
    await app.saved();
    expect((await current()).scenario.knownChanges).toBeUndefined();
    await app.nav('analyse');
    await app.page.click('[data-testid="analyse-tab-doelzoeken"]');
    await app.page.selectOption('[data-testid="gs-segment"]', SEG);
    await app.page.selectOption('[data-testid="gs-field"]', 'inflowChangePct');
    await app.page.selectOption('[data-testid="gs-from-year"]', '2025');
    await app.page.selectOption('[data-testid="gs-target-year"]', '2028');
    await app.page.click('[data-testid="gs-run"]');
    await app.page.waitForSelector('[data-testid="gs-outcome"][data-state="gevonden"]', { timeout: 20_000 });
    await app.screenshot('analyse-doelzoeken.png');
    const { scenario: before } = await current();
    await app.page.click('[data-testid="gs-apply"]');
    await app.page.waitForSelector('[data-testid="gs-applied"]');
    const { model, scenario } = await current();
    expect(scenario.assumptions[SEG]?.inflowChangePct?.['2025']).toBeLessThan(0);
    // the assumption's own source is kept (goal seek only writes one where there was none)
    expect(scenario.assumptions[SEG]?.source).toBe(before.assumptions[SEG]?.source);
    const r = simulate(model, scenario);
    expect(Math.abs(r.totals.at(-1)!.balance)).toBeLessThanOrEqual(1000);
    const kern = await app.kerncijfers();
    expect(Math.abs(kern.get(2028)!.balance)).toBeLessThanOrEqual(1000);
    // one undoable edit
    await app.page.click('header button:has-text("Ongedaan maken")');
    expect((await current()).scenario).toEqual(before);
    await app.page.click('header button:has-text("Opnieuw")');
    expect((await current()).scenario).toEqual(scenario);

    // an impossible target says so, with the reachable range
    await app.nav('analyse');
    await app.page.selectOption('[data-testid="gs-kind"]', 'fundingIndex');
    await app.page.fill('[data-testid="gs-target"]', '2000000000');
    await app.page.selectOption('[data-testid="gs-from-year"]', '2028');
    await app.page.click('[data-testid="gs-run"]');
    await app.page.waitForSelector('[data-testid="gs-outcome"][data-state="niet-haalbaar"]', { timeout: 20_000 });
    expect(await app.page.textContent('[data-testid="gs-outcome"]')).toMatch(
      /Niet haalbaar\..*Bereikbaar saldo 2028: van € -?[\d.]+ \(bij -?[\d,]+%\) tot € [\d.]+/s,
    );
  });

  it('Overzicht shows the band with seed and N; the slide "Hoe zeker is dit?" shows the chance of a tekort and the top three', async () => {
    await app.nav('overzicht');
    await app.page.waitForSelector('[data-testid="band-frame"] .recharts-area', { timeout: 30_000 });
    await app.page.waitForSelector('[data-testid="overzicht-band"] [data-testid="mc-status"][data-current="true"]', {
      state: 'attached',
    });
    const caption = await app.page.textContent('[data-testid="band-caption"]');
    expect(caption).toContain('2.000 trekkingen, seed 20220101');
    await app.screenshot('overzicht-band.png');
    await app.page.click('[data-testid="toggle-band"]');
    expect(await app.page.$('[data-testid="band-frame"]')).toBeNull();
    await app.page.click('[data-testid="toggle-band"]');

    const { model, scenario } = await current();
    const mc = runMonteCarloSync({ model, scenario, draws: 2000, seed: 20220101 });
    const t = tornado(model, scenario);
    await app.page.click('header button:has-text("Presentatiemodus")');
    await app.page.waitForSelector('[data-testid="presentation"]');
    // … Hoe zeker is dit?, Belangrijkste aannames en bronnen, Bijlage: bron per regel
    await app.page.keyboard.press('End');
    await app.page.keyboard.press('ArrowLeft');
    await app.page.keyboard.press('ArrowLeft');
    expect(await app.page.textContent('[data-testid="slide-counter"]')).toMatch(/Hoe zeker is dit\?/);
    // wait for the tornado of the current inputs (an older one may be on screen while it recomputes)
    await app.page.waitForSelector(
      '[data-slide="hoe-zeker"][data-active="true"] [data-testid="slide-top-three"][data-current="true"]',
      { timeout: 30_000 },
    );
    await app.page.waitForSelector('[data-slide="hoe-zeker"] .recharts-area');
    expect(await app.page.textContent('[data-testid="slide-deficit"]')).toBe(
      `${Math.round(mc.years.at(-1)!.deficitProbability * 100)}%`,
    );
    const top = await app.page.$$eval('[data-testid="slide-top-three"] li', (lis) =>
      lis.map((li) => li.textContent ?? ''),
    );
    expect(top).toHaveLength(3);
    t.bars.slice(0, 3).forEach((b, i) => expect(top[i]).toContain(b.parameter.label));
    expect(await app.page.textContent('[data-testid="slide-mc-caption"]')).toContain('seed 20220101');
    await app.screenshot('presentatie-hoe-zeker.png', false);
    await app.page.keyboard.press('Escape');
  });
});
