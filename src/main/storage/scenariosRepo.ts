import type Database from 'better-sqlite3';
import type { Scenario } from '../../shared/formats/scenario';
import type { ScenarioRecord, ScenarioSummary } from '../../shared/api';

interface ScenarioRow {
  id: number;
  model_id: number;
  name: string;
  description: string | null;
  json: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  revision: number;
  version_count: number;
}

const SELECT = `SELECT s.id, s.model_id, s.name, s.description, s.json, s.created_at, s.updated_at, s.deleted_at, s.revision,
  (SELECT COUNT(*) FROM scenario_versions v WHERE v.scenario_id = s.id) AS version_count
  FROM scenarios s`;

function summary(row: ScenarioRow): ScenarioSummary {
  return {
    id: row.id,
    modelId: row.model_id,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    updatedAt: row.updated_at,
    revision: row.revision,
    versionCount: row.version_count,
  };
}

function record(row: ScenarioRow): ScenarioRecord {
  return { ...summary(row), scenario: JSON.parse(row.json) as Scenario, createdAt: row.created_at };
}

export function listScenarios(db: Database.Database, modelId: number): ScenarioSummary[] {
  const rows = db
    .prepare(`${SELECT} WHERE s.model_id = ? AND s.deleted_at IS NULL ORDER BY s.name, s.id`)
    .all(modelId) as ScenarioRow[];
  return rows.map(summary);
}

/** Live scenarios of a model, with their content (to re-validate them against a changed model). */
export function scenariosOfModel(db: Database.Database, modelId: number): ScenarioRecord[] {
  const rows = db
    .prepare(`${SELECT} WHERE s.model_id = ? AND s.deleted_at IS NULL ORDER BY s.id`)
    .all(modelId) as ScenarioRow[];
  return rows.map(record);
}

export function findScenario(
  db: Database.Database,
  id: number,
  options: { includeDeleted?: boolean } = {},
): ScenarioRecord | undefined {
  const row = db
    .prepare(`${SELECT} WHERE s.id = ?${options.includeDeleted ? '' : ' AND s.deleted_at IS NULL'}`)
    .get(id) as ScenarioRow | undefined;
  return row ? record(row) : undefined;
}

export function isScenarioDeleted(db: Database.Database, id: number): boolean | undefined {
  const row = db.prepare('SELECT deleted_at FROM scenarios WHERE id = ?').get(id) as
    { deleted_at: string | null } | undefined;
  return row ? row.deleted_at !== null : undefined;
}

/** The scenario must already be validated against its model (parseScenario). */
export function insertScenario(db: Database.Database, modelId: number, scenario: Scenario, at: string): ScenarioRecord {
  const info = db
    .prepare(
      'INSERT INTO scenarios (model_id, name, description, json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(modelId, scenario.name, scenario.description ?? null, JSON.stringify(scenario), at, at);
  return findScenario(db, Number(info.lastInsertRowid))!;
}

/** Replaces the working copy and raises its revision by one; with basedOn, only when the stored revision is still that one. */
export function updateScenario(
  db: Database.Database,
  id: number,
  scenario: Scenario,
  at: string,
  basedOn?: number,
): ScenarioRecord | undefined {
  const info = db
    .prepare(
      'UPDATE scenarios SET name = ?, description = ?, json = ?, updated_at = ?, revision = revision + 1 ' +
        'WHERE id = ? AND deleted_at IS NULL AND (? IS NULL OR revision = ?)',
    )
    .run(
      scenario.name,
      scenario.description ?? null,
      JSON.stringify(scenario),
      at,
      id,
      basedOn ?? null,
      basedOn ?? null,
    );
  return info.changes === 1 ? findScenario(db, id) : undefined;
}

export function setScenarioDeleted(db: Database.Database, id: number, deletedAt: string | null): boolean {
  return db.prepare('UPDATE scenarios SET deleted_at = ? WHERE id = ?').run(deletedAt, id).changes === 1;
}
