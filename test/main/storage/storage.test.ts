import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { SCHEMA_VERSION } from '../../../src/main/storage/migrations';
import { resolveDataDir } from '../../../src/main/storage/paths';
import { storedModel, storedScenario, tempDir } from '../../fixtures';

let open: Service[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

async function start(dataDir: string, at = '2025-10-01T09:00:00'): Promise<Service> {
  const service = await openService({
    dataDir,
    appVersion: 'test',
    transport: 'browser',
    log: silentLogger,
    now: () => new Date(at),
  });
  open.push(service);
  return service;
}

function stop(service: Service): void {
  service.close();
  open = open.filter((s) => s !== service);
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('data folder', () => {
  it('JEUGDPLANNER_DATA_DIR wins, then Electron userData, then the OS default', () => {
    expect(resolveDataDir({ env: { JEUGDPLANNER_DATA_DIR: '/tmp/jp' }, userDataDir: '/x' })).toBe('/tmp/jp');
    expect(resolveDataDir({ env: {}, userDataDir: '/x/Jeugdplanner' })).toBe('/x/Jeugdplanner');
    expect(resolveDataDir({ env: {}, platform: 'linux', homeDir: '/home/a' })).toBe('/home/a/.config/Jeugdplanner');
    expect(resolveDataDir({ env: {}, platform: 'darwin', homeDir: '/Users/a' })).toBe(
      '/Users/a/Library/Application Support/Jeugdplanner',
    );
    expect(
      resolveDataDir({
        env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' },
        platform: 'win32',
        homeDir: 'C:\\Users\\a',
      }),
    ).toContain('Jeugdplanner');
  });
});

describe.skipIf(process.platform === 'win32')('file modes', () => {
  const mode = (p: string) => fs.statSync(p).mode & 0o777;

  it('data folder 0700, database, -wal, -shm and backups 0600, whatever the umask', async () => {
    const parent = tempDir();
    const dataDir = path.join(parent, 'Jeugdplanner');
    const previous = process.umask(0o022);
    try {
      const a = await start(dataDir, '2025-10-01T09:00:00');
      await a.api.call('models.save', { model: storedModel() });
      const file = path.join(dataDir, 'jeugdplanner.sqlite');
      expect(mode(dataDir).toString(8)).toBe('700');
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f).toString(8), f).toBe('600');
      stop(a);
      const b = await start(dataDir, '2025-10-02T09:00:00'); // makes a start backup
      const backups = path.join(dataDir, 'backups');
      expect(mode(backups).toString(8)).toBe('700');
      const names = fs.readdirSync(backups);
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(mode(path.join(backups, n)).toString(8), n).toBe('600');
      const restored = await b.api.call('backups.restore', { name: names[0]! });
      expect(restored.ok).toBe(true);
      for (const n of fs.readdirSync(backups)) expect(mode(path.join(backups, n)).toString(8), n).toBe('600');
      for (const f of [file, `${file}-wal`, `${file}-shm`])
        if (fs.existsSync(f)) expect(mode(f).toString(8), f).toBe('600');
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a data folder and database left world-readable by an older version', async () => {
    const dataDir = tempDir();
    const a = await start(dataDir);
    stop(a);
    const file = path.join(dataDir, 'jeugdplanner.sqlite');
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(file, 0o644);
    await start(dataDir, '2025-10-02T09:00:00');
    expect(mode(dataDir).toString(8)).toBe('700');
    expect(mode(file).toString(8)).toBe('600');
  });
});

describe('a database from a newer app version', () => {
  it('is refused with a clear message and never modified', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'jeugdplanner.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE toekomst (x INTEGER); INSERT INTO toekomst VALUES (42);');
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const before = { hash: sha(file), mtime: fs.statSync(file).mtimeMs };

    const service = await start(dataDir);
    const info = await service.api.call('app.info', {});
    expect(info.ok && info.value.storageReady).toBe(false);
    expect(info.ok && info.value.notices[0]).toContain('nieuwere versie van Jeugdplanner');
    const list = await service.api.call('models.list', {});
    expect(list.ok).toBe(false);
    if (!list.ok) {
      expect(list.error.code).toBe('newer_database');
      expect(list.error.message).toContain(`schemaversie ${SCHEMA_VERSION + 5}`);
    }
    stop(service);
    expect(sha(file)).toBe(before.hash);
    expect(fs.statSync(file).mtimeMs).toBe(before.mtime);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['jeugdplanner.sqlite']);
  });
});

