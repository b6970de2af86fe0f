/**
 * Excel benchmark: the begrotingsbijlage for the region plus each of
 * the seven gemeenten (scope "all": a zip of 8 workbooks) for the three
 * bundled scenarios of the default model; target < 2 s. Also the region
 * workbook alone, the region workbook with the analysis sheets (Monte Carlo
 * 2.000 draws over ranges on every segment, and the tornado) and the template
 * round trip (export + import).
 */
import { exportBijlage } from '../../src/main/excel/exportBijlage';
import { exportTemplate } from '../../src/main/excel/template';
import { importModelWorkbook } from '../../src/main/excel/importModel';
import { bundledScenario, defaultModel, withBenchRanges } from '../inputs';
import { timeAsyncCalls, type BenchResult } from '../measure';

export const name = 'excel';

const SCENARIO_FILES = ['ongewijzigd-beleid.json', 'beleidsplan-kpis.json', 'rijksmaatregelen.json'];

export async function run(): Promise<Record<string, BenchResult>> {
  const model = defaultModel();
  const scenarios = SCENARIO_FILES.map((f) => bundledScenario(model, f));
  const base = { model, scenarios, unit: 'thousand' as const, appVersion: 'bench' };
  let bytes = 0;
  const all = await timeAsyncCalls(async () => {
    const f = await exportBijlage({ ...base, scope: 'all' });
    bytes = f.data.length;
  }, { warmup: 2, runs: 10 });
  const region = await timeAsyncCalls(() => exportBijlage({ ...base, scope: 'region' }), { warmup: 2, runs: 10 });
  const ranged = { ...base, scenarios: scenarios.map((s) => withBenchRanges(model, s)) };
  const analysis = await timeAsyncCalls(
    () => exportBijlage({ ...ranged, scope: 'region', analysis: { montecarlo: { draws: 2000, seed: 20220101 }, tornado: {} } }),
    { warmup: 1, runs: 5 },
  );
  const template = (await exportTemplate(model)).data;
  const roundTrip = await timeAsyncCalls(async () => {
    const r = await importModelWorkbook((await exportTemplate(model)).data);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  }, { warmup: 2, runs: 10 });
  return {
    "bijlage regio + 7 gemeenten, 3 scenario's (zip)": { ...all, target_ms: 2000, zip_bytes: bytes },
    "bijlage regio, 3 scenario's": region,
    "bijlage regio, 3 scenario's + Onzekerheid (2.000 trekkingen) + Gevoeligheid": analysis,
    'sjabloon export + import': { ...roundTrip, template_bytes: template.length },
  };
}
