import { afterEach, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { seedFolder, storedModel, storedScenario, tempDir } from '../../fixtures';
import type { ApiResult } from '../../../src/shared/api';

let services: Service[] = [];
afterEach(() => {
  for (const s of services) s.close();
  services = [];
});

async function open(options: { seedDir?: string; now?: () => Date } = {}) {
  const service = await openService({
    dataDir: tempDir(),
    appVersion: '9.9.9',
    transport: 'browser',
    log: silentLogger,
    ...options,
  });
  services.push(service);
  return service;
}

function value<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('service: requests are validated, errors come back as data', () => {
  it('answers an unknown method with unknown_method', async () => {
    const s = await open();
    const r = await s.handle('models.drop', {});
    expect(r).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Onbekende opdracht "models.drop".' } });
    expect((await s.handle(42, {})).ok).toBe(false);
    expect((await s.handle(undefined, undefined)).ok).toBe(false);
  });

  it('answers a malformed request with validation issues that name the field and value', async () => {
    const s = await open();
    const r = await s.handle('models.get', { id: 'drie' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    expect(r.error.issues?.[0]?.path).toBe('id');
    expect(r.error.message).toContain('"drie"');
    const extra = await s.handle('models.list', { evil: true });
    expect(extra.ok).toBe(false);
    const notObject = await s.handle('models.get', 'id=1');
    expect(notObject.ok).toBe(false);
  });

  it('answers a missing record with not_found', async () => {
    const s = await open();
    const r = await s.api.call('models.get', { id: 999 });
    expect(r).toEqual({ ok: false, error: { code: 'not_found', message: 'Model 999 bestaat niet (meer).' } });
  });

  it('rejects an invalid model with Dutch field-level issues and saves nothing', async () => {
    const s = await open();
    const bad = { ...storedModel(), endYear: 2020 };
    const r = await s.api.call('models.save', { model: bad });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    expect(r.error.issues?.map((i) => i.path)).toContain('endYear');
    expect(value(await s.api.call('models.list', {}))).toEqual([]);
  });
});

describe('service: models, scenarios, versions', () => {
  it('seeds the bundled model and scenarios on first start only', async () => {
    const seedDir = seedFolder({
      'basis.json': storedScenario('Basis'),
      'kapot.json': '{ niet json',
      'groei.json': storedScenario('Groei', 10),
    });
    const dataDir = tempDir();
    const first = await openService({ dataDir, seedDir, appVersion: '1.0.0', transport: 'browser', log: silentLogger });
    const models = value(await first.api.call('models.list', {}));
    expect(models.map((m) => m.name)).toEqual(['Noord-Limburg test']);
    const scenarios = value(await first.api.call('scenarios.list', { modelId: models[0]!.id }));
    expect(scenarios.map((x) => x.name)).toEqual(['Basis', 'Groei']);
    expect(scenarios.every((x) => x.versionCount === 1)).toBe(true);
    first.close();
    const second = await openService({
      dataDir,
      seedDir,
      appVersion: '1.0.0',
      transport: 'browser',
      log: silentLogger,
    });
    services.push(second);
    expect(value(await second.api.call('models.list', {}))).toHaveLength(1);
  });

  it('saves a scenario as working copy and makes an automatic version at most every 10 minutes', async () => {
    let t = Date.parse('2025-10-01T09:00:00Z');
    const s = await open({ now: () => new Date(t) });
    const model = value(await s.api.call('models.save', { model: storedModel() }));
    const created = value(
      await s.api.call('scenarios.save', { modelId: model.id, scenario: storedScenario('Plan', 1) }),
    );
    expect(created.versionCount).toBe(1);
    t += 60_000;
    const edited = value(
      await s.api.call('scenarios.save', {
        id: created.id,
        revision: created.revision,
        modelId: model.id,
        scenario: storedScenario('Plan', 2),
      }),
    );
    expect(edited.versionCount).toBe(1);
    expect(edited.scenario.assumptions.ambulant?.inflowChangePct).toEqual({ '2026': 2 });
    t += 10 * 60_000;
    const later = value(
      await s.api.call('scenarios.save', {
        id: created.id,
        revision: edited.revision,
        modelId: model.id,
        scenario: storedScenario('Plan', 3),
      }),
    );
    expect(later.versionCount).toBe(2);
    const versions = value(await s.api.call('versions.list', { scenarioId: created.id }));
    expect(versions.map((v) => v.kind)).toEqual(['auto', 'auto']);
    expect(versions[0]!.appVersion).toBe('9.9.9');
  });

  it('restores an old version, keeping the current state as a before-restore version', async () => {
    let t = Date.parse('2025-10-01T09:00:00Z');
    const s = await open({ now: () => new Date((t += 1000)) });
    const model = value(await s.api.call('models.save', { model: storedModel() }));
    const sc = value(await s.api.call('scenarios.save', { modelId: model.id, scenario: storedScenario('Plan', 4) }));
    const presented = value(
      await s.api.call('versions.create', { scenarioId: sc.id, note: 'raadscommissie 12 oktober' }),
    );
    expect(presented.note).toBe('raadscommissie 12 oktober');
    expect(presented.kind).toBe('manual');
    value(
      await s.api.call('scenarios.save', {
        id: sc.id,
        revision: sc.revision,
        modelId: model.id,
        scenario: storedScenario('Plan', 40),
      }),
    );

    const restored = value(await s.api.call('versions.restore', { id: presented.id }));
    expect(restored.scenario.assumptions.ambulant?.inflowChangePct).toEqual({ '2026': 4 });
    const versions = value(await s.api.call('versions.list', { scenarioId: sc.id }));
    expect(versions[0]!.kind).toBe('before-restore');
    const before = value(await s.api.call('versions.get', { id: versions[0]!.id }));
    expect(before.scenario.assumptions.ambulant?.inflowChangePct).toEqual({ '2026': 40 });

    const again = value(await s.api.call('versions.get', { id: presented.id }));
    expect(again.differs).toBe(false);
    expect(again.result.totals.map((x) => x.cost)).toEqual(again.recomputed.totals.map((x) => x.cost));
  });

  it('refuses a model change that no longer fits an existing scenario', async () => {
    const s = await open();
    const model = value(await s.api.call('models.save', { model: storedModel() }));
    value(await s.api.call('scenarios.save', { modelId: model.id, scenario: storedScenario('Plan', 4) }));
    const withoutAmbulant = { ...storedModel(), segments: storedModel().segments.filter((x) => x.id !== 'ambulant') };
    const r = await s.api.call('models.save', { id: model.id, revision: model.revision, model: withoutAmbulant });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0]?.path).toBe('scenario "Plan": assumptions.ambulant');
    expect(value(await s.api.call('models.get', { id: model.id })).model.segments).toHaveLength(2);
  });

  it('refuses a scenario save based on a stale revision with conflict and changes nothing', async () => {
    const s = await open();
    const model = value(await s.api.call('models.save', { model: storedModel() }));
    const created = value(
      await s.api.call('scenarios.save', { modelId: model.id, scenario: storedScenario('Plan', 1) }),
    );
    expect(created.revision).toBe(1);
    // two tabs both loaded revision 1; the first saves
    const first = value(
      await s.api.call('scenarios.save', {
        id: created.id,
        revision: 1,
        modelId: model.id,
        scenario: storedScenario('Plan', 2),
      }),
    );
    expect(first.revision).toBe(2);
    // the second, still based on revision 1, is refused
    const second = await s.api.call('scenarios.save', {
      id: created.id,
      revision: 1,
      modelId: model.id,
      scenario: storedScenario('Plan', 3),
    });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('conflict');
      expect(second.error.message).toContain('Scenario "Plan" is intussen elders gewijzigd');
      expect(second.error.message).toContain('revisie 2');
      expect(second.error.message).toContain('niets overschreven');
    }
    const stored = value(await s.api.call('scenarios.get', { id: created.id }));
    expect(stored.revision).toBe(2);
    expect(stored.scenario.assumptions.ambulant?.inflowChangePct).toEqual({ '2026': 2 });
    // an update without a revision is refused too
    const blind = await s.api.call('scenarios.save', {
      id: created.id,
      modelId: model.id,
      scenario: storedScenario('Plan', 4),
    });
    expect(!blind.ok && blind.error.code).toBe('validation');
    expect(value(await s.api.call('scenarios.get', { id: created.id })).revision).toBe(2);
    // restoring a version raises the revision, so a tab still on the old one conflicts
    const v = value(await s.api.call('versions.create', { scenarioId: created.id }));
    const restored = value(await s.api.call('versions.restore', { id: v.id }));
    expect(restored.revision).toBe(3);
    const stale = await s.api.call('scenarios.save', {
      id: created.id,
      revision: 2,
      modelId: model.id,
      scenario: storedScenario('Plan', 5),
    });
    expect(!stale.ok && stale.error.code).toBe('conflict');
  });

  it('refuses a model save based on a stale revision with conflict and changes nothing', async () => {
    const s = await open();
    const model = value(await s.api.call('models.save', { model: storedModel() }));
    expect(model.revision).toBe(1);
    const renamed = value(
      await s.api.call('models.save', { id: model.id, revision: 1, model: storedModel('Eerste tab') }),
    );
    expect(renamed.revision).toBe(2);
    const r = await s.api.call('models.save', { id: model.id, revision: 1, model: storedModel('Tweede tab') });
    expect(!r.ok && r.error.code).toBe('conflict');
    if (!r.ok) expect(r.error.message).toContain('Model "Eerste tab" is intussen elders gewijzigd');
    const stored = value(await s.api.call('models.get', { id: model.id }));
    expect([stored.name, stored.revision]).toEqual(['Eerste tab', 2]);
  });

  it('soft-deletes and brings back a scenario', async () => {
    const s = await open();
    const model = value(await s.api.call('models.save', { model: storedModel() }));
    const sc = value(await s.api.call('scenarios.save', { modelId: model.id, scenario: storedScenario('Weg') }));
    value(await s.api.call('scenarios.delete', { id: sc.id }));
    expect(value(await s.api.call('scenarios.list', { modelId: model.id }))).toEqual([]);
    expect((await s.api.call('models.delete', { id: model.id })).ok).toBe(true);
    const back = value(await s.api.call('scenarios.undelete', { id: sc.id }));
    expect(back.name).toBe('Weg');
  });

  it('simulate checks the scenario against the model', async () => {
    const s = await open();
    const bad = await s.handle('simulate', {
      model: storedModel(),
      scenario: { ...storedScenario(), assumptions: { onbekend: {} } },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('assumptions.onbekend');
    const good = await s.handle('simulate', { model: storedModel(), scenario: storedScenario() });
    expect(good.ok).toBe(true);
  });
});
