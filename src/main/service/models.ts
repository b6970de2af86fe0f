import { parseModel, parseScenario } from '../../shared/formats/validate';
import { issuesToText, makeIssue, type ValidationIssue } from '../../shared/formats/issues';
import { UserError } from '../errors';
import { findModel, insertModel, listModels, softDeleteModel, updateModel } from '../storage/modelsRepo';
import { scenariosOfModel } from '../storage/scenariosRepo';
import { conflict, notFound, requireRevision, stampOf, storageOf, type HandlerMap } from './context';

export const modelHandlers: HandlerMap<'models.list' | 'models.get' | 'models.save' | 'models.delete'> = {
  'models.list': (_req, ctx) => listModels(storageOf(ctx).db),

  'models.get': (req, ctx) => findModel(storageOf(ctx).db, req.id) ?? notFound('Model', req.id),

  'models.save': (req, ctx) => {
    const { db } = storageOf(ctx);
    const parsed = parseModel(req.model);
    if (!parsed.ok)
      throw new UserError('validation', `Het model is niet opgeslagen:\n${issuesToText(parsed.issues)}`, parsed.issues);
    const model = parsed.value;
    const at = stampOf(ctx).at;
    if (req.id === undefined) return db.transaction(() => insertModel(db, model, at))();

    const basedOn = requireRevision('Model', req.id, req.revision);
    const existing = findModel(db, req.id) ?? notFound('Model', req.id);
    if (existing.revision !== basedOn)
      conflict('Model', existing.name, existing.revision, basedOn, 'uw versie bewaren als nieuw model');
    // A changed model must still fit every scenario built on it (removed segments, shortened years).
    const issues: ValidationIssue[] = [];
    for (const s of scenariosOfModel(db, req.id)) {
      const check = parseScenario(s.scenario, model);
      if (!check.ok) for (const i of check.issues) issues.push(makeIssue(`scenario "${s.name}": ${i.path}`, i.problem));
    }
    if (issues.length > 0) {
      throw new UserError(
        'validation',
        `Het model is niet opgeslagen: het past niet meer bij bestaande scenario's:\n${issuesToText(issues)}`,
        issues,
      );
    }
    return db.transaction(() => {
      const saved = updateModel(db, req.id!, model, at, basedOn);
      if (saved) return saved;
      const now = findModel(db, req.id!) ?? notFound('Model', req.id!);
      return conflict('Model', now.name, now.revision, basedOn, 'uw versie bewaren als nieuw model');
    })();
  },

  'models.delete': (req, ctx) => {
    const { db } = storageOf(ctx);
    const record = findModel(db, req.id) ?? notFound('Model', req.id);
    const live = scenariosOfModel(db, req.id);
    if (live.length > 0) {
      throw new UserError(
        'validation',
        `Model "${record.name}" heeft nog ${live.length} scenario${live.length === 1 ? '' : "'s"} (${live.map((s) => s.name).join(', ')}); verwijder die eerst.`,
      );
    }
    db.transaction(() => softDeleteModel(db, req.id, stampOf(ctx).at))();
    return { deleted: true };
  },
};
