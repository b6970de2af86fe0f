import { parseScenario } from '../../shared/formats/validate';
import { issuesToText } from '../../shared/formats/issues';
import { UserError } from '../errors';
import { findModel } from '../storage/modelsRepo';
import {
  findScenario,
  insertScenario,
  isScenarioDeleted,
  listScenarios,
  setScenarioDeleted,
  updateScenario,
} from '../storage/scenariosRepo';
import { conflict, notFound, requireRevision, stampOf, storageOf, type HandlerMap } from './context';
import { autoVersionInline, autoVersionOffThread } from './autoVersion';

type ScenarioMethods =
  | 'scenarios.list'
  | 'scenarios.get'
  | 'scenarios.save'
  | 'scenarios.duplicate'
  | 'scenarios.delete'
  | 'scenarios.undelete';

export const scenarioHandlers: HandlerMap<ScenarioMethods> = {
  'scenarios.list': (req, ctx) => {
    const { db } = storageOf(ctx);
    if (!findModel(db, req.modelId)) notFound('Model', req.modelId);
    return listScenarios(db, req.modelId);
  },

  'scenarios.get': (req, ctx) => findScenario(storageOf(ctx).db, req.id) ?? notFound('Scenario', req.id),

  /**
   * Autosave: the working copy is replaced on every call; an automatic version
   * is added at most every AUTO_VERSION_INTERVAL_MS, so history exists without
   * explicit saves (for a large model computed in a job worker after the save
   * has answered: see autoVersion.ts).
   */
  'scenarios.save': (req, ctx) => {
    const { db } = storageOf(ctx);
    const model = findModel(db, req.modelId) ?? notFound('Model', req.modelId);
    const parsed = parseScenario(req.scenario, model.model);
    if (!parsed.ok) {
      throw new UserError(
        'validation',
        `Het scenario is niet opgeslagen:\n${issuesToText(parsed.issues)}`,
        parsed.issues,
      );
    }
    const scenario = parsed.value;
    const stamp = stampOf(ctx);
    const basedOn = req.id === undefined ? undefined : requireRevision('Scenario', req.id, req.revision);
    if (req.id !== undefined) {
      const existing = findScenario(db, req.id) ?? notFound('Scenario', req.id);
      if (existing.modelId !== req.modelId) {
        throw new UserError(
          'validation',
          `Scenario ${req.id} hoort bij model ${existing.modelId}, niet bij model ${req.modelId}.`,
        );
      }
      if (existing.revision !== basedOn)
        conflict('Scenario', existing.name, existing.revision, basedOn!, 'uw versie bewaren als nieuw scenario');
    }
    const record = db.transaction(() => {
      const saved =
        req.id === undefined
          ? insertScenario(db, req.modelId, scenario, stamp.at)
          : updateScenario(db, req.id, scenario, stamp.at, basedOn);
      if (!saved) {
        // changed or deleted between the check above and here (another process)
        const now = findScenario(db, req.id ?? 0) ?? notFound('Scenario', req.id ?? 0);
        return conflict('Scenario', now.name, now.revision, basedOn!, 'uw versie bewaren als nieuw scenario');
      }
      autoVersionInline(db, { scenarioId: saved.id, model: model.model, scenario, stamp });
      return findScenario(db, saved.id)!;
    })();
    void autoVersionOffThread(ctx, db, { scenarioId: record.id, model: model.model, scenario, stamp });
    return record;
  },

  'scenarios.duplicate': (req, ctx) => {
    const { db } = storageOf(ctx);
    const source = findScenario(db, req.id) ?? notFound('Scenario', req.id);
    const model = findModel(db, source.modelId) ?? notFound('Model', source.modelId);
    const scenario = { ...source.scenario, name: req.name };
    const stamp = stampOf(ctx);
    const note = `kopie van "${source.name}"`;
    const record = db.transaction(() => {
      const created = insertScenario(db, source.modelId, scenario, stamp.at);
      autoVersionInline(db, { scenarioId: created.id, model: model.model, scenario, stamp, note });
      return findScenario(db, created.id)!;
    })();
    void autoVersionOffThread(ctx, db, { scenarioId: record.id, model: model.model, scenario, stamp, note });
    return record;
  },

  'scenarios.delete': (req, ctx) => {
    const { db } = storageOf(ctx);
    if (!findScenario(db, req.id)) notFound('Scenario', req.id);
    db.transaction(() => setScenarioDeleted(db, req.id, stampOf(ctx).at))();
    return { deleted: true };
  },

  'scenarios.undelete': (req, ctx) => {
    const { db } = storageOf(ctx);
    const deleted = isScenarioDeleted(db, req.id);
    if (deleted === undefined) notFound('Scenario', req.id);
    if (deleted) db.transaction(() => setScenarioDeleted(db, req.id, null))();
    return findScenario(db, req.id) ?? notFound('Scenario', req.id);
  },
};
