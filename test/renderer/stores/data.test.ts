/**
 * The data store against the real service (a temp database): autosave keeps one
 * pending job per record that flush() runs as is, saves carry their revision, and
 * a save refused as stale waits for the user's choice — never a silent overwrite.
 * "The other tab" is a direct call to the same service.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { useData } from '../../../src/renderer/stores/data';
import { storedModel, storedScenario, tempDir } from '../../fixtures';
import { setTransport } from '../../../src/renderer/api/call';

let service: Service;
let modelId: number;
let scenarioId: number;
let t = Date.parse('2025-10-01T09:00:00Z');

beforeAll(async () => {
  service = await openService({
    dataDir: tempDir('jp-store-'),
    appVersion: 'test',
    transport: 'browser',
    log: silentLogger,
    now: () => new Date((t += 1000)),
  });
  const m = await service.api.call('models.save', { model: storedModel('Regio') });
  if (!m.ok) throw new Error(m.error.message);
  modelId = m.value.id;
  const s = await service.api.call('scenarios.save', { modelId, scenario: storedScenario('Plan', 1) });
  if (!s.ok) throw new Error(s.error.message);
  scenarioId = s.value.id;
});
afterAll(() => service.close());

beforeEach(async () => {
  useData.setState({
    models: [],
    modelRecord: undefined,
    scenarios: [],
    working: {},
    revisions: {},
    currentId: undefined,
    conflict: undefined,
    saveState: 'saved',
  });
  setTransport(service.api);
  await useData.getState().init();
  expect(useData.getState().status).toBe('ready');
});

async function savedModel() {
  const r = await service.api.call('models.get', { id: modelId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
async function savedScenario() {
  const r = await service.api.call('scenarios.get', { id: scenarioId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('autosave', () => {
  it('flush() runs the pending model save as scheduled: stored, and the record (revision, updatedAt) taken over', async () => {
    const before = useData.getState().modelRecord!;
    expect(useData.getState().editModel((m) => ({ ...m, name: 'Regio bewerkt' }))).toEqual([]);
    expect(useData.getState().saveState).toBe('pending');
    await useData.getState().flush();
    const stored = await savedModel();
    expect(stored.name).toBe('Regio bewerkt');
    const rec = useData.getState().modelRecord!;
    expect([rec.revision, rec.updatedAt]).toEqual([stored.revision, stored.updatedAt]);
    expect(rec.revision).toBe(before.revision + 1);
    expect(rec.updatedAt).not.toBe(before.updatedAt);
    expect(useData.getState().saveState).toBe('saved');
  });
});

describe('a save based on a stale revision', () => {
  it('model: refused, nothing overwritten; "keep mine" stores it as a new model', async () => {
    const mine = useData.getState().modelRecord!;
    const theirs = await service.api.call('models.save', {
      id: modelId,
      revision: mine.revision,
      model: { ...mine.model, name: 'Van het andere tabblad' },
    });
    expect(theirs.ok).toBe(true);

    useData.getState().editModel((m) => ({ ...m, name: 'Van mij' }));
    await useData.getState().flush();
    expect(useData.getState().saveState).toBe('conflict');
    expect(useData.getState().conflict).toMatchObject({ kind: 'model', id: modelId });
    expect(useData.getState().conflict?.message).toContain('intussen elders gewijzigd');
    expect((await savedModel()).name).toBe('Van het andere tabblad');

    await useData.getState().keepMineAsNew();
    expect(useData.getState().conflict).toBeUndefined();
    const list = await service.api.call('models.list', {});
    expect(list.ok && list.value.map((m) => m.name).sort()).toEqual([
      'Van het andere tabblad',
      'Van mij (mijn versie)',
    ]);
    expect(useData.getState().modelRecord?.name).toBe('Van mij (mijn versie)');
    expect((await savedModel()).name).toBe('Van het andere tabblad');
    // back to the original model for the next test
    await useData.getState().selectModel(modelId);
  });

  it('scenario: refused; "load theirs" drops mine, and the next edit saves normally', async () => {
    await useData.getState().selectScenario(scenarioId);
    const rev = useData.getState().revisions[scenarioId]!;
    const other = await service.api.call('scenarios.save', {
      id: scenarioId,
      revision: rev,
      modelId,
      scenario: storedScenario('Plan', 7),
    });
    expect(other.ok).toBe(true);

    useData.getState().editScenario((s) => ({ ...s, description: 'van mij' }));
    await useData.getState().flush();
    expect(useData.getState().conflict).toMatchObject({ kind: 'scenario', id: scenarioId, name: 'Plan' });
    // further edits are not sent while the choice is open
    useData.getState().editScenario((s) => ({ ...s, description: 'nog meer van mij' }));
    await useData.getState().flush();
    expect((await savedScenario()).scenario.description).toBeUndefined();

    await useData.getState().loadTheirs();
    expect(useData.getState().conflict).toBeUndefined();
    expect(useData.getState().working[scenarioId]?.assumptions.ambulant?.inflowChangePct).toEqual({ '2026': 7 });
    expect(useData.getState().working[scenarioId]?.description).toBeUndefined();

    useData.getState().editScenario((s) => ({ ...s, description: 'daarna' }));
    await useData.getState().flush();
    expect(useData.getState().saveState).toBe('saved');
    const stored = await savedScenario();
    expect(stored.scenario.description).toBe('daarna');
    expect(stored.scenario.assumptions.ambulant?.inflowChangePct).toEqual({ '2026': 7 });
    expect(useData.getState().revisions[scenarioId]).toBe(stored.revision);
  });
});

describe('Nieuw scenario (issue 11)', () => {
  it('starts from the assumptions of "Ongewijzigd beleid", not from an empty, unindexed scenario', async () => {
    const ref = {
      format: 'jeugdbegroting/scenario@1' as const,
      name: 'Ongewijzigd beleid',
      assumptions: {
        ambulant: { priceIndexPct: { '2025': 3 }, source: 'VNG-index' },
        toegang: { amountChangePct: { '2025': 3 } },
      },
      funding: { indexPct: { '2025': 2 } },
      autonomous: { usageChangePct: { '2026': 1.5 } },
    };
    const saved = await service.api.call('scenarios.save', { modelId, scenario: ref });
    expect(saved.ok).toBe(true);
    await useData.getState().reloadScenarios();
    const id = await useData.getState().createScenario('Nieuw scenario 2');
    expect(id).toBeDefined();
    const stored = await service.api.call('scenarios.get', { id: id! });
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.scenario.name).toBe('Nieuw scenario 2');
    expect(stored.value.scenario.assumptions).toEqual(ref.assumptions);
    expect(stored.value.scenario.funding).toEqual(ref.funding);
    expect(stored.value.scenario.autonomous).toEqual(ref.autonomous);
    expect(useData.getState().currentId).toBe(id);
  });
});
