/**
 * UI: time from an input change to the chart being painted, measured in the
 * browser (Chromium against browser mode with a real SQLite file). In the page:
 * performance.now() before the input event; a MutationObserver on the saldo
 * chart notes when its DOM changed; the next requestAnimationFrame is the frame
 * that paints it ("to frame"), the one after that proves it was painted ("to
 * next frame", includes waiting for vsync). For the default model and a
 * 40-segment model derived from it.
 *
 * Reading the numbers: each input is dispatched at the start of a frame. When
 * the work ("in DOM") fits in that frame, the change is painted in it and the
 * next requestAnimationFrame comes one vsync later, so "frame dat tekent"
 * ≈ 16,7 ms is the best possible reading; 33 or 50 means one or two frames were
 * missed. Before the saldo chart became plain SVG (Nov 2026, same machine
 * under load): in DOM 31 ms median, frame 46 ms; after: 2,7 ms and 17 ms.
 */
import { startWebServer } from '../../src/main/web/server';
import type { Logger } from '../../src/main/log';
import type { Model, Segment } from '../../src/shared/formats/model';
import { launchBrowser } from '../../test/e2e/browser';
import type { BenchResult } from '../measure';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const name = 'ui';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WARMUP = 15;
const RUNS = 80;
/** Its own output folder: other runs (e2e tests) may be serving dist/renderer meanwhile. */
const BENCH_RENDERER = path.join(ROOT, 'dist', 'bench-renderer');
const quiet: Logger = { info: () => {}, warn: () => {}, error: (m) => console.error(m) };

function stats(samples: number[], target?: number): BenchResult {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => {
    const pos = (s.length - 1) * p;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
  };
  return { median_ms: q(0.5), p95_ms: q(0.95), runs: s.length, ...(target !== undefined ? { target_ms: target } : {}) };
}

/** The default model with its volume segments copied until there are 40 lines. */
function fortySegments(model: Model): Model {
  const segments: Segment[] = [...model.segments];
  const volume = model.segments.filter((s) => s.kind === 'volume');
  for (let n = 1; segments.length < 40; n++) {
    const src = volume[n % volume.length]!;
    segments.push({ ...src, id: `${src.id}-kopie-${n}`, name: `${src.name} (kopie ${n})` });
  }
  return { ...model, name: `${model.name} (40 segmenten)`, segments };
}

async function build(): Promise<void> {
  const { build: viteBuild } = await import('vite');
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build
  // (several times slower); the tests and the benchmark must drive the production bundle.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({
      configFile: path.join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: BENCH_RENDERER, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = env;
  }
}

/**
 * The in-page measurement, as plain JavaScript text: tsx would otherwise wrap
 * named functions in a helper that does not exist in the page.
 */
const IN_PAGE = `async ({ selector, warmup, runs }) => {
  const input = document.querySelector(selector);
  const chart = document.querySelector('[data-chart="saldo"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const dom = [], frame = [], next = [];
  const raf = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
  for (let i = 0; i < warmup + runs; i++) {
    await raf(); // start at the beginning of a frame, as a keystroke would land
    let tDom = 0;
    const changed = new Promise((resolve) => {
      const mo = new MutationObserver(() => { tDom = performance.now(); mo.disconnect(); resolve(); });
      mo.observe(chart, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const t0 = performance.now();
    setValue.call(input, String(1 + (i % 25)));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await changed;
    const tFrame = await raf();
    const tNext = await raf();
    if (i >= warmup) { dom.push(tDom - t0); frame.push(tFrame - t0); next.push(tNext - t0); }
  }
  return { dom, frame, next };
}`;

export async function run(): Promise<Record<string, BenchResult>> {
  await build(); // always: the bundle on disk may be stale or a development build
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jeugdplanner-bench-ui-'));
  const server = await startWebServer({
    dataDir,
    rendererDir: BENCH_RENDERER,
    seedDir: path.join(ROOT, 'models'),
    log: quiet,
  });
  const browser = await launchBrowser();
  const out: Record<string, BenchResult> = {};
  try {
    const api = server.service.api;
    const models = await api.call('models.list', {});
    if (!models.ok) throw new Error(models.error.message);
    const base = await api.call('models.get', { id: models.value[0]!.id });
    if (!base.ok) throw new Error(base.error.message);
    const big = await api.call('models.save', { model: fortySegments(base.value.model) });
    if (!big.ok) throw new Error(big.error.message);
    const bigScenario = await api.call('scenarios.save', {
      modelId: big.value.id,
      scenario: {
        format: 'jeugdbegroting/scenario@1',
        name: 'Ongewijzigd beleid',
        assumptions: {},
        substitutions: [],
        funding: {},
      },
    });
    if (!bigScenario.ok) throw new Error(bigScenario.error.message);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="scenario-picker"]');

    for (const [label, modelName] of [
      ['default', base.value.name],
      ['40_segments', big.value.name],
    ] as const) {
      if (label !== 'default') {
        await page.getByLabel('Model', { exact: true }).selectOption({ label: modelName });
        await page.waitForFunction(
          (n) => document.querySelector('.app-header select')?.textContent?.includes(n),
          modelName,
        );
      }
      await page.click('[data-testid="nav-aannames"]');
      const segId = (await page.getAttribute('.segment-list button', 'data-testid'))!.replace('seg-btn-', '');
      const selector = `[data-testid="a-${segId}-inflowChangePct-2026"]`;
      await page.waitForSelector(selector);
      await page.waitForSelector('[data-chart="saldo"] .saldo-bar');
      const samples = (await page.evaluate(
        `(${IN_PAGE})(${JSON.stringify({ selector, warmup: WARMUP, runs: RUNS })})`,
      )) as {
        dom: number[];
        frame: number[];
        next: number[];
      };
      out[`${label}: invoer → grafiek in DOM`] = stats(samples.dom, label === 'default' ? 16 : undefined);
      out[`${label}: invoer → frame dat tekent`] = stats(samples.frame);
      out[`${label}: invoer → volgend frame (geschilderd)`] = stats(samples.next);
      await page.fill(selector, '');
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}
