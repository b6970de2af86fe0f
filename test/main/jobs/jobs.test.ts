/**
 * Long work off the service's thread (issue 14): Excel export, template and
 * large simulations run in a job worker; saves and app.info answer beside a
 * running export; budgets stop a job with a Dutch message and the service
 * stays up; jobs can be cancelled, also by an HTTP client that goes away.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openService, type Service } from '../../../src/main/service';
import { JobRunner, type FinishedJob, type JobRunnerOptions } from '../../../src/main/jobs/runner';
import type { Model } from '../../../src/shared/formats/model';
import type { Scenario } from '../../../src/shared/formats/scenario';
import { resultsDiffer } from '../../../src/main/storage/versioning';
import { startWebServer, type WebServer } from '../../../src/main/web/server';
import { TOKEN_HEADER } from '../../../src/shared/api';
import { silentLogger } from '../../../src/main/log';
import type { ApiResult, ScenarioRecord } from '../../../src/shared/api';
import { simulate } from '../../../src/shared/engine/simulate';
import { SIMULATE_IN_WORKER_FROM, simulateWork } from '../../../src/main/service/simulate';
import { IMPORT_MODEL_IN_WORKER_FROM } from '../../../src/main/service/files';
import { bundledScenario, largeModel } from '../../../bench/inputs';
import { defaultModel, shippedScenario } from '../../fixtures';
import { MAX_SEGMENTS } from '../../../src/shared/formats/limits';

const SCENARIO_FILES = ['ongewijzigd-beleid.json', 'beleidsplan-kpis.json', 'rijksmaatregelen.json'];

let services: Service[] = [];
let servers: WebServer[] = [];
afterEach(async () => {
  for (const w of servers) await w.close();
  for (const s of services) s.close();
  services = [];
  servers = [];
});

async function open(jobs: JobRunnerOptions = {}): Promise<Service> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-jobs-'));
  const s = await openService({ dataDir, appVersion: '9.9.9', transport: 'browser', log: silentLogger, jobs });
  services.push(s);
  return s;
}

function value<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The default model's bekende ontwikkelingen for its gemeenten renamed g1…: a gemeente's own amount goes to its first copy. */
function renamedKnownChanges(base: Model): Model['knownChanges'] {
  const ids = new Map(base.gemeenten.map((g, i) => [g.id, `g${i + 1}`]));
  return base.knownChanges?.map((c) =>
    c.perGemeente
      ? {
          ...c,
          perGemeente: Object.fromEntries(Object.entries(c.perGemeente).map(([gid, v]) => [ids.get(gid) ?? gid, v])),
        }
      : c,
  );
}

/** A model of `segments` segments with the three bundled scenarios, stored. */
async function withLargeModel(s: Service, segments: number) {
  const model = largeModel(segments);
  const modelId = value(await s.api.call('models.save', { model })).id;
  const scenarios: ScenarioRecord[] = [];
  for (const f of SCENARIO_FILES)
    scenarios.push(value(await s.api.call('scenarios.save', { modelId, scenario: bundledScenario(model, f) })));
  return { model, modelId, scenarios, scenarioIds: scenarios.map((x) => x.id) };
}

