/**
 * Issue 13 item 5: users read sources by document title, table and year, never by an internal file
 * name. The stored model and scenario are first given the file-name citations an older version wrote;
 * the Aannames view (every segment, read and edit fields) and the presentation's sources slide show
 * the citation instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, stored } from './app';

const LEAK = /[0-9]{3}_[0-9a-f]{16}\.txt|facts\.md/;
const PLAN_FILE = `${'003'}_${'60f469445e7c1faa'}.txt`;
const NOTE_NAME = ['facts', 'md'].join('.');

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('sources')]);
  const { model, modelId, modelRevision, scenarios } = await stored(srv);
  const api = srv.server.service.api;
  const legacy = {
    ...model,
    segments: model.segments.map((s) => ({
      ...s,
      source: `${PLAN_FILE} (Regionaal Beleidsplan Jeugd 2022 en verder), Bijlage 3 (via ${NOTE_NAME})`,
    })),
    gemeenten: model.gemeenten.map((g) => ({ ...g, source: `CBS (via ${NOTE_NAME}), ${PLAN_FILE}` })),
    funding: { ...model.funding, source: `Schatting (Deskundigencommissie, ${NOTE_NAME})` },
  };
  const saved = await api.call('models.save', { id: modelId, revision: modelRevision, model: legacy });
  if (!saved.ok) throw new Error(saved.error.message);
  const first = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!;
  const sc = first.scenario;
  const legacyScenario = {
    ...sc,
    description: `Zie ${PLAN_FILE}, Bijlage 8 en de besluiten zoals ${NOTE_NAME} ze noemt.`,
    assumptions: Object.fromEntries(
      Object.entries(sc.assumptions).map(([id, a]) => [
        id,
        { ...a, source: `aanname op basis van ${NOTE_NAME} (VNG-advies indexatie jeugdhulp, vng.nl)` },
      ]),
    ),
  };
  const s2 = await api.call('scenarios.save', {
    id: first.id,
    revision: first.revision,
    modelId,
    scenario: legacyScenario,
  });
  if (!s2.ok) throw new Error(s2.error.message);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

/** The text a user reads in the main area: rendered text plus the values of input fields. */
async function visibleText(selector: string): Promise<string> {
  return app.page.$eval(selector, (el) => {
    const fields = [...el.querySelectorAll('input, textarea')].map((f) => (f as HTMLInputElement).value);
    return `${(el as HTMLElement).innerText}\n${fields.join('\n')}`;
  });
}

describe('sources as users read them', () => {
  it('the stored data still carry the old file-name citations (the test would otherwise prove nothing)', async () => {
    const { model } = await stored(srv);
    expect(model.segments.every((s) => s.source?.includes(PLAN_FILE))).toBe(true);
  });

  it('Aannames: every segment cites the document by title, table and year', async () => {
    await app.nav('aannames');
    expect(await app.currentScenarioName()).toBe('Ongewijzigd beleid');
    const { model, scenarios } = await stored(srv);
    const sc = scenarios.find((s) => s.name === 'Ongewijzigd beleid')!.scenario;
    let withAssumption = 0;
    for (const seg of model.segments) {
      await app.page.click(`[data-testid="seg-btn-${seg.id}"]`);
      await app.page.waitForFunction(
        (name) => document.querySelector('[data-testid="segment-assumptions"]')?.textContent?.includes(name),
        seg.name,
      );
      const text = await visibleText('main');
      expect(text, seg.id).not.toMatch(LEAK);
      expect(text, seg.id).toContain('bron: Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3');
      if (sc.assumptions[seg.id]?.source) {
        withAssumption++;
        // the edit field of the scenario's own source shows the citation too
        expect(await app.page.inputValue(`[data-testid="a-${seg.id}-source"]`), seg.id).toBe(
          'aanname op basis van VNG-advies indexatie jeugdhulp, vng.nl',
        );
      }
    }
    expect(withAssumption).toBeGreaterThan(10);
  });

  it('no other view shows a file name either (read text and edit fields)', async () => {
    for (const view of [
      'overzicht',
      'rijksmiddelen',
      'basismodel',
      'scenarios',
      'vergelijken',
      'gemeenten',
      'analyse',
    ]) {
      await app.nav(view);
      const text = await visibleText('main');
      expect(text.length, view).toBeGreaterThan(200);
      expect(text, view).not.toMatch(LEAK);
    }
    await app.nav('scenarios');
    expect(await visibleText('main')).toContain('Zie Bijlage 8 en de besluiten zoals publieke bronnen ze noemt.');
  });

  it('the presentation sources slide', async () => {
    await app.page.click('header button:has-text("Presentatiemodus")');
    await app.page.waitForSelector('[data-testid="presentation"]');
    await app.page.keyboard.press('End');
    await app.page.waitForSelector('[data-slide="bronnen"][data-active="true"]');
    // details per row (table, part, year) in the appendix
    const detail = await visibleText('[data-slide="bronnen"]');
    expect(detail).not.toMatch(LEAK);
    expect(detail).toContain('Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3');
    expect(detail).toContain('Schatting (Deskundigencommissie)');
    await app.page.keyboard.press('ArrowLeft');
    await app.page.waitForSelector('[data-slide="aannames"][data-active="true"]');
    const text = await visibleText('[data-slide="aannames"]');
    expect(text).toMatch(/bron: /);
    expect(text).not.toMatch(LEAK);
    // grouped by document: each document once, with the rows it is the source of
    const groups = await app.page.$$eval('[data-testid="source-groups"] li', (lis) =>
      lis.map((li) => li.textContent ?? ''),
    );
    expect(groups.filter((g) => g.startsWith('Regionaal Beleidsplan Jeugd 2022 en verder:'))).toHaveLength(1);
    expect(groups.some((g) => g.startsWith('Schatting'))).toBe(true);
    // the slide fits: no scrolling on screen (1440 × 900)
    expect(
      await app.page.$eval('[data-slide="aannames"]', (el) => el.scrollHeight - el.clientHeight),
    ).toBeLessThanOrEqual(1);
  });
});
