import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  MIGRATIONS,
  SCHEMA_VERSION,
  migrate,
  schemaVersionOf,
  type Migration,
} from '../../../src/main/storage/migrations';
import { openService } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { tempDir } from '../../fixtures';

const FIXTURES = path.join(__dirname, 'fixtures');

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('bring an empty file to the newest schema', () => {
    const file = path.join(tempDir(), 'leeg.sqlite');
    fs.writeFileSync(file, '');
    const db = new Database(file);
    expect(schemaVersionOf(db)).toBe(0);
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    expect(tables(db)).toEqual(['app_meta', 'models', 'scenario_versions', 'scenarios']);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('has a fixture of the current schema, so the next migration is tested from it', () => {
    expect(fs.existsSync(path.join(FIXTURES, `schema-v${SCHEMA_VERSION}.sql`))).toBe(true);
  });

  const fixtures = fs.readdirSync(FIXTURES).filter((f) => /^schema-v\d+\.sql$/.test(f));
  it.each(fixtures)('bring %s to the newest schema with its data readable', async (fixture) => {
    const dataDir = tempDir();
    const db = new Database(path.join(dataDir, 'jeugdplanner.sqlite'));
    db.exec(fs.readFileSync(path.join(FIXTURES, fixture), 'utf8'));
    const from = Number(/v(\d+)/.exec(fixture)![1]);
    expect(schemaVersionOf(db)).toBe(from);
    db.close();

    const service = await openService({ dataDir, appVersion: 'test', transport: 'browser', log: silentLogger });
    try {
      expect(service.context.state.status).toBe('ready');
      const models = await service.api.call('models.list', {});
      expect(models.ok && models.value.map((m) => m.name)).toEqual(['Fixture-regio']);
      if (!models.ok) return;
      const scenarios = await service.api.call('scenarios.list', { modelId: models.value[0]!.id });
      expect(scenarios.ok && scenarios.value.map((s) => s.name)).toEqual(['Raadsvoorstel']);
      if (!scenarios.ok) return;
      // records from before revisions existed start at revision 1, and an update based on it is accepted
      expect([models.value[0]!.revision, scenarios.value[0]!.revision]).toEqual([1, 1]);
      const record = await service.api.call('scenarios.get', { id: scenarios.value[0]!.id });
      if (!record.ok) throw new Error(record.error.message);
      const saved = await service.api.call('scenarios.save', {
        id: record.value.id,
        revision: 1,
        modelId: models.value[0]!.id,
        scenario: record.value.scenario,
      });
      expect(saved.ok && saved.value.revision).toBe(2);
      const versions = await service.api.call('versions.list', { scenarioId: scenarios.value[0]!.id });
      expect(versions.ok && versions.value.find((v) => v.kind === 'manual')?.note).toBe('raadscommissie 12 oktober');
      if (!versions.ok) return;
      const stored = await service.api.call('versions.get', { id: versions.value[0]!.id });
      expect(stored.ok && stored.value.differs).toBe(false);
      // versions from before "vastgesteld" existed are not vastgesteld, and can be marked
      expect(versions.value.every((v) => v.vastgesteld === false)).toBe(true);
      const marked = await service.api.call('versions.setVastgesteld', {
        id: versions.value[0]!.id,
        vastgesteld: true,
      });
      expect(marked.ok && marked.value.vastgesteld).toBe(true);
      const found = await service.api.call('versions.findVastgesteld', { modelId: models.value[0]!.id });
      expect(found.ok && found.value?.id).toBe(versions.value[0]!.id);
      const state = service.context.state;
      if (state.status === 'ready') expect(schemaVersionOf(state.storage.db)).toBe(SCHEMA_VERSION);
    } finally {
      service.close();
    }
  });

  it('roll back a failing migration completely, user_version included', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken: Migration = {
      version: SCHEMA_VERSION + 1,
      name: 'breaks halfway',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('stroomstoring');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('stroomstoring');
    expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });
});
