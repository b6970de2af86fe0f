/**
 * Accessibility of every view: every control has an accessible name, one h1,
 * the main and nav landmarks, charts with a text alternative, a visible focus
 * ring, and the main tasks (change an assumption, save a version, compare,
 * present) by keyboard alone.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage } from './app';
import { VIEWS } from '../../src/renderer/views/registry';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([launchBrowser(), startTestServer('a11y')]);
  app = await AppPage.open(browser, srv);
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

interface Audit {
  /** controls without an accessible name, described as tag#id.class "outerHTML start" */
  unnamed: string[];
  h1: number;
  h1Texts: string[];
  main: number;
  nav: number;
  /** labels of all nav landmarks: each must be named, and differently (the app's and a view's own, e.g. the segment list) */
  navLabels: string[];
  /** chart frames without a table alternative, or chart SVGs exposed without a name */
  chartsWithoutText: string[];
}

/**
 * A small accessible-name computation (aria-labelledby, aria-label, <label>,
 * wrapping label, title, text content, value of input buttons) over every
 * rendered control in the page, including the open dialog.
 */
async function audit(page: Page, root = 'body'): Promise<Audit> {
  return page.evaluate((rootSel) => {
    const scope = document.querySelector(rootSel) ?? document.body;
    const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const rendered = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const name = (el: HTMLElement): string => {
      const by = el.getAttribute('aria-labelledby');
      if (by) {
        const t = by
          .split(/\s+/)
          .map((id) => text(document.getElementById(id)))
          .join(' ')
          .trim();
        if (t) return t;
      }
      const aria = el.getAttribute('aria-label')?.trim();
      if (aria) return aria;
      if ('labels' in el) {
        const labels = (el as HTMLInputElement).labels;
        const t = labels
          ? [...labels]
              .map((l) => text(l))
              .join(' ')
              .trim()
          : '';
        if (t) return t;
      }
      if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return el.value.trim();
      if (el.tagName === 'BUTTON' || el.tagName === 'SUMMARY' || el.tagName === 'A' || el.getAttribute('role')) {
        const t = text(el);
        if (t) return t;
      }
      return el.getAttribute('title')?.trim() ?? '';
    };
    const controls = [
      ...scope.querySelectorAll<HTMLElement>(
        'input, select, textarea, button, summary, a[href], [tabindex]:not([tabindex="-1"])',
      ),
    ].filter(rendered);
    const unnamed = controls
      .filter((el) => !name(el))
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} ${el.outerHTML.slice(0, 120)}`);
    const chartsWithoutText: string[] = [];
    for (const frame of scope.querySelectorAll<HTMLElement>('.chart-frame')) {
      if (!frame.querySelector('details.table-alt summary'))
        chartsWithoutText.push(`${frame.getAttribute('aria-label')}: geen tabel`);
    }
    for (const svg of scope.querySelectorAll<SVGElement>('svg.recharts-surface')) {
      // named by a role="img" wrapper (its children are then presentational), hidden, or named itself
      const img = svg.closest('[role="img"]');
      const wrapped = img !== null && (img.getAttribute('aria-label') ?? '').trim().length > 0;
      const hidden = svg.closest('[aria-hidden="true"]') !== null;
      if (!wrapped && !hidden && !svg.getAttribute('aria-label') && !svg.getAttribute('aria-labelledby'))
        chartsWithoutText.push(
          `${svg.closest('.chart-frame')?.getAttribute('aria-label') ?? 'grafiek'}: svg zonder naam`,
        );
    }
    return {
      unnamed,
      h1: [...document.querySelectorAll('h1')].filter(rendered).length,
      h1Texts: [...document.querySelectorAll('h1')].filter(rendered).map((h) => text(h)),
      main: document.querySelectorAll('main, [role="main"]').length,
      nav: document.querySelectorAll('nav, [role="navigation"]').length,
      navLabels: [...document.querySelectorAll<HTMLElement>('nav, [role="navigation"]')].map((n) => name(n)),
      chartsWithoutText,
    };
  }, root);
}

/** Outline or box-shadow of the focused element, as computed. */
async function focusRing(page: Page): Promise<{ tag: string; outline: string; shadow: string }> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement;
    const s = getComputedStyle(a);
    return {
      tag: a.tagName,
      outline: s.outlineStyle === 'none' || s.outlineWidth === '0px' ? 'none' : `${s.outlineWidth} ${s.outlineStyle}`,
      shadow: s.boxShadow,
    };
  });
}

/**
 * axe-core's source, when installed (devDependency axe-core, or AXE_CORE=/path/to/axe.min.js):
 * the axe checks below run only with it, and say so when they cannot.
 */
function axeSource(): string | undefined {
  const file =
    process.env.AXE_CORE ??
    (() => {
      try {
        return createRequire(import.meta.url).resolve('axe-core/axe.min.js');
      } catch {
        return undefined;
      }
    })();
  return file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}
const AXE = axeSource();
if (!AXE) console.warn('[a11y] axe-core ontbreekt: de axe-controles worden overgeslagen (npm i -D axe-core)');

/** axe's serious and critical findings in the page (or under a selector), as "rule: target". */
async function axeFindings(page: Page, include?: string): Promise<string[]> {
  // evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses an inline script tag
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE!);
  return page
    .evaluate(async (sel) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: unknown,
              opts: unknown,
            ) => Promise<{
              violations: { id: string; impact: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
            }>;
          };
        }
      ).axe;
      const r = await axe.run(sel ? { include: [sel] } : document, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) =>
          v.nodes.map(
            (n) =>
              `${v.id}: ${JSON.stringify(n.target)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)}`,
          ),
        );
    }, include)
    .then((found) => {
      if (found.length > 0) console.warn(`[axe] ${found.join('\n[axe] ')}`);
      return found;
    });
}

describe.skipIf(!AXE)('axe: no serious or critical findings', () => {
  for (const v of VIEWS.filter((x) => !x.fullScreen)) {
    it(`${v.label}`, async () => {
      await app.nav(v.id);
      await app.page.waitForSelector('main[data-view] h1');
      for (const d of await app.page.$$('main details:not([open]) > summary')) await d.click();
      if (v.id === 'analyse') {
        for (const tab of ['onzekerheid', 'gevoeligheid', 'doelzoeken']) {
          await app.page.click(`[data-testid="analyse-tab-${tab}"]`);
          if (tab === 'gevoeligheid')
            await app.page.waitForSelector('[data-testid="tornado-table"]', { timeout: 30_000 });
          expect(await axeFindings(app.page), `${v.label} / ${tab}`).toEqual([]);
        }
        return;
      }
      expect(await axeFindings(app.page), v.label).toEqual([]);
    });
  }

  it('every slide of the presentation', async () => {
    await app.nav('presentatie');
    const count = Number(/van (\d+)/.exec((await app.page.textContent('[data-testid="slide-counter"]')) ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) {
      await app.page.waitForSelector(`[data-testid="slide-counter"]:has-text("Dia ${i + 1} van")`);
      expect(await axeFindings(app.page, '[data-testid="presentation"]'), `dia ${i + 1}`).toEqual([]);
      await app.page.keyboard.press('ArrowRight');
    }
    await app.page.keyboard.press('Escape');
    await app.page.waitForSelector('main[data-view="overzicht"]');
  });

  it('every dialog', async () => {
    const openers: [string, () => Promise<void>][] = [
      [
        'Excel export',
        async () => {
          await app.page.click('[data-testid="excel-menu"]');
          await app.page.click('[data-testid="excel-menu-export"]');
        },
      ],
      [
        'Excel sjabloon',
        async () => {
          await app.page.click('[data-testid="excel-menu"]');
          await app.page.click('[data-testid="excel-menu-template"]');
        },
      ],
      [
        'Excel import',
        async () => {
          await app.page.click('[data-testid="excel-menu"]');
          await app.page.click('[data-testid="excel-menu-import"]');
        },
      ],
      ['Importeren', () => app.page.getByRole('button', { name: 'Importeren…' }).first().click()],
      ['Exporteren', () => app.page.getByRole('button', { name: 'Exporteren…' }).first().click()],
      ['Herstel uit back-up', () => app.page.getByRole('button', { name: 'Herstel uit back-up…' }).first().click()],
      ['Over', () => app.page.getByRole('button', { name: 'Over', exact: true }).click()],
    ];
    for (const [label, open] of openers) {
      await open();
      await app.page.waitForSelector('dialog[open]');
      expect(await axeFindings(app.page, 'dialog[open]'), label).toEqual([]);
      await app.page.keyboard.press('Escape');
      await app.page.waitForFunction(() => document.querySelector('dialog[open]') === null, null, { timeout: 10_000 });
    }
  });
});

describe('Toegankelijkheid', () => {
  it('the audit can fail: it flags a deliberately unnamed input and a second h1', async () => {
    await app.nav('overzicht');
    await app.page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'a11y-probe';
      probe.innerHTML = '<input type="text" data-probe="1"><h1>Tweede kop</h1><button type="button"></button>';
      document.querySelector('main')!.append(probe);
    });
    const a = await audit(app.page);
    expect(a.unnamed.filter((u) => u.includes('data-probe'))).toHaveLength(1);
    expect(a.unnamed.some((u) => u.startsWith('button'))).toBe(true);
    expect(a.h1).toBe(2);
    await app.page.evaluate(() => document.getElementById('a11y-probe')!.remove());
    expect((await audit(app.page)).unnamed).toEqual([]);
  });

  for (const v of VIEWS.filter((x) => !x.fullScreen)) {
    it(`${v.label}: named controls, one h1, main and nav, charts with text`, async () => {
      await app.nav(v.id);
      await app.page.waitForTimeout(200);
      // open every "Toon als tabel" so the tables' controls are audited too
      for (const d of await app.page.$$('main details:not([open]) > summary')) await d.click();
      const a = await audit(app.page);
      expect(a.unnamed, `naamloze bedieningselementen in ${v.label}`).toEqual([]);
      expect(a.h1, a.h1Texts.join(' | ')).toBe(1);
      expect(a.main).toBe(1);
      expect(a.nav).toBeGreaterThanOrEqual(1);
      expect(a.navLabels.every((l) => l.length > 0)).toBe(true);
      expect(new Set(a.navLabels).size).toBe(a.navLabels.length);
      expect(a.chartsWithoutText).toEqual([]);
    });
  }

  it('Presentatie: named controls and one h1 per slide on screen; dialogs open over it (F1 → Over) and Esc closes them', async () => {
    await app.nav('presentatie');
    const count = Number(/van (\d+)/.exec((await app.page.textContent('[data-testid="slide-counter"]')) ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) {
      await app.page.waitForTimeout(150);
      const a = await audit(app.page);
      expect(a.unnamed, `dia ${i + 1}`).toEqual([]);
      expect(a.h1, `dia ${i + 1}`).toBe(1);
      expect(a.chartsWithoutText, `dia ${i + 1}`).toEqual([]);
      await app.page.keyboard.press('ArrowRight');
    }
    await app.page.keyboard.press('Home');
    await app.page.keyboard.press('F1');
    const over = app.page.getByRole('dialog', { name: 'Over Jeugdplanner' });
    await over.getByTestId('about-info').waitFor({ timeout: 15_000 });
    expect((await audit(app.page, 'dialog[open]')).unnamed).toEqual([]);
    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction(() => document.querySelector('dialog[open]') === null, null, { timeout: 10_000 });
    // Esc closed the dialog only: the presentation is still on
    expect(await app.page.isVisible('[data-testid="presentation"]')).toBe(true);
    // the Excel import from the keyboard shortcut works here too, with the Dutch file chooser
    await app.page.keyboard.press('Control+Alt+i');
    await app.page.waitForSelector('dialog[open] [data-testid="import-file-button"]');
    expect(await app.page.textContent('dialog[open] [data-testid="import-file-button"]')).toBe('JSON-bestand kiezen…');
    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction(() => document.querySelector('dialog[open]') === null, null, { timeout: 10_000 });
    await app.page.keyboard.press('Escape');
    await app.page.waitForSelector('main[data-view="overzicht"]');
  });

  it('every dialog: named controls, and Esc closes it', async () => {
    const openers: [string, () => Promise<void>][] = [
      [
        'Excel export',
        async () => {
          await app.page.click('[data-testid="excel-menu"]');
          await app.page.click('[data-testid="excel-menu-export"]');
        },
      ],
      [
        'Excel sjabloon',
        async () => {
          await app.page.click('[data-testid="excel-menu"]');
          await app.page.click('[data-testid="excel-menu-template"]');
        },
      ],
      [
        'Excel import',
        async () => {
          await app.page.click('[data-testid="excel-menu"]');
          await app.page.click('[data-testid="excel-menu-import"]');
        },
      ],
      ['Importeren', () => app.page.getByRole('button', { name: 'Importeren…' }).first().click()],
      ['Exporteren', () => app.page.getByRole('button', { name: 'Exporteren…' }).first().click()],
      ['Herstel uit back-up', () => app.page.getByRole('button', { name: 'Herstel uit back-up…' }).first().click()],
      ['Over', () => app.page.getByRole('button', { name: 'Over', exact: true }).click()],
    ];
    for (const [label, open] of openers) {
      await open();
      await app.page.waitForSelector('dialog[open]');
      await app.page.waitForTimeout(150);
      const a = await audit(app.page, 'dialog[open]');
      expect(a.unnamed, label).toEqual([]);
      // no English browser chrome: native file inputs are hidden behind a Dutch button
      expect(
        await app.page.$$eval(
          'dialog[open] input[type="file"]',
          (els) => els.filter((e) => e.getClientRects().length > 0).length,
        ),
        label,
      ).toBe(0);
      await app.page.keyboard.press('Escape');
      await app.page.waitForFunction(() => document.querySelector('dialog[open]') === null, null, { timeout: 10_000 });
    }
  });

  it('focus is visible: a keyboard-focused input, select and button show a ring', async () => {
    await app.nav('aannames');
    await app.page.locator('main input[type="text"], main input:not([type])').first().focus();
    // :focus-visible follows keyboard use: move with the keyboard once
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Shift+Tab');
    const input = await focusRing(app.page);
    expect(input.tag).toBe('INPUT');
    expect(input.outline !== 'none' || input.shadow !== 'none').toBe(true);
    await app.page.keyboard.press('Shift+Tab');
    for (const sel of ['[data-testid="scenario-picker"]', '[data-testid="nav-overzicht"]']) {
      await app.page.focus(sel);
      const r = await focusRing(app.page);
      expect(r.outline !== 'none' || r.shadow !== 'none', sel).toBe(true);
    }
  });

  it('keyboard only: change an assumption, save a version, compare, present', async () => {
    const p = app.page;
    // the skip link is the first stop after a fresh start
    await app.reload();
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');

    // Aannames: reach the segment list and the first year field of the open segment by Tab
    await p.focus('[data-testid="nav-aannames"]');
    await p.keyboard.press('Enter');
    await p.waitForSelector('main[data-view="aannames"]');
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await p.keyboard.press('Tab');
      reached = await p.evaluate(() =>
        /^a-.*-inflowChangePct-20\d\d$/.test(document.activeElement?.getAttribute('data-testid') ?? ''),
      );
    }
    expect(reached, 'een instroomveld is met Tab bereikbaar').toBe(true);
    const field = await p.evaluate(() => document.activeElement!.getAttribute('data-testid')!);
    await p.keyboard.type('4');
    await p.keyboard.press('Tab');
    await app.saved();
    expect(await p.inputValue(`[data-testid="${field}"]`)).toBe('4');
    // "opgeslagen" is announced
    expect(await p.getAttribute('[data-testid="save-status"]', 'aria-live')).toBe('polite');

    // invalid input: the message is announced and names the field
    await p.focus(`[data-testid="${field}"]`);
    await p.keyboard.press('Control+a');
    await p.keyboard.type('abc');
    await p.keyboard.press('Tab');
    const err = await p.evaluate((tid) => {
      const input = document.querySelector(`[data-testid="${tid}"]`)!;
      const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      const described = ids.map((id) => document.getElementById(id)).filter((e): e is HTMLElement => !!e);
      const msg = described.find((e) => (e.textContent ?? '').trim().length > 0);
      return {
        invalid: input.getAttribute('aria-invalid'),
        text: msg?.textContent ?? '',
        live: msg?.closest('[aria-live], [role="alert"], [role="status"]') !== null,
      };
    }, field);
    expect(err.invalid).toBe('true');
    expect(err.text.length).toBeGreaterThan(0);
    expect(err.live).toBe(true);
    await p.focus(`[data-testid="${field}"]`);
    await p.keyboard.press('Control+a');
    await p.keyboard.press('Backspace');
    await p.keyboard.press('Tab');
    await app.saved();

    // Scenario's: note + "Versie vastleggen" by keyboard
    await p.focus('[data-testid="nav-scenarios"]');
    await p.keyboard.press('Enter');
    await p.waitForSelector('main[data-view="scenarios"]');
    await p.focus('#version-note');
    await p.keyboard.type('toets toetsenbord');
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toMatch(/Versie vastleggen/);
    await p.keyboard.press('Enter');
    await p.waitForSelector('[data-version-note="toets toetsenbord"]');

    // Vergelijken: tick a scenario with Space
    await p.focus('[data-testid="nav-vergelijken"]');
    await p.keyboard.press('Enter');
    await p.waitForSelector('main[data-view="vergelijken"]');
    const unchecked = p.locator('[data-testid^="cmp-"][type="checkbox"]:not(:checked)').first();
    if ((await unchecked.count()) > 0) {
      const tid = await unchecked.getAttribute('data-testid');
      await unchecked.focus();
      await p.keyboard.press('Space');
      expect(await p.isChecked(`[data-testid="${tid}"]`)).toBe(true);
    }

    // Presentatie: open, move, leave with Esc; focus lands back in the app
    await p.focus('[data-testid="nav-presentatie"]');
    await p.keyboard.press('Enter');
    await p.waitForSelector('[data-testid="presentation"]');
    await p.keyboard.press('ArrowRight');
    expect(await p.textContent('[data-testid="slide-counter"]')).toMatch(/^Dia 2 van/);
    await p.keyboard.press('Escape');
    await p.waitForSelector('main[data-view="overzicht"]');
  });
});