/** The one job the service runs, once its worker is running (generous: under CPU load a worker under tsx can take tens of seconds to start). */
async function runningJob(s: Service) {
  await expect
    .poll(async () => value(await s.api.call('jobs.status', {})).filter((j) => j.state === 'running').length, {
      timeout: 90_000,
    })
    .toBe(1);
  return value(await s.api.call('jobs.status', {}))[0]!;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

describe('jobs: long work off the service thread', () => {
  it('while a long export runs, a save, app.info and a list answer in < 200 ms', async () => {
    const s = await open();
    const { modelId, scenarios, scenarioIds } = await withLargeModel(s, 120);
    let settled = false;
    const exporting = s.api
      .call('excel.exportBijlage', { modelId, scenarioIds, scope: 'all', unit: 'euro' })
      .finally(() => {
        settled = true;
      });
    const job = await runningJob(s);
    expect(job).toMatchObject({ method: 'excel.exportBijlage', state: 'running' });

    const first = scenarios[0]!;
    const save = await timed(() =>
      s.api.call('scenarios.save', {
        id: first.id,
        revision: first.revision,
        modelId,
        scenario: { ...first.scenario, description: 'bewaard tijdens de export' },
      }),
    );
    const info = await timed(() => s.api.call('app.info', {}));
    const list = await timed(() => s.api.call('models.list', {}));
    // the export was still running when these came back …
    const stillRunning = !settled && value(await s.api.call('jobs.status', {})).some((j) => j.id === job.id);
    expect(stillRunning).toBe(true);
    // … and they answered, correctly and fast
    expect(value(save.result).scenario.description).toBe('bewaard tijdens de export');
    expect(value(info.result).storageReady).toBe(true);
    expect(value(list.result).map((m) => m.id)).toContain(modelId);
    expect(save.ms).toBeLessThan(200);
    expect(info.ms).toBeLessThan(200);
    expect(list.ms).toBeLessThan(200);

    const file = value(await exporting);
    expect(file.fileName).toMatch(/^Begrotingsbijlage jeugd alle gemeenten - .*\.zip$/);
    expect(Buffer.from(file.content, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(value(await s.api.call('jobs.status', {}))).toEqual([]);
  }, 120_000);

  it('reports progress of a running export (jobs.status)', async () => {
    const s = await open();
    const { modelId, scenarioIds } = await withLargeModel(s, 120);
    const exporting = s.api.call('excel.exportBijlage', { modelId, scenarioIds, scope: 'all', unit: 'euro' });
    await expect
      .poll(async () => value(await s.api.call('jobs.status', {}))[0]?.progress?.step ?? '', { timeout: 60_000 })
      .toMatch(/^werkmap [2-8] van 8 schrijven$/);
    const [job] = value(await s.api.call('jobs.status', {}));
    expect(job!.progress!.fraction).toBeGreaterThan(0.1);
    expect(job!.progress!.fraction).toBeLessThan(1);
    expect(job!.elapsedMs).toBeGreaterThan(0);
    // seen enough: no need to wait for the rest
    expect(value(await s.api.call('jobs.cancel', { id: job!.id }))).toEqual({ cancelled: true });
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  }, 120_000);

  it('a job over its time budget is stopped with a Dutch message; the service keeps answering', async () => {
    const finished: FinishedJob[] = [];
    const s = await open({ budgets: { 'excel.exportBijlage': { timeMs: 500 } }, onFinished: (j) => finished.push(j) });
    const { modelId, scenarioIds } = await withLargeModel(s, 120);
    const r = await s.api.call('excel.exportBijlage', { modelId, scenarioIds, scope: 'all', unit: 'euro' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'limit',
        message:
          "De export is gestopt: die duurde langer dan 0,5 s. Er is niets gewijzigd; kies minder scenario's, gemeenten of trekkingen, of een kleiner model.",
      },
    });
    expect(finished.map((j) => j.outcome)).toEqual(['time']);
    expect(value(await s.api.call('app.info', {})).storageReady).toBe(true);
    expect(value(await s.api.call('jobs.status', {}))).toEqual([]);
    // the next job (with its own budget) runs normally
    expect(value(await s.api.call('excel.template', { modelId })).encoding).toBe('base64');
    expect(finished.map((j) => j.outcome)).toEqual(['time', 'done']);
  }, 120_000);

  it('a job over its memory budget is stopped with a Dutch message; the service keeps answering', async () => {
    const s = await open({ budgets: { 'excel.exportBijlage': { memoryMb: 24 } } });
    const { modelId, scenarioIds } = await withLargeModel(s, 120);
    const r = await s.api.call('excel.exportBijlage', { modelId, scenarioIds, scope: 'all', unit: 'euro' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'limit',
        message:
          "De export is gestopt: die had meer dan 24 MB geheugen nodig. Er is niets gewijzigd; kies minder scenario's, gemeenten of trekkingen, of een kleiner model.",
      },
    });
    expect(value(await s.api.call('models.list', {})).length).toBeGreaterThan(0);
  }, 120_000);

  it('jobs.cancel stops a running export: its request answers "geannuleerd"', async () => {
    const finished: FinishedJob[] = [];
    const s = await open({ onFinished: (j) => finished.push(j) });
    const { modelId, scenarioIds } = await withLargeModel(s, 120);
    const exporting = s.api.call('excel.exportBijlage', { modelId, scenarioIds, scope: 'all', unit: 'euro' });
    const job = await runningJob(s);
    expect(value(await s.api.call('jobs.cancel', { id: job.id }))).toEqual({ cancelled: true });
    expect(await exporting).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'De export is geannuleerd; er is niets gewijzigd.' },
    });
    expect(finished).toMatchObject([{ id: job.id, outcome: 'cancelled' }]);
    expect(value(await s.api.call('jobs.status', {}))).toEqual([]);
    expect(value(await s.api.call('jobs.cancel', { id: job.id }))).toEqual({ cancelled: false });
    const bad = await s.api.call('jobs.cancel', { id: -1 } as never);
    expect(bad.ok).toBe(false);
  }, 120_000);

  it('jobs beyond the concurrency limit wait in line; cancelling a queued job answers it at once', async () => {
    const finished: FinishedJob[] = [];
    const s = await open({ maxConcurrent: 1, onFinished: (j) => finished.push(j) });
    const { modelId, scenarioIds } = await withLargeModel(s, 120);
    const a = s.api.call('excel.exportBijlage', { modelId, scenarioIds, scope: 'all', unit: 'euro' });
    const b = s.api.call('excel.exportBijlage', { modelId, scenarioIds, scope: 'region', unit: 'euro' });
    const first = await runningJob(s);
    const status = value(await s.api.call('jobs.status', {}));
    expect(status.map((j) => j.state)).toEqual(['running', 'queued']);
    const queued = status[1]!;
    expect(value(await s.api.call('jobs.cancel', { id: queued.id }))).toEqual({ cancelled: true });
    expect(await b).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(value(await s.api.call('jobs.status', {})).map((j) => [j.id, j.state])).toEqual([[first.id, 'running']]);
    expect(value(await s.api.call('jobs.cancel', { id: first.id }))).toEqual({ cancelled: true });
    expect(await a).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(finished.map((j) => [j.id, j.outcome])).toEqual([
      [queued.id, 'cancelled'],
      [first.id, 'cancelled'],
    ]);
  }, 120_000);

  it('automatic versions are background jobs: one at a time, never ahead of a waiting request; their worker returns JSON text', async () => {
    const finished: FinishedJob[] = [];
    const model = defaultModel();
    const scenario = shippedScenario(model, 'ongewijzigd-beleid.json');
    const exportInput = {
      model,
      scenarios: [scenario],
      scope: 'region',
      unit: 'euro' as const,
      appVersion: '9.9.9',
      generatedAt: '2026-12-02T10:00:00Z',
    };
    // two slots: the first version starts, the second waits (one at a time), an export takes the free slot
    const two = new JobRunner({ maxConcurrent: 2, onFinished: (j) => finished.push(j) });
    const v1 = two.run('simulate.version', { model, scenario });
    const v2 = two.run('simulate.version', { model, scenario });
    const exp = two.run('excel.exportBijlage', exportInput);
    expect(two.status().map((j) => [j.kind, j.state])).toEqual([
      ['simulate.version', 'running'],
      ['simulate.version', 'queued'],
      ['excel.exportBijlage', 'running'],
    ]);
    const [json] = await Promise.all([v1, v2, exp]);
    expect(JSON.parse(json.resultJson)).toEqual(JSON.parse(JSON.stringify(simulate(model, scenario))));
    expect(JSON.parse(json.modelJson)).toEqual(model);
    expect(JSON.parse(json.scenarioJson)).toEqual(scenario);
    two.close();

    // one slot: a version asked for before a second export still starts after it
    finished.length = 0;
    const one = new JobRunner({ maxConcurrent: 1, onFinished: (j) => finished.push(j) });
    const a = one.run('excel.exportBijlage', exportInput);
    const v = one.run('simulate.version', { model, scenario });
    const b = one.run('excel.exportBijlage', exportInput);
    expect(one.status().map((j) => [j.kind, j.state])).toEqual([
      ['excel.exportBijlage', 'running'],
      ['simulate.version', 'queued'],
      ['excel.exportBijlage', 'queued'],
    ]);
    await Promise.all([a, v, b]);
    expect(finished.map((j) => [j.kind, j.outcome])).toEqual([
      ['excel.exportBijlage', 'done'],
      ['excel.exportBijlage', 'done'],
      ['simulate.version', 'done'],
    ]);
    one.close();
  }, 120_000);

  it('browser mode: a client that goes away cancels its job', async () => {
    const finished: FinishedJob[] = [];
    const s = await open({ onFinished: (j) => finished.push(j) });
    const { modelId, scenarioIds } = await withLargeModel(s, 120);
    const web = await startWebServer({ dataDir: '', service: s, log: silentLogger });
    servers.push(web);
    const client = new AbortController();
    const request = fetch(`${web.origin}/api/excel.exportBijlage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: web.token },
      body: JSON.stringify({ modelId, scenarioIds, scope: 'all', unit: 'euro' }),
      signal: client.signal,
    });
    const job = await runningJob(s);
    client.abort();
    await expect(request).rejects.toThrow();
    await expect.poll(() => finished, { timeout: 30_000 }).toMatchObject([{ id: job.id, outcome: 'cancelled' }]);
    expect(value(await s.api.call('jobs.status', {}))).toEqual([]);
  }, 120_000);

  it('template, template import, a large simulate and versions of a large model run as jobs with the same answers', async () => {
    const finished: FinishedJob[] = [];
    const s = await open({ onFinished: (j) => finished.push(j) });
    const { model, modelId, scenarios } = await withLargeModel(s, 40);
    const template = value(await s.api.call('excel.template', { modelId }));
    expect(template.fileName).toBe(`Sjabloon jeugdbudget - ${model.name}.xlsx`);
    const imported = value(
      await s.api.call('excel.importModel', { fileName: template.fileName, content: template.content }),
    );
    expect(imported.record.model.segments.map((x) => x.id)).toEqual(model.segments.map((x) => x.id));
    expect(value(await s.api.call('models.list', {})).map((m) => m.id)).toContain(imported.record.id);
    // a model large enough for a worker: 200 segments × (40 gemeenten + 1) × 31 years
    const base = largeModel(MAX_SEGMENTS);
    const big = {
      ...base,
      endYear: 2052,
      knownChanges: renamedKnownChanges(base),
      gemeenten: Array.from({ length: 40 }, (_, i) => ({
        ...base.gemeenten[i % 7]!,
        id: `g${i + 1}`,
        name: `Gemeente ${i + 1}`,
        fundingShare: 1 / 40,
      })),
    };
    expect(simulateWork(big)).toBeGreaterThanOrEqual(SIMULATE_IN_WORKER_FROM);
    const scenario = scenarios[1]!.scenario;
    const result = value(await s.api.call('simulate', { model: big, scenario }));
    expect(result.totals.at(-1)!.balance).toBeCloseTo(simulate(big, scenario).totals.at(-1)!.balance, 6);
    expect(finished.map((j) => [j.kind, j.outcome])).toEqual([
      ['excel.template', 'done'],
      ['excel.importModel', 'done'],
      ['simulate', 'done'],
    ]);
    // versions of a large model: the result is computed in a worker, stored as computed, recomputed in a worker
    const bigId = value(await s.api.call('models.save', { model: big })).id;
    const bigScenario = value(await s.api.call('scenarios.save', { modelId: bigId, scenario }));
    // the save's automatic version is computed in a worker after the save answered: let it land first
    await expect
      .poll(async () => value(await s.api.call('versions.list', { scenarioId: bigScenario.id })).length, {
        timeout: 60_000,
      })
      .toBe(1);
    finished.length = 0;
    const version = value(await s.api.call('versions.create', { scenarioId: bigScenario.id, note: 'raadscommissie' }));
    const stored = value(await s.api.call('versions.get', { id: version.id }));
    expect(stored.differs).toBe(false);
    expect(stored.result.totals.at(-1)!.balance).toBeCloseTo(result.totals.at(-1)!.balance, 6);
    expect(finished.map((j) => [j.kind, j.outcome])).toEqual([
      ['simulate', 'done'],
      ['simulate', 'done'],
    ]);
    // a broken template is refused as before (from the worker), nothing saved
    const count = value(await s.api.call('models.list', {})).length;
    const broken = await s.api.call('excel.importModel', { content: Buffer.from('geen xlsx').toString('base64') });
    expect(broken).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(value(await s.api.call('models.list', {})).length).toBe(count);
    expect(modelId).toBeGreaterThan(0);
  }, 120_000);

  it('large models: the automatic version of a save, a restore and a scenario import are computed in a job worker', async () => {
    const finished: FinishedJob[] = [];
    const s = await open({ onFinished: (j) => finished.push(j) });
    const base = largeModel(MAX_SEGMENTS);
    const big = {
      ...base,
      endYear: 2052,
      knownChanges: renamedKnownChanges(base),
      gemeenten: Array.from({ length: 40 }, (_, i) => ({
        ...base.gemeenten[i % 7]!,
        id: `g${i + 1}`,
        name: `Gemeente ${i + 1}`,
        fundingShare: 1 / 40,
      })),
    };
    expect(simulateWork(big)).toBeGreaterThanOrEqual(SIMULATE_IN_WORKER_FROM);
    const bigId = value(await s.api.call('models.save', { model: big })).id;
    const scenario = bundledScenario(big, 'beleidsplan-kpis.json');
    const engine = simulate(big, scenario);

    // the save answers; its automatic version follows from a worker, with exactly the result of those inputs
    const saved = value(await s.api.call('scenarios.save', { modelId: bigId, scenario }));
    const versionsOf = async (id: number) => value(await s.api.call('versions.list', { scenarioId: id }));
    await expect
      .poll(async () => (await versionsOf(saved.id)).map((v) => v.kind), { timeout: 60_000 })
      .toEqual(['auto']);
    expect(finished.map((j) => [j.kind, j.outcome])).toEqual([['simulate.version', 'done']]);
    const [auto] = await versionsOf(saved.id);
    const autoRecord = value(await s.api.call('versions.get', { id: auto!.id }));
    expect(autoRecord.differs).toBe(false);
    expect(autoRecord.result.totals.at(-1)!.balance).toBeCloseTo(engine.totals.at(-1)!.balance, 6);
    expect(autoRecord.scenario).toEqual(scenario);
    // within the interval a next save adds no version and starts no job
    finished.length = 0;
    const edited = { ...scenario, description: 'bijgewerkt' };
    expect(
      value(
        await s.api.call('scenarios.save', {
          id: saved.id,
          revision: saved.revision,
          modelId: bigId,
          scenario: edited,
        }),
      ).scenario.description,
    ).toBe('bijgewerkt');
    expect((await versionsOf(saved.id)).length).toBe(1);
    expect(finished).toEqual([]);

    // a duplicate's first version, the same way
    const copy = value(await s.api.call('scenarios.duplicate', { id: saved.id, name: 'Kopie groot' }));
    await expect
      .poll(async () => (await versionsOf(copy.id)).map((v) => v.note), { timeout: 60_000 })
      .toEqual([`kopie van "${saved.name}"`]);

    // restoring the first version keeps the working copy ('bijgewerkt') as a version computed in a worker
    finished.length = 0;
    const restored = value(await s.api.call('versions.restore', { id: auto!.id }));
    expect(restored.scenario).toEqual(scenario);
    expect(finished.map((j) => [j.kind, j.outcome])).toEqual([['simulate', 'done']]);
    const before = (await versionsOf(saved.id)).find((v) => v.kind === 'before-restore')!;
    const beforeRecord = value(await s.api.call('versions.get', { id: before.id }));
    expect(beforeRecord.scenario.description).toBe('bijgewerkt');
    expect(beforeRecord.differs).toBe(false);

    // a scenario file imported into the large model: its version computed in a worker
    finished.length = 0;
    const file = value(await s.api.call('files.exportScenario', { id: saved.id }));
    const imported = value(
      await s.api.call('files.importScenario', { modelId: bigId, fileName: 'groot.json', content: file.content }),
    );
    expect(finished.map((j) => [j.kind, j.outcome])).toEqual([['simulate', 'done']]);
    const [importVersion] = await versionsOf(imported.id);
    expect(importVersion!.note).toBe('geïmporteerd uit groot.json');
    expect(
      value(await s.api.call('versions.get', { id: importVersion!.id })).result.totals.at(-1)!.balance,
    ).toBeCloseTo(engine.totals.at(-1)!.balance, 6);
  }, 180_000);

  it('the jobKey of a request finds its job in jobs.status; a bad key is refused before any work', async () => {
    const s = await open();
    const { modelId, scenarioIds } = await withLargeModel(s, 120);
    const exporting = s.api.call('excel.exportBijlage', {
      modelId,
      scenarioIds,
      scope: 'all',
      unit: 'euro',
      jobKey: 'dialoog-1',
    });
    const job = await runningJob(s);
    expect(job).toMatchObject({ method: 'excel.exportBijlage', key: 'dialoog-1' });
    expect(value(await s.api.call('jobs.cancel', { id: job.id }))).toEqual({ cancelled: true });
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const bad = await s.api.call('excel.template', { jobKey: 'geen spaties!' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(bad.ok ? '' : bad.error.message).toContain('jobKey');
    expect(value(await s.api.call('jobs.status', {}))).toEqual([]);
  }, 120_000);

  it('a large model file (JSON) is parsed and validated in a job worker, with the same answers and refusals', async () => {
    const finished: FinishedJob[] = [];
    const s = await open({ onFinished: (j) => finished.push(j) });
    const model = largeModel(MAX_SEGMENTS);
    const text = JSON.stringify(model, null, 2);
    // padded past the threshold with whitespace between the tokens (still the same model)
    const big = text.replace('{', `{${' '.repeat(Math.max(0, IMPORT_MODEL_IN_WORKER_FROM - text.length + 10))}`);
    expect(big.length).toBeGreaterThanOrEqual(IMPORT_MODEL_IN_WORKER_FROM);
    const record = value(await s.api.call('files.importModel', { fileName: 'groot.json', content: big }));
    expect(record.model.segments.map((x) => x.id)).toEqual(model.segments.map((x) => x.id));
    expect(value(await s.api.call('models.get', { id: record.id })).model).toEqual(record.model);
    expect(finished.map((j) => [j.kind, j.outcome])).toEqual([['files.importModel', 'done']]);

    // a refusal from the worker is the same Dutch validation error, with its issues; nothing saved
    const count = value(await s.api.call('models.list', {})).length;
    const broken = big.replace(`"baseYear": ${model.baseYear}`, '"baseYear": "twintig"');
    expect(broken).not.toBe(big);
    const refused = await s.api.call('files.importModel', { fileName: 'groot.json', content: broken });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('Het bestand "groot.json" is geen geldig model');
      expect(refused.error.issues?.some((i) => i.path === 'baseYear')).toBe(true);
    }
    const syntax = await s.api.call('files.importModel', { fileName: 'groot.json', content: `${big.slice(0, -2)},}` });
    expect(syntax).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(value(await s.api.call('models.list', {})).length).toBe(count);

    // a small file stays on the service's thread (sooner than a worker starts)
    finished.length = 0;
    value(await s.api.call('files.importModel', { content: text }));
    expect(finished).toEqual([]);
  }, 120_000);

  it("a large model's versions use a worker's result only for the inputs it was computed for (autosave, restore)", async () => {
    const s = await open();
    // a job runner whose simulate jobs the test answers itself, so the order of events is fixed
    // (as the worker does: an automatic version's job answers with the JSON text of model, scenario and result)
    const held: { kind: string; input: { model: Model; scenario: Scenario }; resolve: (v: unknown) => void }[] = [];
    let hold = true;
    const answer = (kind: string, input: { model: Model; scenario: Scenario }) => {
      const result = simulate(input.model, input.scenario);
      return kind === 'simulate.version'
        ? {
            modelJson: JSON.stringify(input.model),
            scenarioJson: JSON.stringify(input.scenario),
            resultJson: JSON.stringify(result),
          }
        : result;
    };
    const runner = {
      run: (kind: string, input: { model: Model; scenario: Scenario }) =>
        hold ? new Promise((resolve) => held.push({ kind, input, resolve })) : Promise.resolve(answer(kind, input)),
      status: () => [],
      cancel: () => false,
      close: () => undefined,
    };
    Object.assign(s.context, { jobs: runner as unknown as JobRunner });
    const base = largeModel(MAX_SEGMENTS);
    const big = {
      ...base,
      endYear: 2052,
      knownChanges: renamedKnownChanges(base),
      gemeenten: Array.from({ length: 40 }, (_, i) => ({
        ...base.gemeenten[i % 7]!,
        id: `g${i + 1}`,
        name: `Gemeente ${i + 1}`,
        fundingShare: 1 / 40,
      })),
    };
    const bigId = value(await s.api.call('models.save', { model: big })).id;
    const first = bundledScenario(big, 'beleidsplan-kpis.json');
    const second = { ...first, description: 'tweede' };
    const third = { ...bundledScenario(big, 'ongewijzigd-beleid.json'), description: 'derde' };
    expect(resultsDiffer(simulate(big, second), simulate(big, third))).toBe(true);
    const versionsOf = async (id: number) => value(await s.api.call('versions.list', { scenarioId: id }));

    // the save answers before its version exists; a second save while that is computed starts no second job
    const saved = value(await s.api.call('scenarios.save', { modelId: bigId, scenario: first }));
    expect(saved.versionCount).toBe(0);
    expect(held).toHaveLength(1);
    value(
      await s.api.call('scenarios.save', {
        id: saved.id,
        revision: value(await s.api.call('scenarios.get', { id: saved.id })).revision,
        modelId: bigId,
        scenario: second,
      }),
    );
    expect(held).toHaveLength(1);
    expect(held[0]!.kind).toBe('simulate.version');
    held[0]!.resolve(answer(held[0]!.kind, held[0]!.input));
    await expect.poll(async () => (await versionsOf(saved.id)).length).toBe(1);
    const [auto] = await versionsOf(saved.id);

    // restore: the working copy ('tweede') changes to 'derde' while its result is computed; the version
    // kept before the restore is 'derde', with the result of 'derde' (not the stale one of 'tweede')
    const restoring = s.api.call('versions.restore', { id: auto!.id });
    await vi.waitFor(() => expect(held).toHaveLength(2));
    expect(held[1]!.input.scenario.description).toBe('tweede');
    value(
      await s.api.call('scenarios.save', {
        id: saved.id,
        revision: value(await s.api.call('scenarios.get', { id: saved.id })).revision,
        modelId: bigId,
        scenario: third,
      }),
    );
    expect(held).toHaveLength(2); // no automatic version due yet
    expect(held[1]!.kind).toBe('simulate');
    held[1]!.resolve(answer(held[1]!.kind, held[1]!.input));
    const restored = value(await restoring);
    expect(restored.scenario).toEqual(first);
    hold = false;
    const before = (await versionsOf(saved.id)).find((v) => v.kind === 'before-restore')!;
    const beforeRecord = value(await s.api.call('versions.get', { id: before.id }));
    expect(beforeRecord.scenario.description).toBe('derde');
    expect(beforeRecord.differs).toBe(false);
    expect(resultsDiffer(beforeRecord.result, simulate(big, third))).toBe(false);
  }, 120_000);
});
