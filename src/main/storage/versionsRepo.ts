import type Database from 'better-sqlite3';
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import { markKinds, type SimulationResult } from '../../shared/engine/result';
import { migrateModel } from '../../shared/formats/migrate';
import type { VersionSummary } from '../../shared/api';

export type VersionKind = VersionSummary['kind'];

interface VersionRow {
  id: number;
  scenario_id: number;
  created_at: string;
  kind: VersionKind;
  note: string | null;
  app_version: string;
  engine_version: string;
  vastgesteld: number;
}

interface VersionContentRow extends VersionRow {
  model_json: string;
  scenario_json: string;
  result_json: string;
}

export interface StoredVersion extends VersionSummary {
  model: Model;
  scenario: Scenario;
  result: SimulationResult;
}

/** A version's content as the JSON text stored (made in a job worker for a large model: stored as it is). */
export interface VersionJson {
  modelJson: string;
  scenarioJson: string;
  resultJson: string;
}

interface NewVersionMeta {
  scenarioId: number;
  kind: VersionKind;
  note?: string | undefined;
  appVersion: string;
  engineVersion: string;
  createdAt: string;
}

/** A version to store: its content as objects, or as JSON text already (`json`, not parsed nor stringified again). */
export type NewVersion = NewVersionMeta &
  ({ model: Model; scenario: Scenario; result: SimulationResult } | { json: VersionJson });

const SUMMARY_COLUMNS = 'id, scenario_id, created_at, kind, note, app_version, engine_version, vastgesteld';

function summary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    createdAt: row.created_at,
    ...(row.note ? { note: row.note } : {}),
    kind: row.kind,
    appVersion: row.app_version,
    engineVersion: row.engine_version,
    vastgesteld: row.vastgesteld === 1,
  };
}

/** Newest first. */
export function listVersions(db: Database.Database, scenarioId: number): VersionSummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM scenario_versions WHERE scenario_id = ? ORDER BY created_at DESC, id DESC`)
    .all(scenarioId) as VersionRow[];
  return rows.map(summary);
}

export function findVersion(db: Database.Database, id: number): StoredVersion | undefined {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, model_json, scenario_json, result_json FROM scenario_versions WHERE id = ?`)
    .get(id) as VersionContentRow | undefined;
  if (!row) return undefined;
  return {
    ...summary(row),
    model: migrateModel(JSON.parse(row.model_json)) as Model, // versions frozen before model@2 hold model@1
    scenario: JSON.parse(row.scenario_json) as Scenario,
    result: markKinds(JSON.parse(row.result_json) as SimulationResult), // results stored before realisatie have no kind
  };
}

export function insertVersion(db: Database.Database, v: NewVersion): VersionSummary {
  const json: VersionJson =
    'json' in v
      ? v.json
      : {
          modelJson: JSON.stringify(v.model),
          scenarioJson: JSON.stringify(v.scenario),
          resultJson: JSON.stringify(v.result),
        };
  const info = db
    .prepare(
      `INSERT INTO scenario_versions (scenario_id, created_at, kind, note, model_json, scenario_json, result_json, app_version, engine_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      v.scenarioId,
      v.createdAt,
      v.kind,
      v.note ?? null,
      json.modelJson,
      json.scenarioJson,
      json.resultJson,
      v.appVersion,
      v.engineVersion,
    );
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM scenario_versions WHERE id = ?`)
    .get(Number(info.lastInsertRowid)) as VersionRow;
  return summary(row);
}

/** When the newest version of any kind was made, for the autosave interval. */
export function lastVersionAt(db: Database.Database, scenarioId: number): string | undefined {
  const row = db
    .prepare('SELECT MAX(created_at) AS at FROM scenario_versions WHERE scenario_id = ?')
    .get(scenarioId) as { at: string | null };
  return row.at ?? undefined;
}

/**
 * Marks a version vastgesteld (the begroting the raad adopted) or unmarks it. At most one version per
 * model is vastgesteld: marking one unmarks any other version of any scenario of the same model, in the
 * same transaction. Undefined when there is no such version.
 */
export function setVastgesteld(db: Database.Database, id: number, on: boolean): VersionSummary | undefined {
  return db.transaction(() => {
    const row = db
      .prepare(
        'SELECT s.model_id AS modelId FROM scenario_versions v JOIN scenarios s ON s.id = v.scenario_id WHERE v.id = ?',
      )
      .get(id) as { modelId: number } | undefined;
    if (!row) return undefined;
    if (on)
      db.prepare(
        'UPDATE scenario_versions SET vastgesteld = 0 WHERE vastgesteld = 1 AND scenario_id IN (SELECT id FROM scenarios WHERE model_id = ?)',
      ).run(row.modelId);
    db.prepare('UPDATE scenario_versions SET vastgesteld = ? WHERE id = ?').run(on ? 1 : 0, id);
    const updated = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM scenario_versions WHERE id = ?`).get(id) as VersionRow;
    return summary(updated);
  })();
}

/** The version of this model marked vastgesteld, with its scenario's name (scenarios not deleted only). */
export function findVastgesteld(
  db: Database.Database,
  modelId: number,
): (VersionSummary & { scenarioName: string }) | undefined {
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS.split(', ')
        .map((c) => `v.${c}`)
        .join(', ')}, s.name AS scenario_name FROM scenario_versions v JOIN scenarios s ON s.id = v.scenario_id
       WHERE s.model_id = ? AND s.deleted_at IS NULL AND v.vastgesteld = 1 ORDER BY v.id DESC LIMIT 1`,
    )
    .get(modelId) as (VersionRow & { scenario_name: string }) | undefined;
  return row ? { ...summary(row), scenarioName: row.scenario_name } : undefined;
}
