/**
 * The long work of the service, as plain functions of plain data: what a job
 * worker runs (see worker.ts and runner.ts). Nothing here touches storage —
 * the service reads the model and scenarios on its own thread, hands them
 * over, and stores what comes back. Inputs and outputs must survive a
 * structured clone (no class instances, no functions).
 */
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import type { ValidationIssue } from '../../shared/formats/issues';
import type { SimulationResult } from '../../shared/engine/result';
import { simulate } from '../../shared/engine/simulate';
import {
  exportBijlage,
  ExportError,
  type ExportAnalysisOptions,
  type ExportMutatiesReference,
  type ExportReference,
} from '../excel/exportBijlage';
import { exportTemplate } from '../excel/template';
import { importModelWorkbook } from '../excel/importModel';
import type { AmountUnit } from '../excel/styles';
import { validateModelFile } from '../files/import';
import { UserError } from '../errors';
import type { VersionJson } from '../storage/versionsRepo';

/** A file as the contract carries it: binary content already base64 (done in the worker, not on the service's thread). */
export interface JobFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export interface JobInputs {
  'excel.exportBijlage': {
    model: Model;
    scenarios: Scenario[];
    scope: string;
    unit: AmountUnit;
    appVersion: string;
    /** ISO time stamp written in the workbook */
    generatedAt: string;
    analysis?: ExportAnalysisOptions;
    /** the reference of the sheet Mutaties */
    mutaties?: ExportMutatiesReference;
    begrotingsjaar?: number;
    /** the V/N reference: a version's stored result, or a scenario the worker runs */
    reference?: ExportReference;
  };
  'excel.template': { model?: Model };
  'excel.importModel': { base64: string; fileName?: string };
  simulate: { model: Model; scenario: Scenario };
  /** an automatic version of a large model: simulated and serialized in the worker (see autoVersion.ts) */
  'simulate.version': { model: Model; scenario: Scenario };
  /** the text of a large model file (JSON): parsed and validated off the service's thread */
  'files.importModel': { content: string; fileName?: string };
}

export interface JobOutputs {
  'excel.exportBijlage': JobFile;
  'excel.template': JobFile;
  'excel.importModel':
    { ok: true; model: Model; notices: string[] } | { ok: false; issues: ValidationIssue[]; notices: string[] };
  simulate: SimulationResult;
  /**
   * The JSON text of the version's model, scenario and result, made in the worker: the service stores
   * the text as it is (a result of the largest model is ≈ 121 MB of JSON; stringifying or cloning it as
   * an object would hold the service's thread for seconds).
   */
  'simulate.version': VersionJson;
  /** refused: the Dutch message and field issues of the UserError the same check gives on the service's thread */
  'files.importModel': { ok: true; model: Model } | { ok: false; message: string; issues?: ValidationIssue[] };
}

export type JobKind = keyof JobInputs;
export const JOB_KINDS: readonly JobKind[] = [
  'excel.exportBijlage',
  'excel.template',
  'excel.importModel',
  'simulate',
  'simulate.version',
  'files.importModel',
];

/**
 * Background work nobody waits for (the automatic version a save starts): at most one at a time, and
 * never started while a job somebody waits for is in line (runner.ts).
 */
export const BACKGROUND_KINDS: ReadonlySet<JobKind> = new Set<JobKind>(['simulate.version']);

/** Where a job is: a fraction 0..1 and the step in Dutch ("werkmap 3 van 8 schrijven"). */
export interface JobProgress {
  fraction: number;
  step: string;
}

/** A refusal meant for the user (bad choice of scope, options …): becomes a validation error, not an internal one. */
export class TaskRefusal extends Error {}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Tasks = { [K in JobKind]: (input: JobInputs[K], progress: (p: JobProgress) => void) => Promise<JobOutputs[K]> };

export const tasks: Tasks = {
  'excel.exportBijlage': async (input, progress) => {
    try {
      const file = await exportBijlage({
        model: input.model,
        scenarios: input.scenarios,
        scope: input.scope,
        unit: input.unit,
        appVersion: input.appVersion,
        generatedAt: new Date(input.generatedAt),
        ...(input.analysis ? { analysis: input.analysis } : {}),
        ...(input.mutaties ? { mutaties: input.mutaties } : {}),
        ...(input.begrotingsjaar !== undefined ? { begrotingsjaar: input.begrotingsjaar } : {}),
        ...(input.reference ? { reference: input.reference } : {}),
        onProgress: progress,
      });
      return { fileName: file.fileName, mimeType: file.mimeType, base64: file.data.toString('base64') };
    } catch (err) {
      if (err instanceof ExportError) throw new TaskRefusal(err.message);
      throw err;
    }
  },
  'excel.template': async (input) => {
    const file = await exportTemplate(input.model);
    return { fileName: file.fileName, mimeType: XLSX, base64: file.data.toString('base64') };
  },
  'excel.importModel': async (input) => importModelWorkbook(Buffer.from(input.base64, 'base64'), input.fileName),
  simulate: async (input) => simulate(input.model, input.scenario),
  'simulate.version': async (input) => ({
    modelJson: JSON.stringify(input.model),
    scenarioJson: JSON.stringify(input.scenario),
    resultJson: JSON.stringify(simulate(input.model, input.scenario)),
  }),
  'files.importModel': async (input) => {
    try {
      return { ok: true, model: validateModelFile(input.content, input.fileName) };
    } catch (err) {
      if (err instanceof UserError)
        return { ok: false, message: err.message, ...(err.issues ? { issues: err.issues } : {}) };
      throw err;
    }
  },
};

export function runTask<K extends JobKind>(
  kind: K,
  input: JobInputs[K],
  progress: (p: JobProgress) => void,
): Promise<JobOutputs[K]> {
  return tasks[kind](input, progress);
}
