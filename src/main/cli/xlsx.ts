/**
 * `--xlsx FILE [--scope region|all|GEMEENTE] [--unit euro|duizend] [--begrotingsjaar JAAR]` for
 * `npm run simulate`: writes the begrotingsbijlage of the loaded model and
 * scenario. With `--montecarlo N [--seed S]` the workbook gets the sheet
 * Onzekerheid, with `--tornado` the sheet Gevoeligheid. The checks are synchronous (runCli reports them with exit code 2);
 * the writing is asynchronous and is awaited by cli.ts (see XlsxJob).
 */
import { writeFile } from 'node:fs/promises';
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import { MIN_EXPORT_DRAWS } from '../../shared/api';
import { checkBegrotingsjaar, exportBijlage, type ExportAnalysisOptions } from '../excel/exportBijlage';
import type { BijlageAnalysis } from '../excel/bijlage';
import type { AmountUnit } from '../excel/styles';
import type { CliOptions } from './args';
import type { MonteCarloResult } from '../../shared/analysis/montecarlo';
import type { TornadoResult } from '../../shared/analysis/tornado';

export interface XlsxJob {
  file: string;
  model: Model;
  scenario: Scenario;
  scope: string;
  unit: AmountUnit;
  /** from --begrotingsjaar (default in exportBijlage: the year after today's) */
  begrotingsjaar?: number;
  /** from --montecarlo/--seed and --tornado */
  analysis?: ExportAnalysisOptions;
  /** the Monte Carlo and tornado the CLI already ran for its own output (see withComputedAnalysis) */
  computed?: BijlageAnalysis;
}

/** Dutch problems with the Excel options, or the job to run. */
export function planXlsx(options: CliOptions, model: Model, scenario: Scenario): { errors: string[]; job?: XlsxJob } {
  const errors: string[] = [];
  if (options.xlsx === undefined) {
    if (options.scope !== undefined) errors.push('--scope: alleen samen met --xlsx BESTAND');
    if (options.unit !== undefined) errors.push('--unit: alleen samen met --xlsx BESTAND');
    if (options.begrotingsjaar !== undefined) errors.push('--begrotingsjaar: alleen samen met --xlsx BESTAND');
    return { errors };
  }
  const scope = options.scope ?? 'region';
  if (scope !== 'region' && scope !== 'all' && !model.gemeenten.some((g) => g.id === scope)) {
    errors.push(
      `--scope: ${JSON.stringify(scope)} is geen region, all of gemeente-id van dit model (${model.gemeenten.map((g) => g.id).join(', ')})`,
    );
  }
  const ext = options.xlsx.toLowerCase().endsWith('.zip')
    ? 'zip'
    : options.xlsx.toLowerCase().endsWith('.xlsx')
      ? 'xlsx'
      : undefined;
  if (scope === 'all' && ext !== 'zip')
    errors.push(
      `--xlsx: bij --scope all komt er één werkmap per gemeente plus de regio in een zip; geef een bestandsnaam op .zip (kreeg ${JSON.stringify(options.xlsx)})`,
    );
  if (scope !== 'all' && ext !== 'xlsx')
    errors.push(`--xlsx: geef een bestandsnaam op .xlsx (kreeg ${JSON.stringify(options.xlsx)})`);
  if (options.montecarlo !== undefined && options.montecarlo < MIN_EXPORT_DRAWS) {
    errors.push(
      `--montecarlo: voor de Excel-bijlage minstens ${MIN_EXPORT_DRAWS} trekkingen (kreeg ${options.montecarlo}); met minder rusten P10 en P90 op een handvol trekkingen`,
    );
  }
  const yearProblem = checkBegrotingsjaar(options.begrotingsjaar, model);
  if (yearProblem) errors.push(`--begrotingsjaar: ${yearProblem}`);
  if (errors.length > 0) return { errors };
  const analysis: ExportAnalysisOptions = {
    ...(options.montecarlo !== undefined
      ? { montecarlo: { draws: options.montecarlo, ...(options.seed !== undefined ? { seed: options.seed } : {}) } }
      : {}),
    ...(options.tornado ? { tornado: {} } : {}),
  };
  const withAnalysis = analysis.montecarlo || analysis.tornado ? { analysis } : {};
  const year = options.begrotingsjaar !== undefined ? { begrotingsjaar: options.begrotingsjaar } : {};
  return {
    errors,
    job: { file: options.xlsx, model, scenario, scope, unit: options.unit ?? 'euro', ...year, ...withAnalysis },
  };
}

/**
 * Hands the job the results the CLI printed: with --montecarlo and --tornado
 * the same draws (same count and seed) and the same tornado go into the
 * workbook, computed once.
 */
export function withComputedAnalysis(
  job: XlsxJob,
  results: { montecarlo?: MonteCarloResult; tornado?: TornadoResult },
): XlsxJob {
  const computed: BijlageAnalysis = {
    ...(job.analysis?.montecarlo && results.montecarlo ? { montecarlo: [results.montecarlo] } : {}),
    ...(job.analysis?.tornado && results.tornado ? { tornado: [results.tornado] } : {}),
  };
  return computed.montecarlo || computed.tornado ? { ...job, computed } : job;
}

/** Writes the workbook; returns the exit code (0, or 1 when writing failed) after telling the user. */
export async function runXlsxJob(job: XlsxJob, appVersion: string, stderr: (text: string) => void): Promise<number> {
  try {
    const file = await exportBijlage({
      model: job.model,
      scenarios: [job.scenario],
      scope: job.scope,
      unit: job.unit,
      appVersion,
      ...(job.begrotingsjaar !== undefined ? { begrotingsjaar: job.begrotingsjaar } : {}),
      ...(job.analysis ? { analysis: job.analysis } : {}),
      ...(job.computed ? { computedAnalysis: job.computed } : {}),
    });
    await writeFile(job.file, file.data);
    const extra = [
      job.analysis?.montecarlo ? 'Onzekerheid' : undefined,
      job.analysis?.tornado ? 'Gevoeligheid' : undefined,
    ].filter(Boolean);
    const sheets = extra.length > 0 ? `, met ${extra.join(' en ')}` : '';
    stderr(`Begrotingsbijlage geschreven: ${job.file} (${Math.round(file.data.length / 1024)} kB${sheets})\n`);
    return 0;
  } catch (err) {
    stderr(
      `Fout: --xlsx: ${JSON.stringify(job.file)} kon niet worden geschreven: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
}
