/**
 * `--xlsx FILE [--scope region|all|GEMEENTE] [--unit euro|duizend]` for
 * `npm run simulate`: writes the begrotingsbijlage of the loaded model and
 * scenario. The checks are synchronous (runCli reports them with exit code 2);
 * the writing is asynchronous and is awaited by cli.ts (see XlsxJob).
 */
import { writeFile } from 'node:fs/promises';
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import { exportBijlage } from '../excel/exportBijlage';
import type { AmountUnit } from '../excel/styles';
import type { CliOptions } from './args';

export interface XlsxJob {
  file: string;
  model: Model;
  scenario: Scenario;
  scope: string;
  unit: AmountUnit;
}

/** Dutch problems with the Excel options, or the job to run. */
export function planXlsx(options: CliOptions, model: Model, scenario: Scenario): { errors: string[]; job?: XlsxJob } {
  const errors: string[] = [];
  if (options.xlsx === undefined) {
    if (options.scope !== undefined) errors.push('--scope: alleen samen met --xlsx BESTAND');
    if (options.unit !== undefined) errors.push('--unit: alleen samen met --xlsx BESTAND');
    return { errors };
  }
  const scope = options.scope ?? 'region';
  if (scope !== 'region' && scope !== 'all' && !model.gemeenten.some((g) => g.id === scope)) {
    errors.push(`--scope: ${JSON.stringify(scope)} is geen region, all of gemeente-id van dit model (${model.gemeenten.map((g) => g.id).join(', ')})`);
  }
  const ext = options.xlsx.toLowerCase().endsWith('.zip') ? 'zip' : options.xlsx.toLowerCase().endsWith('.xlsx') ? 'xlsx' : undefined;
  if (scope === 'all' && ext !== 'zip') errors.push(`--xlsx: bij --scope all komt er één werkmap per gemeente plus de regio in een zip; geef een bestandsnaam op .zip (kreeg ${JSON.stringify(options.xlsx)})`);
  if (scope !== 'all' && ext !== 'xlsx') errors.push(`--xlsx: geef een bestandsnaam op .xlsx (kreeg ${JSON.stringify(options.xlsx)})`);
  if (errors.length > 0) return { errors };
  return { errors, job: { file: options.xlsx, model, scenario, scope, unit: options.unit ?? 'euro' } };
}

/** Writes the workbook; returns the exit code (0, or 1 when writing failed) after telling the user. */
export async function runXlsxJob(job: XlsxJob, appVersion: string, stderr: (text: string) => void): Promise<number> {
  try {
    const file = await exportBijlage({ model: job.model, scenarios: [job.scenario], scope: job.scope, unit: job.unit, appVersion });
    await writeFile(job.file, file.data);
    stderr(`Begrotingsbijlage geschreven: ${job.file} (${Math.round(file.data.length / 1024)} kB)\n`);
    return 0;
  } catch (err) {
    stderr(`Fout: --xlsx: ${JSON.stringify(job.file)} kon niet worden geschreven: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
