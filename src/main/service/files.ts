import { exportModelFile, exportScenarioFile } from '../files/export';
import { importModelFile, importScenarioFile, validateScenarioFile } from '../files/import';
import { findModel } from '../storage/modelsRepo';
import { findScenario } from '../storage/scenariosRepo';
import { UserError } from '../errors';
import { notFound, stampOf, storageOf, type HandlerMap } from './context';
import { SIMULATE_IN_WORKER_FROM, simulateOffThread, simulateWork } from './simulate';

/**
 * From this many characters a model file is parsed and validated in a job worker. Measured on the
 * service's thread (2 shared cores): a 19,4 MiB file of 16.947 segments parses in 48–102 ms and
 * validates in 52–128 ms, 186–784 ms together under load; through the worker the longest stall of the
 * service's thread during that import is 12–39 ms (handing the text over, storing the model). A 1 MiB
 * file takes under 10 ms: less than starting a worker.
 */
export const IMPORT_MODEL_IN_WORKER_FROM = 1024 * 1024;

export const fileHandlers: HandlerMap<
  'files.importModel' | 'files.importScenario' | 'files.exportModel' | 'files.exportScenario'
> = {
  /** A large file is parsed and validated in a job worker (see IMPORT_MODEL_IN_WORKER_FROM). */
  'files.importModel': async (req, ctx) => {
    const { db } = storageOf(ctx);
    if (req.content.length < IMPORT_MODEL_IN_WORKER_FROM)
      return importModelFile(db, req.content, req.fileName, stampOf(ctx));
    const checked = await ctx.jobs.run(
      'files.importModel',
      { content: req.content, ...(req.fileName !== undefined ? { fileName: req.fileName } : {}) },
      ctx.signal,
    );
    if (!checked.ok) throw new UserError('validation', checked.message, checked.issues);
    return importModelFile(db, req.content, req.fileName, stampOf(ctx), checked.model);
  },
  /** The version the import makes: for a large model its result is computed in a job worker first. */
  'files.importScenario': async (req, ctx) => {
    const { db } = storageOf(ctx);
    const model = findModel(db, req.modelId) ?? notFound('Model', req.modelId);
    if (simulateWork(model.model) < SIMULATE_IN_WORKER_FROM)
      return importScenarioFile(db, req.modelId, req.content, req.fileName, stampOf(ctx));
    const scenario = validateScenarioFile(req.content, model.model, req.fileName);
    const result = await simulateOffThread(ctx, model.model, scenario);
    // read and checked again after the wait; the result is used only if model and scenario are still the same
    return importScenarioFile(db, req.modelId, req.content, req.fileName, stampOf(ctx), {
      model: model.model,
      scenario,
      result,
    });
  },
  'files.exportModel': (req, ctx) => exportModelFile(findModel(storageOf(ctx).db, req.id) ?? notFound('Model', req.id)),
  'files.exportScenario': (req, ctx) =>
    exportScenarioFile(findScenario(storageOf(ctx).db, req.id) ?? notFound('Scenario', req.id)),
};
