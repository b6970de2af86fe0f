/**
 * One writer per data folder, with real processes: the first Jeugdplanner holds
 * the lock; a second one opens read-only and says who writes; writes and restores
 * are refused there; a lock whose process is gone is taken over; a normal exit
 * releases it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openService } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { LOCK_FILE, readLock } from '../../../src/main/storage/lock';
import { storedModel, tempDir } from '../../fixtures';

const CHILD = path.join(__dirname, '..', 'helpers', 'lock-child.ts');

interface Report {
  pid: number;
  storageReady: boolean;
  readOnly: string | null;
  save: { ok: boolean; code?: string; message?: string };
  models: string[] | null;
  restore: { ok: boolean; code?: string; message?: string };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.length = 0;
});

/** Starts a child and resolves with its report line (and its exit, for 'probe'). */
function run(dataDir: string, mode: 'hold' | 'probe', transport: 'browser' | 'electron' = 'browser') {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, mode, transport], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  const report = new Promise<Report>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(JSON.parse(line) as Report);
    });
    void exited.then((code) => reject(new Error(`child ended (${String(code)}) without a report: ${err}`)));
  });
  return { child, report, exited };
}

describe('one writer per data folder', () => {
  it('a second process opens read-only, names the folder and the writer, and may not write or restore', async () => {
    const dataDir = tempDir('jp-lock-');
    const first = run(dataDir, 'hold', 'browser');
    const a = await first.report;
    expect(a).toMatchObject({ storageReady: true, readOnly: null, save: { ok: true } });
    const lock = readLock(path.join(dataDir, LOCK_FILE));
    expect(lock).toMatchObject({ pid: a.pid, kind: 'browser' });

    // a second real process: the desktop app on the same folder
    const b = await run(dataDir, 'probe', 'electron').report;
    expect(b.storageReady).toBe(true);
    expect(b.readOnly).toContain(
      `De gegevensmap ${dataDir} is in gebruik door Jeugdplanner in browsermodus (proces ${a.pid}`,
    );
    expect(b.readOnly).toContain('alleen-lezen geopend');
    expect(b.save).toMatchObject({ ok: false, code: 'read_only' });
    expect(b.save.message).toMatch(/^Niet opgeslagen; er is niets gewijzigd\. De gegevensmap/);
    expect(b.restore).toMatchObject({ ok: false, code: 'read_only' });
    // it reads what the writer wrote
    expect(b.models).toEqual([`Van proces ${a.pid}`]);

    // the same in this process: read-only, and the data is untouched by the refused writes
    const here = await openService({
      dataDir,
      appVersion: 'test',
      transport: 'browser',
      log: silentLogger,
      backupOnStart: false,
    });
    try {
      const info = await here.api.call('app.info', {});
      expect(info.ok && info.value.readOnly).toContain(`proces ${a.pid}`);
      const refused = await here.api.call('models.save', { model: storedModel('Mag niet') });
      expect(!refused.ok && refused.error.code).toBe('read_only');
      const list = await here.api.call('models.list', {});
      expect(list.ok && list.value.map((m) => m.name)).toEqual([`Van proces ${a.pid}`]);
    } finally {
      here.close();
    }
    // the read-only processes left the writer's lock alone
    expect(readLock(path.join(dataDir, LOCK_FILE))?.pid).toBe(a.pid);
  }, 60_000);

  it('a lock whose process is gone is taken over; a normal exit releases the lock', async () => {
    const dataDir = tempDir('jp-lock-');
    const first = run(dataDir, 'hold');
    const a = await first.report;
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    // the crashed holder's lock is still there
    expect(readLock(path.join(dataDir, LOCK_FILE))?.pid).toBe(a.pid);

    const second = run(dataDir, 'probe');
    const b = await second.report;
    expect(b).toMatchObject({ storageReady: true, readOnly: null, save: { ok: true } });
    expect(b.models).toEqual([`Van proces ${a.pid}`, `Van proces ${b.pid}`].sort());
    expect(await second.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 60_000);

  it('a lock of another computer (a shared folder) counts as held, and says how to clear it', async () => {
    const dataDir = tempDir('jp-lock-');
    const seed = await openService({ dataDir, appVersion: 'test', transport: 'browser', log: silentLogger });
    seed.close();
    fs.writeFileSync(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({
        pid: 4242,
        kind: 'desktop',
        startedAt: '2026-12-01T08:00:00Z',
        hostname: 'andere-pc',
        id: 'ander',
      }),
    );
    const s = await openService({ dataDir, appVersion: 'test', transport: 'browser', log: silentLogger });
    try {
      const info = await s.api.call('app.info', {});
      expect(info.ok && info.value.readOnly).toContain(
        'in gebruik door de desktop-app (proces 4242 op computer andere-pc, gestart 1 december 2026',
      );
      expect(info.ok && info.value.readOnly).toContain(`verwijder dan ${path.join(dataDir, LOCK_FILE)}`);
    } finally {
      s.close();
    }
    expect(readLock(path.join(dataDir, LOCK_FILE))?.id).toBe('ander');
  });
});
