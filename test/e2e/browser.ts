/**
 * Chromium for the UI tests and the UI benchmark: Debian's /usr/bin/chromium
 * when present, else the one bundled in @sparticuz/chromium. Playwright's own
 * browser download is not used (no network for it here).
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  const system = process.env.JEUGDPLANNER_CHROMIUM ?? '/usr/bin/chromium';
  if (fs.existsSync(system)) {
    return chromium.launch({ executablePath: system, headless: true, args: FLAGS });
  }
  const sparticuz = (await import('@sparticuz/chromium')).default;
  console.warn('[e2e] /usr/bin/chromium ontbreekt; @sparticuz/chromium wordt gebruikt');
  return chromium.launch({
    executablePath: await sparticuz.executablePath(),
    headless: true,
    args: [...new Set([...sparticuz.args, ...FLAGS])],
  });
}
