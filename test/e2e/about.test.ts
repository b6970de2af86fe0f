/** Help → Over (header button "Over"): versions, data folder and database, transport, model sources, licence; keyboard only. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ENGINE_VERSION } from '../../src/shared/engine/version';
import { launchBrowser } from './browser';
import { ROOT, startTestServer, type TestServer } from './server';
import { AppPage, stored } from './app';

let browser: Browser;
let srv: TestServer;
let app: AppPage;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
};

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('about')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

/** Where keyboard focus is: inside the open dialog, and which control. */
async function focusInfo() {
  return app.page.evaluate(() => {
    const a = document.activeElement;
    return { inDialog: !!a?.closest('dialog[open]'), text: a?.textContent?.trim() ?? '', tag: a?.tagName ?? '' };
  });
}

describe('Over Jeugdplanner', () => {
  it('shows app and engine version, data folder, database, transport, model sources and licence', async () => {
    await app.page.getByRole('button', { name: 'Over', exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Over Jeugdplanner' });
    await dialog.getByTestId('about-info').waitFor();
    expect(await dialog.getByTestId('about-version').textContent()).toBe(`Jeugdplanner ${pkg.version}`);
    expect(await dialog.getByTestId('about-engine').textContent()).toBe(ENGINE_VERSION);
    expect(await dialog.getByTestId('about-datadir').textContent()).toBe(srv.dataDir);
    expect(await dialog.getByTestId('about-db').textContent()).toBe(path.join(srv.dataDir, 'jeugdplanner.sqlite'));
    expect(await dialog.getByTestId('about-transport').textContent()).toContain('browsermodus');
    expect(await dialog.getByTestId('about-licence').textContent()).toContain(pkg.license);

    const { model } = await stored(srv);
    const withSource = model.segments.filter((s) => s.source).length;
    const estimated = model.segments.filter((s) => s.estimate).length;
    const sources = (await dialog.getByTestId('about-sources').textContent()) ?? '';
    expect(sources).toContain(
      `Segmenten: ${withSource} van ${model.segments.length} met bronvermelding, waarvan ${estimated} geschat`,
    );
    expect(sources).toContain(
      `Gemeenten: ${model.gemeenten.length}, waarvan ${model.gemeenten.filter((g) => g.estimate).length}`,
    );
    expect(sources).toContain('Rijksmiddelen: geschat, met toelichting');
    expect(await dialog.getByTestId('about-model').textContent()).toContain(model.name);
    await app.screenshot('about-dialog.png', false);
    await app.page.keyboard.press('Escape');
  });

  it('works by keyboard: focus starts inside, Tab and Shift+Tab stay inside, Esc closes and returns focus', async () => {
    const over = app.page.getByRole('button', { name: 'Over', exact: true });
    await over.focus();
    await app.page.keyboard.press('Enter');
    await app.page.getByRole('dialog', { name: 'Over Jeugdplanner' }).getByTestId('about-info').waitFor();
    expect((await focusInfo()).inDialog).toBe(true);

    // more Tabs than there are controls: focus never leaves the dialog
    for (let i = 0; i < 6; i++) {
      await app.page.keyboard.press('Tab');
      expect((await focusInfo()).inDialog).toBe(true);
    }
    // the only control is "Sluiten": Shift+Tab from it wraps to itself, not to the page behind
    await app.page.keyboard.press('Shift+Tab');
    const f = await focusInfo();
    expect(f).toMatchObject({ inDialog: true, tag: 'BUTTON', text: 'Sluiten' });

    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction(() => document.querySelector('dialog[open]') === null, null, { timeout: 10_000 });
    // back on the button that opened it, so keyboard users continue where they were
    expect(await app.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Over');
  });
});
