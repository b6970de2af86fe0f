/**
 * Excel benchmark: the begrotingsbijlage for the region plus each of
 * the seven gemeenten (scope "all": a zip of 8 workbooks) for the three
 * bundled scenarios of the default model; target < 2 s. Also the region
 * workbook alone, the region workbook with the analysis sheets (Monte Carlo
 * 2.000 draws over ranges on every segment, and the tornado) and the template
 * round trip (export + import).
 *
 * And the template import of hostile and large workbooks (issue 13), each in
 * a fresh child process (bench/importPeak.ts) for its peak memory: a
 * workbook just under the size guard (10 MB) with 1,4 million cells on three
 * sheets, which must be refused or read in under 2 s and under 300 MB peak RSS
 * (before the content guard: 7,4 s and 424 MB here, 1,6 GB in the report of
 * issue 13), and one near the content limits that the guard lets through
 * (about 48.000 cells on Gebruiksaandelen), read in full by ExcelJS
 * (its numbers in column B on are not a valid usage table: the reader's
 * messages follow, as for any wrong template).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportBijlage } from '../../src/main/excel/exportBijlage';
import { exportTemplate } from '../../src/main/excel/template';
import { importModelWorkbook } from '../../src/main/excel/importModel';
import { bundledScenario, defaultModel, withBenchRanges, workbookAtSizeGuard } from '../inputs';
import { timeAsyncCalls, type BenchResult } from '../measure';

export const name = 'excel';

const SCENARIO_FILES = ['ongewijzigd-beleid.json', 'beleidsplan-kpis.json', 'rijksmaatregelen.json'];

export async function run(): Promise<Record<string, BenchResult>> {
  const model = defaultModel();
  const scenarios = SCENARIO_FILES.map((f) => bundledScenario(model, f));
  const base = { model, scenarios, unit: 'thousand' as const, appVersion: 'bench' };
  let bytes = 0;
  const all = await timeAsyncCalls(
    async () => {
      const f = await exportBijlage({ ...base, scope: 'all' });
      bytes = f.data.length;
    },
    { warmup: 2, runs: 10 },
  );
  const region = await timeAsyncCalls(() => exportBijlage({ ...base, scope: 'region' }), { warmup: 2, runs: 10 });
  const ranged = { ...base, scenarios: scenarios.map((s) => withBenchRanges(model, s)) };
  const analysis = await timeAsyncCalls(
    () =>
      exportBijlage({
        ...ranged,
        scope: 'region',
        analysis: { montecarlo: { draws: 2000, seed: 20220101 }, tornado: {} },
      }),
    { warmup: 1, runs: 5 },
  );
  const template = (await exportTemplate(model)).data;
  const roundTrip = await timeAsyncCalls(
    async () => {
      const r = await importModelWorkbook((await exportTemplate(model)).data);
      if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    },
    { warmup: 2, runs: 10 },
  );
  const atGuard = await workbookAtSizeGuard(template);
  const nearLimits = await workbookAtSizeGuard(template, {
    grow: 'Gebruiksaandelen',
    extraSheets: 0,
    rows: 990,
    columns: 48,
  });
  return {
    "bijlage regio + 7 gemeenten, 3 scenario's (zip)": { ...all, target_ms: 2000, zip_bytes: bytes },
    "bijlage regio, 3 scenario's": region,
    "bijlage regio, 3 scenario's + Onzekerheid (2.000 trekkingen) + Gevoeligheid": analysis,
    'sjabloon export + import': { ...roundTrip, template_bytes: template.length },
    'sjabloon aan de grootte-grens (geweigerd; piekgeheugen in eigen proces)': importInChild(atGuard, {
      refused: true,
    }),
    'sjabloon aan de inhoud-grens (48.000 cellen, ingelezen; piekgeheugen in eigen proces)': importInChild(nearLimits, {
      refused: false,
    }),
  };
}

const CHILD_RUNS = 3;
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PEAK_TARGET_BYTES = 300 * 1024 * 1024;

interface ChildReport {
  ms: number;
  peakRssBytes: number;
  baselineRssBytes: number;
  ok: boolean;
  refusedByGuard: boolean;
  message: string;
}

/**
 * The import of `data` in CHILD_RUNS fresh processes: median and p95 of its time, and the highest
 * peak RSS (with the process's RSS before the import, tsx and the modules loaded, for comparison).
 */
function importInChild(data: Buffer, { refused }: { refused: boolean }): BenchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-bench-import-'));
  const file = path.join(dir, 'werkmap.xlsx');
  fs.writeFileSync(file, data);
  const script = fileURLToPath(new URL('../importPeak.ts', import.meta.url));
  const reports: ChildReport[] = [];
  try {
    for (let i = 0; i < CHILD_RUNS; i++) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', script, file], {
        cwd: REPO,
        encoding: 'utf8',
        maxBuffer: 1024 * 1024,
      });
      const report = JSON.parse(out.trim().split('\n').pop()!) as ChildReport;
      // a refusal by the guard where ExcelJS should have read the file (or the other way round) measures the wrong thing
      if (report.refusedByGuard !== refused)
        throw new Error(`werkmap ${refused ? 'niet' : 'wel'} door de controle geweigerd: ${report.message}`);
      reports.push(report);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ms = reports.map((r) => r.ms).sort((a, b) => a - b);
  const peak = Math.max(...reports.map((r) => r.peakRssBytes));
  return {
    median_ms: ms[Math.floor(ms.length / 2)]!,
    p95_ms: ms[ms.length - 1]!,
    runs: reports.length,
    target_ms: 2000,
    file_bytes: data.length,
    peak_rss_mb: Math.round(peak / 1024 / 1024),
    baseline_rss_mb: Math.round(Math.max(...reports.map((r) => r.baselineRssBytes)) / 1024 / 1024),
    peak_target_mb: PEAK_TARGET_BYTES / 1024 / 1024,
    peak_ok: peak < PEAK_TARGET_BYTES ? 'ja' : 'NEE',
    message: reports[0]!.message.slice(0, 160),
  };
}
