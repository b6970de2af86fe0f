import { parseScenario } from '../../shared/formats/validate';
import { issuesToText } from '../../shared/formats/issues';
import { UserError } from '../errors';
import { findModel } from '../storage/modelsRepo';
import { findScenario, isScenarioDeleted, updateScenario } from '../storage/scenariosRepo';
import { findVastgesteld, findVersion, listVersions, setVastgesteld } from '../storage/versionsRepo';
import { freezeVersion, resultsDiffer } from '../storage/versioning';
import { notFound, stampOf, storageOf, type HandlerMap } from './context';
import type { SimulationResult } from '../../shared/engine/result';
import { sameInputs, SIMULATE_IN_WORKER_FROM, simulateOffThread, simulateWork } from './simulate';

export const versionHandlers: HandlerMap<
  | 'versions.list'
  | 'versions.get'
  | 'versions.create'
  | 'versions.restore'
  | 'versions.setVastgesteld'
  | 'versions.findVastgesteld'
> = {
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

  /**
   * The working copy is kept as a 'before-restore' version first. For a large model the result of
   * that version is computed in a job worker; should the working copy or the model change while it
   * runs, everything is read and checked again and the result computed for what is there then.
   */
  'versions.restore': async (req, ctx) => {
    const { db } = storageOf(ctx);
    const prepare = () => {
      const version = findVersion(db, req.id) ?? notFound('Versie', req.id);
      const current = findScenario(db, version.scenarioId);
      if (!current) {
        throw new UserError(
          'validation',
          `Scenario ${version.scenarioId} is verwijderd; zet het eerst terug voordat u een versie herstelt.`,
        );
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
      return { version, current, model, restored: check.value };
    };
    let p = prepare();
    let computed: SimulationResult | undefined;
    if (simulateWork(p.model.model) >= SIMULATE_IN_WORKER_FROM) {
      const result = await simulateOffThread(ctx, p.model.model, p.current.scenario);
      const again = prepare();
      if (sameInputs(again.current.scenario, p.current.scenario) && sameInputs(again.model.model, p.model.model))
        computed = result;
      p = again;
    }
    const { version, current, model, restored } = p;
    const stamp = stampOf(ctx);
    return db.transaction(() => {
      freezeVersion(
        db,
        current.id,
        model.model,
        current.scenario,
        'before-restore',
        `vóór herstel van de versie van ${version.createdAt}`,
        stamp,
        computed,
      );
      updateScenario(db, current.id, restored, stamp.at);
      return findScenario(db, current.id)!;
    })();
  },

  /** At most one vastgestelde version per model: marking one unmarks the other (one transaction). */
  'versions.setVastgesteld': (req, ctx) => {
    const { db } = storageOf(ctx);
    return setVastgesteld(db, req.id, req.vastgesteld) ?? notFound('Versie', req.id);
  },

  'versions.findVastgesteld': (req, ctx) => {
    const { db } = storageOf(ctx);
    if (!findModel(db, req.modelId)) notFound('Model', req.modelId);
    return findVastgesteld(db, req.modelId) ?? null;
  },
};
