import { exportModelFile, exportScenarioFile } from '../files/export';
import { importModelFile, importScenarioFile } from '../files/import';
import { findModel } from '../storage/modelsRepo';
import { findScenario } from '../storage/scenariosRepo';
import { notFound, stampOf, storageOf, type HandlerMap } from './context';

export const fileHandlers: HandlerMap<'files.importModel' | 'files.importScenario' | 'files.exportModel' | 'files.exportScenario'> = {
  'files.importModel': (req, ctx) => importModelFile(storageOf(ctx).db, req.content, req.fileName, stampOf(ctx)),
  'files.importScenario': (req, ctx) => importScenarioFile(storageOf(ctx).db, req.modelId, req.content, req.fileName, stampOf(ctx)),
  'files.exportModel': (req, ctx) => exportModelFile(findModel(storageOf(ctx).db, req.id) ?? notFound('Model', req.id)),
  'files.exportScenario': (req, ctx) => exportScenarioFile(findScenario(storageOf(ctx).db, req.id) ?? notFound('Scenario', req.id)),
};
