/**
 * Disk and permission faults: a full disk refuses a save with a Dutch message and
 * changes nothing; a full disk at start, a read-only data folder or one left by
 * another user opens read-only (or says clearly why not), never an exit.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { classifyFault } from '../../../src/main/storage/open';
import { storedModel, storedScenario, tempDir } from '../../fixtures';

const CHILD = path.join(__dirname, '..', 'helpers', 'lock-child.ts');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function canRun(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
/** root can drop to 'nobody' (permissions apply again) */
const asNobody = isRoot && canRun('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']);
/** root may mount a small tmpfs (not in every container) */
const canMount =
  isRoot &&
  (() => {
    const probe = tempDir('jp-mountprobe-');
    if (!canRun('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe])) return false;
    return canRun('umount', [probe]);
  })();

let open: Service[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

async function start(dataDir: string): Promise<Service> {
  const s = await openService({
    dataDir,
    appVersion: 'test',
    transport: 'browser',
    log: silentLogger,
    backupOnStart: true,
  });
  open.push(s);
  return s;
}

function dbOf(s: Service) {
  if (s.context.state.status !== 'ready') throw new Error('not ready');
  return s.context.state.storage.db;
}

describe('classifyFault', () => {
  it('knows a full disk and a permission fault by their codes, and nothing else', () => {
    expect(['SQLITE_FULL', 'ENOSPC', 'EDQUOT'].map((code) => classifyFault({ code }))).toEqual([
      'full',
      'full',
      'full',
    ]);
    expect(
      ['EACCES', 'EROFS', 'EPERM', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_CANTOPEN'].map((code) =>
        classifyFault({ code }),
      ),
    ).toEqual(Array(6).fill('denied'));
    expect([
      classifyFault({ code: 'SQLITE_CORRUPT' }),
      classifyFault(new Error('x')),
      classifyFault(undefined),
    ]).toEqual([undefined, undefined, undefined]);
  });
});

describe('SQLITE_FULL during a save', () => {
  it('says the disk is full, names what was not saved, and changes nothing', async () => {
    const s = await start(tempDir('jp-full-'));
    const model = await s.api.call('models.save', { model: storedModel('Vol') });
    if (!model.ok) throw new Error(model.error.message);
    const sc = await s.api.call('scenarios.save', { modelId: model.value.id, scenario: storedScenario('Plan', 1) });
    if (!sc.ok) throw new Error(sc.error.message);
    const db = dbOf(s);
    // the database may not grow by a single page: SQLite itself answers SQLITE_FULL
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const big = { ...storedScenario('Plan', 2), description: 'x'.repeat(1900) };
    let refused: { code: string; message: string } | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const before = await s.api.call('scenarios.get', { id: sc.value.id });
      if (!before.ok) throw new Error(before.error.message);
      const r = await s.api.call('scenarios.save', {
        id: sc.value.id,
        revision: before.value.revision,
        modelId: model.value.id,
        scenario: { ...big, description: `${i} ${big.description}` },
      });
      if (!r.ok) {
        refused = r.error;
        const after = await s.api.call('scenarios.get', { id: sc.value.id });
        // nothing changed: same revision, same content as before the refused save
        expect(after.ok && [after.value.revision, after.value.scenario]).toEqual([
          before.value.revision,
          before.value.scenario,
        ]);
      }
      const m = await s.api.call('models.save', {
        model: { ...storedModel(`Groot ${i}`), name: `Groot ${i} ${'y'.repeat(150)}` },
      });
      if (!m.ok && !refused) refused = m.error;
    }
    expect(refused?.code).toBe('disk_full');
    expect(refused?.message).toMatch(
      /^De schijf is vol: (het scenario|het model) is niet opgeslagen; niets gewijzigd\./,
    );
    expect(refused?.message).not.toContain('SQLITE_FULL');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe.skipIf(!canMount)('a real full disk (1 MB tmpfs)', () => {
  it('a full tmpfs: a save is refused in Dutch; a restart on the still full disk opens read-only with the reason', async () => {
    const mount = tempDir('jp-tmpfs-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]);
    try {
      const dataDir = path.join(mount, 'data');
      const s = await start(dataDir);
      const model = await s.api.call('models.save', { model: storedModel('Op tmpfs') });
      if (!model.ok) throw new Error(model.error.message);
      // fill the disk to the last byte
      const filler = fs.openSync(path.join(mount, 'vulling'), 'w');
      try {
        const block = Buffer.alloc(16 * 1024, 1);
        for (;;) fs.writeSync(filler, block);
      } catch (err) {
        expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        fs.closeSync(filler);
      }
      let refused: { code: string; message: string } | undefined;
      for (let i = 0; i < 40 && !refused; i++) {
        const r = await s.api.call('models.save', {
          model: { ...storedModel(`Nog een ${i}`), name: `Nog een ${i} ${'z'.repeat(180)}` },
        });
        if (!r.ok) refused = r.error;
      }
      expect(refused?.code).toBe('disk_full');
      expect(refused?.message).toMatch(/^De schijf is vol: het model is niet opgeslagen; niets gewijzigd\./);
      s.close();
      open = [];

      // restart while the disk is still full: the start backup cannot be written
      const again = await start(dataDir);
      expect(again.context.state.status).toBe('ready');
      const info = await again.api.call('app.info', {});
      expect(info.ok && info.value.readOnly).toMatch(
        /^De schijf met de gegevensmap .* is vol\. Jeugdplanner is daarom alleen-lezen geopend/,
      );
      const list = await again.api.call('models.list', {});
      expect(list.ok && list.value.map((m) => m.name)).toContain('Op tmpfs');
      const write = await again.api.call('models.save', { model: storedModel('Mag niet') });
      expect(!write.ok && write.error.code).toBe('read_only');
      again.close();
      open = [];
    } finally {
      execFileSync('umount', [mount]);
    }
  }, 60_000);
});

describe.skipIf(isRoot || process.platform === 'win32')(
  'real permissions (not root: chmod applies to this process)',
  () => {
    it('a read-only data folder opens read-only with the reason; nothing changes', async () => {
      const dataDir = path.join(tempDir('jp-perm-'), 'data');
      const s = await start(dataDir);
      await s.api.call('models.save', { model: storedModel('Van de eigenaar') });
      s.close();
      open = [];
      fs.chmodSync(dataDir, 0o500);
      try {
        const before = fs.readdirSync(dataDir).sort();
        const again = await start(dataDir);
        const info = await again.api.call('app.info', {});
        expect(info.ok && info.value.readOnly).toMatch(
          /^Jeugdplanner mag niet schrijven in de gegevensmap .*Jeugdplanner is daarom alleen-lezen geopend/,
        );
        const write = await again.api.call('models.save', { model: storedModel('Mag niet') });
        expect(!write.ok && write.error.code).toBe('read_only');
        const list = await again.api.call('models.list', {});
        expect(list.ok && list.value.map((m) => m.name)).toEqual(['Van de eigenaar']);
        expect(fs.readdirSync(dataDir).sort()).toEqual(before);
      } finally {
        fs.chmodSync(dataDir, 0o700);
      }
    });
  },
);

describe.skipIf(!asNobody)('real permissions (as user nobody)', () => {
  /** lock-child as user nobody; resolves with its report line. */
  function probeAsNobody(dataDir: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          '--import',
          'tsx',
          CHILD,
          dataDir,
          'probe',
        ],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          cwd: path.join(__dirname, '..', '..', '..'),
          env: { ...process.env, HOME: '/tmp' },
        },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('exit', (code) => {
        const line = out.split('\n')[0];
        if (line) resolve(JSON.parse(line) as Record<string, unknown>);
        else reject(new Error(`child ended (${String(code)}) without a report: ${err}`));
      });
    });
  }

  async function preparedDataDir(): Promise<string> {
    const parent = tempDir('jp-perm-');
    fs.chmodSync(parent, 0o755);
    const dataDir = path.join(parent, 'data');
    const s = await openService({ dataDir, appVersion: 'test', transport: 'browser', log: silentLogger });
    await s.api.call('models.save', { model: storedModel('Van de eigenaar') });
    s.close();
    return dataDir;
  }

  it('a read-only data folder of this user opens read-only with the reason; nothing changes', async () => {
    const dataDir = await preparedDataDir();
    execFileSync('chown', ['-R', '65534:65534', dataDir]);
    fs.chmodSync(dataDir, 0o500);
    const before = fs.readdirSync(dataDir).sort();
    const report = await probeAsNobody(dataDir);
    expect(report.storageReady).toBe(true);
    expect(String(report.readOnly)).toMatch(
      /^Jeugdplanner mag niet schrijven in de gegevensmap .*\(EACCES: een alleen-lezen map, of bestanden van een andere gebruiker\)\. Jeugdplanner is daarom alleen-lezen geopend/,
    );
    expect(report.models).toEqual(['Van de eigenaar']);
    expect(report.save).toMatchObject({ ok: false, code: 'read_only' });
    expect(fs.readdirSync(dataDir).sort()).toEqual(before);
  }, 60_000);

  it('a folder left by another user (after a crash) gets a clear message, not an exit', async () => {
    const dataDir = await preparedDataDir();
    // root's folder with root's 0600 files, and a lock of a process that is gone
    fs.writeFileSync(
      path.join(dataDir, 'jeugdplanner.lock'),
      JSON.stringify({ pid: 999_999, kind: 'desktop', startedAt: new Date().toISOString(), hostname: '', id: 'x' }),
    );
    const report = await probeAsNobody(dataDir);
    expect(report.storageReady).toBe(false);
    const info = report as { storageReady: boolean; save: { ok: boolean; code?: string; message?: string } };
    expect(info.save.ok).toBe(false);
    expect(info.save.message).toMatch(
      /^Jeugdplanner mag niet schrijven in de gegevensmap .*De database .* kan ook niet worden gelezen \(EACCES\)/,
    );
    // the other user's files are untouched
    expect(fs.readdirSync(dataDir).sort()).toEqual(['jeugdplanner.lock', 'jeugdplanner.sqlite']);
  }, 60_000);
});
