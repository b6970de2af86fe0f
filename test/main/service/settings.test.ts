/** Issue 12 item 8: the comparison selection, open scenario and accepted warnings survive a restart (stored in the database). */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { databasePath } from '../../../src/main/storage/paths';
import { SETTINGS_KEY } from '../../../src/main/service/settings';
import { parseSettings } from '../../../src/shared/formats/settings';
import { tempDir } from '../../fixtures';

let open: Service[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

async function start(dataDir: string): Promise<Service> {
  const service = await openService({ dataDir, appVersion: 'test', transport: 'browser', log: silentLogger });
  open.push(service);
  return service;
}

describe('settings.get / settings.save', () => {
  it('are empty at first, and what is saved comes back after a restart', async () => {
    const dir = tempDir();
    const a = await start(dir);
    expect(await a.api.call('settings.get', {})).toEqual({ ok: true, value: {} });
    const settings = {
      compare: { ids: [3, 1], referenceId: 1 },
      currentScenarioId: 3,
      acceptedWarnings: { '3': ['assumptions.pleegzorg.inflowChangePct.2024|1100'] },
      modelBases: { '1': { 'segments.pleegzorg.inflowPerYear': 178.6 } },
    };
    expect(await a.api.call('settings.save', { settings })).toEqual({ ok: true, value: settings });
    a.close();
    open = [];
    const b = await start(dir);
    expect(await b.api.call('settings.get', {})).toEqual({ ok: true, value: settings });
  });

  it('refuses invalid settings with a Dutch message and keeps the stored ones', async () => {
    const dir = tempDir();
    const s = await start(dir);
    await s.api.call('settings.save', { settings: { compare: { ids: [1, 2] } } });
    const bad = await s.handle('settings.save', { settings: { compare: { ids: [1, 2, 3, 4, 5] } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/meer dan 4 scenario/);
    const unknown = await s.handle('settings.save', { settings: { kleur: 'rood' } });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toMatch(/onbekend veld "kleur"/);
    const key = await s.handle('settings.save', { settings: { acceptedWarnings: { abc: [] } } });
    expect(key.ok).toBe(false);
    expect(await s.api.call('settings.get', {})).toEqual({ ok: true, value: { compare: { ids: [1, 2] } } });
  });

  it('settings damaged in the database read as none, never as an error', async () => {
    const dir = tempDir();
    const s = await start(dir);
    s.close();
    open = [];
    const db = new Database(databasePath(dir));
    db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)').run(SETTINGS_KEY, '{"compare": {"ids": "kapot"}}');
    db.close();
    const again = await start(dir);
    expect(await again.api.call('settings.get', {})).toEqual({ ok: true, value: {} });
    expect(parseSettings('{niet json')).toEqual({});
  });
});
