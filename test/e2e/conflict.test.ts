/**
 * Two tabs on one server editing the same scenario: the second save is based on a
 * stale revision and is refused; the user chooses between keeping their version as a
 * new scenario and loading the other tab's. Nothing is overwritten silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import fs from 'node:fs';
import path from 'node:path';
import { AppPage, RESULTS_DIR, stored } from './app';

let browser: Browser;
let srv: TestServer;
let a: AppPage;
let b: AppPage;

const FIELD = '[data-testid="a-pleegzorg-inflowChangePct-2025"]';

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('conflict')]);
  a = await AppPage.open(browser, srv);
  b = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function edit(app: AppPage, value: string): Promise<void> {
  await app.nav('aannames');
  await app.page.click('[data-testid="seg-btn-pleegzorg"]');
  await app.page.fill(FIELD, value);
}

async function storedInflow(name: string): Promise<number | undefined> {
  const s = (await stored(srv)).scenarios.find((x) => x.name === name);
  return s?.scenario.assumptions.pleegzorg?.inflowChangePct?.['2025'];
}

describe('two tabs, one scenario', () => {
  it('refuses the stale save, and keeps mine as a new scenario on request', async () => {
    const name = await a.currentScenarioName();
    expect(await b.currentScenarioName()).toBe(name);

    await edit(a, '5');
    await a.saved();
    expect(await storedInflow(name)).toBe(5);

    await edit(b, '7');
    await b.page.waitForSelector('[data-testid="save-status"][data-state="conflict"]');
    await b.page.waitForSelector('[data-testid="conflict-dialog"]');
    expect(await b.page.textContent('[data-testid="conflict-dialog"]')).toMatch(/intussen elders gewijzigd/);
    // the first tab's value is still what is stored
    expect(await storedInflow(name)).toBe(5);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    await b.page.screenshot({ path: path.join(RESULTS_DIR, 'conflict-dialog.png') });

    await b.page.click('[data-testid="conflict-keep-mine"]');
    await expect.poll(() => b.currentScenarioName()).toBe(`${name} (mijn versie)`);
    await b.saved();
    expect(await storedInflow(`${name} (mijn versie)`)).toBe(7);
    expect(await storedInflow(name)).toBe(5);
  });

  it('loads their version on request, dropping mine', async () => {
    const name = await a.currentScenarioName();
    await edit(a, '8');
    await a.saved();

    await b.page.selectOption('[data-testid="scenario-picker"]', { label: name });
    await expect.poll(() => b.currentScenarioName()).toBe(name);
    // b took the stored copy after the conflict above (revision of a's 5); a has saved 8 since
    await edit(b, '9');
    await b.page.waitForSelector('[data-testid="conflict-dialog"]');
    expect(await storedInflow(name)).toBe(8);
    await b.page.click('[data-testid="conflict-load-theirs"]');
    await expect.poll(() => b.page.inputValue(FIELD)).toBe('8');
    await b.saved();
    expect(await storedInflow(name)).toBe(8);

    // after loading theirs, b's next edit is based on the current revision and is saved
    await b.page.fill(FIELD, '10');
    await b.saved();
    expect(await storedInflow(name)).toBe(10);
  });
});
