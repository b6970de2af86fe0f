/**
 * Excel benchmark (issue 5): the begrotingsbijlage for the region plus each of
 * the seven gemeenten (scope "all": a zip of 8 workbooks) for the three
 * bundled scenarios of the default model; target < 2 s. Also the region
 * workbook alone, the region workbook with the analysis sheets (Monte Carlo
 * 2.000 draws over ranges on every segment, and the tornado) and the template
 * round trip (export + import).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportBijlage } from '../../src/main/excel/exportBijlage';
import { exportTemplate } from '../../src/main/excel/template';
import { importModelWorkbook } from '../../src/main/excel/importModel';
import type { Model } from '../../src/shared/formats/model';
import type { Scenario } from '../../src/shared/formats/scenario';
import { parseModel, parseScenario } from '../../src/shared/formats/validate';
import type { BenchResult } from '../measure';

export const name = 'excel';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SCENARIO_FILES = ['ongewijzigd-beleid.json', 'beleidsplan-kpis.json', 'rijksmaatregelen.json'];

/**
 * The bundled scenarios carry no ranges; for a Monte Carlo that varies every part
 * of the engine the bench gives each one the ranges of the analysis bench.
 */
function withRanges(model: Model, scenario: Scenario): Scenario {
  const ranges: Record<string, Record<string, { low: number; high: number }>> = {};
  for (const s of model.segments) {
    ranges[s.id] =
      s.kind === 'volume'
        ? {
            inflowPerYear: { low: s.inflowPerYear * 0.9, high: s.inflowPerYear * 1.15 },
            pricePerUnit: { low: s.pricePerUnit * 0.97, high: s.pricePerUnit * 1.05 },
            inflowChangePct: { low: -2, high: 3 },
            priceIndexPct: { low: -1, high: 1.5 },
          }
        : { amount: { low: s.amount * 0.95, high: s.amount * 1.1 } };
  }
  const parsed = parseScenario({ ...scenario, ranges, funding: { ...scenario.funding, ranges: { indexPct: { low: -1, high: 1 } } } }, model);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

function load(): { model: Model; scenarios: Scenario[] } {
  const m = parseModel(JSON.parse(readFileSync(`${root}models/noord-limburg.json`, 'utf8')));
  if (!m.ok) throw new Error(m.issues.map((i) => i.message).join('\n'));
  const scenarios = SCENARIO_FILES.map((f) => {
    const s = parseScenario(JSON.parse(readFileSync(`${root}models/scenarios/${f}`, 'utf8')), m.value);
    if (!s.ok) throw new Error(`${f}: ${s.issues.map((i) => i.message).join('\n')}`);
    return s.value;
  });
  return { model: m.value, scenarios };
}

async function timeAsync(fn: () => Promise<unknown>, warmup: number, runs: number, target_ms?: number): Promise<BenchResult> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.round((samples.length - 1) * p))]!;
  return { median_ms: q(0.5), p95_ms: q(0.95), runs, ...(target_ms !== undefined ? { target_ms } : {}) };
}

export async function run(): Promise<Record<string, BenchResult>> {
  const { model, scenarios } = load();
  const base = { model, scenarios, unit: 'thousand' as const, appVersion: 'bench' };
  let bytes = 0;
  const all = await timeAsync(async () => {
    const f = await exportBijlage({ ...base, scope: 'all' });
    bytes = f.data.length;
  }, 2, 10, 2000);
  const region = await timeAsync(() => exportBijlage({ ...base, scope: 'region' }), 2, 10);
  const ranged = { ...base, scenarios: scenarios.map((s) => withRanges(model, s)) };
  const analysis = await timeAsync(
    () => exportBijlage({ ...ranged, scope: 'region', analysis: { montecarlo: { draws: 2000, seed: 20220101 }, tornado: {} } }),
    1,
    5,
  );
  const template = (await exportTemplate(model)).data;
  const roundTrip = await timeAsync(async () => {
    const r = await importModelWorkbook((await exportTemplate(model)).data);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  }, 2, 10);
  return {
    "bijlage regio + 7 gemeenten, 3 scenario's (zip)": { ...all, zip_bytes: bytes },
    "bijlage regio, 3 scenario's": region,
    "bijlage regio, 3 scenario's + Onzekerheid (2.000 trekkingen) + Gevoeligheid": analysis,
    'sjabloon export + import': { ...roundTrip, template_bytes: template.length },
  };
}
