/**
 * The CLI as a function: argv in, text out, exit code back. All I/O is passed
 * in (see cli.ts), so tests and other entry points can run it.
 *   0  success
 *   2  bad input: unknown flag, unreadable file, invalid JSON, invalid model or scenario
 */
import { simulate } from '../../shared/engine/simulate';
import { indexationWarning } from '../../shared/formats/starting';
import { runAnalysis } from './analysis';
import { helpText, parseArgs } from './args';
import { toCliJson } from './json';
import { loadInputs, type Defaults, type ReadText } from './load';
import { renderTable } from './table';
import { planXlsx, withComputedAnalysis, type XlsxJob } from './xlsx';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readText: ReadText;
  defaults: Defaults;
  /** receives the --xlsx job after all checks passed; cli.ts writes it (asynchronously) before exiting */
  exportXlsx?(job: XlsxJob): void;
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;

export function runCli(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv);
  if (!args.ok) {
    io.stderr(`${args.errors.map((e) => `Fout: ${e}`).join('\n')}\n\n${helpText()}\n`);
    return EXIT_BAD_INPUT;
  }
  const options = args.options;
  if (options.help) {
    io.stdout(`${helpText()}\n`);
    return EXIT_OK;
  }
  const loaded = loadInputs(options.modelFile, options.scenarioFile, io.defaults, io.readText);
  if (!loaded.ok) {
    io.stderr(`${loaded.errors.map((e) => `Fout: ${e}`).join('\n')}\n`);
    return EXIT_BAD_INPUT;
  }
  const { model, scenario, modelSource, scenarioSource } = loaded.value;
  // On stderr, so --json stays one clean document on stdout.
  const warning = indexationWarning(model, scenario);
  if (warning) io.stderr(`Let op: ${warning}\n`);
  const result = simulate(model, scenario);
  const analysis = runAnalysis(model, scenario, options);
  if (!analysis.ok) {
    io.stderr(`${analysis.errors.map((e) => `Fout: ${e}`).join('\n')}\n`);
    return EXIT_BAD_INPUT;
  }
  const xlsx = planXlsx(options, model, scenario);
  if (xlsx.errors.length > 0 || (xlsx.job && !io.exportXlsx)) {
    const errors = xlsx.errors.length > 0 ? xlsx.errors : ['--xlsx: Excel-export is hier niet beschikbaar'];
    io.stderr(`${errors.map((e) => `Fout: ${e}`).join('\n')}\n`);
    return EXIT_BAD_INPUT;
  }
  if (xlsx.job) io.exportXlsx!(withComputedAnalysis(xlsx.job, analysis));
  if (options.json) io.stdout(`${JSON.stringify({ ...toCliJson(result), ...analysis.json })}\n`);
  else
    io.stdout(
      renderTable(result, { modelName: model.name, scenarioName: scenario.name, modelSource, scenarioSource }) +
        analysis.text,
    );
  return EXIT_OK;
}
