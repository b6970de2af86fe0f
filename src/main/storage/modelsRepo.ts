import type Database from 'better-sqlite3';
import type { Model } from '../../shared/formats/model';
import { migrateModel } from '../../shared/formats/migrate';
import type { ModelRecord, ModelSummary } from '../../shared/api';

interface ModelRow {
  id: number;
  name: string;
  base_year: number;
  end_year: number;
  json: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

const COLUMNS = 'id, name, base_year, end_year, json, created_at, updated_at, revision';

function summary(row: ModelRow): ModelSummary {
  return {
    id: row.id,
    name: row.name,
    baseYear: row.base_year,
    endYear: row.end_year,
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}

/** Rows written before model@2 hold a model@1: migrated on read. */
function record(row: ModelRow): ModelRecord {
  return { ...summary(row), model: migrateModel(JSON.parse(row.json)) as Model, createdAt: row.created_at };
}

export function listModels(db: Database.Database): ModelSummary[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM models WHERE deleted_at IS NULL ORDER BY name, id`)
    .all() as ModelRow[];
  return rows.map(summary);
}

export function findModel(db: Database.Database, id: number): ModelRecord | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM models WHERE id = ? AND deleted_at IS NULL`).get(id) as
    ModelRow | undefined;
  return row ? record(row) : undefined;
}

/** The model must already be validated (parseModel). */
export function insertModel(db: Database.Database, model: Model, at: string): ModelRecord {
  const info = db
    .prepare('INSERT INTO models (name, base_year, end_year, json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(model.name, model.baseYear, model.endYear, JSON.stringify(model), at, at);
  return findModel(db, Number(info.lastInsertRowid))!;
}

/** Replaces the model and raises its revision by one; with basedOn, only when the stored revision is still that one. */
export function updateModel(
  db: Database.Database,
  id: number,
  model: Model,
  at: string,
  basedOn?: number,
): ModelRecord | undefined {
  const info = db
    .prepare(
      'UPDATE models SET name = ?, base_year = ?, end_year = ?, json = ?, updated_at = ?, revision = revision + 1 ' +
        'WHERE id = ? AND deleted_at IS NULL AND (? IS NULL OR revision = ?)',
    )
    .run(model.name, model.baseYear, model.endYear, JSON.stringify(model), at, id, basedOn ?? null, basedOn ?? null);
  return info.changes === 1 ? findModel(db, id) : undefined;
}

/** Soft delete: the row stays (stored versions refer to it), it only leaves the lists. */
export function softDeleteModel(db: Database.Database, id: number, at: string): boolean {
  return db.prepare('UPDATE models SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, id).changes === 1;
}
