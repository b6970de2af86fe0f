import type Database from 'better-sqlite3';

/**
 * Forward migrations, one per schema version, applied in order. Each runs in
 * its own transaction together with the PRAGMA user_version bump, so a crash
 * leaves the database at the previous version, never in between.
 * Never edit a released migration: add a new one (and a fixture of the old
 * schema under test/main/fixtures, so the step from it is tested).
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'models, scenarios, scenario versions',
    up(db) {
      db.exec(`
        CREATE TABLE models (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          base_year INTEGER NOT NULL,
          end_year INTEGER NOT NULL,
          json TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        );
        CREATE TABLE scenarios (
          id INTEGER PRIMARY KEY,
          model_id INTEGER NOT NULL REFERENCES models(id),
          name TEXT NOT NULL,
          description TEXT,
          json TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        );
        CREATE INDEX scenarios_model ON scenarios(model_id);
        CREATE TABLE scenario_versions (
          id INTEGER PRIMARY KEY,
          scenario_id INTEGER NOT NULL REFERENCES scenarios(id),
          created_at TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('manual', 'auto', 'before-restore')),
          note TEXT,
          model_json TEXT NOT NULL,
          scenario_json TEXT NOT NULL,
          result_json TEXT NOT NULL,
          app_version TEXT NOT NULL,
          engine_version TEXT NOT NULL
        );
        CREATE INDEX scenario_versions_scenario ON scenario_versions(scenario_id, created_at);
        CREATE TABLE app_meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    name: 'revision per model and scenario (a save based on a stale revision is refused)',
    up(db) {
      db.exec(`
        ALTER TABLE models ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE scenarios ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      `);
    },
  },
  {
    version: 3,
    name: 'a version can be marked vastgesteld (the begroting the raad adopted; at most one per model)',
    up(db) {
      db.exec(`ALTER TABLE scenario_versions ADD COLUMN vastgesteld INTEGER NOT NULL DEFAULT 0;`);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the database to SCHEMA_VERSION; returns the versions applied. Callers check for newer databases first. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const applied: number[] = [];
  const from = schemaVersionOf(db);
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      // PRAGMA takes no bound parameters; version is an integer from our own table.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