describe('a corrupt database', () => {
  it('is moved aside (not deleted), a new one is started and the user is told', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'jeugdplanner.sqlite');
    const garbage = Buffer.from('Dit is geen SQLite-bestand maar wel iemands werk?'.repeat(100));
    fs.writeFileSync(file, garbage);

    const service = await start(dataDir);
    const info = await service.api.call('app.info', {});
    expect(info.ok && info.value.storageReady).toBe(true);
    const notice = info.ok ? info.value.notices[0] : '';
    expect(notice).toContain('apart gezet');
    const aside = fs.readdirSync(dataDir).find((f) => f.includes('.corrupt-'));
    expect(aside).toBeDefined();
    expect(notice).toContain(aside!);
    expect(fs.readFileSync(path.join(dataDir, aside!))).toEqual(garbage);
    const saved = await service.api.call('models.save', { model: storedModel() });
    expect(saved.ok).toBe(true);
  });

  it('a damaged page inside a real database is detected and moved aside too', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    for (let i = 0; i < 20; i++) await first.api.call('models.save', { model: storedModel(`Model ${i}`) });
    stop(first);
    const file = path.join(dataDir, 'jeugdplanner.sqlite');
    const bytes = fs.readFileSync(file);
    // overwrite the second page (a b-tree page) with noise, keep the header valid
    const pageSize = bytes.readUInt16BE(16);
    crypto.randomFillSync(bytes, pageSize, pageSize);
    fs.writeFileSync(file, bytes);
    const second = await start(dataDir, '2025-10-02T09:00:00');
    const info = await second.api.call('app.info', {});
    expect(info.ok && info.value.notices.join(' ')).toContain('apart gezet');
  });
});

describe('backups', () => {
  it('are made at each start of an existing database and the last 10 are kept', async () => {
    const dataDir = tempDir();
    for (let day = 1; day <= 13; day++) {
      const s = await start(dataDir, `2025-10-${String(day).padStart(2, '0')}T09:00:00`);
      if (day === 1) await s.api.call('models.save', { model: storedModel() });
      stop(s);
    }
    const s = await start(dataDir, '2025-10-20T09:00:00');
    const list = await s.api.call('backups.list', {});
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.value).toHaveLength(10);
    // newest first; named by local date and time
    expect(list.value[0]!.name).toBe('jeugdplanner-2025-10-20_09-00-00.sqlite');
    // starts on days 2..13 and 20 made 13 backups (day 1 had no database yet): days 5..13 and 20 remain
    expect(list.value.at(-1)!.name).toBe('jeugdplanner-2025-10-05_09-00-00.sqlite');
    const copy = new Database(path.join(dataDir, 'backups', list.value[0]!.name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT COUNT(*) AS n FROM models').get() as { n: number }).n).toBe(1);
    copy.close();
  });

  it('restore replaces the database with a backup and keeps the current one as a safety backup', async () => {
    const dataDir = tempDir();
    const a = await start(dataDir, '2025-10-01T09:00:00');
    const model = await a.api.call('models.save', { model: storedModel('Voor de back-up') });
    if (!model.ok) throw new Error(model.error.message);
    stop(a);
    const b = await start(dataDir, '2025-10-02T09:00:00'); // backup with one model
    await b.api.call('models.save', { model: storedModel('Na de back-up') });
    const before = await b.api.call('models.list', {});
    expect(before.ok && before.value.length).toBe(2);

    const restored = await b.api.call('backups.restore', { name: 'jeugdplanner-2025-10-02_09-00-00.sqlite' });
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.value.safetyBackup).toBe('jeugdplanner-2025-10-02_09-00-00-voor-herstel.sqlite');
    const after = await b.api.call('models.list', {});
    expect(after.ok && after.value.map((m) => m.name)).toEqual(['Voor de back-up']);
    // the service keeps working on the restored database
    const sc = await b.api.call('scenarios.save', { modelId: model.value.id, scenario: storedScenario() });
    expect(sc.ok).toBe(true);
    // a tab still holding the model at its pre-restore revision (1) cannot overwrite the restored model
    const restoredModel = await b.api.call('models.get', { id: model.value.id });
    expect(restoredModel.ok && restoredModel.value.revision).toBeGreaterThan(1);
    const stale = await b.api.call('models.save', {
      id: model.value.id,
      revision: 1,
      model: storedModel('Uit een oud tabblad'),
    });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    // and the state before the restore can be restored in turn
    const undo = await b.api.call('backups.restore', { name: restored.value.safetyBackup });
    expect(undo.ok).toBe(true);
    const again = await b.api.call('models.list', {});
    expect(again.ok && again.value.map((m) => m.name).sort()).toEqual(['Na de back-up', 'Voor de back-up']);
  });

  it('restore refuses unknown names, path tricks and broken backups, changing nothing', async () => {
    const dataDir = tempDir();
    const s = await start(dataDir);
    await s.api.call('models.save', { model: storedModel('Blijft') });
    const missing = await s.api.call('backups.restore', { name: 'jeugdplanner-2020-01-01_00-00-00.sqlite' });
    expect(missing.ok || missing.error.code).toBe('not_found');
    const tricky = await s.handle('backups.restore', { name: '../jeugdplanner.sqlite' });
    expect(tricky.ok || tricky.error.code).toBe('validation');
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'backups', 'jeugdplanner-2025-01-01_00-00-00.sqlite'), 'kapot');
    const broken = await s.api.call('backups.restore', { name: 'jeugdplanner-2025-01-01_00-00-00.sqlite' });
    expect(broken.ok || broken.error.code).toBe('validation');
    const list = await s.api.call('models.list', {});
    expect(list.ok && list.value.map((m) => m.name)).toEqual(['Blijft']);
  });
});
