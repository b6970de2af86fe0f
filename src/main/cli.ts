/**
 * `npm run simulate`: runs the engine from the command line. The edge: reads
 * argv and files, writes stdout/stderr, sets the exit code. The logic is in
 * cli/run.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli/run';
import { runXlsxJob, type XlsxJob } from './cli/xlsx';

const APP_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const modelsDir = new URL('../../models/', import.meta.url);

const xlsxJobs: XlsxJob[] = [];
const code = runCli(process.argv.slice(2), {
  exportXlsx: (job) => void xlsxJobs.push(job),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: (path) => readFileSync(path, 'utf8'),
  defaults: {
    modelFile: fileURLToPath(new URL('noord-limburg.json', modelsDir)),
    scenarioFile: fileURLToPath(new URL('scenarios/ongewijzigd-beleid.json', modelsDir)),
  },
});
process.exitCode = code;
// --xlsx: the workbook is written after the table (ExcelJS writes asynchronously).
for (const job of xlsxJobs) {
  const written = await runXlsxJob(job, APP_VERSION, (text) => process.stderr.write(text));
  if (written !== 0) process.exitCode = written;
}
