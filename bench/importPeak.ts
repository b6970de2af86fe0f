/**
 * Run as a child process by the excel bench (not a suite): reads one workbook
 * file as the template import does and prints, as JSON on stdout, the time of
 * the import and the process's peak resident memory — a fresh process, so the
 * peak is this import's and not that of the benches before it — and whether
 * the guard refused it (checked again after the timed import).
 *
 *   tsx bench/importPeak.ts file.xlsx
 */
import { readFileSync } from 'node:fs';
import { importModelWorkbook } from '../src/main/excel/importModel';
import { checkWorkbookBytes, WorkbookRefused } from '../src/main/excel/zipGuard';

const file = process.argv[2];
if (!file) throw new Error('gebruik: tsx bench/importPeak.ts werkmap.xlsx');
const data = readFileSync(file);
const baselineRss = process.memoryUsage().rss;
const t0 = performance.now();
const result = await importModelWorkbook(data, 'werkmap.xlsx');
const ms = performance.now() - t0;
let refusedByGuard = false;
try {
  checkWorkbookBytes(data, 'werkmap.xlsx');
} catch (err) {
  if (!(err instanceof WorkbookRefused)) throw err;
  refusedByGuard = true;
}
console.log(
  JSON.stringify({
    ms,
    // resourceUsage().maxRSS is in kilobytes
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    baselineRssBytes: baselineRss,
    ok: result.ok,
    refusedByGuard,
    message: result.ok ? '' : (result.issues[0]?.message ?? ''),
  }),
);
