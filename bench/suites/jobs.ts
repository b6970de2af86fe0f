/**
 * Jobs benchmark (issue 14): the Excel export of the largest model the limits
 * allow (500 segments; the 7 gemeenten of the default model) through the
 * service, as the app runs it: in a job worker. Measured: the export's time
 * (request to answer, worker start and base64 included), peak memory (the
 * process's RSS sampled every 20 ms, and the worker's V8 heap at the end),
 * and how fast the service answers a save and app.info while that export
 * runs (target < 200 ms), next to a save with no export running.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openService } from '../../src/main/service';
import type { FinishedJob } from '../../src/main/jobs/runner';
import { silentLogger } from '../../src/main/log';
import type { ApiResult } from '../../src/shared/api';
import { bundledScenario, largeModel } from '../inputs';
import type { BenchResult } from '../measure';

export const name = 'jobs';

const SCENARIO_FILES = ['ongewijzigd-beleid.json', 'beleidsplan-kpis.json', 'rijksmaatregelen.json'];
const EXPORT_RUNS = 3;
const MB = 1024 * 1024;

function value<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function stats(samples: number[]): { median_ms: number; p95_ms: number; max_ms: number; runs: number } {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => {
    const pos = (s.length - 1) * p;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
  };
  return { median_ms: q(0.5), p95_ms: q(0.95), max_ms: s[s.length - 1]!, runs: s.length };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<Record<string, BenchResult>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-bench-jobs-'));
  const finished: FinishedJob[] = [];
  const service = await openService({ dataDir, appVersion: 'bench', transport: 'browser', log: silentLogger, backupOnStart: false, jobs: { onFinished: (j) => finished.push(j) } });
  try {
    const model = largeModel(500);
    const modelId = value(await service.api.call('models.save', { model })).id;
    const scenarios = [];
    for (const f of SCENARIO_FILES) scenarios.push(value(await service.api.call('scenarios.save', { modelId, scenario: bundledScenario(model, f) })));
    const scenarioIds = scenarios.map((s) => s.id);
    const first = scenarios[0]!;
    let edit = 0;
    const save = () => service.api.call('scenarios.save', { id: first.id, modelId, scenario: { ...first.scenario, description: `autosave ${++edit}` } });

    // a save with nothing else running, for comparison
    const idle: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      value(await save());
      idle.push(performance.now() - t0);
    }

    const exportMs: number[] = [];
    const saveMs: number[] = [];
    const infoMs: number[] = [];
    let peakRss = 0;
    let zipBytes = 0;
    const baseRss = process.memoryUsage().rss;
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    for (let run = 0; run < EXPORT_RUNS; run++) {
      let done = false;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 20);
      loopDelay.enable();
      const t0 = performance.now();
      const exporting = service.api.call('excel.exportBijlage', { modelId, scenarioIds, scope: 'all', unit: 'thousand' }).then((r) => {
        exportMs.push(performance.now() - t0);
        done = true;
        return r;
      });
      // autosave and app.info every 50 ms while the export runs
      while (!done) {
        const s0 = performance.now();
        const saved = await save();
        const s1 = performance.now();
        const info = await service.api.call('app.info', {});
        const s2 = performance.now();
        if (done) break; // answered after the export: not "beside" it
        value(saved);
        value(info);
        saveMs.push(s1 - s0);
        infoMs.push(s2 - s1);
        await pause(50);
      }
      loopDelay.disable();
      clearInterval(sampler);
      zipBytes = Buffer.from(value(await exporting).content, 'base64').length;
    }
    const exports = finished.filter((j) => j.kind === 'excel.exportBijlage');
    if (exports.some((j) => j.outcome !== 'done')) throw new Error(`export niet afgerond: ${exports.map((j) => j.outcome).join(', ')}`);
    const workerHeap = Math.max(...exports.map((j) => j.workerHeapBytes ?? 0));
    const exp = stats(exportMs);
    return {
      "export 500 segmenten, regio + 7 gemeenten, 3 scenario's (zip, in een worker)": {
        median_ms: exp.median_ms,
        p95_ms: exp.p95_ms,
        runs: exp.runs,
        zip_bytes: zipBytes,
        peak_rss_mb: Math.round(peakRss / MB),
        rss_before_mb: Math.round(baseRss / MB),
        worker_heap_mb: Math.round(workerHeap / MB),
        main_loop_delay_max_ms: Math.round(loopDelay.max / 1e6),
      },
      'scenarios.save tijdens die export': { ...stats(saveMs), target_ms: 200 },
      'app.info tijdens die export': { ...stats(infoMs), target_ms: 200 },
      'scenarios.save zonder export': stats(idle),
    };
  } finally {
    service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
