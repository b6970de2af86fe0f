/**
 * `npm run simulate`: runs the engine from the command line. The edge: reads
 * argv and files, writes stdout/stderr, sets the exit code. The logic is in
 * cli/run.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli/run';

const modelsDir = new URL('../../models/', import.meta.url);

const code = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: (path) => readFileSync(path, 'utf8'),
  defaults: {
    modelFile: fileURLToPath(new URL('noord-limburg.json', modelsDir)),
    scenarioFile: fileURLToPath(new URL('scenarios/ongewijzigd-beleid.json', modelsDir)),
  },
});
process.exitCode = code;
