/**
 * Realisatie in the UI (issue 10, items 5 and 6): a bad CBS-layout file names row and column and
 * saves nothing; the good file (83454NED as StatLine shows it; invented figures) is previewed and
 * saved; the Realisatie view, Overzicht and Per gemeente mark the realised years, the charts show
 * the "nu" marker, a figure can be edited, the backtest compares raming and realisatie; all of it
 * survives a reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { AppPage, RESULTS_DIR, parseEuro, stored, writeFullRealisatie } from './app';
import { backtest } from '../../src/shared/analysis/backtest';

const FIXTURE = path.join(__dirname, '../fixtures/realisatie/cbs-83454NED-getoonde-tabel.csv');
const SOURCE = 'CBS StatLine 83454NED (testbestand, verzonnen cijfers)';

let browser: Browser;
let srv: TestServer;
let app: AppPage;

beforeAll(async () => {
  [browser, srv] = await Promise.all([
    launchBrowser(),
    startTestServer('realisatie-view', { withoutRealisatie: true }),
  ]);
  app = await AppPage.open(browser, srv);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function openImport(): Promise<void> {
  if (await app.page.$('dialog[open]')) await app.page.keyboard.press('Escape');
  await app.nav('realisatie');
  await app.page.click('[data-testid="realisatie-view-import"]');
  await app.page.waitForSelector('[data-testid="realisatie-import"]');
}

async function backtestRows(): Promise<Map<string, number[]>> {
  await app.page.waitForSelector('[data-testid="backtest-table"]');
  const rows = await app.page.$$eval('[data-testid="backtest-table"] tbody tr', (trs) =>
    trs.map(
      (tr) =>
        [
          tr.getAttribute('data-line') ?? '',
          ...[...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent ?? ''),
        ] as const,
    ),
  );
  return new Map(rows.map(([id, ...cells]) => [id, cells.map(parseEuro)]));
}

describe('Realisatie view', () => {
  it('before any import: says there is no realisatie; a bad file names row and column and saves nothing', async () => {
    await app.nav('realisatie');
    await app.page.waitForSelector('[data-testid="realisatie-empty"]');
    const lines = fs.readFileSync(FIXTURE, 'utf8').split('\r\n');
    const i = lines.findIndex((l) => l.startsWith('"JB 1 Totaal jeugdbescherming";"2023";"Venlo"'));
    lines[i] = lines[i]!.replace(/"([\d.]+)"$/, '"-12"');
    const bad = path.join(RESULTS_DIR, 'e2e-realisatie-view-fout.csv');
    fs.writeFileSync(bad, lines.join('\r\n'));
    await openImport();
    await app.page.fill('[data-testid="realisatie-import-source"]', SOURCE);
    await app.page.setInputFiles('[data-testid="realisatie-import-file"]', bad);
    await app.page.waitForSelector('[data-testid="realisatie-import-issues"]', { timeout: 20_000 });
    const text = await app.page.textContent('[data-testid="realisatie-import-issues"]');
    expect(text).toContain(`e2e-realisatie-view-fout.csv, rij ${i + 1}, kolom "Gerealiseerde kosten (1 000 euro)"`);
    expect(await app.page.isDisabled('[data-testid="realisatie-import-save"]')).toBe(true);
    expect((await stored(srv)).model.realisatie).toBeUndefined();
  });

  it('imports the CBS file, marks the realised years everywhere and shows the backtest; after a reload too', async () => {
    // first every segment (a partial CBS file alone would leave jeugdhulp at 0 and is refused), then the CBS file
    const full = writeFullRealisatie(
      (await stored(srv)).model,
      path.join(RESULTS_DIR, 'e2e-realisatie-view-volledig.csv'),
    );
    await openImport();
    await app.page.fill('[data-testid="realisatie-import-source"]', 'Volledige testrealisatie (verzonnen cijfers)');
    await app.page.setInputFiles('[data-testid="realisatie-import-file"]', full);
    await app.page.waitForSelector('[data-testid="realisatie-import-preview"]', { timeout: 20_000 });
    await app.page.click('[data-testid="realisatie-import-save"]');
    await app.page.waitForSelector('[data-testid="realisatie-import-done"]', { timeout: 20_000 });
    await openImport();
    await app.page.fill('[data-testid="realisatie-import-source"]', SOURCE);
    await app.page.setInputFiles('[data-testid="realisatie-import-file"]', FIXTURE);
    await app.page.waitForSelector('[data-testid="realisatie-import-preview"]', { timeout: 20_000 });
    expect(await app.page.$$eval('[data-testid="realisatie-import-preview"] tbody tr', (rows) => rows.length)).toBe(48);
    await app.page.click('[data-testid="realisatie-import-save"]');
    await app.page.waitForSelector('[data-testid="realisatie-import-done"]', { timeout: 20_000 });
    await app.page.keyboard.press('Escape');

    const { model, scenarios } = await stored(srv);
    expect(model.realisatie?.lastYear).toBe(2024);
    await check(model);
    await app.nav('realisatie');
    await app.page.waitForSelector('[data-testid="backtest-table"]');
    await app.screenshot('realisatie-view.png');

    // edit a realised figure: every gemeente has its own 2024 figure, so a region amount that no longer
    // matches their sum is refused with a message and nothing changes; a new source is saved
    await app.page.click('[data-testid="realisatie-cell-jeugdbescherming-2024"]');
    await app.page.waitForSelector('[data-testid="realisatie-editor"]');
    const jb2024 = model.realisatie!.segments.jeugdbescherming!['2024']!.lasten;
    const imported = model.realisatie!.segments.jeugdbescherming!['2024']!.source;
    const field = '[data-testid="realisatie-edit-lasten"]';
    await app.page.fill(field, '20.000.000');
    await app.page.press(field, 'Tab');
    await app.page.waitForSelector('[data-testid="realisatie-editor"] .number-field.invalid');
    expect(await app.page.textContent('[data-testid="realisatie-editor"] .number-field.invalid .field-error')).toMatch(
      /gemeenten/,
    );
    const edited = 'Gemeentelijke kosten; jeugdzorg, regio (CBS 83454NED), gecorrigeerd met de jaarrekening 2024';
    await app.page.fill('[data-testid="realisatie-edit-source"]', edited);
    await expect
      .poll(async () => (await stored(srv)).model.realisatie?.segments.jeugdbescherming?.['2024']?.source, {
        timeout: 20_000,
      })
      .toBe(edited);
    expect((await stored(srv)).model.realisatie?.segments.jeugdbescherming?.['2024']?.lasten).toBe(jb2024);
    // the edit is a model edit: "Ongedaan maken" here works on the model's history
    const sourceOf = async () => (await stored(srv)).model.realisatie?.segments.jeugdbescherming?.['2024']?.source;
    expect(await app.page.getAttribute('[data-testid="undo"]', 'aria-label')).toMatch(/^Ongedaan maken/);
    await app.page.click('[data-testid="undo"]');
    await expect.poll(sourceOf, { timeout: 20_000 }).toBe(imported);
    await app.page.click('[data-testid="redo"]');
    await expect.poll(sourceOf, { timeout: 20_000 }).toBe(edited);
    expect(await app.page.getAttribute('[data-testid="realisatie-cell-jeugdbescherming-2024"]', 'title')).toBe(
      `bron: ${edited} · voorlopig cijfer (CBS: *)`,
    );

    await app.reload();
    const after = await stored(srv);
    expect(after.model.realisatie?.segments.jeugdbescherming?.['2024']?.source).toBe(edited);
    await check(after.model);
    expect(scenarios.length).toBeGreaterThan(0);
  });
});

/** The Realisatie view, the backtest (against the same function on the stored model), Overzicht and Per gemeente. */
async function check(model: Awaited<ReturnType<typeof stored>>['model']): Promise<void> {
  await app.nav('realisatie');
  await app.page.waitForSelector('[data-testid="realisatie-table"]');
  expect(await app.page.textContent('[data-testid="realisatie-last-year"]')).toBe('2024');
  expect(
    await app.page.$$eval('[data-testid="realisatie-table"] thead th.num', (ths) => ths.map((t) => t.textContent)),
  ).toEqual(['2022realisatie', '2023realisatie', '2024realisatie']);
  const jb2023 = await app.page.textContent('[data-testid="realisatie-cell-jeugdbescherming-2023"]');
  expect(parseEuro(jb2023 ?? '')).toBe(model.realisatie!.segments.jeugdbescherming!['2023']!.lasten);
  // per gemeente: Venlo's own figure from the file
  await app.page.selectOption('[data-testid="realisatie-scope"]', 'venlo');
  await expect
    .poll(async () =>
      parseEuro((await app.page.textContent('[data-testid="realisatie-cell-jeugdbescherming-2023"]')) ?? ''),
    )
    .toBe(3_785_000);
  await app.page.selectOption('[data-testid="realisatie-scope"]', '');

  // the backtest: 2024 forecast from 2023 with the current scenario, as the shared function computes it
  const scenarioName = await app.currentScenarioName();
  const scenario = (await stored(srv)).scenarios.find((s) => s.name === scenarioName)!.scenario;
  const expected = backtest(model, scenario);
  if (!expected.ok) throw new Error(expected.error);
  const rows = await backtestRows();
  expect([...rows.keys()]).toEqual([...expected.value.lines.map((l) => l.id), 'totaal']);
  const jb = expected.value.lines.find((l) => l.id === 'jeugdbescherming')!;
  expect(rows.get('jeugdbescherming')![0]).toBe(Math.round(jb.forecast));
  expect(rows.get('jeugdbescherming')![1]).toBe(jb.realised);
  expect(Math.abs(rows.get('totaal')![2]! - expected.value.total.error)).toBeLessThanOrEqual(1);

  // Overzicht: realisatie t/m 2024, raming after; the charts carry the "nu" marker
  await app.nav('overzicht');
  await app.page.waitForSelector('[data-testid="kern-table"] tr[data-kind]');
  const kinds = await app.page.$$eval('[data-testid="kern-table"] tbody tr', (trs) =>
    trs.map((tr) => [Number(tr.getAttribute('data-year')), tr.getAttribute('data-kind')]),
  );
  for (const [year, kind] of kinds) expect(kind).toBe((year as number) <= 2024 ? 'realisatie' : 'raming');
  await app.page.waitForSelector('[data-chart="trend"] .now-marker', { state: 'attached' });
  expect(await app.page.getAttribute('[data-chart="trend"]', 'data-last-realised')).toBe('2024');
  await app.page.waitForSelector('[data-chart="saldo"] .now-marker', { state: 'attached' });
  expect(
    await app.page.$$eval('[data-chart="saldo"] rect.saldo-bar', (rs) => rs.map((r) => r.getAttribute('data-kind'))),
  ).toEqual(kinds.map(([, k]) => k));
  expect(await app.page.textContent('[data-testid="raming-legend"]')).toContain('realisatie t/m 2024 (vol)');
  await app.screenshot('realisatie-overzicht.png');

  // Per gemeente: the year headings say realisatie or raming
  await app.nav('gemeenten');
  await app.page.waitForSelector('[data-testid^="gemeente-table-"] thead th[data-kind]');
  const heads = await app.page.$$eval('[data-testid^="gemeente-table-"] thead th[data-kind]', (ths) =>
    ths.map((t) => t.textContent),
  );
  expect(heads[0]).toBe('2022realisatie');
  expect(heads).toContain('2025raming');
}
