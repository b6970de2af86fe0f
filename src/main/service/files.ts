import { exportModelFile, exportScenarioFile } from '../files/export';
import { importModelFile, importScenarioFile, validateScenarioFile } from '../files/import';
import { findModel } from '../storage/modelsRepo';
import { findScenario } from '../storage/scenariosRepo';
import { notFound, stampOf, storageOf, type HandlerMap } from './context';
import { SIMULATE_IN_WORKER_FROM, simulateOffThread, simulateWork } from './simulate';

export const fileHandlers: HandlerMap<'files.importModel' | 'files.importScenario' | 'files.exportModel' | 'files.exportScenario'> = {
  'files.importModel': (req, ctx) => importModelFile(storageOf(ctx).db, req.content, req.fileName, stampOf(ctx)),
  /** The version the import makes: for a large model its result is computed in a job worker first. */
  'files.importScenario': async (req, ctx) => {
    const { db } = storageOf(ctx);
    const model = findModel(db, req.modelId) ?? notFound('Model', req.modelId);
    if (simulateWork(model.model) < SIMULATE_IN_WORKER_FROM) return importScenarioFile(db, req.modelId, req.content, req.fileName, stampOf(ctx));
    const scenario = validateScenarioFile(req.content, model.model, req.fileName);
    const result = await simulateOffThread(ctx, model.model, scenario);
    // read and checked again after the wait; the result is used only if model and scenario are still the same
    return importScenarioFile(db, req.modelId, req.content, req.fileName, stampOf(ctx), { model: model.model, scenario, result });
  },
  'files.exportModel': (req, ctx) => exportModelFile(findModel(storageOf(ctx).db, req.id) ?? notFound('Model', req.id)),
  'files.exportScenario': (req, ctx) => exportScenarioFile(findScenario(storageOf(ctx).db, req.id) ?? notFound('Scenario', req.id)),
};
