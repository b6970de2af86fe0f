/**
 * Excel methods of the contract: the begrotingsbijlage, the budget template
 * and its import. Binary files travel as base64 (FileExport). The workbooks
 * are written and read in a job worker (../jobs): this thread only reads and
 * writes the database.
 */
import type { FileExport } from '../../shared/api';
import { issuesToText } from '../../shared/formats/issues';
import type { JobFile } from '../jobs/tasks';
import { UserError } from '../errors';
import { findModel, insertModel } from '../storage/modelsRepo';
import { findScenario } from '../storage/scenariosRepo';
import { findVersion } from '../storage/versionsRepo';
import type Database from 'better-sqlite3';
import { checkBegrotingsjaar, type ExportMutatiesReference, type ExportReference } from '../excel/exportBijlage';
import { defaultBegrotingsjaar } from '../../shared/years';
import { formatDateTime } from '../../shared/locale/dates';
import { notFound, stampOf, storageOf, type HandlerMap } from './context';

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

export const excelHandlers: HandlerMap<'excel.exportBijlage' | 'excel.template' | 'excel.importModel'> = {
  'excel.exportBijlage': async (req, ctx) => {
    const db = storageOf(ctx).db;
    const model = findModel(db, req.modelId) ?? notFound('Model', req.modelId);
    const scenarios = req.scenarioIds.map((sid) => {
      const s = findScenario(db, sid) ?? notFound('Scenario', sid);
      if (s.modelId !== req.modelId) {
        throw new UserError(
          'validation',
          `Scenario "${s.name}" (${sid}) hoort bij een ander model dan "${model.name}".`,
        );
      }
      return s.scenario;
    });
    const begrotingsjaar = req.begrotingsjaar ?? defaultBegrotingsjaar(model.model, ctx.now());
    const yearProblem = checkBegrotingsjaar(begrotingsjaar, model.model);
    if (yearProblem) throw new UserError('validation', yearProblem);
    let reference: ExportReference | undefined;
    const ref = req.reference;
    if (ref?.kind === 'scenario') {
      const s = findScenario(db, ref.scenarioId) ?? notFound('Scenario', ref.scenarioId);
      if (s.modelId !== req.modelId)
        throw new UserError(
          'validation',
          `Referentie: scenario "${s.name}" (${ref.scenarioId}) hoort bij een ander model dan "${model.name}".`,
        );
      reference = { label: `scenario "${s.name}"`, scenario: s.scenario };
    } else if (ref?.kind === 'version') {
      const v = findVersion(db, ref.versionId) ?? notFound('Versie', ref.versionId);
      const s = findScenario(db, v.scenarioId);
      if (!s || s.modelId !== req.modelId)
        throw new UserError(
          'validation',
          `Referentie: versie ${ref.versionId} hoort bij een scenario van een ander model dan "${model.name}".`,
        );
      const when = formatDateTime(new Date(v.createdAt));
      reference = { label: `versie van "${s.name}" van ${when}${v.note ? ` (${v.note})` : ''}`, result: v.result };
    }
    const file = await ctx.jobs.run(
      'excel.exportBijlage',
      {
        model: model.model,
        scenarios,
        scope: req.scope,
        unit: req.unit,
        appVersion: ctx.appVersion,
        generatedAt: ctx.now().toISOString(),
        ...(req.analysis ? { analysis: req.analysis } : {}),
        ...(req.mutaties ? { mutaties: mutatiesReference(db, req.modelId, model.name, req.mutaties) } : {}),
        begrotingsjaar,
        ...(reference ? { reference } : {}),
      },
      ctx.signal,
      req.jobKey,
    );
    return toFileExport(file);
  },

  'excel.template': async (req, ctx) => {
    const model =
      req.modelId === undefined
        ? undefined
        : (findModel(storageOf(ctx).db, req.modelId) ?? notFound('Model', req.modelId)).model;
    return toFileExport(await ctx.jobs.run('excel.template', model ? { model } : {}, ctx.signal, req.jobKey));
  },

  'excel.importModel': async (req, ctx) => {
    const db = storageOf(ctx).db;
    if (!BASE64.test(req.content))
      throw new UserError(
        'validation',
        'De inhoud van het bestand is niet als base64 doorgegeven; er is niets opgeslagen.',
      );
    const result = await ctx.jobs.run(
      'excel.importModel',
      { base64: req.content, ...(req.fileName !== undefined ? { fileName: req.fileName } : {}) },
      ctx.signal,
      req.jobKey,
    );
    if (!result.ok) {
      const who = req.fileName ? `Het sjabloon ${JSON.stringify(req.fileName)}` : 'Het sjabloon';
      const notices = result.notices.length > 0 ? `\n\nMeldingen:\n${result.notices.join('\n')}` : '';
      throw new UserError(
        'validation',
        `${who} is niet ingelezen; er is niets opgeslagen. Los deze punten op:\n${issuesToText(result.issues)}${notices}`,
        result.issues,
      );
    }
    const at = stampOf(ctx).at;
    const record = db.transaction(() => insertModel(db, result.model, at))();
    return { record, notices: result.notices };
  },
};

function toFileExport(file: JobFile): FileExport {
  return { fileName: file.fileName, mimeType: file.mimeType, content: file.base64, encoding: 'base64' };
}

/** The reference of the sheet Mutaties: a version or a scenario of the exported model, with its name. */
function mutatiesReference(
  db: Database.Database,
  modelId: number,
  modelName: string,
  ref: { versionId: number } | { scenarioId: number },
): ExportMutatiesReference {
  if ('versionId' in ref) {
    const v = findVersion(db, ref.versionId) ?? notFound('Versie', ref.versionId);
    const owner = findScenario(db, v.scenarioId);
    if (!owner || owner.modelId !== modelId)
      throw new UserError(
        'validation',
        `Versie ${ref.versionId} hoort niet bij een scenario van model "${modelName}".`,
      );
    const what = v.vastgesteld ? 'de vastgestelde begroting' : 'de versie';
    const note = v.note ? `${v.note}, ` : '';
    return {
      name: `${what} (${note}scenario ${owner.name}, ${v.createdAt.slice(0, 10)})`,
      model: v.model,
      scenario: v.scenario,
      result: v.result,
    };
  }
  const s = findScenario(db, ref.scenarioId) ?? notFound('Scenario', ref.scenarioId);
  if (s.modelId !== modelId)
    throw new UserError(
      'validation',
      `Scenario "${s.name}" (${ref.scenarioId}) hoort bij een ander model dan "${modelName}".`,
    );
  const model = findModel(db, modelId) ?? notFound('Model', modelId);
  return { name: `scenario ${s.name}`, model: model.model, scenario: s.scenario };
}
