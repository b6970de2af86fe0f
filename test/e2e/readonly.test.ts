/**
 * A second Jeugdplanner on a data folder another process writes: the app opens,
 * a banner that cannot be closed says it is read-only and who writes, and an edit
 * is shown as not saved (nothing reaches the database).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { ROOT, makeDataDir, startTestServer, type TestServer } from './server';
import { AppPage, stored } from './app';

let browser: Browser;
let srv: TestServer | undefined;
let holder: ChildProcess | undefined;
let holderPid = 0;
const dataDir = makeDataDir('readonly');

beforeAll(async () => {
  browser = await launchBrowser();
  // a first start seeds the folder, then another process takes it and keeps writing rights
  const first = await startTestServer('readonly', { dataDir });
  await first.stop();
  holder = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'test', 'main', 'helpers', 'lock-child.ts'), dataDir, 'hold', 'electron'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  holderPid = await new Promise<number>((resolve, reject) => {
    let out = '';
    holder!.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve((JSON.parse(out.split('\n')[0]!) as { pid: number }).pid);
    });
    holder!.on('exit', (code) => reject(new Error(`holder ended (${String(code)})`)));
  });
  srv = await startTestServer('readonly', { dataDir });
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  holder?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('read-only while another process writes', () => {
  it('shows a banner naming the folder and the writer, and saves nothing', async () => {
    const app = await AppPage.open(browser, srv!);
    const banner = app.page.getByTestId('read-only-banner');
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain(`De gegevensmap ${dataDir} is in gebruik door de desktop-app (proces ${holderPid}`);
    expect(text).toContain('alleen-lezen geopend');
    // no close button: the state lasts as long as this window
    expect(await banner.locator('button').count()).toBe(0);

    const before = await stored(srv!);
    const current = await app.currentScenarioName();
    await app.nav('aannames');
    await app.page.click('[data-testid="seg-btn-pleegzorg"]');
    await app.page.fill('[data-testid="a-pleegzorg-inflowChangePct-2025"]', '5');
    await app.page.waitForSelector('[data-testid="save-status"][data-state="read_only"]');
    expect(await app.page.textContent('[data-testid="save-status"]')).toBe(
      'Alleen lezen: wijzigingen worden niet opgeslagen',
    );
    const after = await stored(srv!);
    expect(after.scenarios.find((s) => s.name === current)?.scenario).toEqual(
      before.scenarios.find((s) => s.name === current)?.scenario,
    );
  });
});
