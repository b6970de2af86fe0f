/**
 * Writes test/main/fixtures/schema-v<N>.sql: the current schema with a model,
 * a scenario and a version in it, as plain SQL. Run once per released schema
 * version (npx tsx test/main/helpers/make-fixture.ts) and commit the file;
 * migrations.test.ts migrates every older fixture to the newest schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openService } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { SCHEMA_VERSION } from '../../../src/main/storage/migrations';
import { storedModel, storedScenario, tempDir } from '../../fixtures';

const dataDir = tempDir();
let t = Date.parse('2025-10-12T08:00:00Z');
const service = await openService({
  dataDir,
  appVersion: '0.1.0',
  transport: 'browser',
  log: silentLogger,
  now: () => new Date((t += 1000)),
});
const model = await service.api.call('models.save', { model: storedModel('Fixture-regio') });
if (!model.ok) throw new Error(model.error.message);
const sc = await service.api.call('scenarios.save', {
  modelId: model.value.id,
  scenario: storedScenario('Raadsvoorstel', 3),
});
if (!sc.ok) throw new Error(sc.error.message);
const v = await service.api.call('versions.create', { scenarioId: sc.value.id, note: 'raadscommissie 12 oktober' });
if (!v.ok) throw new Error(v.error.message);
const db = service.context.state.status === 'ready' ? service.context.state.storage.db : undefined;
if (!db) throw new Error('no db');

const out: string[] = [
  `-- Jeugdplanner schema version ${SCHEMA_VERSION}, made by make-fixture.ts`,
  `PRAGMA user_version = ${SCHEMA_VERSION};`,
];
const objects = db
  .prepare(
    "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index', rowid",
  )
  .all() as { type: string; name: string; sql: string }[];
for (const o of objects) out.push(`${o.sql};`);
for (const o of objects.filter((x) => x.type === 'table')) {
  for (const row of db.prepare(`SELECT * FROM "${o.name}"`).all() as Record<string, unknown>[]) {
    const cols = Object.keys(row);
    const values = cols.map((c) => {
      const value = row[c];
      return value === null
        ? 'NULL'
        : typeof value === 'number'
          ? String(value)
          : `'${String(value).replace(/'/g, "''")}'`;
    });
    out.push(`INSERT INTO "${o.name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${values.join(', ')});`);
  }
}
const file = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
  'storage',
  'fixtures',
  `schema-v${SCHEMA_VERSION}.sql`,
);
fs.writeFileSync(file, `${out.join('\n')}\n`);
service.close();
console.log(`wrote ${file}`);
