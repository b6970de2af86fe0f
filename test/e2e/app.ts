/**
 * Page helpers for the e2e tests: open the app against a test server, navigate,
 * wait for autosave, read nl-NL amounts back as numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Model } from '../../src/shared/formats/model';
import type { Scenario } from '../../src/shared/formats/scenario';
import { expect } from 'vitest';
import type { TestServer } from './server';
import { runMonteCarloSync } from '../../src/shared/analysis/montecarlo';
import { explainHeadline, headlineBand, type HeadlineMetric } from '../../src/shared/analysis/headline';
import { formatEuroCompact } from '../../src/shared/locale/numbers';
import { ROOT } from './server';

export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** "€ -1.234.567" → -1234567 */
export function parseEuro(text: string): number {
  const t = text
    .replace(/[€\s]|tekort|overschot/gi, '')
    .replace(/\./g, '')
    .replace(',', '.')
    .replace('−', '-')
    .replace('+', '');
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`geen bedrag: ${JSON.stringify(text)}`);
  return n;
}

export class AppPage {
  constructor(
    readonly page: Page,
    readonly srv: TestServer,
  ) {}

  static async open(browser: Browser, srv: TestServer, viewport = { width: 1440, height: 900 }): Promise<AppPage> {
    const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'nl-NL' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const app = new AppPage(page, srv);
    await page.goto(srv.server.url);
    await app.ready();
    return app;
  }

  async ready(): Promise<void> {
    await this.page.waitForSelector('[data-testid="scenario-picker"]', { timeout: 45_000 });
    await this.page.waitForSelector('main[data-view]', { timeout: 45_000 });
  }

  async nav(view: string): Promise<void> {
    await this.page.click(`[data-testid="nav-${view}"]`);
    await this.page.waitForSelector(`main[data-view="${view}"], [data-testid="presentation"]`);
  }

  /** Waits until every edit has been written to the database. */
  async saved(): Promise<void> {
    await this.page
      .waitForFunction(
        () => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') !== 'saved',
        null,
        { timeout: 1500 },
      )
      .catch(() => undefined);
    await this.page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 10_000 });
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }

  /** Lasten, Rijksmiddelen and saldo per year from the Overzicht's Kerncijfers table. */
  async kerncijfers(): Promise<Map<number, { cost: number; funding: number; balance: number }>> {
    await this.nav('overzicht');
    const rows = await this.page.$$eval('[data-testid="kern-table"] tbody tr', (trs) =>
      trs.map((tr) => ({
        year: Number(tr.getAttribute('data-year')),
        cost: tr.querySelector('[data-col="cost"]')!.textContent ?? '',
        funding: tr.querySelector('[data-col="funding"]')!.textContent ?? '',
        balance: tr.querySelector('[data-col="balance"]')!.textContent ?? '',
      })),
    );
    return new Map(
      rows.map((r) => [
        r.year,
        { cost: parseEuro(r.cost), funding: parseEuro(r.funding), balance: parseEuro(r.balance) },
      ]),
    );
  }

  async currentScenarioName(): Promise<string> {
    return this.page.$eval('[data-testid="scenario-picker"]', (el) => {
      const s = el as HTMLSelectElement;
      return s.options[s.selectedIndex]?.textContent ?? '';
    });
  }

  async screenshot(name: string, fullPage = true): Promise<string> {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, name);
    await this.page.screenshot({ path: file, fullPage });
    return file;
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

/** What is stored in the database, through the same service the app uses. */
export async function stored(srv: TestServer): Promise<{
  model: Model;
  modelId: number;
  modelRevision: number;
  scenarios: { id: number; name: string; revision: number; scenario: Scenario }[];
}> {
  const api = srv.server.service.api;
  const models = await api.call('models.list', {});
  if (!models.ok) throw new Error(models.error.message);
  const modelId = models.value[0]!.id;
  const rec = await api.call('models.get', { id: modelId });
  if (!rec.ok) throw new Error(rec.error.message);
  const list = await api.call('scenarios.list', { modelId });
  if (!list.ok) throw new Error(list.error.message);
  const scenarios = [];
  for (const s of list.value) {
    const r = await api.call('scenarios.get', { id: s.id });
    if (r.ok) scenarios.push({ id: s.id, name: s.name, revision: r.value.revision, scenario: r.value.scenario });
  }
  return { model: rec.value.model, modelId, modelRevision: rec.value.revision, scenarios };
}

/**
 * A region-level realisatie file for every segment of the model ("Jaar;Productcategorie;Aantal jeugdigen;Lasten",
 * the segment ids as codes; invented figures): what a controller reads in first, before a file with only
 * some segments (e.g. CBS 83454NED with JB/JR) may replace part of it.
 */
export function writeFullRealisatie(model: Model, file: string, years = [2022, 2023, 2024]): string {
  const lines = ['Jaar;Productcategorie;Aantal jeugdigen;Lasten'];
  model.segments.forEach((s, i) => {
    for (const y of years) lines.push(`${y};${s.id};${100 + 10 * i};${1_000_000 + 100_000 * i + 1_000 * (y - 2022)}`);
  });
  fs.writeFileSync(file, lines.join('\r\n'));
  return file;
}

/**
 * The P10–P50–P90 next to the headline saldo (end year and cumulative) inside `scope`: waits until the background
 * Monte Carlo is done, then checks it against the shared Monte Carlo function for the same model, scenario, draws
 * and seed — exactly — and the explanation text when the scenario's figure lies outside P25–P75.
 */
export async function checkHeadlineBands(
  app: AppPage,
  srv: TestServer,
  scope: string,
  scenarioName: string,
): Promise<{ position: Record<HeadlineMetric, string> }> {
  const { model, scenarios } = await stored(srv);
  const scenario = scenarios.find((s) => s.name === scenarioName)!.scenario;
  const position = {} as Record<HeadlineMetric, string>;
  let mc: ReturnType<typeof runMonteCarloSync> | undefined;
  for (const metric of ['endYear', 'cumulative'] as const) {
    const sel = `${scope} [data-testid="headline-band-${metric}"]`;
    await app.page.waitForSelector(`${sel}[data-status="done"]`, { timeout: 60_000 });
    const attrs = await app.page.$eval(sel, (el) => ({
      p10: Number(el.getAttribute('data-p10')),
      p50: Number(el.getAttribute('data-p50')),
      p90: Number(el.getAttribute('data-p90')),
      seed: Number(el.getAttribute('data-seed')),
      draws: Number(el.getAttribute('data-draws')),
      position: el.getAttribute('data-position') ?? '',
      text: el.textContent ?? '',
    }));
    mc ??= runMonteCarloSync({ model, scenario, draws: attrs.draws, seed: attrs.seed });
    const band = headlineBand(mc, metric)!;
    expect({ p10: attrs.p10, p50: attrs.p50, p90: attrs.p90 }).toEqual({ p10: band.p10, p50: band.p50, p90: band.p90 });
    expect(attrs.position).toBe(band.position);
    expect(attrs.text).toBe(
      `P10 ${formatEuroCompact(band.p10)} · P50 ${formatEuroCompact(band.p50)} · P90 ${formatEuroCompact(band.p90)}`,
    );
    const explanation = explainHeadline(band, mc.skews);
    const shown = await app.page.$(`${scope} [data-testid="headline-explain-${metric}"]`);
    if (explanation === undefined) expect(shown).toBeNull();
    else expect(await shown!.textContent()).toBe(explanation);
    position[metric] = band.position;
  }
  return { position };
}
