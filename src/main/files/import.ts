import type Database from 'better-sqlite3';
import type { ModelRecord, ScenarioRecord } from '../../shared/api';
import type { Model } from '../../shared/formats/model';
import { isModelFormat } from '../../shared/formats/migrate';
import { SCENARIO_FORMAT, type Scenario } from '../../shared/formats/scenario';
import { parseModel, parseScenario } from '../../shared/formats/validate';
import { issuesToText } from '../../shared/formats/issues';
import { UserError } from '../errors';
import { findModel, insertModel } from '../storage/modelsRepo';
import { findScenario, insertScenario } from '../storage/scenariosRepo';
import { freezeVersion, type Stamp } from '../storage/versioning';
import { parseJsonText } from './jsonText';
import type { SimulationResult } from '../../shared/engine/result';

/**
 * Import: validate everything first, then write in one transaction. On any
 * problem a UserError with Dutch, field-level issues, and nothing saved.
 */
export function validateModelFile(content: string, fileName?: string): Model {
  const json = parseJsonText(content, fileName);
  if (formatOf(json) === SCENARIO_FORMAT) {
    throw new UserError(
      'validation',
      `${label(fileName)} is een scenariobestand, geen modelbestand. Importeer het als scenario.`,
    );
  }
  const parsed = parseModel(json);
  if (!parsed.ok) {
    throw new UserError(
      'validation',
      `${label(fileName)} is geen geldig model:\n${issuesToText(parsed.issues)}`,
      parsed.issues,
    );
  }
  return parsed.value;
}

export function validateScenarioFile(content: string, model: Model, fileName?: string): Scenario {
  const json = parseJsonText(content, fileName);
  if (isModelFormat(formatOf(json))) {
    throw new UserError(
      'validation',
      `${label(fileName)} is een modelbestand, geen scenariobestand. Importeer het als model.`,
    );
  }
  const parsed = parseScenario(json, model);
  if (!parsed.ok) {
    throw new UserError(
      'validation',
      `${label(fileName)} is geen geldig scenario voor model "${model.name}":\n${issuesToText(parsed.issues)}`,
      parsed.issues,
    );
  }
  return parsed.value;
}

export function importModelFile(
  db: Database.Database,
  content: string,
  fileName: string | undefined,
  stamp: Stamp,
  /** the model as validateModelFile gave it elsewhere (a job worker, for a large file) */
  validated?: Model,
): ModelRecord {
  const model = validated ?? validateModelFile(content, fileName);
  return db.transaction(() => insertModel(db, model, stamp.at))();
}

export function importScenarioFile(
  db: Database.Database,
  modelId: number,
  content: string,
  fileName: string | undefined,
  stamp: Stamp,
  /** the version's result as computed beforehand (off the service's thread) for this model and scenario; used only when both are still the same */
  computed?: { model: Model; scenario: Scenario; result: SimulationResult },
): ScenarioRecord {
  const model = findModel(db, modelId);
  if (!model) throw new UserError('not_found', `Model ${modelId} bestaat niet (meer).`);
  const scenario = validateScenarioFile(content, model.model, fileName);
  const result =
    computed && sameJson(computed.model, model.model) && sameJson(computed.scenario, scenario)
      ? computed.result
      : undefined;
  return db.transaction(() => {
    const created = insertScenario(db, modelId, scenario, stamp.at);
    // The imported state is history too: a version records what was received.
    freezeVersion(
      db,
      created.id,
      model.model,
      scenario,
      'auto',
      fileName ? `geïmporteerd uit ${fileName}` : 'geïmporteerd',
      stamp,
      result,
    );
    return findScenario(db, created.id)!;
  })();
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function formatOf(json: unknown): unknown {
  return json && typeof json === 'object' && !Array.isArray(json)
    ? (json as Record<string, unknown>).format
    : undefined;
}

function label(fileName: string | undefined): string {
  return fileName ? `Het bestand ${JSON.stringify(fileName)}` : 'Het bestand';
}
