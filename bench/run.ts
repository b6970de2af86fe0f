/**
 * `npm run bench`: runs every suite in bench/suites/*.ts, prints one table and
 * writes all results to bench/results.json (gitignored). Not a test: numbers
 * depend on the machine; the targets are printed next to them.
 *
 * A suite exports `name` and `run(): Promise<Record<string, BenchResult>>`.
 * Run one suite: `npm run bench -- engine`.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult, BenchSuite } from './measure';

const suitesDir = fileURLToPath(new URL('./suites/', import.meta.url));
const only = process.argv.slice(2);

const files = readdirSync(suitesDir)
  .filter((f) => f.endsWith('.ts'))
  .sort();

const all: Record<string, Record<string, BenchResult>> = {};
const rows: string[][] = [];
for (const f of files) {
  // A suite's name is its file name; skipping unselected files before importing them keeps
  // `npm run bench -- ui` independent of work in progress elsewhere (e.g. the Excel code).
  if (only.length > 0 && !only.includes(f.replace(/\.ts$/, ''))) continue;
  const suite = (await import(pathToFileURL(`${suitesDir}${f}`).href)) as Partial<BenchSuite>;
  if (typeof suite.name !== 'string' || typeof suite.run !== 'function') {
    console.error(`bench/suites/${f}: exporteert geen name en run(); overgeslagen`);
    continue;
  }
  if (only.length > 0 && !only.includes(suite.name)) continue;
  console.error(`suite ${suite.name} …`);
  const results = await suite.run();
  all[suite.name] = results;
  for (const [key, r] of Object.entries(results)) {
    rows.push([
      suite.name,
      key,
      fmt(r.median_ms),
      fmt(r.p95_ms),
      r.runs === undefined ? '' : String(r.runs),
      r.target_ms === undefined ? '' : `< ${fmt(r.target_ms)}${r.median_ms < r.target_ms ? ' ok' : ' TE TRAAG'}`,
    ]);
  }
}

function fmt(ms: number): string {
  return ms < 1 ? ms.toFixed(4) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0);
}

const header = ['suite', 'meting', 'mediaan ms', 'p95 ms', 'runs', 'doel (mediaan)'];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
const line = (cells: string[]) =>
  cells.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

const out = fileURLToPath(new URL('./results.json', import.meta.url));
const doc = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'onbekend',
  suites: all,
};
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`\nresultaten: ${out}`);
