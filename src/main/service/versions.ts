import { parseScenario } from '../../shared/formats/validate';
import { issuesToText } from '../../shared/formats/issues';
import { UserError } from '../errors';
import { findModel } from '../storage/modelsRepo';
import { findScenario, isScenarioDeleted, updateScenario } from '../storage/scenariosRepo';
import { findVersion, listVersions } from '../storage/versionsRepo';
import { freezeVersion, resultsDiffer } from '../storage/versioning';
import { notFound, stampOf, storageOf, type HandlerMap } from './context';
import { simulateOffThread } from './simulate';

export const versionHandlers: HandlerMap<'versions.list' | 'versions.get' | 'versions.create' | 'versions.restore'> = {
  'versions.list': (req, ctx) => {
    const { db } = storageOf(ctx);
    if (isScenarioDeleted(db, req.scenarioId) === undefined) notFound('Scenario', req.scenarioId);
    return listVersions(db, req.scenarioId);
  },

  /** The stored result is what was presented; today's engine recomputes the same inputs next to it. */
  'versions.get': async (req, ctx) => {
    const stored = findVersion(storageOf(ctx).db, req.id) ?? notFound('Versie', req.id);
    const recomputed = await simulateOffThread(ctx, stored.model, stored.scenario);
    return { ...stored, recomputed, differs: resultsDiffer(stored.result, recomputed) };
  },

  'versions.create': async (req, ctx) => {
    const { db } = storageOf(ctx);
    const current = findScenario(db, req.scenarioId) ?? notFound('Scenario', req.scenarioId);
    const model = findModel(db, current.modelId) ?? notFound('Model', current.modelId);
    const note = req.note === '' ? undefined : req.note;
    // The version freezes the working copy as read here, with the result of exactly those inputs.
    const result = await simulateOffThread(ctx, model.model, current.scenario);
    return db.transaction(() => {
      if (!findScenario(db, current.id)) notFound('Scenario', current.id); // deleted while the result was computed
      return freezeVersion(db, current.id, model.model, current.scenario, 'manual', note, stampOf(ctx), result);
    })();
  },

  'versions.restore': (req, ctx) => {
    const { db } = storageOf(ctx);
    const version = findVersion(db, req.id) ?? notFound('Versie', req.id);
    const current = findScenario(db, version.scenarioId);
    if (!current) {
      throw new UserError('validation', `Scenario ${version.scenarioId} is verwijderd; zet het eerst terug voordat u een versie herstelt.`);
    }
    const model = findModel(db, current.modelId) ?? notFound('Model', current.modelId);
    // The model may have changed since; the old inputs must still fit it.
    const check = parseScenario(version.scenario, model.model);
    if (!check.ok) {
      throw new UserError(
        'validation',
        `Deze versie past niet meer bij het huidige model "${model.name}" en is niet hersteld:\n${issuesToText(check.issues)}`,
        check.issues,
      );
    }
    const stamp = stampOf(ctx);
    return db.transaction(() => {
      freezeVersion(db, current.id, model.model, current.scenario, 'before-restore', `vóór herstel van de versie van ${version.createdAt}`, stamp);
      updateScenario(db, current.id, check.value, stamp.at);
      return findScenario(db, current.id)!;
    })();
  },
};
