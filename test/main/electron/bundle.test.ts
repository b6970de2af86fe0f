import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, JOB_WORKER_FILE, ROOT } from '../../../scripts/build-electron';
import { tempDir } from '../../fixtures';

// Inside the repo, so the bundle finds better-sqlite3 in node_modules as it would in the app.
const OUT = path.join(ROOT, 'dist', `test-electron-${process.pid}`);
const HOOK = path.join(__dirname, '..', 'helpers', 'fake-electron-hook.cjs');

beforeAll(async () => {
  await buildElectron(OUT);
}, 60_000);
afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

function run(entry: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['-r', HOOK, path.join(OUT, entry)], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const events = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { what: string; detail: unknown });
  return { status: r.status, stderr: r.stderr, events };
}

describe('the built Electron bundle (with a fake electron module)', () => {
  it('main.cjs starts: scheme, storage, protocol, IPC, Dutch menu, one sandboxed window', () => {
    const userData = tempDir();
    const { status, stderr, events } = run('main.cjs', {
      FAKE_USER_DATA: userData,
      FAKE_APP_PATH: ROOT,
      JEUGDPLANNER_DATA_DIR: '',
    });
    expect(status, stderr).toBe(0);
    const whats = events.map((e) => e.what);
    expect(whats).toEqual(['scheme', 'protocol', 'ipc', 'menu', 'window', 'load']);
    expect(events.find((e) => e.what === 'menu')!.detail).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
    expect(events.find((e) => e.what === 'window')!.detail).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(events.find((e) => e.what === 'load')!.detail).toBe('app://jeugdplanner/index.html');
    expect(fs.existsSync(path.join(userData, 'jeugdplanner.sqlite'))).toBe(true);
  });

  it('job-worker.cjs needs only Node built-ins and runs a job by itself (no tsx)', async () => {
    const source = fs.readFileSync(path.join(OUT, JOB_WORKER_FILE), 'utf8');
    const required = new Set([...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!.replace(/^node:/, '')));
    expect([...required].filter((m) => !builtinModules.includes(m))).toEqual([]);
    // main.cjs starts this file, not the TypeScript source
    expect(fs.readFileSync(path.join(OUT, 'main.cjs'), 'utf8')).toContain(JSON.stringify(JOB_WORKER_FILE));
    const worker = new Worker(path.join(OUT, JOB_WORKER_FILE), { workerData: { kind: 'excel.template', input: {} } });
    const messages: { type: string; value?: { fileName: string; base64: string } }[] = [];
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (m: (typeof messages)[number]) => messages.push(m));
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
    const done = messages.find((m) => m.type === 'done');
    expect(done?.value?.fileName).toBe('Sjabloon jeugdbudget.xlsx');
    expect(Buffer.from(done!.value!.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  }, 30_000);

  it('preload.cjs needs nothing but electron and exposes only call and onMenu', () => {
    const source = fs.readFileSync(path.join(OUT, 'preload.cjs'), 'utf8');
    expect([...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    const { status, stderr, events } = run('preload.cjs');
    expect(status, stderr).toBe(0);
    expect(events).toEqual([{ what: 'exposed', detail: { name: 'jeugdplanner', keys: ['call', 'onMenu'] } }]);
  });
});
